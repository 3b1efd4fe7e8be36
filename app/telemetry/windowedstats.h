#pragma once

#include "latencyhistogram.h"

#include <QJsonObject>
#include <QList>

#include <array>
#include <cstdint>

namespace mcp::telemetry {

// What a set of requests amounts to over a window.
struct Figures
{
    std::uint64_t requests = 0;
    std::uint64_t errors = 0;         // 5xx of any origin
    std::uint64_t gatewayErrors = 0;  // 5xx the gateway made itself
    std::uint64_t upstreamErrors = 0; // 5xx the upstream answered
    std::uint64_t clientErrors = 0;   // 4xx
    double seconds = 0;               // the part of the window that data covers
    double rps = 0;
    double errorRate = 0;             // errors / requests, 0..1
    double p50Ms = 0, p95Ms = 0, p99Ms = 0;
};

// Rolling figures for one stream of requests (one edge of the topology): a ring of
// 10-second slots covering the last 15 minutes, each with its counters and a latency
// histogram. Time comes from the requests (log timestamps) and from the caller's clock,
// never from the wall clock inside, so results are reproducible. Memory is fixed (90
// slots, about 135 KiB) for any traffic volume; a slot is reused once it is 15 minutes old.
class WindowedStats
{
public:
    static constexpr int kSlotSeconds = 10;
    static constexpr int kSlots = 90;

    void add(qint64 timeMs, int status, bool gatewayMade, double latencyMs);
    // The window [now - seconds, now], in whole slots (a window is exact to one slot).
    Figures figures(int seconds, qint64 nowMs) const;
    // Merges this stream's window into an accumulator (for roll-ups across edges).
    void accumulate(int seconds, qint64 nowMs, Figures &counts, LatencyHistogram &latency, qint64 &firstMs) const;
    // Adds the one slot that starts at slotStartMs (nothing when it holds other data).
    void accumulateSlot(qint64 slotStartMs, Figures &counts, LatencyHistogram &latency) const;
    // One point per slot, oldest first, for charts: [slot start ms, figures of that slot].
    QList<std::pair<qint64, Figures>> series(int seconds, qint64 nowMs) const;
    qint64 lastMs() const { return m_lastMs; }

    // Every slot, counters and histogram buckets (sparse), so that a snapshot's figures and
    // charts read back exactly as the live store gave them. fromJson ignores what it cannot use.
    QJsonObject toJson() const;
    static WindowedStats fromJson(const QJsonObject &json);

    static qint64 windowStartMs(int seconds, qint64 nowMs);
    static Figures finish(Figures counts, const LatencyHistogram &latency, int seconds, qint64 nowMs, qint64 firstMs);

private:
    struct Slot
    {
        qint64 start = -1; // slot start in ms (multiple of kSlotSeconds s); -1: unused
        std::uint32_t requests = 0, errors = 0, gatewayErrors = 0, upstreamErrors = 0, clientErrors = 0;
        LatencyHistogram latency;
    };
    std::array<Slot, kSlots> m_slots;
    qint64 m_firstMs = 0;
    qint64 m_lastMs = 0;
};

} // namespace mcp::telemetry
