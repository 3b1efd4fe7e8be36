#pragma once

#include "windowedstats.h"

#include <QHash>
#include <QJsonArray>
#include <QString>

#include <memory>

namespace mcp::telemetry {

// One edge of the traffic: a gateway's route to one instance (its container name; the
// upstream address when no known instance answers there) of a service version. Empty fields in a query match any value.
struct EdgeKey
{
    QString gateway, route, service, version, instance;
    bool operator==(const EdgeKey &other) const = default;
    bool matches(const EdgeKey &pattern) const;
};
size_t qHash(const EdgeKey &key, size_t seed = 0);

// The live figures of every edge seen in the gateways' access logs, rolled up on demand
// per instance, version, route or gateway (counters add; latency histograms merge, so a
// version's p99 is that of all its requests, not an average of instances' p99s). Memory:
// one WindowedStats per edge, edges idle for longer than the longest window are dropped.
class TelemetryStore
{
public:
    void add(const EdgeKey &edge, qint64 timeMs, int status, bool gatewayMade, double latencyMs);
    Figures figures(const EdgeKey &pattern, int seconds, qint64 nowMs) const;
    // Per 10-second slot, oldest first (charts).
    QList<std::pair<qint64, Figures>> series(const EdgeKey &pattern, int seconds, qint64 nowMs) const;
    QList<EdgeKey> edges() const { return m_edges.keys(); }
    // The gateway routes that saw traffic, sorted (requests that matched no route, such as a
    // gateway's own endpoints, are left out).
    QList<std::pair<QString, QString>> routes() const;
    // The service versions one route sent traffic to, sorted: [service, version].
    QList<std::pair<QString, QString>> versionsOf(const QString &gateway, const QString &route) const;
    int edgeCount() const { return int(m_edges.size()); }
    // Every edge with its slots (incident snapshots): [{gateway,route,service,version,
    // instance,stats}]; fromJson gives a store whose figures and series equal this one's.
    QJsonArray toJson() const;
    static TelemetryStore fromJson(const QJsonArray &json);
    // Drops edges with nothing in the last 15 minutes.
    void prune(qint64 nowMs);

private:
    QHash<EdgeKey, std::shared_ptr<WindowedStats>> m_edges;
};

} // namespace mcp::telemetry
