#pragma once

#include "topology/graph.h"

#include <QHash>
#include <QPointF>
#include <QString>

namespace mcp::ui {

// Positions for the graph view: one column per layer (gateways, services, versions,
// instances), rows in a stable order (group, then name), so that a node that comes or goes
// moves only the nodes below it in its own column, never the others. Hosts and networks
// are not drawn as boxes (they are details of the instances).
struct LayoutMetrics
{
    qreal columnWidth = 260;
    qreal rowHeight = 56;
    qreal groupGap = 28;
    // A layer taller than this many rows wraps into further columns (large hosts), so that
    // a fitted view of thousands of instances is a readable grid, not a thin line.
    int maxRows = 60;
};

QHash<QString, QPointF> layeredLayout(const topology::Graph &graph, const LayoutMetrics &metrics = {});
// The column a node kind is drawn in, or -1 when it is not drawn.
int layerOf(topology::NodeKind kind);

} // namespace mcp::ui
