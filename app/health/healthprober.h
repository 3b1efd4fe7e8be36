#pragma once

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

class QNetworkAccessManager;

namespace mcp::hosts {
class ContainerInventory;
class HostConnection;
} // namespace mcp::hosts

namespace mcp::transport {
class ByteStream;
}

namespace mcp::health {

// One HTTP check of an instance's health path.
struct ProbeResult
{
    enum class Outcome { Ok, HttpError, Refused, Timeout, NoVantage, Failed };
    Outcome outcome = Outcome::NoVantage;
    int status = 0;        // HTTP status when one came back
    double latencyMs = 0;  // as seen from the vantage point
    qint64 checkedAtMs = 0;
    QString vantage;       // "gateway <container name>" or "console"
    QString detail;        // for people: what failed
    // After a refused connection, what the instance's own /proc/net/tcp says it listens on:
    // "loopback" (only 127.0.0.1/::1 on the port), "other-ports" (not on the port; see
    // listeningPorts), "all" (on the port on every address), or "" (not checked / unknown).
    QString listening;
    QList<int> listeningPorts;

    QJsonObject toJson() const;
    bool sameVerdict(const ProbeResult &other) const
    {
        return outcome == other.outcome && status == other.status && listening == other.listening;
    }
};

QString outcomeName(ProbeResult::Outcome outcome); // ok, http-error, refused, timeout, no-vantage, failed

// Probes the health path of every running service instance of one host, from where the
// traffic comes from: an exec of `wget` inside a running gateway container that shares a
// Docker network with the instance (the gateway's own view of the network, DNS and
// firewalling included). When no gateway shares a network with it, a host reached over its
// local socket is probed directly from the console (container addresses are routable from
// the Docker host itself); otherwise the instance has no vantage point and says so.
//
// A round runs every interval; at most 8 probes are in flight per host. Results keep the
// last 20 checks per container. `changed` fires only when some verdict (outcome or status)
// changed, so the topology is rebuilt when health changes, not on every latency wobble.
class HealthProber final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HealthProber)
public:
    HealthProber(hosts::HostConnection *host, hosts::ContainerInventory *inventory, QObject *parent = nullptr);
    ~HealthProber() override;

    void setInterval(int ms) { m_timer.setInterval(ms); }
    int intervalMs() const { return m_timer.interval(); }
    void setTimeout(int ms) { m_timeoutMs = ms; }
    int timeoutMs() const { return m_timeoutMs; }
    void start();
    void stop();
    // One round now; `roundFinished` when all its probes are done.
    void probeNow();
    bool roundRunning() const { return m_inFlight > 0 || !m_queue.isEmpty(); }
    int rounds() const { return m_rounds; }

    // Container id -> its checks, oldest first.
    const QHash<QString, QList<ProbeResult>> &results() const { return m_results; }
    // {"probe": last result, "probeHistory": [...]} per container id, for the graph.
    QHash<QString, QJsonObject> snapshot() const;
    // The same for one container (empty: never probed): what the details panel shows of the
    // selected instance between the rebuilds that only a changed verdict causes.
    QJsonObject snapshotOf(const QString &containerId) const;

Q_SIGNALS:
    void changed();
    void roundFinished();

private:
    struct Target
    {
        QString containerId;
        QString address;
        int port = 0;
        QString path;
        QString gatewayId;   // exec here; empty: direct
        QString gatewayName;
    };
    QList<Target> plan() const;
    void pumpQueue();
    void probeViaGateway(const Target &t);
    void probeDirect(const Target &t);
    // A remote host over SSH: an HTTP/1.0 request over a direct-tcpip channel to the
    // instance's address, as the Docker host reaches it.
    void probeThroughTransport(const Target &t, std::unique_ptr<transport::ByteStream> stream);
    void record(const QString &containerId, ProbeResult result);
    // Records the result and finishes the probe; a refused one first asks the instance
    // what it listens on.
    void conclude(const Target &t, ProbeResult result);
    void finishOne();

    QPointer<hosts::HostConnection> m_host;
    QPointer<hosts::ContainerInventory> m_inventory;
    QNetworkAccessManager *m_network;
    QTimer m_timer;
    int m_timeoutMs = 3000;
    QList<Target> m_queue;
    int m_inFlight = 0;
    int m_rounds = 0;
    bool m_verdictChanged = false;
    QHash<QString, QList<ProbeResult>> m_results;
};

// Parses `wget -S` output (the server's status line on stderr) and its exit code into a
// result; exposed for tests.
ProbeResult parseWget(int exitCode, const QByteArray &output);
// From /proc/net/tcp{,6} text: fills listening/listeningPorts for the labelled port.
void classifyListening(const QByteArray &procNetTcp, int port, ProbeResult &result);

} // namespace mcp::health
