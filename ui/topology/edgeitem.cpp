#include "edgeitem.h"

#include "healthstyle.h"
#include "nodeitem.h"

#include <QPainter>
#include <QPainterPath>

namespace mcp::ui {

EdgeItem::EdgeItem(NodeItem *from, NodeItem *to) : m_from(from), m_to(to)
{
    setZValue(-1);
    m_from->addEdge(this);
    m_to->addEdge(this);
    adjust();
}

EdgeItem::~EdgeItem()
{
    detach();
}

void EdgeItem::detach()
{
    if (m_from)
        m_from->removeEdge(this);
    if (m_to)
        m_to->removeEdge(this);
    m_from = m_to = nullptr;
}

void EdgeItem::adjust()
{
    if (!m_from || !m_to)
        return;
    prepareGeometryChange();
    m_a = m_from->pos() + QPointF(NodeItem::kWidth, NodeItem::kHeight / 2);
    m_b = m_to->pos() + QPointF(0, NodeItem::kHeight / 2);
}

QRectF EdgeItem::boundingRect() const
{
    return QRectF(m_a, m_b).normalized().adjusted(-4, -4, 4, 4);
}

void EdgeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    if (!m_from || !m_to)
        return;
    const qreal dx = (m_b.x() - m_a.x()) / 2;
    QPainterPath path(m_a);
    path.cubicTo(m_a + QPointF(dx, 0), m_b - QPointF(dx, 0), m_b);
    painter->setRenderHint(QPainter::Antialiasing);
    QColor c = healthColor(m_to->node().health);
    c.setAlpha(170);
    painter->setPen(QPen(c, 1.6));
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(path);
}

} // namespace mcp::ui
