#include "topologyscene.h"

#include "topology/nodefilter.h"

#include "edgeitem.h"
#include "layeredlayout.h"
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
}

void TopologyScene::sync(const topology::Graph &graph)
{
    const QHash<QString, QPointF> positions = layeredLayout(graph);

    // Edges first: an edge must go before either of its nodes does.
    for (auto it = m_edges.begin(); it != m_edges.end();) {
        const auto e = graph.edges.constFind(it.key());
        if (e == graph.edges.constEnd() || !positions.contains(e->from) || !positions.contains(e->to)) {
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
        const topology::Node &node = graph.nodes[it.key()];
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
        if (m_edges.contains(it.key()))
            continue;
        NodeItem *from = m_nodes.value(it->from);
        NodeItem *to = m_nodes.value(it->to);
        if (!from || !to)
            continue;
        auto *edge = new EdgeItem(from, to);
        addItem(edge);
        m_edges.insert(it.key(), edge);
    }
    setSceneRect(itemsBoundingRect().adjusted(-40, -40, 40, 40));
    if (!m_filterText.isEmpty()) // new and changed nodes follow the active filter
        applyFilter(m_filterText);
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
    return matches;
}

} // namespace mcp::ui
