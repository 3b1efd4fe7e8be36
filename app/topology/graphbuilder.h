#pragma once

#include "graph.h"

#include <QHash>
#include <QJsonObject>
#include <QList>

namespace mcp::topology {

// One host's input to the topology: its connection state and its containers as listed.
struct HostSnapshot
{
    QString name;
    QString url;
    QString state;       // hostStateName(): connected, unreachable, ...
    QString stateReason; // error text when not connected
    QString transport;   // pathDescription()
    int resyncs = 0;     // full re-lists so far: more than one means the event stream had a gap
    QHash<QString, QJsonObject> containers;
    // Active health probes by container id: {"probe": {...}, "probeHistory": [...]}
    // (health::HealthProber::snapshot()); empty when the host is not probed.
    QHash<QString, QJsonObject> probes;
    // The routes each gateway runs, by gateway name (gateway::DeployedRoutes::routes()).
    QHash<QString, QJsonObject> routes;
};

struct InstancePart;

// Builds the whole graph from the hosts' containers: hosts, networks, gateways and their
// instances, services, versions and instances, label problems and health roll-ups. Pure
// and O(containers); views receive the diff. A one-off: GraphBuilder for a stream of them.
Graph buildGraph(const QList<HostSnapshot> &hosts);

// The same graph as buildGraph, built again and again as the hosts change: it keeps each
// container's part of the graph (its instance node and edges, InstancePart) and makes it
// again only for the containers whose list entry or probe changed since the last build,
// so a batch of events costs the changed containers plus the roll-ups (services,
// versions, gateways, routes), not a re-reading of every container. Not thread-safe: one
// thread at a time (the model's rebuild thread).
class GraphBuilder final
{
public:
    GraphBuilder();
    ~GraphBuilder();
    GraphBuilder(GraphBuilder &&) noexcept;
    GraphBuilder &operator=(GraphBuilder &&) noexcept;

    Graph build(const QList<HostSnapshot> &hosts);
    // The last build: containers read again, and kept from the build before.
    int madeLastBuild() const { return m_made; }
    int keptLastBuild() const { return m_kept; }

private:
    QHash<QString, QHash<QString, InstancePart>> m_parts; // host -> container id -> part
    int m_made = 0;
    int m_kept = 0;
};

// Ids, stable across rebuilds.
QString hostNodeId(const QString &host);
QString networkNodeId(const QString &host, const QString &network);
QString gatewayNodeId(const QString &gateway);
QString serviceNodeId(const QString &service);
QString versionNodeId(const QString &service, const QString &version);
QString instanceNodeId(const QString &host, const QString &containerId);
QString routeNodeId(const QString &gateway, const QString &route);

} // namespace mcp::topology
