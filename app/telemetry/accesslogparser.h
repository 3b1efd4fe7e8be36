#pragma once

#include "accessrecord.h"

#include <QByteArrayView>

#include <optional>

namespace mcp::telemetry {

// Reads one access-log line of either gateway (docs/spec.md, "Access log"). A dedicated
// scanner for the flat JSON object the drivers write (strings with JSON escapes, numbers,
// any field order, unknown fields skipped): QJsonDocument costs several times more per
// line. Returns std::nullopt for anything else (startup messages, nginx error-log lines,
// a truncated line); never throws.
//
// nginx: requestTime in seconds ("0.012"), upstreamTime/upstreamStatus/upstream as nginx
// writes them: "-" when no upstream was tried, comma lists when it retried ("502, 200": the
// last one answered). HAProxy: times in integer ms, upstreamTime -1 when no server answered.
std::optional<AccessRecord> parseAccessLine(QByteArrayView line);

} // namespace mcp::telemetry
