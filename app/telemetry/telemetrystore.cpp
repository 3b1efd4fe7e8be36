#include "telemetrystore.h"

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

} // namespace mcp::telemetry
