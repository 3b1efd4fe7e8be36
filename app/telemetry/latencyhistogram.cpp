#include "latencyhistogram.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace mcp::telemetry {

int LatencyHistogram::bucketOf(std::uint64_t us)
{
    if (us < kSubBuckets)
        return int(us);
    const int e = std::min(int(std::bit_width(us)) - 1, kMaxExponent - 1); // floor(log2)
    if (e >= kMaxExponent - 1 && us >= (std::uint64_t(1) << kMaxExponent))
        return kBuckets - 1;
    const int sub = int((us >> (e - 4)) & (kSubBuckets - 1));
    return kSubBuckets + (e - 4) * kSubBuckets + sub;
}

double LatencyHistogram::bucketMidMs(int bucket)
{
    if (bucket < kSubBuckets)
        return bucket / 1000.0;
    const int e = 4 + (bucket - kSubBuckets) / kSubBuckets;
    const int sub = (bucket - kSubBuckets) % kSubBuckets;
    const double low = double((std::uint64_t(kSubBuckets + sub)) << (e - 4));
    const double width = double(std::uint64_t(1) << (e - 4));
    return (low + width / 2) / 1000.0;
}

void LatencyHistogram::add(double ms)
{
    const double us = std::max(0.0, ms * 1000.0);
    ++m_counts[bucketOf(std::uint64_t(std::llround(us)))];
    ++m_count;
}

void LatencyHistogram::addToBucket(int bucket, std::uint32_t n)
{
    if (bucket < 0 || bucket >= kBuckets)
        return;
    m_counts[std::size_t(bucket)] += n;
    m_count += n;
}

void LatencyHistogram::merge(const LatencyHistogram &other)
{
    for (int i = 0; i < kBuckets; ++i)
        m_counts[i] += other.m_counts[i];
    m_count += other.m_count;
}

void LatencyHistogram::clear()
{
    m_counts.fill(0);
    m_count = 0;
}

double LatencyHistogram::quantileMs(double q) const
{
    if (m_count == 0)
        return 0;
    const std::uint64_t rank = std::max<std::uint64_t>(1, std::uint64_t(std::ceil(std::clamp(q, 0.0, 1.0) * double(m_count))));
    std::uint64_t seen = 0;
    for (int i = 0; i < kBuckets; ++i) {
        seen += m_counts[i];
        if (seen >= rank)
            return bucketMidMs(i);
    }
    return bucketMidMs(kBuckets - 1);
}

} // namespace mcp::telemetry
