#pragma once

#include "graph.h"

#include <QHash>
#include <QList>
#include <QPointF>
#include <QRectF>
#include <QString>

namespace mcp::topology {

// Positions for the graph view: one column per layer (gateways, gateway containers,
// services, versions, instances), rows in a stable order (group, then name), so that a node
// that comes or goes moves only the nodes below it in its own column, never the others.
// Hosts and networks are not drawn as boxes (they are details of the instances).
//
// Grouping stacks lanes, one per Docker host or Compose project, each laid out as above
// with the same columns, so a lane reads left to right on its own. A service, version or
// gateway belongs to the lane of its instances, or to a "several" lane when they span more
// than one. Lanes are ordered by title, so they do not swap places as nodes change.
struct LayoutMetrics
{
    qreal columnWidth = 260;
    qreal rowHeight = 56;
    qreal groupGap = 28;
    qreal laneGap = 48;
    qreal laneHeader = 34;
    // A layer taller than this many rows wraps into further columns (large hosts), so that
    // a fitted view of thousands of instances is a readable grid, not a thin line.
    int maxRows = 60;
};

enum class GroupBy { None, Host, Project };

struct LayoutLane
{
    QString title;
    QRectF rect;
    int nodes = 0;
};

struct LayoutResult
{
    QHash<QString, QPointF> positions;
    QList<LayoutLane> lanes; // empty for GroupBy::None
};

LayoutResult layeredLayout(const Graph &graph, GroupBy groupBy, const LayoutMetrics &metrics = {});
QHash<QString, QPointF> layeredLayout(const Graph &graph, const LayoutMetrics &metrics = {});
// The column a node kind is drawn in, or -1 when it is not drawn.
int layerOf(NodeKind kind);

} // namespace mcp::topology
