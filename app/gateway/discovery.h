#pragma once

#include "render.h"
#include "topology/graph.h"

namespace mcp::gateway {

// The instances the gateway `gatewayName` can send traffic to, from the live topology:
// running service instances (by service and by service/version), each with the address on
// a network it shares with the gateway's containers (or its first address when it shares
// none: the live checks report that case).
EndpointMap endpointsFromGraph(const topology::Graph &graph, const QString &gatewayName);

} // namespace mcp::gateway
