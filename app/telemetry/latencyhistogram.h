#pragma once

#include <array>
#include <cstdint>

namespace mcp::telemetry {

// A latency histogram with bounded memory and bounded relative error, for any number of
// samples: log-linear buckets in microseconds (exact below 16 us, then 16 buckets per
// power of two up to 2^27 us = 134 s, larger values in the last bucket). A quantile is
// reported as its bucket's midpoint: within 3.2% of the exact sample quantile. 384
// counters (1.5 KiB) whatever the traffic; histograms add up (merge).
class LatencyHistogram
{
public:
    static constexpr int kSubBuckets = 16;
    static constexpr int kMaxExponent = 27;
    static constexpr int kBuckets = kSubBuckets + (kMaxExponent - 4) * kSubBuckets;

    void add(double ms);
    void merge(const LatencyHistogram &other);
    void clear();
    std::uint64_t count() const { return m_count; }
    // q in [0, 1]; 0 when empty.
    double quantileMs(double q) const;

    // Raw bucket counts, for exact serialization (incident snapshots).
    std::uint32_t bucketCount(int bucket) const { return m_counts[std::size_t(bucket)]; }
    void addToBucket(int bucket, std::uint32_t n);

    static int bucketOf(std::uint64_t micros);
    static double bucketMidMs(int bucket);

private:
    std::array<std::uint32_t, kBuckets> m_counts{};
    std::uint64_t m_count = 0;
};

} // namespace mcp::telemetry
