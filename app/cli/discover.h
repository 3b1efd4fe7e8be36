#pragma once

#include "globaloptions.h"

#include "common/result.h"
#include "gateway/render.h"

namespace mcp::cli {

// The live instances behind a gateway, from one topology snapshot of --host / --context.
Result<gateway::EndpointMap> discover(const GlobalOptions &options, const QString &gatewayName);

} // namespace mcp::cli
