#pragma once

#include <QColor>
#include <QGraphicsItem>
#include <QList>

namespace mcp::ui {

// Many edges from one node to a block of nodes in one column, drawn as one: a curve from
// the source to a vertical bus beside the block and a short tick to each target. A version
// with 300 instances is then one readable shape instead of 300 crossing curves, and costs
// one item to paint instead of 300 (the scene uses it above a fan-out threshold).
class BundleItem final : public QGraphicsItem
{
public:
    // source: the source node's right-middle point; targets: left-middle points of the
    // targets, all in one column (same x).
    BundleItem(QPointF source, QList<QPointF> targets, QColor color, int count);

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;
    int targetCount() const { return int(m_targets.size()); }
    void setColor(QColor color)
    {
        if (color != m_color) {
            m_color = color;
            update();
        }
    }

private:
    QPointF m_source;
    QList<QPointF> m_targets;
    QColor m_color;
    int m_count;
    qreal m_busX = 0, m_top = 0, m_bottom = 0;
};

} // namespace mcp::ui
