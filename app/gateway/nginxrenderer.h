#pragma once

#include "render.h"

namespace mcp::gateway {

// nginx: one server block per listener and host (plus a default server for routes without
// hosts), a location pair per route prefix (exact and below, so /users does not match
// /usersx), an upstream per route with per-instance weights, proxy timeouts,
// proxy_next_upstream retries, max_fails/fail_timeout, X-Request-ID upstream, 502 from the
// gateway answered as 503 with a JSON body, and a JSON access log naming route, upstream,
// version and timings. Files land under /etc/nginx/conf.d and /etc/nginx/mcp.
RenderedConfig renderNginx(const GatewaySpec &spec, const QString &version, const EndpointMap &endpoints);

} // namespace mcp::gateway
