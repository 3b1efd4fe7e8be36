#include "bundleitem.h"

#include "linecolor.h"

#include <QStyleOptionGraphicsItem>

#include <QPainter>
#include <QPainterPath>
#include <QPaintEngine>

#include <algorithm>

namespace mcp::ui {

namespace {
constexpr int kAlpha = 190;

QColor trunkColor()
{
    return lineColor(QColor(0x80, 0x86, 0x8e), kAlpha);
}
} // namespace

BundleItem::BundleItem(const topology::BundleRoute &route, const QList<QColor> &colors)
    : m_count(route.total), m_busX(route.busX), m_top(route.top), m_bottom(route.bottom)
{
    setZValue(-1);
    setFlag(ItemUsesExtendedStyleOption); // exposedRect: paint only what is exposed
    m_targets.reserve(route.targetPoints.size());
    for (qsizetype i = 0; i < route.targetPoints.size(); ++i)
        m_targets.append({route.targetPoints[i], colors.value(i)});
    m_trunk = QPainterPath(route.start);
    for (const topology::TrunkPiece &piece : route.trunk)
        piece.straight ? m_trunk.lineTo(piece.to) : m_trunk.cubicTo(piece.c1, piece.c2, piece.to);
    const QList<QPolygonF> lines = m_trunk.toSubpathPolygons();
    m_trunkLine = lines.isEmpty() ? QPolygonF() : lines.first();
    // The trunk (from the source to the bus), and the bus with the ticks to the targets.
    const QRectF busAndTicks(QPointF(m_busX, m_top), QPointF(m_targets.first().point.x(), m_bottom));
    m_box = m_trunk.boundingRect().united(busAndTicks).adjusted(-4, -4, 4, 4);
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
    return m_box;
}

namespace {
// The parts of the view this paint repaints, in item coordinates: the widget's dirty
// region (the painter's system clip) mapped back through the painter's transform. Empty
// when the paint has none (QGraphicsScene::render into an image): everything counts.
QList<QRectF> dirtyRects(QPainter *painter, const QRectF &itemBox)
{
    QList<QRectF> out;
    const QPaintEngine *engine = painter->paintEngine();
    if (!engine || engine->systemClip().isEmpty())
        return out;
    const QTransform toItem = painter->deviceTransform().inverted();
    const QRegion clip = engine->systemClip() & painter->deviceTransform().mapRect(itemBox).toAlignedRect();
    for (const QRect &r : clip)
        out << toItem.mapRect(QRectF(r));
    if (out.isEmpty()) // nothing of it is dirty (the view asked anyway): an empty box
        out << QRectF();
    return out;
}

// The box around the dirty rectangles a polyline passes through, or an empty one when it
// passes through none.
QRectF crossedArea(const QPolygonF &line, const QRectF &box, const QList<QRectF> &dirty)
{
    QRectF out;
    for (const QRectF &r : dirty) {
        if (!r.intersects(box) || out.contains(r))
            continue;
        for (qsizetype i = 1; i < line.size(); ++i) {
            if (r.intersects(QRectF(line[i - 1], line[i]).normalized().adjusted(-2, -2, 2, 2))) {
                out |= r;
                break;
            }
        }
    }
    return out;
}

bool meets(const QRectF &box, const QRectF &exposed, const QList<QRectF> &dirty)
{
    if (!box.intersects(exposed))
        return false;
    if (dirty.isEmpty())
        return true;
    return std::any_of(dirty.cbegin(), dirty.cend(), [&](const QRectF &r) { return r.intersects(box); });
}
} // namespace

void BundleItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    // A bundle spans its whole block of targets, so every changed node beside it exposes a
    // small part of it, and the exposed rectangle the view hands over is the box around all
    // of them. Only what meets the view's actual dirty rectangles is drawn: stroking a part
    // that the clip then throws away cost most of a busy frame at 1:1 zoom.
    const QRectF exposed = option->exposedRect.adjusted(-3, -3, 3, 3);
    const QList<QRectF> dirty = dirtyRects(painter, boundingRect());
    const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());
    // The trunk, antialiased when zoomed in enough, and stroked only within the dirty
    // rectangles it crosses (the clip narrows what the rasterizer scans; an unclipped trunk
    // across the view cost 0.3 ms a paint).
    const QRectF trunkBox = m_trunk.boundingRect().adjusted(-2, -2, 2, 2);
    const auto stroke = [&](bool antialiased) {
        painter->setRenderHint(QPainter::Antialiasing, antialiased);
        painter->setPen(QPen(trunkColor(), 2.4));
        painter->setBrush(Qt::NoBrush);
        painter->drawPath(m_trunk);
    };
    if (lod <= 0.5) { // zoomed out: an aliased stroke is cheap, the box test is enough
        if (meets(trunkBox, exposed, dirty))
            stroke(false);
    } else if (trunkBox.intersects(exposed)) {
        const QRectF crossed = dirty.isEmpty() ? exposed : crossedArea(m_trunkLine, trunkBox, dirty);
        if (!crossed.isEmpty()) {
            painter->save();
            painter->setClipRect(crossed.adjusted(-2, -2, 2, 2), Qt::IntersectClip);
            stroke(true);
            painter->restore();
        }
    }
    // The bus and the ticks are axis-aligned: filled rectangles, no antialiasing needed
    // (the raster engine fills them span by span, where a stroked line goes through the
    // stroker and the rasterizer), at least one device pixel thick when zoomed out.
    painter->setRenderHint(QPainter::Antialiasing, false);
    const qreal pixel = lod > 0 ? 1.0 / lod : 1.0;
    const qreal busWidth = std::max(2.4, pixel), tickHeight = std::max(1.4, pixel);
    const qreal top = std::max(m_top, exposed.top()), bottom = std::min(m_bottom, exposed.bottom());
    const QRectF bus(m_busX - busWidth / 2, top, busWidth, bottom - top);
    if (top <= bottom && meets(bus, exposed, dirty))
        painter->fillRect(bus, trunkColor());
    if (exposed.right() < m_busX)
        return;
    // Ticks in their targets' colours.
    for (const Target &t : std::as_const(m_targets)) {
        if (t.point.y() < exposed.top() || t.point.y() > exposed.bottom())
            continue;
        const QRectF tick(m_busX, t.point.y() - tickHeight / 2, t.point.x() - m_busX, tickHeight);
        if (meets(tick.adjusted(0, -1, 0, 1), exposed, dirty))
            painter->fillRect(tick, lineColor(t.color, kAlpha));
    }
}

} // namespace mcp::ui
