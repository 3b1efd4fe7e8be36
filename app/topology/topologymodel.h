#pragma once

#include "graph.h"
#include "graphbuilder.h"
#include "graphrebuilder.h"

#include <QList>
#include <QObject>
#include <QPointer>

namespace mcp::hosts {
class HostConnection;
class ContainerInventory;
} // namespace mcp::hosts

namespace mcp::health {
class HealthProber;
}
namespace mcp::gateway {
class DeployedRoutes;
}

namespace mcp::topology {

// The live topology across hosts: the one owner of the truth that views project. Every
// inventory delta and host state change only marks the model stale; the rebuild runs once
// per turn of the event loop (a 0 ms timer, as GammaRay batches), so a burst of 1,000
// events costs one rebuild and one `changed` signal, not 1,000.
class TopologyModel final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TopologyModel)
public:
    explicit TopologyModel(QObject *parent = nullptr);

    // The model does not own hosts or inventories; it stops using them when they are gone.
    void addHost(hosts::HostConnection *host, hosts::ContainerInventory *inventory);
    void removeHost(hosts::HostConnection *host);
    // Adds the host's active health probes to its instances (the model does not own it).
    void setProber(hosts::HostConnection *host, health::HealthProber *prober);
    // Adds the routes the host's gateways run (the model does not own it).
    void setDeployedRoutes(hosts::HostConnection *host, gateway::DeployedRoutes *routes);

    // The console builds each new graph on a worker thread (buildGraph and the diff are pure;
    // GraphRebuilder), so a burst of events never holds the GUI thread for a rebuild; the
    // graph and `changed` are still only touched on the model's thread. Off (the default):
    // rebuilds run inline.
    void setBackgroundRebuilds(bool on) { m_background = on; }

    const Graph &graph() const { return m_graph; }
    // Hands over a graph built elsewhere and the delta from graph() to it, as the model's
    // own background rebuilds land: the old graph is freed on the rebuild thread, and
    // `changed` tells the views. The benchmarks feed the console's views synthetic graphs
    // through it.
    void replaceGraph(Graph graph, const GraphDelta &delta);
    int rebuildCount() const { return m_rebuilds; }
    // Rebuild now (tests, one-shot CLI) instead of on the next turn of the event loop.
    void rebuildNow();
    // The topology of one host alone (what a gateway on it can reach): the push pipeline's
    // live checks and endpoints. Empty when the host is not in the model.
    Graph hostGraph(const QString &hostName) const;

Q_SIGNALS:
    void changed(const mcp::topology::GraphDelta &delta);

private:
    struct Source
    {
        QPointer<hosts::HostConnection> host;
        QPointer<hosts::ContainerInventory> inventory;
        QPointer<health::HealthProber> prober;
        QPointer<gateway::DeployedRoutes> routes;
    };
    void markStale();
    void rebuildInBackground();
    QList<HostSnapshot> snapshots() const;
    HostSnapshot snapshotOf(const Source &source) const;

    QList<Source> m_sources;
    Graph m_graph;
    GraphBuilder m_builder; // inline rebuilds'; the background ones have the rebuilder's
    GraphRebuilder m_rebuilder;
    bool m_rebuildQueued = false;
    bool m_background = false;
    bool m_building = false;     // a background rebuild is running
    bool m_rebuildAgain = false; // and the sources changed since it started
    int m_generation = 0;        // bumped whenever m_graph is replaced
    int m_rebuilds = 0;
};

} // namespace mcp::topology
