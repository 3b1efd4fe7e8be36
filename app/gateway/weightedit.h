#pragma once

#include "spec.h"

#include "common/result.h"

#include <QJsonObject>
#include <QMap>

namespace mcp::gateway {

// A route's split as the gray-release panel and `mcpctl weights` see it: version -> weight,
// in backend order (a backend without a version is keyed by its service).
QList<std::pair<QString, int>> routeWeights(const Route &route);
QString backendKey(const Backend &backend);

// The spec text with the route's backends set to the given weights (keys as backendKey);
// backends not named keep theirs. Comments and layout survive (specedit). Errors name what
// is wrong: an unknown route or version, a weight outside 0..100, a sum other than 100.
Result<QString> specWithWeights(const QString &specText, const QString &routeName, const QMap<QString, int> &weights);

// One version set to `value`, the others sharing the rest in proportion to their current
// weights (equally when they are all 0), whole numbers that always sum to 100. With two
// versions this is one paired slider.
QList<std::pair<QString, int>> rebalance(const QList<std::pair<QString, int>> &current, const QString &key, int value);

// {"v1": 90, "v2": 10}: a split as the audit log and `mcpctl weights` write it.
QJsonObject weightsJson(const QMap<QString, int> &weights);

// "v1=90 v2=10" as the CLI takes it (also "v1=90,v2=10").
Result<QMap<QString, int>> parseWeightArguments(const QStringList &arguments);

} // namespace mcp::gateway
