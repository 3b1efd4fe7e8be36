#pragma once

#include "topology/bundlerouting.h"

#include <QColor>
#include <QGraphicsItem>
#include <QList>
#include <QPainterPath>
#include <QPolygonF>

namespace mcp::ui {

// Many edges from one node to a block of nodes in one column, drawn as one: a curve from
// the source to a vertical bus beside the block and a short tick to each target. A version
// with 300 instances is then one readable shape instead of 300 crossing curves, and costs
// one item to paint instead of 300 (the scene uses it above a fan-out threshold).
//
// The trunk and bus are neutral; each tick has its target's health colour, as a single
// edge has. A health change then repaints one tick beside the changed node, never the whole
// bundle: a version's trunk to a far column spans most of the view, and QGraphicsItem
// unites an item's partial updates into one rectangle.
class BundleItem final : public QGraphicsItem
{
public:
    struct Target
    {
        QPointF point; // the target's left-middle point
        QColor color;  // its health colour
    };
    // The route (topology::routeBundles: source, targets in one column, bus and trunk) and
    // the targets' health colours, in the route's order.
    BundleItem(const topology::BundleRoute &route, const QList<QColor> &colors);
    // The trunk from the source to the bus, in item coordinates (tests check its route).
    const QPainterPath &trunk() const { return m_trunk; }

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;
    int targetCount() const { return int(m_targets.size()); }
    QColor tickColor(int index) const { return m_targets.at(index).color; }
    void setTickColor(int index, QColor color);

private:
    QList<Target> m_targets;
    int m_count;
    qreal m_busX = 0, m_top = 0, m_bottom = 0;
    QPainterPath m_trunk;
    QPolygonF m_trunkLine; // the trunk flattened once: what the dirty-area test samples
    QRectF m_box;
};

} // namespace mcp::ui
