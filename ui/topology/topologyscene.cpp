#include "topologyscene.h"

#include "topology/nodefilter.h"

#include <QMap>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

#include "bundleitem.h"
#include "edgeitem.h"
#include "healthstyle.h"
#include "topology/layeredlayout.h"
#include "nodeitem.h"

namespace mcp::ui {

TopologyScene::TopologyScene(QObject *parent) : QGraphicsScene(parent)
{
    setItemIndexMethod(QGraphicsScene::BspTreeIndex);
}

TopologyScene::~TopologyScene()
{
    // Edges point at their nodes: they go first, before QGraphicsScene deletes the rest in
    // an order of its own.
    qDeleteAll(m_edges);
    m_edges.clear();
    qDeleteAll(m_lanes);
    m_lanes.clear();
    qDeleteAll(m_bundles);
    m_bundles.clear();
}

void TopologyScene::sync(const topology::Graph &graph, const topology::GraphDelta &delta)
{
    const bool structural = !delta.addedNodes.isEmpty() || !delta.removedNodes.isEmpty() || !delta.addedEdges.isEmpty() ||
                            !delta.removedEdges.isEmpty() || m_nodes.isEmpty();
    if (structural)
        return sync(graph);
    for (const QString &id : delta.updatedNodes) {
        const auto node = graph.nodes.constFind(id);
        NodeItem *item = m_nodes.value(id);
        if (node == graph.nodes.constEnd() || !item)
            return sync(graph); // not what this scene shows: start over
        item->setNode(graph.withFindings(*node));
        if (const auto tick = m_tickOf.constFind(id); tick != m_tickOf.constEnd())
            tick->first->setTickColor(tick->second, healthColor(node->health));
    }
    if (!m_filterText.isEmpty())
        applyFilter(m_filterText);
}

void TopologyScene::sync(const topology::Graph &graph)
{
    ++m_fullSyncs;
    const topology::LayoutResult layout = topology::layeredLayout(graph, m_groupBy);
    const QHash<QString, QPointF> &positions = layout.positions;
    syncLanes(layout.lanes);
    // Big fan-outs (a version's many instances) become bundles instead of single edges.
    // A service's versions stand under it (tree connectors, same column): never bundled.
    const auto bundleable = [&](const topology::Edge &e) {
        const auto from = positions.constFind(e.from), to = positions.constFind(e.to);
        return from != positions.constEnd() && to != positions.constEnd() && to->x() >= from->x() + topology::kNodeWidth;
    };
    QHash<QString, int> fanOut;
    for (const auto &e : graph.edges) {
        if (bundleable(e))
            ++fanOut[e.from];
    }
    QSet<QString> bundled; // edge ids drawn by bundles
    for (auto it = graph.edges.constBegin(); it != graph.edges.constEnd(); ++it) {
        if (fanOut.value(it->from) > kBundleThreshold && bundleable(*it))
            bundled.insert(it.key());
    }

    // Edges first: an edge must go before either of its nodes does.
    for (auto it = m_edges.begin(); it != m_edges.end();) {
        const auto e = graph.edges.constFind(it.key());
        if (e == graph.edges.constEnd() || !positions.contains(e->from) || !positions.contains(e->to) ||
            bundled.contains(it.key())) {
            delete it.value();
            it = m_edges.erase(it);
        } else {
            ++it;
        }
    }
    for (auto it = m_nodes.begin(); it != m_nodes.end();) {
        if (!positions.contains(it.key())) {
            delete it.value();
            it = m_nodes.erase(it);
        } else {
            ++it;
        }
    }
    for (auto it = positions.constBegin(); it != positions.constEnd(); ++it) {
        const topology::Node node = graph.withFindings(graph.nodes[it.key()]);
        NodeItem *item = m_nodes.value(it.key());
        if (!item) {
            item = new NodeItem(node);
            addItem(item);
            m_nodes.insert(it.key(), item);
        } else if (!(item->node() == node)) {
            item->setNode(node);
        }
        if (item->pos() != it.value())
            item->setPos(it.value());
    }
    for (auto it = graph.edges.constBegin(); it != graph.edges.constEnd(); ++it) {
        if (m_edges.contains(it.key()) || bundled.contains(it.key()))
            continue;
        NodeItem *from = m_nodes.value(it->from);
        NodeItem *to = m_nodes.value(it->to);
        if (!from || !to)
            continue;
        auto *edge = new EdgeItem(from, to);
        addItem(edge);
        m_edges.insert(it.key(), edge);
    }
    syncBundles(graph, bundled);
    if (m_overlayMode != OverlayMode::Health)
        applyOverlay(); // new items start with the current figures
    setSceneRect(itemsBoundingRect().adjusted(-40, -40, 40, 40));
    if (!m_filterText.isEmpty()) // new and changed nodes follow the active filter
        applyFilter(m_filterText);
}

void TopologyScene::setOverlay(OverlayMode mode, const telemetry::TrafficOverlay &traffic)
{
    const bool wasHealth = m_overlayMode == OverlayMode::Health;
    m_overlayMode = mode;
    m_traffic = traffic;
    if (mode == OverlayMode::Health && wasHealth)
        return;
    applyOverlay();
}

void TopologyScene::applyOverlay()
{
    const auto mark = [](const QHash<QString, telemetry::Figures> &figures, const QString &id) {
        TrafficMark m;
        const auto it = figures.constFind(id);
        if (it != figures.constEnd() && it->requests > 0) {
            m.has = true;
            m.rps = it->rps;
            m.errorRate = it->errorRate;
            m.p99Ms = it->p99Ms;
        }
        return m;
    };
    for (auto it = m_nodes.constBegin(); it != m_nodes.constEnd(); ++it)
        it.value()->setTraffic(m_overlayMode, mark(m_traffic.nodes, it.key()));
    for (auto it = m_edges.constBegin(); it != m_edges.constEnd(); ++it)
        it.value()->setTraffic(m_overlayMode, mark(m_traffic.edges, it.key()), m_traffic.maxRps);
}

void TopologyScene::syncLanes(const QList<topology::LayoutLane> &lanes)
{
    // A handful of items: rebuilt on every sync rather than diffed.
    qDeleteAll(m_lanes);
    m_lanes.clear();
    for (const topology::LayoutLane &lane : lanes) {
        auto *rect = new QGraphicsRectItem(lane.rect);
        rect->setPen(QPen(QColor(0xc8, 0xcf, 0xd8), 1, Qt::DashLine));
        rect->setBrush(QColor(0xee, 0xf1, 0xf5, 150));
        rect->setZValue(-10);
        auto *title = new QGraphicsSimpleTextItem(QStringLiteral("%1  ·  %2").arg(lane.title).arg(lane.nodes), rect);
        QFont f = title->font();
        f.setBold(true);
        f.setPointSizeF(f.pointSizeF() * 1.1);
        title->setFont(f);
        title->setBrush(QColor(0x44, 0x4c, 0x56));
        title->setPos(lane.rect.left() + 12, lane.rect.top() + 8);
        addItem(rect);
        m_lanes << rect;
    }
}

namespace {
// Where a trunk from `source` to the bus left of `targetX` runs level past the boxes in
// between: the free height (between the boxes' rows, merged over every column it crosses)
// nearest the source's. None when nothing stands in between.
std::pair<std::optional<qreal>, std::pair<qreal, qreal>> trunkCorridor(QPointF source, qreal targetX, const QList<QRectF> &boxes)
{
    constexpr qreal kClearance = 3; // half the trunk's width and a pixel of air
    QList<std::pair<qreal, qreal>> rows; // occupied heights
    qreal left = std::numeric_limits<qreal>::max(), right = std::numeric_limits<qreal>::lowest();
    for (const QRectF &b : boxes) {
        if (b.left() <= source.x() || b.right() >= targetX)
            continue;
        rows.append({b.top() - kClearance, b.bottom() + kClearance});
        left = std::min(left, b.left());
        right = std::max(right, b.right());
    }
    if (rows.isEmpty())
        return {};
    std::sort(rows.begin(), rows.end());
    QList<std::pair<qreal, qreal>> merged;
    for (const auto &r : std::as_const(rows)) {
        if (!merged.isEmpty() && r.first <= merged.last().second)
            merged.last().second = std::max(merged.last().second, r.second);
        else
            merged.append(r);
    }
    // Free heights: the source's own if no row covers it, else the middle of each gap, and
    // just above the first row and below the last.
    const bool sourceFree = std::none_of(merged.cbegin(), merged.cend(), [&](const auto &r) {
        return source.y() > r.first && source.y() < r.second;
    });
    qreal best = source.y();
    if (!sourceFree) {
        QList<qreal> candidates{merged.first().first - kClearance, merged.last().second + kClearance};
        for (qsizetype i = 1; i < merged.size(); ++i)
            candidates << (merged[i - 1].second + merged[i].first) / 2;
        best = *std::min_element(candidates.cbegin(), candidates.cend(),
                                 [&](qreal a, qreal b) { return std::abs(a - source.y()) < std::abs(b - source.y()); });
    }
    return {best, {left - 8, right + 8}};
}
} // namespace

void TopologyScene::syncBundles(const topology::Graph &graph, const QSet<QString> &bundled)
{
    qDeleteAll(m_bundles);
    m_bundles.clear();
    m_bundled = bundled;
    m_tickOf.clear();
    if (bundled.isEmpty())
        return;
    // Group the bundled edges by source and target column.
    QHash<QString, QMap<qreal, QList<const NodeItem *>>> targets; // source -> column x -> targets
    for (const QString &id : bundled) {
        const auto &e = graph.edges[id];
        const NodeItem *to = m_nodes.value(e.to);
        if (!to || !m_nodes.contains(e.from))
            continue;
        targets[e.from][to->pos().x()].append(to);
    }
    // The services layer's boxes: when it wraps into several columns, a trunk from the left
    // ones must not run through the versions beside it (it would read as version -> version).
    QList<QRectF> serviceBoxes;
    for (const NodeItem *n : std::as_const(m_nodes)) {
        if (n->node().kind == topology::NodeKind::Service || n->node().kind == topology::NodeKind::Version)
            serviceBoxes << QRectF(n->pos(), QSizeF(NodeItem::kWidth, NodeItem::kHeight));
    }
    for (auto it = targets.constBegin(); it != targets.constEnd(); ++it) {
        const NodeItem *from = m_nodes.value(it.key());
        const QPointF source = from->pos() + QPointF(NodeItem::kWidth, NodeItem::kHeight / 2);
        int total = 0;
        for (const auto &column : it.value())
            total += int(column.size());
        for (const auto &column : it.value()) {
            QList<BundleItem::Target> ticks;
            ticks.reserve(column.size());
            for (const NodeItem *to : column)
                ticks.append({to->pos() + QPointF(0, NodeItem::kHeight / 2), healthColor(to->node().health)});
            const auto [corridorY, corridorX] = trunkCorridor(source, column.first()->pos().x(), serviceBoxes);
            auto *bundle = new BundleItem(source, std::move(ticks), total, corridorY, corridorX);
            addItem(bundle);
            m_bundles << bundle;
            for (int i = 0; i < int(column.size()); ++i)
                m_tickOf.insert(column[i]->node().id, {bundle, i});
        }
    }
}

QStringList TopologyScene::laneTitles() const
{
    QStringList out;
    for (const auto *lane : m_lanes) {
        for (const auto *child : lane->childItems()) {
            if (const auto *text = dynamic_cast<const QGraphicsSimpleTextItem *>(child))
                out << text->text().section(QStringLiteral("  ·  "), 0, 0);
        }
    }
    return out;
}

int TopologyScene::applyFilter(const QString &text)
{
    m_filterText = text;
    const auto filter = topology::NodeFilter::parse(text);
    int matches = 0;
    for (NodeItem *item : std::as_const(m_nodes)) {
        const bool match = !filter.isEmpty() && filter.matches(item->node());
        item->setHighlighted(match);
        item->setOpacity(filter.isEmpty() || match ? 1.0 : 0.3);
        matches += match ? 1 : 0;
    }
    for (EdgeItem *edge : std::as_const(m_edges))
        edge->setOpacity(filter.isEmpty() ? 1.0 : 0.3);
    for (BundleItem *bundle : std::as_const(m_bundles))
        bundle->setOpacity(filter.isEmpty() ? 1.0 : 0.3);
    return matches;
}

} // namespace mcp::ui
