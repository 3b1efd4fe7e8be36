#include "bundleitem.h"

#include "linecolor.h"

#include <QStyleOptionGraphicsItem>

#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace mcp::ui {

namespace {
constexpr qreal kBusGap = 14; // the bus runs this far left of the targets
constexpr int kAlpha = 190;

QColor trunkColor()
{
    return lineColor(QColor(0x80, 0x86, 0x8e), kAlpha);
}
} // namespace

BundleItem::BundleItem(QPointF source, QList<Target> targets, int count)
    : m_source(source), m_targets(std::move(targets)), m_count(count)
{
    setZValue(-1);
    setFlag(ItemUsesExtendedStyleOption); // exposedRect: paint only what is exposed
    m_busX = m_targets.first().point.x() - kBusGap;
    m_top = m_bottom = m_targets.first().point.y();
    for (const Target &t : std::as_const(m_targets)) {
        m_top = std::min(m_top, t.point.y());
        m_bottom = std::max(m_bottom, t.point.y());
    }
    setToolTip(QObject::tr("%n connection(s), drawn as one bundle", nullptr, m_count));
}

void BundleItem::setTickColor(int index, QColor color)
{
    Target &t = m_targets[index];
    if (t.color == color)
        return;
    t.color = color;
    update(QRectF(QPointF(m_busX, t.point.y()), t.point).adjusted(-3, -3, 3, 3));
}

QRectF BundleItem::boundingRect() const
{
    const qreal left = std::min(m_source.x(), m_busX);
    const qreal right = std::max(m_source.x(), m_targets.first().point.x());
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
    painter->setPen(QPen(trunkColor(), 2.4));
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
    // Ticks in their targets' colours; most share one, so the pen changes rarely.
    QColor current;
    for (const Target &t : std::as_const(m_targets)) {
        if (t.point.y() < exposed.top() || t.point.y() > exposed.bottom())
            continue;
        if (t.color != current) {
            current = t.color;
            painter->setPen(QPen(lineColor(current, kAlpha), 1.4));
        }
        painter->drawLine(QPointF(m_busX, t.point.y()), t.point);
    }
}

} // namespace mcp::ui
