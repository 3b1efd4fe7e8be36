#pragma once

#include "windowedstats.h"

#include "gateway/spec.h"

#include <QJsonObject>
#include <QString>

namespace mcp::telemetry {

// The verdict on one canary at one moment: whether the rollout policy's limits are passed,
// with the reason in words and the figures it was judged on.
struct RolloutVerdict
{
    bool enoughData = false; // the canary had minRequests in the window
    bool breached = false;
    QString reason;          // "error rate 31.0% above 5%" (empty when not breached); English, for audit records
    QString localReason;     // the same in the interface language, for views
};

// Pure: the policy against the canary's and the stable version's figures over the window.
// The ratio limit needs the stable version to have minRequests too (no comparison with
// nothing).
RolloutVerdict judgeRollout(const gateway::Rollout &policy, const Figures &canary, const Figures &stable);

QJsonObject figuresJson(const Figures &figures);

} // namespace mcp::telemetry
