#pragma once

#include "globaloptions.h"

#include "common/result.h"
#include "gateway/render.h"
#include "topology/graph.h"

namespace mcp::cli {

// One topology snapshot of --host / --context (no probes).
Result<topology::Graph> snapshotGraph(const GlobalOptions &options);

// The live instances behind a gateway, from one topology snapshot of --host / --context.
Result<gateway::EndpointMap> discover(const GlobalOptions &options, const QString &gatewayName);

} // namespace mcp::cli
