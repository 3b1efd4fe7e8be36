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

// Builds the whole graph from the hosts' containers: hosts, networks, gateways and their
// instances, services, versions and instances, label problems and health roll-ups. Pure
// and O(containers), so a rebuild per batch of events is cheap; views receive the diff.
Graph buildGraph(const QList<HostSnapshot> &hosts);

// Ids, stable across rebuilds.
QString hostNodeId(const QString &host);
QString networkNodeId(const QString &host, const QString &network);
QString gatewayNodeId(const QString &gateway);
QString serviceNodeId(const QString &service);
QString versionNodeId(const QString &service, const QString &version);
QString instanceNodeId(const QString &host, const QString &containerId);
QString routeNodeId(const QString &gateway, const QString &route);

} // namespace mcp::topology
