#pragma once

#include "spec.h"

namespace mcp::gateway {

// The offline checks of a spec that was read (docs/spec.md lists every code): names,
// listeners, references, route matching (duplicates and routes an earlier one shadows,
// under first-match-in-order semantics), path and host syntax, weights, durations, retry
// conditions; certificate files through checkCertificates(). Live checks against a host
// and the gateway's own config test come on top (the push pipeline).
Findings validateSpec(const GatewaySpec &spec);

// The weight a backend gets: its own, or 100 when it is the route's only backend and has
// none.
int effectiveWeight(const Route &route, const Backend &backend);

} // namespace mcp::gateway
