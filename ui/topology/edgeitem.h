#pragma once

#include <QGraphicsItem>

namespace mcp::ui {

class NodeItem;

// A connection from the right side of one node to the left side of the next layer's node,
// drawn as a gentle curve. It follows its nodes (adjust()) and never owns them.
class EdgeItem final : public QGraphicsItem
{
public:
    EdgeItem(NodeItem *from, NodeItem *to);
    ~EdgeItem() override;

    void adjust();
    void detach(); // called when one of its nodes is about to go
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    NodeItem *m_from;
    NodeItem *m_to;
    QPointF m_a;
    QPointF m_b;
};

} // namespace mcp::ui
