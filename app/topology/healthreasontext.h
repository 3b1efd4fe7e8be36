#pragma once

#include <QString>

namespace mcp::topology {

// A node's health reason for people, in the interface language. The graph keeps its reasons
// in English (they are part of `mcpctl topology` JSON, snapshots and comparisons, which must
// not change with the reader's language); views translate them here, at display. Reasons
// that quote the engine ("Exited (3) 12 seconds ago") keep those parts as the engine said them;
// a probe's detail and vantage are translated too (probeDetailText).
QString healthReasonText(const QString &reason);

// A health probe's detail (HealthProber: "connection refused: the process listens on port
// 8080 on 127.0.0.1 only", "no answer within 3000 ms") the same way; details that quote an
// HTTP status or a client library stay as they are.
QString probeDetailText(const QString &detail);

} // namespace mcp::topology
