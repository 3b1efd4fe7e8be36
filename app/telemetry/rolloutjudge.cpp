#include "rolloutjudge.h"

#include "common/message.h"

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
    QList<Message> reasons;
    const auto number = [](double value) { return QString::number(value, 'f', 1); };
    if (policy.maxErrorRatePct.present && canary.errorRate * 100.0 > policy.maxErrorRatePct.value)
        reasons << Message(QT_TRANSLATE_NOOP("mcp::Errors", "error rate %1% above %2%"), {number(canary.errorRate * 100.0), policy.maxErrorRatePct.value});
    if (policy.maxP99Ms.present && canary.p99Ms > double(policy.maxP99Ms.value))
        reasons << Message(QT_TRANSLATE_NOOP("mcp::Errors", "p99 %1 ms above %2 ms"), {number(canary.p99Ms), policy.maxP99Ms.value});
    if (policy.maxP99Ratio.present && stable.requests >= minimum && stable.p99Ms > 0 &&
        canary.p99Ms > policy.maxP99Ratio.value * stable.p99Ms)
        reasons << Message(QT_TRANSLATE_NOOP("mcp::Errors", "p99 %1 ms above %2 x the stable version's %3 ms"),
                           {number(canary.p99Ms), QString::number(policy.maxP99Ratio.value), number(stable.p99Ms)});
    v.breached = !reasons.isEmpty();
    QStringList english, local;
    for (const Message &m : std::as_const(reasons)) {
        english << m.english();
        local << m.local();
    }
    v.reason = english.join(QStringLiteral("; "));
    v.localReason = local.join(QStringLiteral("; "));
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
