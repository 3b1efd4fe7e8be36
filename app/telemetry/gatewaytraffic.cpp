#include "gatewaytraffic.h"

#include "accesslogparser.h"

#include "common/whenready.h"
#include "docker/dockerclient.h"
#include "docker/logstream.h"
#include "gateway/weights.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTimer>

namespace mcp::telemetry {

struct GatewayTraffic::Follower
{
    QString containerId;
    bool tty = false;
    qint64 sinceNs = 0;
    std::unique_ptr<docker::LogStream> stream;
    bool done = false;
};

GatewayTraffic::GatewayTraffic(docker::DockerClient *client, QString gateway, TelemetryStore *store, QObject *parent)
    : QObject(parent), m_client(client), m_gateway(std::move(gateway)), m_store(store)
{
}

GatewayTraffic::~GatewayTraffic()
{
    stop();
}

void GatewayTraffic::setDeployment(const gateway::GatewaySpec &spec, const gateway::EndpointMap &endpoints)
{
    m_routeNames.clear();
    m_singleService.clear();
    for (const gateway::Route &r : spec.routes) {
        m_routeNames.insert(gateway::configId(r.name.value).toUtf8(), r.name.value);
        QStringList services;
        for (const gateway::Backend &b : r.backends)
            if (!services.contains(b.service.value))
                services << b.service.value;
        if (services.size() == 1)
            m_singleService.insert(r.name.value, services.first());
    }
    m_byAddress.clear();
    for (auto it = endpoints.cbegin(); it != endpoints.cend(); ++it) {
        const QString service = it.key().section(QLatin1Char('/'), 0, 0);
        for (const gateway::InstanceEndpoint &e : it.value())
            m_byAddress.insert(QStringLiteral("%1:%2").arg(e.address).arg(e.port).toUtf8(), Target{service, e.version, e.name});
    }
}

void GatewayTraffic::start(qint64 sinceNs, bool follow)
{
    m_follow = follow;
    if (!m_client) {
        Q_EMIT failed(Error::make(ErrorKind::Cancelled, QStringLiteral("cancelled"), Message(QT_TRANSLATE_NOOP("mcp::Errors", "the host is gone"))));
        return;
    }
    const QJsonObject filters{{QStringLiteral("label"), QJsonArray{QString(QStringLiteral("mcp.gateway=") + m_gateway)}}};
    whenReady(m_client->listContainers(false, filters), this, [this, sinceNs](Result<QJsonArray> list) {
        if (!list) {
            Q_EMIT failed(list.error());
            return;
        }
        if (list->isEmpty()) {
            Q_EMIT failed(Error::make(ErrorKind::Api, QStringLiteral("stats.no-gateway"),
                                      Message(QT_TRANSLATE_NOOP("mcp::Errors", "no running container carries mcp.gateway=%1"), {m_gateway})));
            return;
        }
        for (const auto &v : *list) {
            auto follower = std::make_unique<Follower>();
            follower->containerId = v.toObject().value(QLatin1String("Id")).toString();
            follower->sinceNs = sinceNs;
            Follower *f = follower.get();
            m_followers.push_back(std::move(follower));
            // Whether its log is multiplexed follows from Config.Tty.
            whenReady(m_client->inspectContainer(f->containerId), this, [this, f](Result<QJsonObject> info) {
                if (info)
                    f->tty = info->value(QLatin1String("Config")).toObject().value(QLatin1String("Tty")).toBool();
                openStream(f);
            });
        }
    });
}

void GatewayTraffic::openStream(Follower *f)
{
    if (!m_client)
        return;
    docker::LogOptions options;
    options.follow = m_follow;
    options.timestamps = true;
    options.tty = f->tty;
    options.sinceNs = f->sinceNs;
    f->stream = std::make_unique<docker::LogStream>(m_client, f->containerId, options);
    connect(f->stream.get(), &docker::LogStream::line, this,
            [this](docker::StdStream, qint64 ns, const QByteArray &text) { onLine(ns, text); });
    connect(f->stream.get(), &docker::LogStream::ended, this, [this, f](const Error &) {
        f->sinceNs = std::max(f->sinceNs, f->stream->lastTimestampNs());
        f->stream.release()->deleteLater();
        if (!m_follow) {
            f->done = true;
            checkFinished();
            return;
        }
        // Reopen from the last line seen (the engine may be restarting: retry calmly).
        ++m_reconnects;
        QTimer::singleShot(1000, this, [this, f] {
            for (const auto &kept : m_followers)
                if (kept.get() == f)
                    return openStream(f);
        });
    });
    f->stream->start();
}

void GatewayTraffic::checkFinished()
{
    for (const auto &f : m_followers)
        if (!f->done)
            return;
    Q_EMIT finished();
}

void GatewayTraffic::stop()
{
    for (auto &f : m_followers)
        if (f->stream) {
            f->stream->disconnect(this);
            f->stream->stop();
        }
    m_followers.clear();
}

void GatewayTraffic::onLine(qint64 timestampNs, const QByteArray &text)
{
    ++m_lines;
    const auto record = parseAccessLine(text);
    if (!record) {
        ++m_skipped;
        return;
    }
    EdgeKey edge;
    edge.gateway = m_gateway;
    // A name the running config does not know is the gateway answering itself (HAProxy logs its
    // frontend's name when no backend was chosen; nginx logs an empty route): unrouted.
    if (m_routeNames.isEmpty())
        edge.route = QString::fromUtf8(record->route);
    else
        edge.route = m_routeNames.value(record->route);
    edge.instance = QString::fromUtf8(record->upstream);
    const auto target = m_byAddress.constFind(record->upstream);
    if (target != m_byAddress.constEnd()) {
        edge.service = target->service;
        edge.version = target->version;
        edge.instance = target->instance; // the container's name (the topology's instance)
    } else {
        edge.service = m_singleService.value(edge.route);
        edge.version = QString::fromUtf8(record->version);
    }
    const qint64 timeMs = timestampNs > 0 ? timestampNs / 1000000 : record->timeMs;
    m_store->add(edge, timeMs, record->status, record->gatewayMade, record->requestMs);
    ++m_requests;
    if (!m_countQueued) {
        m_countQueued = true;
        QTimer::singleShot(0, this, [this] {
            m_countQueued = false;
            Q_EMIT counted();
        });
    }
}

} // namespace mcp::telemetry
