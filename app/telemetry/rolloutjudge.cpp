#include "rolloutjudge.h"

#include <cmath>

namespace mcp::telemetry {

namespace {

double rounded(double v, int digits)
{
    const double scale = std::pow(10.0, digits);
    return std::round(v * scale) / scale;
}

} // namespace

RolloutVerdict judgeRollout(const gateway::Rollout &policy, const Figures &canary, const Figures &stable)
{
    RolloutVerdict v;
    const auto minimum = std::uint64_t(std::max(1, policy.minRequests.value));
    v.enoughData = canary.requests >= minimum;
    if (!v.enoughData)
        return v;
    QStringList reasons;
    if (policy.maxErrorRatePct.present && canary.errorRate * 100.0 > policy.maxErrorRatePct.value)
        reasons << QStringLiteral("error rate %1% above %2%")
                       .arg(canary.errorRate * 100.0, 0, 'f', 1)
                       .arg(policy.maxErrorRatePct.value);
    if (policy.maxP99Ms.present && canary.p99Ms > double(policy.maxP99Ms.value))
        reasons << QStringLiteral("p99 %1 ms above %2 ms").arg(canary.p99Ms, 0, 'f', 1).arg(policy.maxP99Ms.value);
    if (policy.maxP99Ratio.present && stable.requests >= minimum && stable.p99Ms > 0 &&
        canary.p99Ms > policy.maxP99Ratio.value * stable.p99Ms)
        reasons << QStringLiteral("p99 %1 ms above %2 x the stable version's %3 ms")
                       .arg(canary.p99Ms, 0, 'f', 1)
                       .arg(policy.maxP99Ratio.value)
                       .arg(stable.p99Ms, 0, 'f', 1);
    v.breached = !reasons.isEmpty();
    v.reason = reasons.join(QStringLiteral("; "));
    return v;
}

QJsonObject figuresJson(const Figures &f)
{
    return QJsonObject{{QStringLiteral("requests"), qint64(f.requests)},
                       {QStringLiteral("rps"), rounded(f.rps, 3)},
                       {QStringLiteral("errorRate"), rounded(f.errorRate, 4)},
                       {QStringLiteral("gatewayErrors"), qint64(f.gatewayErrors)},
                       {QStringLiteral("upstreamErrors"), qint64(f.upstreamErrors)},
                       {QStringLiteral("p50Ms"), rounded(f.p50Ms, 3)},
                       {QStringLiteral("p95Ms"), rounded(f.p95Ms, 3)},
                       {QStringLiteral("p99Ms"), rounded(f.p99Ms, 3)}};
}

} // namespace mcp::telemetry
