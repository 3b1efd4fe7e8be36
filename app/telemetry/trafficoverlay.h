#pragma once

#include "telemetrystore.h"

#include "topology/graph.h"

#include <QHash>

namespace mcp::telemetry {

// The figures the graph shows under a traffic, error or latency overlay, keyed by the
// topology's node and edge ids: gateway -> route (the route's requests), route -> version
// (that route's share to the version), version -> instance and service -> version (all
// gateways' requests to them), and per node the same roll-ups as a badge.
struct TrafficOverlay
{
    QHash<QString, Figures> edges;
    QHash<QString, Figures> nodes;
    double maxRps = 0; // the busiest edge, for scaling widths
};

TrafficOverlay trafficOverlay(const topology::Graph &graph, const TelemetryStore &store, int seconds, qint64 nowMs);

} // namespace mcp::telemetry
