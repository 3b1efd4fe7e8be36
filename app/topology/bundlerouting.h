#pragma once

#include "graph.h"

#include <QHash>
#include <QList>
#include <QPointF>
#include <QSet>
#include <QString>
#include <QStringList>

namespace mcp::topology {

// Big fan-outs (a version's many instances) are drawn as bundles instead of single edges,
// by the view and the snapshot's SVG alike: a trunk from the source to a vertical bus beside
// each block of targets in one column, and a short tick from the bus to each target.
//
// A node with more drawable out-edges than this to columns right of it is bundled. A
// service's versions stand under it (tree connectors, same column): never bundled.
inline constexpr int kBundleThreshold = 12;

// How far left of its targets a bundle's bus runs.
inline constexpr qreal kBundleBusGap = 14;

// One piece of a trunk, from where the previous piece ended: a cubic Bézier, or a straight
// line (then c1 and c2 are its ends).
struct TrunkPiece
{
    QPointF c1, c2, to;
    bool straight = false;
    bool operator==(const TrunkPiece &) const = default;
};

struct BundleRoute
{
    QString source;              // node id
    QPointF start;               // the source's right middle
    QStringList targets;         // node ids in one column, top to bottom
    QList<QPointF> targetPoints; // their left middles
    int total = 0;               // the source's bundled edges over all its columns
    qreal busX = 0, top = 0, bottom = 0;
    QList<TrunkPiece> trunk;     // from `start` to the bus
};

struct BundleRouting
{
    QSet<QString> bundledEdges; // edge ids the bundles draw (no single edge for them)
    QList<BundleRoute> bundles; // by source id, then column
};

// Routes the bundles of a laid-out graph (top-left positions of its nodes' boxes).
//
// A trunk passes every column between its source and its targets through a gap between
// that column's rows, the one nearest its source's height, level; it changes height in the
// channels between columns, and reaches its bus in the last one. It never runs through a
// box: through a version beside its own it would read as version -> version, and behind
// instances it could not be followed. Trunks from different sources that share a gap are
// spread a few pixels apart inside it, upper sources on upper lanes, so that each can be
// followed through it.
BundleRouting routeBundles(const Graph &graph, const QHash<QString, QPointF> &positions);

} // namespace mcp::topology
