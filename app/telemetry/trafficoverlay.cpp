#include "trafficoverlay.h"

namespace mcp::telemetry {

namespace {

// What a node stands for in the store's terms (empty fields match anything).
std::optional<EdgeKey> nodePattern(const topology::Node &n)
{
    using topology::NodeKind;
    const auto attr = [&](const char *key) { return n.attributes.value(QLatin1String(key)).toString(); };
    switch (n.kind) {
    case NodeKind::Gateway:
        return EdgeKey{n.name, {}, {}, {}, {}};
    case NodeKind::Route:
        return EdgeKey{attr("gateway"), n.name, {}, {}, {}};
    case NodeKind::Service:
        return EdgeKey{{}, {}, n.name, {}, {}};
    case NodeKind::Version:
        return EdgeKey{{}, {}, attr("service"), n.name, {}};
    case NodeKind::Instance:
        if (attr("service").isEmpty())
            return std::nullopt;
        return EdgeKey{{}, {}, attr("service"), attr("version"), n.name};
    default:
        return std::nullopt;
    }
}

// An edge's pattern: the two ends' patterns merged (the route's gateway and name with the
// version's service and version, and so on).
std::optional<EdgeKey> edgePattern(const topology::Node &from, const topology::Node &to)
{
    const auto a = nodePattern(from);
    const auto b = nodePattern(to);
    if (!a || !b)
        return std::nullopt;
    const auto pick = [](const QString &x, const QString &y) { return x.isEmpty() ? y : x; };
    return EdgeKey{pick(a->gateway, b->gateway), pick(a->route, b->route), pick(a->service, b->service), pick(a->version, b->version),
                   pick(a->instance, b->instance)};
}

} // namespace

TrafficOverlay trafficOverlay(const topology::Graph &graph, const TelemetryStore &store, int seconds, qint64 nowMs)
{
    TrafficOverlay out;
    if (store.edgeCount() == 0)
        return out;
    for (const topology::Node &n : graph.nodes) {
        const auto pattern = nodePattern(n);
        if (!pattern)
            continue;
        const Figures f = store.figures(*pattern, seconds, nowMs);
        if (f.requests > 0)
            out.nodes.insert(n.id, f);
    }
    for (const topology::Edge &e : graph.edges) {
        // Only edges between nodes that carry traffic.
        if (!out.nodes.contains(e.from) || !out.nodes.contains(e.to))
            continue;
        const auto pattern = edgePattern(graph.nodes.value(e.from), graph.nodes.value(e.to));
        if (!pattern)
            continue;
        const Figures f = store.figures(*pattern, seconds, nowMs);
        if (f.requests == 0)
            continue;
        out.edges.insert(e.id(), f);
        out.maxRps = std::max(out.maxRps, f.rps);
    }
    return out;
}

} // namespace mcp::telemetry
