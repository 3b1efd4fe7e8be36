#pragma once

#include "render.h"

namespace mcp::gateway {

// HAProxy: a frontend per listener whose use_backend rules keep the spec's route order
// (first match wins), a backend per route with per-instance weights (1..256, changeable at
// run time through the admin socket), timeouts, retries with retry-on, health checks from
// passiveHealth, X-Request-ID from unique-id, a JSON 503 when no server is up, and a JSON
// log line per request. The whole haproxy.cfg is written (global keeps the admin socket).
RenderedConfig renderHaproxy(const GatewaySpec &spec, const QString &version, const EndpointMap &endpoints);

} // namespace mcp::gateway
