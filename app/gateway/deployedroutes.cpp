#include "deployedroutes.h"

#include "pusher.h"
#include "specreader.h"
#include "specvalidator.h"

#include "common/tarwriter.h"
#include "common/whenready.h"
#include "docker/dockerclient.h"
#include "hosts/containerinventory.h"
#include "hosts/hostconnection.h"

#include <QJsonArray>

#include <memory>

namespace mcp::gateway {

namespace {
QJsonObject summarize(const GatewaySpec &spec, const QString &version)
{
    QJsonArray routes;
    for (const Route &r : spec.routes) {
        QJsonArray backends;
        for (const Backend &b : r.backends)
            backends.append(QJsonObject{{QStringLiteral("service"), b.service.value},
                                        {QStringLiteral("version"), b.version.value},
                                        {QStringLiteral("weight"), effectiveWeight(r, b)}});
        routes.append(QJsonObject{{QStringLiteral("name"), r.name.value},
                                  {QStringLiteral("hosts"), QJsonArray::fromStringList(r.hosts.value)},
                                  {QStringLiteral("pathPrefix"), r.pathPrefix.value},
                                  {QStringLiteral("backends"), backends}});
    }
    return QJsonObject{{QStringLiteral("version"), version}, {QStringLiteral("routes"), routes}};
}
} // namespace

DeployedRoutes::DeployedRoutes(hosts::HostConnection *host, hosts::ContainerInventory *inventory, QObject *parent)
    : QObject(parent), m_host(host), m_inventory(inventory)
{
    m_timer.setInterval(15000);
    connect(&m_timer, &QTimer::timeout, this, &DeployedRoutes::refreshNow);
    connect(inventory, &hosts::ContainerInventory::resynced, this, [this] {
        if (m_timer.isActive())
            refreshNow();
    });
}

void DeployedRoutes::start()
{
    m_timer.start();
    if (m_inventory && m_inventory->isSynced())
        refreshNow();
}

void DeployedRoutes::refreshNow()
{
    if (m_busy) {
        // The running refresh may have read a container before the change that asked for
        // this one: read again once it is done.
        m_again = true;
        return;
    }
    if (!m_host || !m_inventory || m_host->state() != hosts::HostState::Connected) {
        Q_EMIT refreshed(); // nothing to read now; waiters must not hang
        return;
    }
    // One running container per gateway: (name -> (container id, driver)).
    QHash<QString, std::pair<QString, QString>> gateways;
    for (const QJsonObject &c : m_inventory->containers()) {
        const QJsonObject labels = c.value(QLatin1String("Labels")).toObject();
        const QString name = labels.value(QLatin1String("mcp.gateway")).toString();
        if (name.isEmpty() || c.value(QLatin1String("State")).toString() != QLatin1String("running") || gateways.contains(name))
            continue;
        gateways.insert(name, {c.value(QLatin1String("Id")).toString(), labels.value(QLatin1String("mcp.gateway.driver")).toString()});
    }
    m_busy = true;
    auto next = std::make_shared<QHash<QString, QJsonObject>>();
    auto specs = std::make_shared<QHash<QString, QByteArray>>();
    auto pending = std::make_shared<QStringList>(gateways.keys());
    auto step = std::make_shared<std::function<void()>>();
    *step = [this, gateways, next, specs, pending, step] {
        if (pending->isEmpty()) {
            m_busy = false;
            ++m_refreshes;
            const bool differs = *next != m_routes;
            m_routes = *next;
            m_specs = *specs;
            if (differs)
                Q_EMIT changed();
            if (m_again) {
                m_again = false;
                refreshNow();
                return; // `refreshed` once the fresh read is done
            }
            Q_EMIT refreshed();
            return;
        }
        const QString name = pending->takeFirst();
        const auto [id, driver] = gateways.value(name);
        const QString dir = stateDirFor(driver);
        whenReady(m_host->client()->getArchive(id, dir), this, [this, name, next, specs, step](Result<QByteArray> tar) {
            if (tar) {
                QByteArray specText, version;
                for (const auto &[path, content] : readTar(*tar)) {
                    if (path.endsWith(QLatin1String("/spec.yaml")))
                        specText = content;
                    else if (path.endsWith(QLatin1String("/version")))
                        version = content.trimmed();
                }
                if (!specText.isEmpty()) {
                    const SpecReading reading = readSpecText(specText, name + QStringLiteral(" (deployed)"));
                    if (reading.parsed)
                        next->insert(name, summarize(reading.spec, QString::fromUtf8(version)));
                    specs->insert(name, specText);
                }
            }
            (*step)(); // a gateway never pushed to (no spec) simply has no routes
        });
    };
    (*step)();
}

} // namespace mcp::gateway
