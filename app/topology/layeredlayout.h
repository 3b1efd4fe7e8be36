#pragma once

#include "graph.h"

#include <QHash>
#include <QList>
#include <QPointF>
#include <QRectF>
#include <QString>

namespace mcp::topology {

// Positions for the graph view: one column per layer (gateways, routes and gateway
// containers, services with their versions, instances), rows in a stable order (group, then
// name), so that a node that comes or goes moves only the nodes below it in its own column,
// never the others. Hosts and networks are not drawn as boxes (they are details of the
// instances).
//
// A service and its versions share a column: the service first, its versions under it,
// indented, joined by a tree connector. A route's edges to versions (or to a service) then
// reach the next column only, so they never pass over other services; a wrapped column
// keeps each service with its versions.
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
    // How far a version stands right of its service (the services column is this much wider).
    qreal versionIndent = 28;
    // Extra room before the services column: a route's edges to its versions carry the
    // traffic overlay's labels there.
    qreal routeLabelGap = 60;
    // A layer taller than this many rows wraps into further columns (large hosts), so that
    // a fitted view of thousands of instances is a readable grid, not a thin line.
    int maxRows = 60;
};

// The size of a node's box, shared by the view's items and the snapshot's SVG.
inline constexpr qreal kNodeWidth = 210;
inline constexpr qreal kNodeHeight = 42;

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

// How an edge between two placed nodes (their top-left positions) is drawn, by the view and
// the SVG alike. Between columns: a cubic curve from the source's right middle (control
// points c1, c2) to `entry`, then straight into the target's left middle; the straight
// part is the indent of a version, so a route's curve ends in the gap before the services
// column and passes no service box. A target under its source in the same column (a
// version under its service): a tree connector, down from the source's bottom near its
// left edge to `corner`, then right into the target.
struct EdgeShape
{
    bool tree = false;
    QPointF from;
    QPointF c1, c2; // curve only
    QPointF entry;  // curve only: where the curve ends and the straight lead-in starts
    QPointF corner; // tree only
    QPointF to;
};
EdgeShape edgeShape(QPointF fromPos, QPointF toPos, NodeKind toKind, const LayoutMetrics &metrics = {});

} // namespace mcp::topology
