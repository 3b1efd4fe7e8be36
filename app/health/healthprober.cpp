#include "healthprober.h"

#include "common/whenready.h"
#include "docker/dockerclient.h"
#include "hosts/containerinventory.h"
#include "hosts/hostconnection.h"
#include "transport/bytestream.h"
#include "transport/connector.h"
#include "topology/containerfacts.h"
#include "topology/labels.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSet>

#include <memory>
#include <optional>

namespace mcp::health {

namespace {
constexpr int kMaxInFlight = 8;
constexpr int kHistory = 20;
} // namespace

QString outcomeName(ProbeResult::Outcome outcome)
{
    switch (outcome) {
    case ProbeResult::Outcome::Ok: return QStringLiteral("ok");
    case ProbeResult::Outcome::HttpError: return QStringLiteral("http-error");
    case ProbeResult::Outcome::Refused: return QStringLiteral("refused");
    case ProbeResult::Outcome::Timeout: return QStringLiteral("timeout");
    case ProbeResult::Outcome::NoVantage: return QStringLiteral("no-vantage");
    case ProbeResult::Outcome::Failed: return QStringLiteral("failed");
    }
    return {};
}

void classifyListening(const QByteArray &procNetTcp, int port, ProbeResult &result)
{
    // "  sl  local_address rem_address   st ..." ; local "0100007F:1F90" (IPv4, little-endian
    // hex) or 32 hex digits for IPv6; st 0A = LISTEN.
    bool onPortAny = false, onPortLoopback = false;
    QSet<int> ports;
    for (const QByteArray &raw : procNetTcp.split('\n')) {
        const QList<QByteArray> f = raw.simplified().split(' ');
        if (f.size() < 4 || f.at(3) != "0A")
            continue;
        const QList<QByteArray> local = f.at(1).split(':');
        if (local.size() != 2)
            continue;
        bool ok = false;
        const int p = local.at(1).toInt(&ok, 16);
        if (!ok)
            continue;
        ports.insert(p);
        if (p != port)
            continue;
        const QByteArray addr = local.at(0);
        const bool loopback = addr == "0100007F" || addr == "00000000000000000000000001000000";
        if (loopback)
            onPortLoopback = true;
        else
            onPortAny = true;
    }
    result.listeningPorts = QList<int>(ports.begin(), ports.end());
    std::sort(result.listeningPorts.begin(), result.listeningPorts.end());
    if (onPortAny)
        result.listening = QStringLiteral("all");
    else if (onPortLoopback)
        result.listening = QStringLiteral("loopback");
    else
        result.listening = QStringLiteral("other-ports");
}

QJsonObject ProbeResult::toJson() const
{
    QJsonArray ports;
    for (int p : listeningPorts)
        ports.append(p);
    return QJsonObject{{QStringLiteral("listening"), listening},
                       {QStringLiteral("listeningPorts"), ports},{QStringLiteral("outcome"), outcomeName(outcome)},
                       {QStringLiteral("status"), status},
                       {QStringLiteral("latencyMs"), qRound(latencyMs * 10) / 10.0},
                       {QStringLiteral("checkedAt"), double(checkedAtMs)},
                       {QStringLiteral("vantage"), vantage},
                       {QStringLiteral("detail"), detail}};
}

ProbeResult parseWget(int exitCode, const QByteArray &output)
{
    ProbeResult r;
    static const QRegularExpression statusLine(QStringLiteral("HTTP/\\d(?:\\.\\d)? (\\d{3})"));
    const QString text = QString::fromUtf8(output);
    QRegularExpressionMatch last;
    for (auto it = statusLine.globalMatch(text); it.hasNext();)
        last = it.next(); // after redirects, the final status counts
    if (last.hasMatch())
        r.status = last.captured(1).toInt();
    if (r.status >= 200 && r.status < 400) {
        r.outcome = ProbeResult::Outcome::Ok;
    } else if (r.status >= 400) {
        r.outcome = ProbeResult::Outcome::HttpError;
        r.detail = QStringLiteral("HTTP %1").arg(r.status);
    } else if (text.contains(QLatin1String("refused"), Qt::CaseInsensitive)) {
        r.outcome = ProbeResult::Outcome::Refused;
        r.detail = QStringLiteral("connection refused");
    } else if (text.contains(QLatin1String("timed out"), Qt::CaseInsensitive)) {
        r.outcome = ProbeResult::Outcome::Timeout;
        r.detail = QStringLiteral("timed out");
    } else {
        r.outcome = ProbeResult::Outcome::Failed;
        r.detail = text.trimmed().left(200);
    }
    return r;
}

HealthProber::HealthProber(hosts::HostConnection *host, hosts::ContainerInventory *inventory, QObject *parent)
    : QObject(parent), m_host(host), m_inventory(inventory), m_network(new QNetworkAccessManager(this))
{
    m_timer.setInterval(10000);
    connect(&m_timer, &QTimer::timeout, this, &HealthProber::probeNow);
    // First results as soon as the host's containers are known.
    connect(inventory, &hosts::ContainerInventory::resynced, this, [this] {
        if (m_timer.isActive())
            probeNow();
    });
}

HealthProber::~HealthProber() = default;

void HealthProber::start()
{
    m_timer.start();
    if (m_inventory && m_inventory->isSynced())
        probeNow();
}

void HealthProber::stop()
{
    m_timer.stop();
    m_queue.clear();
}

QList<HealthProber::Target> HealthProber::plan() const
{
    QList<Target> out;
    if (!m_inventory)
        return out;
    // Running gateways by network.
    QHash<QString, std::pair<QString, QString>> gatewayOnNetwork; // network -> (id, name)
    QList<topology::ContainerFacts> instances;
    for (const QJsonObject &entry : m_inventory->containers()) {
        const auto facts = topology::ContainerFacts::fromListEntry(entry);
        if (facts.state != QLatin1String("running"))
            continue;
        const auto labels = topology::readLabels(facts.labels, facts.exposedPorts);
        if (labels.isGateway) {
            for (const auto &n : facts.networks)
                gatewayOnNetwork.insert(n.network, {facts.id, facts.name});
        } else if (labels.isService && labels.servicePort > 0) {
            instances << facts;
        }
    }
    for (const auto &facts : std::as_const(instances)) {
        const auto labels = topology::readLabels(facts.labels, facts.exposedPorts);
        Target t;
        t.containerId = facts.id;
        t.port = labels.servicePort;
        t.path = labels.healthPath.startsWith(QLatin1Char('/')) ? labels.healthPath : QLatin1Char('/') + labels.healthPath;
        for (const auto &n : facts.networks) {
            if (n.ipAddress.isEmpty())
                continue;
            if (t.address.isEmpty())
                t.address = n.ipAddress;
            const auto gw = gatewayOnNetwork.constFind(n.network);
            if (gw != gatewayOnNetwork.constEnd()) {
                t.address = n.ipAddress; // the address on the network the gateway shares
                t.gatewayId = gw->first;
                t.gatewayName = gw->second;
                break;
            }
        }
        out << t;
    }
    return out;
}

void HealthProber::probeNow()
{
    if (!m_host || !m_inventory || m_host->state() != hosts::HostState::Connected || roundRunning())
        return;
    m_queue = plan();
    m_verdictChanged = false;
    // Forget containers that are gone or no longer probed.
    QSet<QString> planned;
    for (const auto &t : std::as_const(m_queue))
        planned.insert(t.containerId);
    for (auto it = m_results.begin(); it != m_results.end();) {
        if (!planned.contains(it.key())) {
            it = m_results.erase(it);
            m_verdictChanged = true;
        } else {
            ++it;
        }
    }
    if (m_queue.isEmpty()) {
        ++m_rounds;
        if (m_verdictChanged)
            Q_EMIT changed();
        Q_EMIT roundFinished();
        return;
    }
    pumpQueue();
}

void HealthProber::pumpQueue()
{
    while (m_inFlight < kMaxInFlight && !m_queue.isEmpty()) {
        const Target t = m_queue.takeFirst();
        ++m_inFlight;
        if (t.address.isEmpty()) {
            ProbeResult r;
            r.outcome = ProbeResult::Outcome::NoVantage;
            r.detail = QStringLiteral("the container has no network address");
            record(t.containerId, r);
            finishOne();
        } else if (!t.gatewayId.isEmpty()) {
            probeViaGateway(t);
        } else {
            probeDirect(t);
        }
    }
}

void HealthProber::probeViaGateway(const Target &t)
{
    const QString url = QStringLiteral("http://%1:%2%3").arg(t.address).arg(t.port).arg(t.path);
    const int seconds = std::max(1, (m_timeoutMs + 999) / 1000);
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    // Whatever HTTP client the gateway image has: nc (a raw HTTP/1.0 request; busybox's
    // static wget crashes in some images), curl, or wget. Only the status line and errors
    // come back; exit 127 means none of them exists.
    const QString request = QStringLiteral("GET %1 HTTP/1.0\\r\\nHost: %2:%3\\r\\nUser-Agent: mcp-console-probe\\r\\n"
                                           "Connection: close\\r\\n\\r\\n")
                                .arg(t.path, t.address)
                                .arg(t.port);
    // The request is timed inside the gateway (date +%s%N where it has nanoseconds, else
    // /proc/uptime's centiseconds), so the latency is the service's, not the exec's.
    const QString script =
        QStringLiteral("now() { t=$(date +%s%N 2>/dev/null); case $t in ''|*N*) t=$(cut -d' ' -f1 /proc/uptime | tr -d .)0000000;; esac; echo $t; }; "
                       "s=$(now); "
                       "if command -v nc >/dev/null 2>&1; then printf '%1' | nc -w %2 %3 %4 2>&1 | head -n 1; "
                       "elif command -v curl >/dev/null 2>&1; then curl -s -o /dev/null -m %2 -w 'HTTP/1.1 %{http_code}\\n' '%5' 2>&1; "
                       "elif command -v wget >/dev/null 2>&1; then wget -q -S -O /dev/null -T %2 '%5' 2>&1; "
                       "else exit 127; fi; e=$(now); echo \"mcp-probe-ns=$((e - s))\" 2>/dev/null")
            .arg(request)
            .arg(seconds)
            .arg(t.address)
            .arg(t.port)
            .arg(url);
    const QStringList command{QStringLiteral("sh"), QStringLiteral("-c"), script};
    whenReady(m_host->client()->exec(t.gatewayId, command), this,
              [this, t, timer](Result<docker::ExecResult> r) {
                  ProbeResult result;
                  if (!r) {
                      result.outcome = ProbeResult::Outcome::Failed;
                      result.detail = QStringLiteral("exec in gateway %1 failed: %2").arg(t.gatewayName, r.error().detail);
                  } else if (r->exitCode == 127) {
                      result.outcome = ProbeResult::Outcome::NoVantage;
                      result.detail = QStringLiteral("gateway %1 has no wget to probe with").arg(t.gatewayName);
                  } else {
                      result = parseWget(r->exitCode, r->out + r->err);
                      // No status and no error: the peer accepted and said nothing in time.
                      if (result.outcome == ProbeResult::Outcome::Failed && result.detail.isEmpty()) {
                          result.outcome = ProbeResult::Outcome::Timeout;
                          result.detail = QStringLiteral("no answer within %1 ms").arg(m_timeoutMs);
                      }
                      // The clients' timeouts bound each read, not the whole request: ours decides.
                      if (result.outcome == ProbeResult::Outcome::Ok && timer->elapsed() > m_timeoutMs) {
                          result.outcome = ProbeResult::Outcome::Timeout;
                          result.detail = QStringLiteral("answered after %1 ms, over the %2 ms timeout")
                                              .arg(timer->elapsed())
                                              .arg(m_timeoutMs);
                      }
                  }
                  result.latencyMs = double(timer->nsecsElapsed()) / 1e6;
                  if (r) { // measured in the gateway, when its date has nanoseconds
                      static const QRegularExpression inside(QStringLiteral("mcp-probe-ns=(\\d+)"));
                      const auto m = inside.match(QString::fromUtf8(r->out));
                      if (m.hasMatch() && m.captured(1).toLongLong() >= 0 && m.captured(1).toLongLong() < 600'000'000'000LL)
                          result.latencyMs = m.captured(1).toDouble() / 1e6;
                  }
                  result.vantage = QStringLiteral("gateway %1").arg(t.gatewayName);
                  conclude(t, result);
              });
}

void HealthProber::probeDirect(const Target &t)
{
    const bool local = m_host && m_host->endpoint().kind == endpoint::Endpoint::Kind::Unix;
    if (!local) {
        if (auto stream = m_host ? m_host->connector()->createTcpStream(t.address, t.port) : nullptr)
            return probeThroughTransport(t, std::move(stream));
        ProbeResult r;
        r.outcome = ProbeResult::Outcome::NoVantage;
        r.detail = QStringLiteral("no running gateway shares a network with it, and the host's transport cannot reach container addresses");
        record(t.containerId, r);
        finishOne();
        return;
    }
    QNetworkRequest request(QUrl(QStringLiteral("http://%1:%2%3").arg(t.address).arg(t.port).arg(t.path)));
    request.setTransferTimeout(m_timeoutMs);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    QNetworkReply *reply = m_network->get(request);
    connect(reply, &QNetworkReply::finished, this, [this, reply, t, timer] {
        reply->deleteLater();
        ProbeResult r;
        r.latencyMs = double(timer->nsecsElapsed()) / 1e6;
        r.vantage = QStringLiteral("console");
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (r.status >= 200 && r.status < 400) {
            r.outcome = ProbeResult::Outcome::Ok;
        } else if (r.status >= 400) {
            r.outcome = ProbeResult::Outcome::HttpError;
            r.detail = QStringLiteral("HTTP %1").arg(r.status);
        } else if (reply->error() == QNetworkReply::ConnectionRefusedError) {
            r.outcome = ProbeResult::Outcome::Refused;
            r.detail = QStringLiteral("connection refused");
        } else if (reply->error() == QNetworkReply::OperationCanceledError || reply->error() == QNetworkReply::TimeoutError) {
            r.outcome = ProbeResult::Outcome::Timeout;
            r.detail = QStringLiteral("timed out after %1 ms").arg(m_timeoutMs);
        } else {
            r.outcome = ProbeResult::Outcome::Failed;
            r.detail = reply->errorString();
        }
        conclude(t, r);
    });
}

void HealthProber::probeThroughTransport(const Target &t, std::unique_ptr<transport::ByteStream> stream)
{
    // The stream lives until the answer, a failure or the timeout, whichever comes first;
    // it is shared by the handlers and closed by the first of them.
    std::shared_ptr<transport::ByteStream> s(stream.release(), [](transport::ByteStream *p) { p->deleteLater(); });
    auto state = std::make_shared<std::pair<QByteArray, bool>>(); // response so far, done
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    const QString vantage = QStringLiteral("the Docker host (SSH direct-tcpip)");
    // Classified by the error's code, never its text (which is for people).
    const auto finish = [this, t, s, state, timer, vantage](std::optional<Error> failure) {
        if (state->second)
            return;
        state->second = true;
        s->disconnect(this);
        s->close();
        ProbeResult r;
        r.latencyMs = double(timer->nsecsElapsed()) / 1e6;
        r.vantage = vantage;
        static const QRegularExpression statusLine(QStringLiteral("^HTTP/\\d(?:\\.\\d)? (\\d{3})"));
        const auto m = statusLine.match(QString::fromLatin1(state->first.left(64)));
        if (m.hasMatch()) {
            r.status = m.captured(1).toInt();
            r.outcome = r.status < 400 ? ProbeResult::Outcome::Ok : ProbeResult::Outcome::HttpError;
            if (r.status >= 400)
                r.detail = QStringLiteral("HTTP %1").arg(r.status);
        } else if (failure && failure->code == QLatin1String("timeout")) {
            r.outcome = ProbeResult::Outcome::Timeout;
            r.detail = failure->detail;
        } else if (failure && failure->code == QLatin1String("ssh.channel.refused")) {
            // The server could not connect there: nothing listens (or the address is gone).
            r.outcome = ProbeResult::Outcome::Refused;
            r.detail = QStringLiteral("connection refused");
        } else {
            r.outcome = ProbeResult::Outcome::Failed;
            r.detail = failure ? failure->detail : QStringLiteral("no HTTP answer");
        }
        conclude(t, r);
    };
    connect(s.get(), &transport::ByteStream::opened, this, [s, t] {
        s->write(QStringLiteral("GET %1 HTTP/1.0\r\nHost: %2:%3\r\nUser-Agent: mcp-console-probe\r\nConnection: close\r\n\r\n")
                     .arg(t.path, t.address)
                     .arg(t.port)
                     .toUtf8());
    });
    connect(s.get(), &transport::ByteStream::readyRead, this, [s, state, finish] {
        state->first += s->readAll();
        if (state->first.contains("\r\n"))
            finish(std::nullopt); // the status line is all a probe needs
    });
    connect(s.get(), &transport::ByteStream::closed, this, [finish] { finish(std::nullopt); });
    connect(s.get(), &transport::ByteStream::failed, this, [finish](const Error &e) { finish(e); });
    QTimer::singleShot(m_timeoutMs, this, [finish, this] {
        finish(Error::make(ErrorKind::Timeout, QStringLiteral("timeout"), QStringLiteral("timed out after %1 ms").arg(m_timeoutMs)));
    });
    s->open();
}

void HealthProber::conclude(const Target &t, ProbeResult result)
{
    if (result.outcome != ProbeResult::Outcome::Refused || !m_host) {
        record(t.containerId, result);
        finishOne();
        return;
    }
    whenReady(m_host->client()->exec(t.containerId, {QStringLiteral("cat"), QStringLiteral("/proc/net/tcp"),
                                                     QStringLiteral("/proc/net/tcp6")}),
              this, [this, t, result](Result<docker::ExecResult> r) mutable {
                  // No cat in the image, or no /proc: the refusal stands on its own.
                  if (r && !r->out.isEmpty()) {
                      classifyListening(r->out, t.port, result);
                      if (result.listening == QLatin1String("loopback"))
                          result.detail = QStringLiteral("connection refused: the process listens on port %1 on 127.0.0.1 only").arg(t.port);
                      else if (result.listening == QLatin1String("other-ports")) {
                          QStringList ports;
                          for (int p : std::as_const(result.listeningPorts))
                              ports << QString::number(p);
                          result.detail = ports.isEmpty()
                                              ? QStringLiteral("connection refused: nothing listens in the container")
                                              : QStringLiteral("connection refused: nothing listens on %1; the container listens on %2")
                                                    .arg(t.port)
                                                    .arg(ports.join(QStringLiteral(", ")));
                      }
                  }
                  record(t.containerId, result);
                  finishOne();
              });
}

void HealthProber::record(const QString &containerId, ProbeResult result)
{
    result.checkedAtMs = QDateTime::currentMSecsSinceEpoch();
    auto &history = m_results[containerId];
    if (history.isEmpty() || !history.last().sameVerdict(result))
        m_verdictChanged = true;
    history.append(result);
    while (history.size() > kHistory)
        history.removeFirst();
}

void HealthProber::finishOne()
{
    --m_inFlight;
    if (!m_queue.isEmpty()) {
        pumpQueue();
        return;
    }
    if (m_inFlight > 0)
        return;
    ++m_rounds;
    if (m_verdictChanged)
        Q_EMIT changed();
    Q_EMIT roundFinished();
}

namespace {
QJsonObject snapshotJson(const QList<ProbeResult> &checks)
{
    QJsonArray history;
    for (const auto &r : checks)
        history.append(r.toJson());
    return QJsonObject{{QStringLiteral("probe"), checks.last().toJson()}, {QStringLiteral("probeHistory"), history}};
}
} // namespace

QHash<QString, QJsonObject> HealthProber::snapshot() const
{
    QHash<QString, QJsonObject> out;
    for (auto it = m_results.constBegin(); it != m_results.constEnd(); ++it) {
        if (!it->isEmpty())
            out.insert(it.key(), snapshotJson(*it));
    }
    return out;
}

QJsonObject HealthProber::snapshotOf(const QString &containerId) const
{
    const auto it = m_results.constFind(containerId);
    return it == m_results.constEnd() || it->isEmpty() ? QJsonObject() : snapshotJson(*it);
}

} // namespace mcp::health
