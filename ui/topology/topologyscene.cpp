#include "topologyscene.h"

#include "topology/nodefilter.h"

#include <QMap>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <tuple>

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
constexpr qreal kClearance = 3; // half the trunk's width and a pixel of air
// How far a trunk may leave its source's height for a gap between instance rows: two node
// heights (a row and a half); beyond that it only keeps clear of the service boxes.
constexpr qreal kMaxInstanceDetour = 2 * NodeItem::kHeight;

// What stands between two x: the heights the boxes there occupy, merged, and their extent.
struct Obstacles
{
    QList<std::pair<qreal, qreal>> rows; // occupied heights, sorted, not overlapping
    qreal left = 0, right = 0;
};

Obstacles obstaclesBetween(qreal fromX, qreal toX, const QList<QRectF> &boxes)
{
    Obstacles o;
    QList<std::pair<qreal, qreal>> rows;
    o.left = std::numeric_limits<qreal>::max();
    o.right = std::numeric_limits<qreal>::lowest();
    for (const QRectF &b : boxes) {
        if (b.left() <= fromX || b.right() >= toX)
            continue;
        rows.append({b.top() - kClearance, b.bottom() + kClearance});
        o.left = std::min(o.left, b.left());
        o.right = std::max(o.right, b.right());
    }
    std::sort(rows.begin(), rows.end());
    for (const auto &r : std::as_const(rows)) {
        if (!o.rows.isEmpty() && r.first <= o.rows.last().second)
            o.rows.last().second = std::max(o.rows.last().second, r.second);
        else
            o.rows.append(r);
    }
    return o;
}

// Where a trunk from `source` runs level past the obstacles: the source's own height when
// no row covers it, else the free height nearest it (the middle of a gap between rows, or
// just above the first or below the last). None when nothing stands in between.
std::pair<std::optional<qreal>, std::pair<qreal, qreal>> trunkCorridor(QPointF source, const Obstacles &o)
{
    if (o.rows.isEmpty())
        return {};
    const auto &rows = o.rows;
    const bool sourceFree = std::none_of(rows.cbegin(), rows.cend(), [&](const auto &r) {
        return source.y() > r.first && source.y() < r.second;
    });
    qreal best = source.y();
    if (!sourceFree) {
        QList<qreal> candidates{rows.first().first - kClearance, rows.last().second + kClearance};
        for (qsizetype i = 1; i < rows.size(); ++i)
            candidates << (rows[i - 1].second + rows[i].first) / 2;
        best = *std::min_element(candidates.cbegin(), candidates.cend(),
                                 [&](qreal a, qreal b) { return std::abs(a - source.y()) < std::abs(b - source.y()); });
    }
    return {best, {o.left - 8, o.right + 8}};
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
    // Nearer instance columns are passed the same way when a gap between their rows lies
    // close to the source's height; otherwise the trunk crosses behind them.
    QList<QRectF> serviceBoxes, allBoxes;
    for (const NodeItem *n : std::as_const(m_nodes)) {
        const QRectF box(n->pos(), QSizeF(NodeItem::kWidth, NodeItem::kHeight));
        allBoxes << box;
        if (n->node().kind == topology::NodeKind::Service || n->node().kind == topology::NodeKind::Version)
            serviceBoxes << box;
    }
    QHash<std::pair<qreal, qreal>, Obstacles> allBetween, servicesBetween;
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
            // Every trunk from one column to another passes the same boxes: worked out once.
            const qreal targetX = column.first()->pos().x();
            const auto obstacles = [&](QHash<std::pair<qreal, qreal>, Obstacles> &cache, const QList<QRectF> &boxes) -> const Obstacles & {
                const std::pair<qreal, qreal> key{source.x(), targetX};
                auto found = cache.find(key);
                if (found == cache.end())
                    found = cache.insert(key, obstaclesBetween(source.x(), targetX, boxes));
                return *found;
            };
            auto [corridorY, corridorX] = trunkCorridor(source, obstacles(allBetween, allBoxes));
            if (corridorY && std::abs(*corridorY - source.y()) > kMaxInstanceDetour)
                std::tie(corridorY, corridorX) = trunkCorridor(source, obstacles(servicesBetween, serviceBoxes));
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
