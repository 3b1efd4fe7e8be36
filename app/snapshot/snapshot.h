#pragma once

#include "topologyhistory.h"

#include "telemetry/telemetrystore.h"
#include "topology/graph.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

namespace mcp::snapshot {

// An incident snapshot in memory: what `.mcpsnap` files hold (docs/snapshots.md). The
// collector fills one from live hosts; snapshotfile writes and reads it; the console
// replays it. Everything in it has already been through the Redactor.
struct SnapshotHost
{
    QString name, url, state, stateReason, transport;
};

struct SnapshotGateway
{
    QString name, host, driver;
    QStringList containers;           // running replicas' names
    QString configVersion;            // what /.mcp/version said at capture (from the spec's hash)
    QByteArray specText;              // the spec the last push left in the gateway (empty: none)
    QMap<QString, QByteArray> files;  // the rendered config it runs, path in the container -> content
    QJsonArray findings;              // the spec's checks against the captured topology
};

struct SnapshotLog
{
    QString host, container, reason; // reason: "gateway" or the instance's health
    QByteArray text;                 // the last lines, engine timestamps first
};

struct Snapshot
{
    static constexpr int kFormatVersion = 1;

    QString createdBy;  // "mcpctl 0.1.0 (abcdef)" / "mcp-console ..."
    qint64 createdMs = 0;
    qint64 fromMs = 0, toMs = 0; // the captured window
    QList<SnapshotHost> hosts;
    TopologyTimeline timeline;   // the graph over the window; timeline.latest() at capture
    QJsonArray telemetry;        // TelemetryStore::toJson of every host's gateways
    QJsonArray events;           // the engines' events in the window, each with "host"
    QJsonArray audit;            // audit log entries in the window
    QList<SnapshotGateway> gateways;
    QList<SnapshotLog> logs;
    QMap<QString, QJsonObject> containers; // "host/name" -> inspect (env redacted)
    QJsonArray redactions;       // {file, what, count}
    QJsonArray notes;            // what could not be collected, and why

    topology::Graph graph() const { return timeline.latest(); }
    telemetry::TelemetryStore store() const { return telemetry::TelemetryStore::fromJson(telemetry); }
};

} // namespace mcp::snapshot
