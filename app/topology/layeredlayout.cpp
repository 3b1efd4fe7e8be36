#include "layeredlayout.h"

#include <QMap>
#include <QSet>

#include <algorithm>
#include <array>

namespace mcp::topology {

int layerOf(NodeKind kind)
{
    switch (kind) {
    case NodeKind::Gateway: return 0;
    case NodeKind::Route: return 1;
    case NodeKind::Service:
    case NodeKind::Version: return 2; // a version stands under its service
    case NodeKind::Instance: return 3;
    default: return -1;
    }
}

namespace {

constexpr int kLayers = 4;
constexpr int kServiceLayer = 2;
constexpr qreal kTreeX = 14; // the tree connector runs this far right of the service's left edge

struct Row
{
    QString key;  // rows with one key stand together, a gap between keys
    int rank = 0; // within a key: a service (0) before its versions (1)
    QString name;
    const Node *node;
};
using Columns = std::array<QList<Row>, kLayers>;

// Where a row goes: which of its layer's (wrapped) columns, and how far down.
struct Slot
{
    int wrap = 0;
    qreal y = 0;
};
using Slots = std::array<QList<Slot>, kLayers>;

int drawnLayer(const Node &n)
{
    int layer = layerOf(n.kind);
    // Gateway containers stand right of their gateway (the routes' column until routes
    // exist), so their edges do not cross the whole graph.
    if (layer >= 0 && n.kind == NodeKind::Instance &&
        n.attributes.value(QLatin1String("role")).toString() == QLatin1String("gateway"))
        layer = 1;
    return layer;
}

Row rowFor(const Node &n, int layer)
{
    // Sort keys are computed once per node (not per comparison): this runs on every rebuild.
    if (n.kind == NodeKind::Service)
        return Row{n.name, 0, n.name, &n};
    if (n.kind == NodeKind::Version)
        return Row{n.attributes.value(QLatin1String("service")).toString(), 1, n.name, &n};
    QString key = n.group;
    if (layer == 3) {
        // Instances follow their version (or gateway) so edges stay short.
        const QString service = n.attributes.value(QLatin1String("service")).toString();
        const QString gateway = n.attributes.value(QLatin1String("gateway")).toString();
        key = !service.isEmpty() ? QLatin1String("1/") + service + QLatin1Char('/') +
                                       n.attributes.value(QLatin1String("version")).toString()
              : !gateway.isEmpty() ? QLatin1String("0/") + gateway
                                   : QStringLiteral("2/");
        key += QLatin1Char('/') + n.group;
    }
    return Row{key, 0, n.name, &n};
}

// Rows of one column top to bottom, wrapping after maxRows. In the services column a
// service and its versions (one key) are never split: the block moves to the next column
// when it does not fit (unless it is taller than a column itself).
QList<Slot> slotsFor(const QList<Row> &col, bool keepBlocks, const LayoutMetrics &m)
{
    QList<Slot> rowSlots;
    rowSlots.reserve(col.size());
    qreal y = 0;
    int row = 0;
    int wrap = 0;
    for (qsizetype i = 0; i < col.size(); ++i) {
        const bool blockStart = i == 0 || col[i].key != col[i - 1].key;
        if (i > 0 && blockStart)
            y += m.groupGap;
        bool wrapNow = row == m.maxRows;
        if (keepBlocks && blockStart && row > 0 && !wrapNow) {
            qsizetype end = i + 1;
            while (end < col.size() && col[end].key == col[i].key)
                ++end;
            const qsizetype blockRows = end - i;
            wrapNow = blockRows <= m.maxRows && row + blockRows > m.maxRows;
        }
        if (wrapNow) {
            row = 0;
            y = 0;
            ++wrap;
        }
        rowSlots.append(Slot{wrap, y});
        y += m.rowHeight;
        ++row;
    }
    return rowSlots;
}

// Sorts each column, finds its rows' rowSlots; returns how many extra columns each layer needs.
std::array<int, kLayers> sortAndSlot(Columns &columns, Slots &rowSlots, const LayoutMetrics &m)
{
    std::array<int, kLayers> wraps{};
    for (int layer = 0; layer < kLayers; ++layer) {
        auto &col = columns[layer];
        std::sort(col.begin(), col.end(), [](const Row &a, const Row &b) {
            const int c = a.key.compare(b.key);
            if (c != 0)
                return c < 0;
            return a.rank != b.rank ? a.rank < b.rank : a.name < b.name;
        });
        rowSlots[layer] = slotsFor(col, layer == kServiceLayer, m);
        wraps[layer] = rowSlots[layer].isEmpty() ? 0 : rowSlots[layer].last().wrap;
    }
    return wraps;
}

// Places one lane's columns starting at y0; returns the lane's height.
qreal placeColumns(const Columns &columns, const Slots &rowSlots, const std::array<int, kLayers> &columnStart,
                   const QList<qreal> &columnX, qreal y0, const LayoutMetrics &m, QHash<QString, QPointF> &out)
{
    qreal height = 0;
    for (int layer = 0; layer < kLayers; ++layer) {
        const auto &col = columns[layer];
        for (qsizetype i = 0; i < col.size(); ++i) {
            const Row &r = col[i];
            const Slot &s = rowSlots[layer][i];
            const qreal indent = r.node->kind == NodeKind::Version ? m.versionIndent : 0;
            out.insert(r.node->id, QPointF(columnX[columnStart[layer] + s.wrap] + indent, y0 + s.y));
            height = std::max(height, s.y + m.rowHeight);
        }
    }
    return height;
}

// The lane of every drawn node: instances by host or project; versions, gateways and
// services by their instances (a single lane, or "several").
QHash<QString, QString> laneOf(const Graph &graph, GroupBy groupBy)
{
    const QString none = groupBy == GroupBy::Host ? QStringLiteral("(no host)") : QStringLiteral("(no Compose project)");
    const QString several = groupBy == GroupBy::Host ? QStringLiteral("several hosts") : QStringLiteral("several projects");
    QHash<QString, QString> lane;
    for (const auto &n : graph.nodes) {
        if (n.kind == NodeKind::Instance) {
            const QString key = groupBy == GroupBy::Host ? n.host : n.group;
            lane.insert(n.id, key.isEmpty() ? none : key);
        }
    }
    QHash<QString, QSet<QString>> childLanes;
    const auto gather = [&](NodeKind parentKind) {
        childLanes.clear();
        for (const auto &e : graph.edges) {
            const auto from = graph.nodes.constFind(e.from);
            if (from == graph.nodes.constEnd() || from->kind != parentKind)
                continue;
            const auto childLane = lane.constFind(e.to);
            if (childLane != lane.constEnd())
                childLanes[e.from].insert(*childLane);
        }
        for (auto it = childLanes.constBegin(); it != childLanes.constEnd(); ++it)
            lane.insert(it.key(), it->size() == 1 ? *it->begin() : several);
    };
    gather(NodeKind::Version);
    gather(NodeKind::Gateway);
    gather(NodeKind::Service);
    for (const auto &n : graph.nodes) {
        if (drawnLayer(n) >= 0 && !lane.contains(n.id))
            lane.insert(n.id, none);
    }
    return lane;
}

} // namespace

EdgeShape edgeShape(QPointF fromPos, QPointF toPos, NodeKind toKind, const LayoutMetrics &m)
{
    EdgeShape s;
    s.to = toPos + QPointF(0, kNodeHeight / 2);
    if (toPos.x() < fromPos.x() + kNodeWidth) { // under its source, in the same column
        s.tree = true;
        s.from = fromPos + QPointF(kTreeX, kNodeHeight);
        s.corner = QPointF(s.from.x(), s.to.y());
        return s;
    }
    s.from = fromPos + QPointF(kNodeWidth, kNodeHeight / 2);
    // A version's row holds no service, so the lead-in level with it passes none.
    const qreal leadIn = toKind == NodeKind::Version ? std::min(m.versionIndent, s.to.x() - s.from.x()) : 0;
    s.entry = s.to - QPointF(leadIn, 0);
    const qreal dx = (s.entry.x() - s.from.x()) / 2;
    s.c1 = s.from + QPointF(dx, 0);
    s.c2 = s.entry - QPointF(dx, 0);
    return s;
}

QHash<QString, QPointF> layeredLayout(const Graph &graph, const LayoutMetrics &m)
{
    return layeredLayout(graph, GroupBy::None, m).positions;
}

LayoutResult layeredLayout(const Graph &graph, GroupBy groupBy, const LayoutMetrics &m)
{
    LayoutResult result;
    result.positions.reserve(graph.nodes.size());
    struct Lane
    {
        Columns columns;
        Slots rowSlots;
    };
    QMap<QString, Lane> lanes; // title -> its columns (QMap: ordered by title)
    const QHash<QString, QString> laneOfNode = groupBy == GroupBy::None ? QHash<QString, QString>() : laneOf(graph, groupBy);
    for (const auto &n : graph.nodes) {
        const int layer = drawnLayer(n);
        if (layer < 0)
            continue;
        lanes[laneOfNode.value(n.id)].columns[layer].append(rowFor(n, layer));
    }
    // Columns line up across lanes: each layer is as wide as its widest lane needs.
    std::array<int, kLayers> wraps{};
    std::array<bool, kLayers> used{};
    for (Lane &lane : lanes) {
        const auto laneWraps = sortAndSlot(lane.columns, lane.rowSlots, m);
        for (int layer = 0; layer < kLayers; ++layer) {
            wraps[layer] = std::max(wraps[layer], laneWraps[layer]);
            used[layer] = used[layer] || !lane.columns[layer].isEmpty();
        }
    }
    std::array<int, kLayers> columnStart{};
    QList<qreal> columnX; // left edge of each column; the services' columns are wider (indent)
    qreal x = 0;
    for (int layer = 0; layer < kLayers; ++layer) {
        columnStart[layer] = int(columnX.size());
        if (!used[layer])
            continue;
        if (layer == kServiceLayer && !columnX.isEmpty())
            x += m.routeLabelGap;
        for (int w = 0; w <= wraps[layer]; ++w) {
            columnX << x;
            x += m.columnWidth + (layer == kServiceLayer ? m.versionIndent : 0);
        }
    }
    // "several ..." and "(no ...)" lanes go last.
    QStringList titles = lanes.keys();
    std::stable_sort(titles.begin(), titles.end(), [](const QString &a, const QString &b) {
        const auto rank = [](const QString &t) { return t.startsWith(QLatin1Char('(')) ? 2 : t.startsWith(QLatin1String("several")) ? 1 : 0; };
        return rank(a) < rank(b);
    });
    qreal y = 0;
    // The last column's right edge (the services' column carries the indent of its versions).
    const qreal width = columnX.isEmpty() ? kNodeWidth : x - m.columnWidth + kNodeWidth;
    for (const QString &title : std::as_const(titles)) {
        const Lane &lane = lanes[title];
        const qreal top = y;
        if (groupBy != GroupBy::None)
            y += m.laneHeader;
        const qreal height = placeColumns(lane.columns, lane.rowSlots, columnStart, columnX, y, m, result.positions);
        if (groupBy != GroupBy::None) {
            int count = 0;
            for (const auto &c : lane.columns)
                count += int(c.size());
            result.lanes.append(LayoutLane{title, QRectF(-16, top, width + 32, m.laneHeader + height + 8), count});
        }
        y += height + m.laneGap;
    }
    return result;
}

} // namespace mcp::topology
