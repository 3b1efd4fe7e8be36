#include "layeredlayout.h"

#include <QMap>
#include <QSet>

#include <algorithm>
#include <array>

#include <QList>

#include <algorithm>

namespace mcp::topology {


int layerOf(NodeKind kind)
{
    switch (kind) {
    case NodeKind::Gateway: return 0;
    case NodeKind::Route: return 1;
    case NodeKind::Service: return 2;
    case NodeKind::Version: return 3;
    case NodeKind::Instance: return 4;
    default: return -1;
    }
}

namespace {

constexpr int kLayers = 5;

struct Row
{
    QString key; // instances: owner; versions: service; others: Compose group
    QString name;
    const Node *node;
};
using Columns = std::array<QList<Row>, kLayers>;

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
    QString key = n.group;
    if (layer == 3) {
        key = n.attributes.value(QLatin1String("service")).toString();
    } else if (layer == 4) {
        // Instances follow their version (or gateway) so edges stay short.
        const QString service = n.attributes.value(QLatin1String("service")).toString();
        const QString gateway = n.attributes.value(QLatin1String("gateway")).toString();
        key = !service.isEmpty() ? QLatin1String("1/") + service + QLatin1Char('/') +
                                       n.attributes.value(QLatin1String("version")).toString()
              : !gateway.isEmpty() ? QLatin1String("0/") + gateway
                                   : QStringLiteral("2/");
        key += QLatin1Char('/') + n.group;
    }
    return Row{key, n.name, &n};
}

// Rows per column after sorting, and how many columns each layer needs (wrapping).
std::array<int, kLayers> sortAndCountWraps(Columns &columns, const LayoutMetrics &m)
{
    std::array<int, kLayers> wraps{};
    for (int layer = 0; layer < kLayers; ++layer) {
        auto &col = columns[layer];
        std::sort(col.begin(), col.end(), [](const Row &a, const Row &b) {
            const int c = a.key.compare(b.key);
            return c != 0 ? c < 0 : a.name < b.name;
        });
        wraps[layer] = col.isEmpty() ? 0 : int((col.size() - 1) / m.maxRows);
    }
    return wraps;
}

// Places one lane's columns starting at y0; returns the lane's height.
qreal placeColumns(const Columns &columns, const std::array<int, kLayers> &columnStart, qreal y0,
                   const LayoutMetrics &m, QHash<QString, QPointF> &out)
{
    qreal height = 0;
    for (int layer = 0; layer < kLayers; ++layer) {
        const auto &col = columns[layer];
        if (col.isEmpty())
            continue;
        qreal y = 0;
        int row = 0;
        int wraps = 0;
        QString lastKey = col.first().key;
        for (const Row &r : col) {
            if (r.key != lastKey) {
                y += m.groupGap;
                lastKey = r.key;
            }
            if (row == m.maxRows) {
                row = 0;
                y = 0;
                ++wraps;
            }
            out.insert(r.node->id, QPointF((columnStart[layer] + wraps) * m.columnWidth, y0 + y));
            y += m.rowHeight;
            height = std::max(height, y);
            ++row;
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

QHash<QString, QPointF> layeredLayout(const Graph &graph, const LayoutMetrics &m)
{
    return layeredLayout(graph, GroupBy::None, m).positions;
}

LayoutResult layeredLayout(const Graph &graph, GroupBy groupBy, const LayoutMetrics &m)
{
    LayoutResult result;
    result.positions.reserve(graph.nodes.size());
    QMap<QString, Columns> lanes; // title -> its columns (QMap: ordered by title)
    const QHash<QString, QString> laneOfNode = groupBy == GroupBy::None ? QHash<QString, QString>() : laneOf(graph, groupBy);
    for (const auto &n : graph.nodes) {
        const int layer = drawnLayer(n);
        if (layer < 0)
            continue;
        lanes[laneOfNode.value(n.id)][layer].append(rowFor(n, layer));
    }
    // Columns line up across lanes: each layer is as wide as its widest lane needs.
    std::array<int, kLayers> wraps{};
    std::array<bool, kLayers> used{};
    for (auto &columns : lanes) {
        const auto laneWraps = sortAndCountWraps(columns, m);
        for (int layer = 0; layer < kLayers; ++layer) {
            wraps[layer] = std::max(wraps[layer], laneWraps[layer]);
            used[layer] = used[layer] || !columns[layer].isEmpty();
        }
    }
    std::array<int, kLayers> columnStart{};
    int next = 0;
    for (int layer = 0; layer < kLayers; ++layer) {
        columnStart[layer] = next;
        if (used[layer])
            next += wraps[layer] + 1;
    }
    // "several ..." and "(no ...)" lanes go last.
    QStringList titles = lanes.keys();
    std::stable_sort(titles.begin(), titles.end(), [](const QString &a, const QString &b) {
        const auto rank = [](const QString &t) { return t.startsWith(QLatin1Char('(')) ? 2 : t.startsWith(QLatin1String("several")) ? 1 : 0; };
        return rank(a) < rank(b);
    });
    qreal y = 0;
    const qreal width = (next - 1) * m.columnWidth + 210;
    for (const QString &title : std::as_const(titles)) {
        const Columns &columns = lanes[title];
        const qreal top = y;
        if (groupBy != GroupBy::None)
            y += m.laneHeader;
        const qreal height = placeColumns(columns, columnStart, y, m, result.positions);
        if (groupBy != GroupBy::None) {
            int count = 0;
            for (const auto &c : columns)
                count += int(c.size());
            result.lanes.append(LayoutLane{title, QRectF(-16, top, width + 32, m.laneHeader + height + 8), count});
        }
        y += height + m.laneGap;
    }
    return result;
}

} // namespace mcp::topology
