#include "snapshotcollector.h"

#include "common/tarwriter.h"
#include "common/whenready.h"
#include "docker/dockerclient.h"
#include "docker/eventstream.h"
#include "docker/logstream.h"
#include "gateway/auditlog.h"
#include "gateway/deployedspec.h"
#include "gateway/discovery.h"
#include "gateway/livecheck.h"
#include "gateway/render.h"
#include "gateway/specreader.h"
#include "gateway/specvalidator.h"
#include "telemetry/gatewaytraffic.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QTimer>

#include <algorithm>

namespace mcp::snapshot {

namespace {
constexpr qint64 kNsPerMs = 1000000;
} // namespace

struct SnapshotCollector::HostRun
{
    Host host;
    topology::Graph graph;           // what this host alone holds
    telemetry::TelemetryStore store; // the access logs read here (no live store given)
    std::vector<std::unique_ptr<QObject>> streams;
};

SnapshotCollector::SnapshotCollector(Input input, QObject *parent)
    : QObject(parent), m_input(std::move(input)), m_redactor(std::make_unique<Redactor>())
{
}

SnapshotCollector::~SnapshotCollector() = default;

void SnapshotCollector::begin(const QString &step)
{
    ++m_pending;
    ++m_total;
    Q_EMIT progress(m_done, m_total, step);
}

void SnapshotCollector::end(const QString &step)
{
    ++m_done;
    --m_pending;
    Q_EMIT progress(m_done, m_total, step);
    if (m_pending > 0 || m_finished)
        return;
    m_finished = true;
    // Every host's telemetry in one array (edges carry their gateway, names are global).
    for (const auto &run : m_runs) {
        const QJsonArray edges = run->host.traffic ? run->host.traffic->toJson() : run->store.toJson();
        for (const auto &e : edges)
            m_snapshot.telemetry.append(e);
    }
    std::sort(m_snapshot.gateways.begin(), m_snapshot.gateways.end(),
              [](const auto &a, const auto &b) { return std::tie(a.host, a.name) < std::tie(b.host, b.name); });
    std::sort(m_snapshot.logs.begin(), m_snapshot.logs.end(),
              [](const auto &a, const auto &b) { return std::tie(a.host, a.container) < std::tie(b.host, b.container); });
    m_snapshot.redactions = m_redactor->recordsJson();
    m_runs.clear();
    Q_EMIT finished();
}

void SnapshotCollector::note(const QString &host, const QString &what, const QString &why)
{
    m_snapshot.notes.append(QJsonObject{{QStringLiteral("host"), host},
                                        {QStringLiteral("what"), what},
                                        {QStringLiteral("why"), m_redactor->text(QStringLiteral("manifest.json"), why)}});
}

void SnapshotCollector::start()
{
    m_snapshot.createdBy = m_input.createdBy;
    m_snapshot.createdMs = QDateTime::currentMSecsSinceEpoch();
    m_snapshot.fromMs = m_input.fromMs;
    m_snapshot.toMs = m_input.toMs;
    m_snapshot.timeline = m_input.timeline;
    for (const Host &h : m_input.hosts)
        m_snapshot.hosts << SnapshotHost{h.info.name, h.info.url, h.info.state, m_redactor->text(QStringLiteral("manifest.json"), h.info.stateReason),
                                         h.info.transport};
    // Audit entries of the window (the log is local: who pushed what, from this machine).
    for (const auto &v : gateway::readAudit(100000)) {
        const QJsonObject e = v.toObject();
        const qint64 t = QDateTime::fromString(e.value(QLatin1String("time")).toString(), Qt::ISODateWithMs).toMSecsSinceEpoch();
        if (t >= m_input.fromMs && t <= m_input.toMs + 60000)
            m_snapshot.audit.append(m_redactor->json(QStringLiteral("audit.json"), e));
    }

    begin(QStringLiteral("hosts")); // held until every host has started its parts
    for (const Host &h : m_input.hosts) {
        auto run = std::make_unique<HostRun>();
        run->host = h;
        run->graph = m_input.hostGraph ? m_input.hostGraph(h.info.name) : m_snapshot.timeline.latest();
        HostRun *raw = run.get();
        m_runs.push_back(std::move(run));
        if (!h.client) {
            note(h.info.name, QStringLiteral("host"), QStringLiteral("not connected: %1").arg(h.info.stateReason));
            continue;
        }
        collectHost(raw);
    }
    QTimer::singleShot(0, this, [this] { end(QStringLiteral("hosts")); });
}

void SnapshotCollector::collectHost(HostRun *run)
{
    collectEvents(run);
    // Gateways, their containers, and the instances that are not healthy.
    QSet<QString> gatewayContainers;
    for (const auto &n : run->graph.nodes) {
        if (n.kind != topology::NodeKind::Gateway)
            continue;
        if (!m_input.gateways.isEmpty() && !m_input.gateways.contains(n.name))
            continue;
        collectGateway(run, n.name);
        for (const auto &e : run->graph.edges)
            if (e.from == n.id)
                gatewayContainers.insert(e.to);
    }
    QList<const topology::Node *> unhealthy;
    for (const auto &n : run->graph.nodes) {
        if (n.kind != topology::NodeKind::Instance)
            continue;
        const QString id = n.attributes.value(QLatin1String("id")).toString();
        if (gatewayContainers.contains(n.id))
            collectContainer(run, id, n.name, QStringLiteral("gateway"));
        else if (n.health == topology::Health::Down || n.health == topology::Health::Degraded)
            unhealthy << &n;
    }
    std::sort(unhealthy.begin(), unhealthy.end(), [](auto *a, auto *b) { return a->name < b->name; });
    for (qsizetype i = 0; i < unhealthy.size(); ++i) {
        if (i >= m_input.maxInstanceLogs) {
            note(run->host.info.name, QStringLiteral("logs"),
                 QStringLiteral("%1 more unhealthy instances; logs kept for the first %2").arg(unhealthy.size() - i).arg(m_input.maxInstanceLogs));
            break;
        }
        const auto *n = unhealthy[i];
        collectContainer(run, n->attributes.value(QLatin1String("id")).toString(), n->name,
                         topology::healthName(n->health) + QStringLiteral(": ") + n->healthReason);
    }
}

void SnapshotCollector::collectEvents(HostRun *run)
{
    const QString step = QStringLiteral("events of %1").arg(run->host.info.name);
    begin(step);
    auto stream = run->host.client->events(m_input.fromMs * kNsPerMs);
    stream->setUntilNs(std::max(m_input.toMs, m_input.fromMs + 1) * kNsPerMs);
    const QString host = run->host.info.name;
    connect(stream.get(), &docker::EventStream::event, this, [this, host](const QJsonObject &e) {
        QJsonObject event = m_redactor->json(QStringLiteral("events.json"), e);
        event.insert(QStringLiteral("host"), host);
        m_snapshot.events.append(event);
    });
    connect(stream.get(), &docker::EventStream::ended, this, [this, host, step](const Error &reason) {
        if (reason.code != QLatin1String("events.closed"))
            note(host, QStringLiteral("events"), reason.toString());
        end(step);
    });
    stream->start();
    run->streams.push_back(std::move(stream));
}

void SnapshotCollector::collectGateway(HostRun *run, const QString &gatewayName)
{
    const QString step = QStringLiteral("gateway %1").arg(gatewayName);
    begin(step);
    const QString host = run->host.info.name;
    const qsizetype index = m_snapshot.gateways.size();
    SnapshotGateway g;
    g.name = gatewayName;
    g.host = host;
    m_snapshot.gateways << g;
    QPointer<docker::DockerClient> client = run->host.client;
    gateway::fetchDeployedSpec(client, gatewayName, this, [this, run, client, host, index, step, gatewayName](Result<gateway::DeployedSpec> d) {
        if (!d) {
            note(host, QStringLiteral("gateway %1").arg(gatewayName), d.error().toString());
            return end(step);
        }
        SnapshotGateway &g = m_snapshot.gateways[index];
        g.driver = d->driver;
        for (const auto &n : run->graph.nodes)
            if (n.kind == topology::NodeKind::Instance && d->containerIds.contains(n.attributes.value(QLatin1String("id")).toString()))
                g.containers << n.name;
        std::sort(g.containers.begin(), g.containers.end());
        const QString specFile = QStringLiteral("gateways/%1/spec.yaml").arg(gatewayName);
        g.specText = m_redactor->text(specFile, d->text);
        if (d->text.isEmpty() || d->containerIds.isEmpty() || !client) {
            note(host, QStringLiteral("gateway %1").arg(gatewayName), QStringLiteral("no spec was pushed to it yet"));
            return end(step);
        }
        // Its checks against the captured topology, and the files its spec renders to, as
        // the container holds them (what it runs, not what it would run now).
        // Not planPush: the spec's certificate paths point into the operator's files, not
        // here, so their checks would only say "unreadable"; the certificates the gateway
        // serves are among the rendered files instead. Everything else runs as for a push.
        const gateway::SpecReading reading = gateway::readSpecText(d->text, specFile);
        gateway::Findings findings = reading.findings;
        if (reading.parsed) {
            findings << gateway::validateSpec(reading.spec) << gateway::liveFindings(reading.spec, run->graph);
            findings.removeIf([](const gateway::Finding &f) { return f.code == QLatin1String("cert.file-unreadable"); });
        }
        for (const gateway::Finding &f : findings)
            g.findings.append(f.toJson());
        const gateway::RenderedConfig config =
            reading.parsed ? gateway::renderConfig(reading.spec, d->text, gateway::endpointsFromGraph(run->graph, gatewayName)) : gateway::RenderedConfig{};
        g.configVersion = config.version;
        if (!run->host.traffic)
            collectTraffic(run, gatewayName, d->text);
        auto pending = std::make_shared<int>(1);
        const auto done = [this, pending, step] {
            if (--*pending == 0)
                end(step);
        };
        // Its own files, and the main config that includes them (what `nginx -t` reads).
        QStringList paths = config.files.keys();
        if (!config.mainFile.isEmpty() && !paths.contains(config.mainFile))
            paths << config.mainFile;
        // The certificates the listeners serve (rendered from files that live with the
        // operator's spec, so not in `files` here). HAProxy's PEM holds the key too: the
        // Redactor takes that block out.
        for (const auto &[port, pem] : config.tlsListeners) {
            if (!paths.contains(pem))
                paths << pem;
            if (d->driver == QLatin1String("nginx")) // its key sits beside it, and stays there
                m_redactor->record(QStringLiteral("gateways/%1/rendered%2").arg(gatewayName, QString(pem).replace(QLatin1String(".pem"), QLatin1String(".key"))),
                                   QStringLiteral("private key file left out"));
        }
        for (const QString &path : paths) {
            const QString entry = QStringLiteral("gateways/%1/rendered%2").arg(gatewayName, path);
            if (config.secretFiles.contains(path) || path.endsWith(QLatin1String(".key"))) {
                m_redactor->record(entry, QStringLiteral("private key file left out"));
                continue;
            }
            ++*pending;
            whenReady(client->getArchive(d->containerIds.first(), path), this, [this, index, path, entry, host, done](Result<QByteArray> tar) {
                if (!tar) {
                    note(host, entry, tar.error().toString());
                } else {
                    const auto files = readTar(*tar);
                    if (!files.isEmpty()) {
                        SnapshotGateway &g = m_snapshot.gateways[index];
                        g.files.insert(path, m_redactor->text(entry, files.first().second));
                        if (path.endsWith(QLatin1String("/mcp/version"))) // what it runs, not what it would render now
                            g.configVersion = QString::fromUtf8(files.first().second).trimmed();
                    }
                }
                done();
            });
        }
        done();
    });
}

void SnapshotCollector::collectContainer(HostRun *run, const QString &id, const QString &name, const QString &reason)
{
    const QString step = QStringLiteral("container %1").arg(name);
    begin(step);
    const QString host = run->host.info.name;
    QPointer<docker::DockerClient> client = run->host.client;
    whenReady(client->inspectContainer(id), this, [this, run, client, id, name, host, reason, step](Result<QJsonObject> inspect) {
        if (!inspect || !client) {
            note(host, QStringLiteral("container %1").arg(name), inspect ? QStringLiteral("host gone") : inspect.error().toString());
            return end(step);
        }
        const QString file = QStringLiteral("containers/%1/%2.json").arg(host, name);
        m_snapshot.containers.insert(host + u'/' + name, m_redactor->container(file, *inspect));
        docker::LogOptions options;
        options.follow = false;
        options.timestamps = true;
        options.tty = inspect->value(QLatin1String("Config")).toObject().value(QLatin1String("Tty")).toBool();
        options.tail = m_input.logLines;
        auto stream = client->logs(id, options);
        auto text = std::make_shared<QByteArray>();
        connect(stream.get(), &docker::LogStream::line, this, [text](docker::StdStream, qint64 ns, const QByteArray &line) {
            *text += QDateTime::fromMSecsSinceEpoch(ns / kNsPerMs).toUTC().toString(Qt::ISODateWithMs).toUtf8() + ' ' + line + '\n';
        });
        connect(stream.get(), &docker::LogStream::ended, this, [this, text, host, name, reason, step](const Error &why) {
            if (why.code != QLatin1String("logs.closed"))
                note(host, QStringLiteral("logs of %1").arg(name), why.toString());
            m_snapshot.logs << SnapshotLog{host, name, reason, m_redactor->text(QStringLiteral("logs/%1/%2.log").arg(host, name), *text)};
            end(step);
        });
        stream->start();
        run->streams.push_back(std::move(stream));
    });
}

void SnapshotCollector::collectTraffic(HostRun *run, const QString &gatewayName, const QByteArray &specText)
{
    const QString step = QStringLiteral("access logs of %1").arg(gatewayName);
    const gateway::SpecReading reading = gateway::readSpecText(specText, gatewayName);
    if (!reading.parsed)
        return;
    begin(step);
    auto traffic = std::make_unique<telemetry::GatewayTraffic>(run->host.client, gatewayName, &run->store);
    traffic->setDeployment(reading.spec, gateway::endpointsFromGraph(run->graph, gatewayName));
    const QString host = run->host.info.name;
    auto once = std::make_shared<bool>(false);
    connect(traffic.get(), &telemetry::GatewayTraffic::finished, this, [this, step, once] {
        if (!std::exchange(*once, true))
            end(step);
    });
    connect(traffic.get(), &telemetry::GatewayTraffic::failed, this, [this, host, gatewayName, step, once](const Error &e) {
        note(host, QStringLiteral("access logs of %1").arg(gatewayName), e.toString());
        if (!std::exchange(*once, true))
            end(step);
    });
    traffic->start(m_input.fromMs * kNsPerMs, false);
    run->streams.push_back(std::move(traffic));
}

} // namespace mcp::snapshot
