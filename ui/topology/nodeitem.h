#pragma once

#include "trafficstyle.h"

#include "topology/graph.h"
#include "topology/layeredlayout.h"

#include <QGraphicsItem>

namespace mcp::ui {

class EdgeItem;

// One node box: the health glyph, the name, a subtitle (kind, version, address) and a
// badge with the number of problems. Cached in device coordinates; at low zoom only the
// coloured box is painted (level of detail).
class NodeItem final : public QGraphicsItem
{
public:
    static constexpr qreal kWidth = topology::kNodeWidth;
    static constexpr qreal kHeight = topology::kNodeHeight;

    explicit NodeItem(const topology::Node &node);

    void setNode(const topology::Node &node);
    const topology::Node &node() const { return m_node; }
    void setHighlighted(bool on);
    // Under a traffic overlay a badge with the node's rate, error rate or p99.
    void setTraffic(OverlayMode mode, const TrafficMark &mark);
    bool isHighlighted() const { return m_highlighted; }
    void addEdge(EdgeItem *edge) { m_edges << edge; }
    void removeEdge(EdgeItem *edge) { m_edges.removeAll(edge); }

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;

private:
    QString subtitle() const;

    topology::Node m_node;
    QList<EdgeItem *> m_edges;
    bool m_highlighted = false;
    OverlayMode m_mode = OverlayMode::Health;
    TrafficMark m_mark;
};

} // namespace mcp::ui
