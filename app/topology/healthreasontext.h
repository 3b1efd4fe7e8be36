#pragma once

#include <QString>

namespace mcp::topology {

// A node's health reason for people, in the interface language. The graph keeps its reasons
// in English (they are part of `mcpctl topology` JSON, snapshots and comparisons, which must
// not change with the reader's language); views translate them here, at display. Reasons
// that quote the engine ("Exited (3) 12 seconds ago") or a probe's detail keep those parts
// as the engine said them.
QString healthReasonText(const QString &reason);

} // namespace mcp::topology
