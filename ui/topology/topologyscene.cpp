#include "topologyscene.h"

#include "topology/nodefilter.h"

#include "bundleitem.h"
#include "edgeitem.h"
#include "healthstyle.h"
#include "topology/bundlerouting.h"
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
    const topology::BundleRouting routing = topology::routeBundles(graph, positions);
    const QSet<QString> &bundled = routing.bundledEdges;

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
    syncBundles(graph, routing.bundles);
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

void TopologyScene::syncBundles(const topology::Graph &graph, const QList<topology::BundleRoute> &routes)
{
    qDeleteAll(m_bundles);
    m_bundles.clear();
    m_tickOf.clear();
    for (const topology::BundleRoute &route : routes) {
        QList<QColor> colors;
        colors.reserve(route.targets.size());
        for (const QString &id : route.targets)
            colors << healthColor(graph.nodes.value(id).health);
        auto *bundle = new BundleItem(route, colors);
        addItem(bundle);
        m_bundles << bundle;
        for (int i = 0; i < int(route.targets.size()); ++i)
            m_tickOf.insert(route.targets[i], {bundle, i});
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
