#pragma once

#include "telemetrystore.h"

#include "common/error.h"
#include "gateway/render.h"
#include "gateway/spec.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <memory>
#include <vector>

namespace mcp::docker {
class DockerClient;
class LogStream;
} // namespace mcp::docker

namespace mcp::telemetry {

// Reads the access logs of one gateway's containers through the Docker logs API and feeds
// a TelemetryStore, each request resolved to its edge: the route (from the config id in
// the line, through the spec the gateway runs), the instance (its upstream address) and the
// service and version behind that address (from the live topology's endpoints).
//
// Following (the console): one log stream per container; when a stream ends (the engine
// restarted, the connection dropped) it is reopened `since` the last line's engine
// timestamp and lines at or before it are dropped, so every request counts exactly once.
// Not following (`mcpctl stats`): the lines since a point in time, then `finished`.
class GatewayTraffic final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GatewayTraffic)
public:
    GatewayTraffic(docker::DockerClient *client, QString gateway, TelemetryStore *store, QObject *parent = nullptr);
    ~GatewayTraffic() override;

    // What to resolve lines against; may change while following (a push, new instances).
    void setDeployment(const gateway::GatewaySpec &spec, const gateway::EndpointMap &endpoints);
    // sinceNs: the first line to read (engine timestamp, ns; 0: everything the engine keeps).
    void start(qint64 sinceNs, bool follow);
    void stop();

    qint64 linesRead() const { return m_lines; }
    qint64 requestsCounted() const { return m_requests; }
    qint64 linesSkipped() const { return m_skipped; } // not access-log lines
    int reconnects() const { return m_reconnects; }
    QString gateway() const { return m_gateway; }

Q_SIGNALS:
    void finished(); // not following: every container's lines were read
    void failed(const mcp::Error &error);
    void counted();  // new requests reached the store (at most once per event-loop turn)

private:
    struct Follower;
    void openStream(Follower *follower);
    void onLine(qint64 timestampNs, const QByteArray &text);
    void checkFinished();

    QPointer<docker::DockerClient> m_client;
    QString m_gateway;
    TelemetryStore *m_store;
    bool m_follow = false;
    std::vector<std::unique_ptr<Follower>> m_followers;
    QHash<QByteArray, QString> m_routeNames;    // config id -> route name
    QHash<QString, QString> m_singleService;     // route -> its only backend service
    struct Target { QString service, version, instance; };
    QHash<QByteArray, Target> m_byAddress;       // "ip:port" -> what answers there
    qint64 m_lines = 0, m_requests = 0, m_skipped = 0;
    int m_reconnects = 0;
    bool m_countQueued = false;
};

} // namespace mcp::telemetry
