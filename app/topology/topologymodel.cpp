#include "topologymodel.h"

#include "graphbuilder.h"
#include "gateway/deployedroutes.h"
#include "health/healthprober.h"
#include "hosts/containerinventory.h"
#include "hosts/hostconnection.h"

#include <QTimer>

namespace mcp::topology {

TopologyModel::TopologyModel(QObject *parent) : QObject(parent) {}

void TopologyModel::addHost(hosts::HostConnection *host, hosts::ContainerInventory *inventory)
{
    m_sources.append(Source{host, inventory});
    connect(host, &hosts::HostConnection::stateChanged, this, &TopologyModel::markStale);
    connect(inventory, &hosts::ContainerInventory::changed, this, &TopologyModel::markStale);
    connect(inventory, &hosts::ContainerInventory::resynced, this, &TopologyModel::markStale);
    connect(host, &QObject::destroyed, this, &TopologyModel::markStale);
    markStale();
}

void TopologyModel::removeHost(hosts::HostConnection *host)
{
    m_sources.removeIf([host](const Source &s) { return s.host == host; });
    host->disconnect(this);
    markStale();
}

void TopologyModel::setProber(hosts::HostConnection *host, health::HealthProber *prober)
{
    for (Source &s : m_sources) {
        if (s.host == host) {
            s.prober = prober;
            connect(prober, &health::HealthProber::changed, this, &TopologyModel::markStale);
            markStale();
        }
    }
}

void TopologyModel::setDeployedRoutes(hosts::HostConnection *host, gateway::DeployedRoutes *routes)
{
    for (Source &s : m_sources) {
        if (s.host == host) {
            s.routes = routes;
            connect(routes, &gateway::DeployedRoutes::changed, this, &TopologyModel::markStale);
            markStale();
        }
    }
}

void TopologyModel::markStale()
{
    if (m_rebuildQueued)
        return;
    m_rebuildQueued = true;
    QTimer::singleShot(0, this, [this] {
        if (m_rebuildQueued)
            rebuildNow();
    });
}

void TopologyModel::rebuildNow()
{
    m_rebuildQueued = false;
    QList<HostSnapshot> snapshots;
    for (const Source &s : std::as_const(m_sources)) {
        if (!s.host || !s.inventory)
            continue;
        HostSnapshot snap;
        snap.name = s.host->name();
        snap.url = s.host->endpoint().url();
        snap.state = hosts::hostStateName(s.host->state());
        snap.stateReason = s.host->lastError().toString();
        snap.transport = s.host->pathDescription();
        snap.containers = s.inventory->containers();
        snap.resyncs = s.inventory->resyncCount();
        if (s.prober)
            snap.probes = s.prober->snapshot();
        if (s.routes)
            snap.routes = s.routes->routes();
        snapshots << snap;
    }
    Graph next = buildGraph(snapshots);
    const GraphDelta delta = diffGraphs(m_graph, next);
    m_graph = std::move(next);
    ++m_rebuilds;
    if (!delta.isEmpty())
        Q_EMIT changed(delta);
}

} // namespace mcp::topology
