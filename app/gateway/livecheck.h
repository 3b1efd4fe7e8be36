#pragma once

#include "spec.h"
#include "topology/graph.h"

namespace mcp::gateway {

// The checks that need the live topology of the host the spec is for (mcpctl validate SPEC
// --host URL, and every push): a backend whose service or version no instance carries, a
// weighted backend with no running healthy instance, a gateway with no container, a
// listener port the gateway container does not publish (when it publishes any), backends
// that share no Docker network with the gateway.
Findings liveFindings(const GatewaySpec &spec, const topology::Graph &graph);

} // namespace mcp::gateway
