#pragma once

#include "trafficstyle.h"

#include "topology/layeredlayout.h"

#include <QGraphicsItem>
#include <QPainterPath>

namespace mcp::ui {

class NodeItem;

// A connection from the right side of one node to the left side of the next layer's node,
// drawn as a gentle curve, or from a service down to a version under it as a tree
// connector (topology::edgeShape, shared with the snapshot's SVG). It follows its nodes
// (adjust()) and never owns them.
class EdgeItem final : public QGraphicsItem
{
public:
    EdgeItem(NodeItem *from, NodeItem *to);
    ~EdgeItem() override;

    void adjust();
    void detach(); // called when one of its nodes is about to go
    // Under a traffic overlay: width by rate (against the busiest edge), colour and label by
    // the mode; edges without traffic are drawn thin and dashed.
    void setTraffic(OverlayMode mode, const TrafficMark &mark, double maxRps);
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QPainterPath path() const;

    NodeItem *m_from;
    NodeItem *m_to;
    topology::EdgeShape m_shape;
    OverlayMode m_mode = OverlayMode::Health;
    TrafficMark m_mark;
    double m_maxRps = 0;
};

} // namespace mcp::ui
