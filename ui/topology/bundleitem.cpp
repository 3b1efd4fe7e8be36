#include "bundleitem.h"

#include <QStyleOptionGraphicsItem>

#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace mcp::ui {

namespace {
constexpr qreal kBusGap = 14; // the bus runs this far left of the targets
}

BundleItem::BundleItem(QPointF source, QList<QPointF> targets, QColor color, int count)
    : m_source(source), m_targets(std::move(targets)), m_color(color), m_count(count)
{
    setZValue(-1);
    setFlag(ItemUsesExtendedStyleOption); // exposedRect: paint only what is exposed
    m_busX = m_targets.first().x() - kBusGap;
    m_top = m_bottom = m_targets.first().y();
    for (const QPointF &t : std::as_const(m_targets)) {
        m_top = std::min(m_top, t.y());
        m_bottom = std::max(m_bottom, t.y());
    }
    setToolTip(QObject::tr("%n connection(s), drawn as one bundle", nullptr, m_count));
}

QRectF BundleItem::boundingRect() const
{
    const qreal left = std::min(m_source.x(), m_busX);
    const qreal right = std::max(m_source.x(), m_targets.first().x());
    const qreal top = std::min(m_source.y(), m_top);
    const qreal bottom = std::max(m_source.y(), m_bottom);
    return QRectF(QPointF(left, top), QPointF(right, bottom)).adjusted(-4, -4, 4, 4);
}

void BundleItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    // A bundle spans its whole block of targets, so every changed node beside it exposes a
    // small part of it: draw only what meets the exposed area, with antialiasing only when
    // zoomed in far enough to see it.
    const QRectF exposed = option->exposedRect.adjusted(-3, -3, 3, 3);
    const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());
    painter->setRenderHint(QPainter::Antialiasing, lod > 0.5);
    QColor c = m_color;
    c.setAlpha(190);
    painter->setPen(QPen(c, 2.4));
    painter->setBrush(Qt::NoBrush);
    // Source to the middle of the bus.
    const QPointF join(m_busX, std::clamp(m_source.y(), m_top, m_bottom));
    if (exposed.intersects(QRectF(m_source, join).normalized().adjusted(-2, -2, 2, 2))) {
        const qreal dx = (join.x() - m_source.x()) / 2;
        QPainterPath path(m_source);
        path.cubicTo(m_source + QPointF(dx, 0), join - QPointF(dx, 0), join);
        painter->drawPath(path);
    }
    const qreal top = std::max(m_top, exposed.top()), bottom = std::min(m_bottom, exposed.bottom());
    if (m_busX >= exposed.left() && m_busX <= exposed.right() && top <= bottom)
        painter->drawLine(QPointF(m_busX, top), QPointF(m_busX, bottom));
    if (exposed.right() < m_busX)
        return;
    painter->setPen(QPen(c, 1.4));
    for (const QPointF &t : std::as_const(m_targets))
        if (t.y() >= exposed.top() && t.y() <= exposed.bottom())
            painter->drawLine(QPointF(m_busX, t.y()), t);
}

} // namespace mcp::ui
