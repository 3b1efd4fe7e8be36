#include "windowedstats.h"

#include <QJsonArray>

#include <algorithm>

namespace mcp::telemetry {

namespace {
constexpr qint64 kSlotMs = qint64(WindowedStats::kSlotSeconds) * 1000;

qint64 slotStartOf(qint64 ms)
{
    return ms - ((ms % kSlotMs) + kSlotMs) % kSlotMs;
}
} // namespace

void WindowedStats::add(qint64 timeMs, int status, bool gatewayMade, double latencyMs)
{
    const qint64 start = slotStartOf(timeMs);
    Slot &slot = m_slots[std::size_t((start / kSlotMs) % kSlots)];
    if (slot.start != start) {
        if (slot.start > start)
            return; // older than anything this ring still keeps
        slot = Slot{};
        slot.start = start;
    }
    ++slot.requests;
    if (status >= 500) {
        ++slot.errors;
        ++(gatewayMade ? slot.gatewayErrors : slot.upstreamErrors);
    } else if (status >= 400) {
        ++slot.clientErrors;
    }
    slot.latency.add(latencyMs);
    if (m_firstMs == 0 || timeMs < m_firstMs)
        m_firstMs = timeMs;
    m_lastMs = std::max(m_lastMs, timeMs);
}

qint64 WindowedStats::windowStartMs(int seconds, qint64 nowMs)
{
    return slotStartOf(nowMs - qint64(seconds) * 1000 + kSlotMs); // whole slots ending with now's
}

void WindowedStats::accumulate(int seconds, qint64 nowMs, Figures &counts, LatencyHistogram &latency, qint64 &firstMs) const
{
    const qint64 from = windowStartMs(seconds, nowMs);
    for (const Slot &s : m_slots) {
        if (s.start < from || s.start > nowMs)
            continue;
        counts.requests += s.requests;
        counts.errors += s.errors;
        counts.gatewayErrors += s.gatewayErrors;
        counts.upstreamErrors += s.upstreamErrors;
        counts.clientErrors += s.clientErrors;
        latency.merge(s.latency);
    }
    if (m_firstMs != 0 && (firstMs == 0 || m_firstMs < firstMs))
        firstMs = m_firstMs;
}

Figures WindowedStats::finish(Figures f, const LatencyHistogram &latency, int seconds, qint64 nowMs, qint64 firstMs)
{
    // The slots' span up to now, or less when the data started later (a new edge's rate is
    // not diluted over minutes it did not exist).
    const qint64 from = windowStartMs(seconds, nowMs);
    const double covered = firstMs > 0 ? double(nowMs - std::max(firstMs, from)) / 1000.0 : 0;
    f.seconds = std::clamp(covered, 1.0, double(seconds));
    f.rps = f.requests / f.seconds;
    f.errorRate = f.requests ? double(f.errors) / double(f.requests) : 0;
    f.p50Ms = latency.quantileMs(0.50);
    f.p95Ms = latency.quantileMs(0.95);
    f.p99Ms = latency.quantileMs(0.99);
    return f;
}

void WindowedStats::accumulateSlot(qint64 slotStartMs, Figures &counts, LatencyHistogram &latency) const
{
    const Slot &s = m_slots[std::size_t((slotStartMs / kSlotMs) % kSlots)];
    if (s.start != slotStartMs)
        return;
    counts.requests += s.requests;
    counts.errors += s.errors;
    counts.gatewayErrors += s.gatewayErrors;
    counts.upstreamErrors += s.upstreamErrors;
    counts.clientErrors += s.clientErrors;
    latency.merge(s.latency);
}

Figures WindowedStats::figures(int seconds, qint64 nowMs) const
{
    Figures f;
    LatencyHistogram latency;
    qint64 first = 0;
    accumulate(seconds, nowMs, f, latency, first);
    return finish(f, latency, seconds, nowMs, first);
}

QList<std::pair<qint64, Figures>> WindowedStats::series(int seconds, qint64 nowMs) const
{
    QList<std::pair<qint64, Figures>> out;
    const qint64 last = slotStartOf(nowMs);
    for (qint64 start = windowStartMs(seconds, nowMs); start <= last; start += kSlotMs) {
        const Slot &s = m_slots[std::size_t((start / kSlotMs) % kSlots)];
        Figures f;
        if (s.start == start) {
            f.requests = s.requests;
            f.errors = s.errors;
            f.gatewayErrors = s.gatewayErrors;
            f.upstreamErrors = s.upstreamErrors;
            f.clientErrors = s.clientErrors;
            f.seconds = start == last ? std::max(1.0, double(nowMs - start) / 1000.0) : kSlotSeconds;
            f.rps = f.requests / f.seconds;
            f.errorRate = f.requests ? double(f.errors) / double(f.requests) : 0;
            f.p50Ms = s.latency.quantileMs(0.5);
            f.p95Ms = s.latency.quantileMs(0.95);
            f.p99Ms = s.latency.quantileMs(0.99);
        }
        out.append({start, f});
    }
    return out;
}

QJsonObject WindowedStats::toJson() const
{
    QJsonArray ring;
    for (const Slot &s : m_slots) {
        if (s.start < 0)
            continue;
        QJsonArray buckets; // [bucket, count] pairs, only the non-empty ones
        for (int b = 0; b < LatencyHistogram::kBuckets; ++b)
            if (const auto n = s.latency.bucketCount(b))
                buckets.append(QJsonArray{b, qint64(n)});
        ring.append(QJsonObject{{QStringLiteral("start"), s.start},
                                 {QStringLiteral("requests"), qint64(s.requests)},
                                 {QStringLiteral("errors"), qint64(s.errors)},
                                 {QStringLiteral("gatewayErrors"), qint64(s.gatewayErrors)},
                                 {QStringLiteral("upstreamErrors"), qint64(s.upstreamErrors)},
                                 {QStringLiteral("clientErrors"), qint64(s.clientErrors)},
                                 {QStringLiteral("latency"), buckets}});
    }
    return QJsonObject{{QStringLiteral("firstMs"), m_firstMs}, {QStringLiteral("lastMs"), m_lastMs}, {QStringLiteral("slots"), ring}};
}

WindowedStats WindowedStats::fromJson(const QJsonObject &json)
{
    WindowedStats w;
    w.m_firstMs = qint64(json.value(QLatin1String("firstMs")).toDouble());
    w.m_lastMs = qint64(json.value(QLatin1String("lastMs")).toDouble());
    const auto count = [](const QJsonObject &o, const char *key) {
        return std::uint32_t(std::max(0.0, o.value(QLatin1String(key)).toDouble()));
    };
    for (const auto &v : json.value(QLatin1String("slots")).toArray()) {
        const QJsonObject o = v.toObject();
        const qint64 start = qint64(o.value(QLatin1String("start")).toDouble());
        if (start < 0 || start % kSlotMs != 0)
            continue;
        Slot &slot = w.m_slots[std::size_t((start / kSlotMs) % kSlots)];
        if (slot.start > start)
            continue;
        slot = Slot{};
        slot.start = start;
        slot.requests = count(o, "requests");
        slot.errors = count(o, "errors");
        slot.gatewayErrors = count(o, "gatewayErrors");
        slot.upstreamErrors = count(o, "upstreamErrors");
        slot.clientErrors = count(o, "clientErrors");
        for (const auto &b : o.value(QLatin1String("latency")).toArray()) {
            const QJsonArray pair = b.toArray();
            slot.latency.addToBucket(pair.at(0).toInt(-1), std::uint32_t(std::max(0.0, pair.at(1).toDouble())));
        }
    }
    return w;
}

} // namespace mcp::telemetry
