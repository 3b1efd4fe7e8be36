#include "topologymodel.h"

#include "graphbuilder.h"
#include "gateway/deployedroutes.h"
#include "health/healthprober.h"
#include "hosts/containerinventory.h"
#include "hosts/hostconnection.h"

#include "common/whenready.h"

#include <QTimer>

#include <utility>

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
        if (!m_rebuildQueued)
            return;
        if (m_background)
            rebuildInBackground();
        else
            rebuildNow();
    });
}

QList<HostSnapshot> TopologyModel::snapshots() const
{
    QList<HostSnapshot> out;
    for (const Source &s : m_sources)
        if (s.host && s.inventory)
            out << snapshotOf(s);
    return out;
}

void TopologyModel::rebuildNow()
{
    m_rebuildQueued = false;
    Graph next = m_builder.build(snapshots());
    const GraphDelta delta = diffGraphs(m_graph, next);
    m_graph = std::move(next);
    ++m_generation;
    ++m_rebuilds;
    if (!delta.isEmpty())
        Q_EMIT changed(delta);
}

void TopologyModel::rebuildInBackground()
{
    m_rebuildQueued = false;
    if (m_building) {
        m_rebuildAgain = true; // one more when this one lands, with everything up to then
        return;
    }
    m_building = true;
    const QFuture<GraphRebuilder::Result> future = m_rebuilder.rebuild(snapshots(), m_graph);
    whenReady(future, this, [this, generation = m_generation](GraphRebuilder::Result built) {
        m_building = false;
        if (generation != m_generation) // an inline rebuild landed meanwhile: diff against it
            built.delta = diffGraphs(m_graph, built.graph);
        ++m_rebuilds;
        replaceGraph(std::move(built.graph), built.delta);
        if (m_rebuildAgain) {
            m_rebuildAgain = false;
            markStale();
        }
    });
}

void TopologyModel::replaceGraph(Graph graph, const GraphDelta &delta)
{
    // The old graph is freed on the worker, not in this (the GUI thread's) frame.
    m_rebuilder.dispose(std::exchange(m_graph, std::move(graph)));
    ++m_generation;
    if (!delta.isEmpty())
        Q_EMIT changed(delta);
}

HostSnapshot TopologyModel::snapshotOf(const Source &source) const
{
    HostSnapshot snap;
    snap.name = source.host->name();
    snap.url = source.host->endpoint().url();
    snap.state = hosts::hostStateName(source.host->state());
    snap.stateReason = source.host->lastError().toString();
    snap.transport = source.host->pathDescription();
    snap.containers = source.inventory->containers();
    snap.resyncs = source.inventory->resyncCount();
    if (source.prober)
        snap.probes = source.prober->snapshot();
    if (source.routes)
        snap.routes = source.routes->routes();
    return snap;
}

Graph TopologyModel::hostGraph(const QString &hostName) const
{
    for (const Source &s : m_sources)
        if (s.host && s.inventory && s.host->name() == hostName)
            return buildGraph({snapshotOf(s)});
    return Graph{};
}

} // namespace mcp::topology
