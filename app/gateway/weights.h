#pragma once

#include "render.h"

namespace mcp::gateway {

// A route's traffic split turned into per-instance server weights: a backend's weight is
// shared by its instances, scaled to whole numbers the gateways accept (nginx: >= 1;
// HAProxy: 1..256). Backends with weight 0 or without instances contribute nothing.
struct WeightedServer
{
    InstanceEndpoint endpoint;
    QString service;
    QString version; // as the backend names it (may be empty: every version)
    int weight = 1;
};

QList<WeightedServer> weightedServers(const Route &route, const EndpointMap &endpoints, int maxWeight);

// A safe identifier for config names: letters, digits and _.
QString configId(const QString &name);

} // namespace mcp::gateway
