#pragma once

#include "telemetry/trafficoverlay.h"
#include "topology/graph.h"
#include "topology/layeredlayout.h"

#include <QByteArray>

namespace mcp::snapshot {

// The topology as a standalone SVG, drawn like the console's graph view: the same layered
// layout, boxes with the health band and glyph (colour AND shape: Okabe-Ito colours, circle,
// triangle, crossed square, ring), names and subtitles, curves between layers, lanes per
// host or Compose project. With an overlay, edges get their width by requests/s and their
// colour by 5xx rate, and nodes a p99 badge. Text only, no Qt Gui: mcpctl writes it too.
struct GraphSvgOptions
{
    topology::GroupBy groupBy = topology::GroupBy::Host;
    const telemetry::TrafficOverlay *overlay = nullptr;
    QString title;
};

QByteArray graphToSvg(const topology::Graph &graph, const GraphSvgOptions &options = {});

// Okabe-Ito, as ui/topology/healthstyle: "#009e73" healthy, "#e69f00" degraded, "#d55e00"
// down, "#888888" unknown.
QString healthColorName(topology::Health health);

// Text safe for SVG and HTML.
QString xmlEscape(const QString &text);

} // namespace mcp::snapshot
