#include "telemetrystore.h"

#include <QJsonObject>

#include <algorithm>
#include <tuple>

namespace mcp::telemetry {

bool EdgeKey::matches(const EdgeKey &p) const
{
    return (p.gateway.isEmpty() || p.gateway == gateway) && (p.route.isEmpty() || p.route == route) &&
           (p.service.isEmpty() || p.service == service) && (p.version.isEmpty() || p.version == version) &&
           (p.instance.isEmpty() || p.instance == instance);
}

size_t qHash(const EdgeKey &k, size_t seed)
{
    return qHashMulti(seed, k.gateway, k.route, k.service, k.version, k.instance);
}

void TelemetryStore::add(const EdgeKey &edge, qint64 timeMs, int status, bool gatewayMade, double latencyMs)
{
    auto &stats = m_edges[edge];
    if (!stats)
        stats = std::make_shared<WindowedStats>();
    stats->add(timeMs, status, gatewayMade, latencyMs);
}

Figures TelemetryStore::figures(const EdgeKey &pattern, int seconds, qint64 nowMs) const
{
    Figures counts;
    LatencyHistogram latency;
    qint64 first = 0;
    for (auto it = m_edges.cbegin(); it != m_edges.cend(); ++it)
        if (it.key().matches(pattern))
            it.value()->accumulate(seconds, nowMs, counts, latency, first);
    return WindowedStats::finish(counts, latency, seconds, nowMs, first);
}

QList<std::pair<qint64, Figures>> TelemetryStore::series(const EdgeKey &pattern, int seconds, qint64 nowMs) const
{
    QList<std::pair<qint64, Figures>> out;
    constexpr qint64 slotMs = WindowedStats::kSlotSeconds * 1000;
    const qint64 last = WindowedStats::windowStartMs(WindowedStats::kSlotSeconds, nowMs);
    for (qint64 start = WindowedStats::windowStartMs(seconds, nowMs); start <= last; start += slotMs) {
        Figures f;
        LatencyHistogram latency;
        for (auto it = m_edges.cbegin(); it != m_edges.cend(); ++it)
            if (it.key().matches(pattern))
                it.value()->accumulateSlot(start, f, latency);
        f.seconds = start == last ? std::max(1.0, double(nowMs - start) / 1000.0) : double(WindowedStats::kSlotSeconds);
        f.rps = f.requests / f.seconds;
        f.errorRate = f.requests ? double(f.errors) / double(f.requests) : 0;
        f.p50Ms = latency.quantileMs(0.5);
        f.p95Ms = latency.quantileMs(0.95);
        f.p99Ms = latency.quantileMs(0.99);
        out.append({start, f});
    }
    return out;
}

void TelemetryStore::prune(qint64 nowMs)
{
    const qint64 horizon = nowMs - qint64(WindowedStats::kSlots) * WindowedStats::kSlotSeconds * 1000;
    m_edges.removeIf([horizon](const auto &it) { return it.value()->lastMs() < horizon; });
}

QList<std::pair<QString, QString>> TelemetryStore::routes() const
{
    QList<std::pair<QString, QString>> out;
    for (auto it = m_edges.cbegin(); it != m_edges.cend(); ++it)
        if (!it.key().route.isEmpty() && !out.contains(std::pair{it.key().gateway, it.key().route}))
            out.append({it.key().gateway, it.key().route});
    std::sort(out.begin(), out.end());
    return out;
}

QList<std::pair<QString, QString>> TelemetryStore::versionsOf(const QString &gateway, const QString &route) const
{
    QList<std::pair<QString, QString>> out;
    for (auto it = m_edges.cbegin(); it != m_edges.cend(); ++it)
        if (it.key().gateway == gateway && it.key().route == route && !out.contains(std::pair{it.key().service, it.key().version}))
            out.append({it.key().service, it.key().version});
    std::sort(out.begin(), out.end());
    return out;
}

QJsonArray TelemetryStore::toJson() const
{
    QList<EdgeKey> keys = m_edges.keys();
    std::sort(keys.begin(), keys.end(), [](const EdgeKey &a, const EdgeKey &b) {
        return std::tie(a.gateway, a.route, a.service, a.version, a.instance) <
               std::tie(b.gateway, b.route, b.service, b.version, b.instance);
    });
    QJsonArray out;
    for (const EdgeKey &k : keys)
        out.append(QJsonObject{{QStringLiteral("gateway"), k.gateway},
                               {QStringLiteral("route"), k.route},
                               {QStringLiteral("service"), k.service},
                               {QStringLiteral("version"), k.version},
                               {QStringLiteral("instance"), k.instance},
                               {QStringLiteral("stats"), m_edges.value(k)->toJson()}});
    return out;
}

TelemetryStore TelemetryStore::fromJson(const QJsonArray &json)
{
    TelemetryStore store;
    for (const auto &v : json) {
        const QJsonObject o = v.toObject();
        const auto s = [&](const char *key) { return o.value(QLatin1String(key)).toString(); };
        const EdgeKey key{s("gateway"), s("route"), s("service"), s("version"), s("instance")};
        store.m_edges.insert(key, std::make_shared<WindowedStats>(WindowedStats::fromJson(o.value(QLatin1String("stats")).toObject())));
    }
    return store;
}

} // namespace mcp::telemetry
