#pragma once

#include "snapshot.h"

#include "telemetry/windowedstats.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace mcp::snapshot {

// What changed between two snapshots (before = the older one): hosts whose state changed,
// nodes that came, went or changed health, findings that appeared or were resolved,
// gateways whose running config changed, and each route version's traffic over the last
// five minutes of each window. Pure: the console's compare view and `mcpctl snapshot
// compare` show the same.
struct SnapshotDiff
{
    struct NodeChange
    {
        QString id, kind, name;
        QString change; // added, removed, health
        QString before, after; // health (and reason) on each side
    };
    struct FindingChange
    {
        QString code, severity, subject, message;
        bool appeared = true; // false: resolved
    };
    struct GatewayChange
    {
        QString gateway, before, after; // config versions ("" when absent)
    };
    struct TrafficChange
    {
        QString gateway, route, service, version;
        telemetry::Figures before, after;
    };
    struct HostChange
    {
        QString host, before, after;
    };
    QList<HostChange> hosts;
    QList<NodeChange> nodes;
    QList<FindingChange> findings;
    QList<GatewayChange> gateways;
    QList<TrafficChange> traffic;

    bool isEmpty() const { return hosts.isEmpty() && nodes.isEmpty() && findings.isEmpty() && gateways.isEmpty(); }
    QJsonObject toJson() const;
};

SnapshotDiff compareSnapshots(const Snapshot &before, const Snapshot &after);

} // namespace mcp::snapshot
