#include "edgeitem.h"

#include "healthstyle.h"
#include "linecolor.h"
#include "nodeitem.h"

#include <QPainter>
#include <QPainterPath>
#include <QStyleOptionGraphicsItem>

namespace mcp::ui {

EdgeItem::EdgeItem(NodeItem *from, NodeItem *to) : m_from(from), m_to(to)
{
    setZValue(-1);
    // exposedRect in paint(): long edges' boxes cover much of a big scene while the curve
    // itself crosses little of it; those are skipped before any stroking.
    setFlag(QGraphicsItem::ItemUsesExtendedStyleOption);
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
    m_shape = topology::edgeShape(m_from->pos(), m_to->pos(), m_to->node().kind);
}

QRectF EdgeItem::boundingRect() const
{
    // Both shapes lie in the box of their ends (a tree's corner is below its start, level
    // with its end; a curve's control points are level with its ends).
    const QRectF r = QRectF(m_shape.from, m_shape.to).normalized();
    if (m_mode != OverlayMode::Health) // room for the wide stroke and the label
        return r.adjusted(-8, -18, 8, 18);
    return r.adjusted(-4, -4, 4, 4);
}

QPainterPath EdgeItem::path() const
{
    QPainterPath path(m_shape.from);
    if (m_shape.tree) {
        path.lineTo(m_shape.corner);
        path.lineTo(m_shape.to);
    } else {
        path.cubicTo(m_shape.c1, m_shape.c2, m_shape.entry);
        if (m_shape.entry != m_shape.to)
            path.lineTo(m_shape.to);
    }
    return path;
}

void EdgeItem::setTraffic(OverlayMode mode, const TrafficMark &mark, double maxRps)
{
    if (mode == m_mode && mark.has == m_mark.has && mark.rps == m_mark.rps && mark.errorRate == m_mark.errorRate &&
        mark.p99Ms == m_mark.p99Ms && maxRps == m_maxRps)
        return;
    if ((mode == OverlayMode::Health) != (m_mode == OverlayMode::Health))
        prepareGeometryChange();
    m_mode = mode;
    m_mark = mark;
    m_maxRps = maxRps;
    update();
}

namespace {
QPointF cubicAt(const QPointF &a, const QPointF &c1, const QPointF &c2, const QPointF &b, qreal t)
{
    const qreal u = 1 - t;
    return u * u * u * a + 3 * u * u * t * c1 + 3 * u * t * t * c2 + t * t * t * b;
}

// Evaluated from the control points: QPainterPath::pointAtPercent measures the curve's
// length on every call (a tenth of a busy frame went there).
bool crossesExposed(const topology::EdgeShape &s, const QRectF &exposed)
{
    if (exposed.isEmpty() || s.tree) // a tree connector is short: its box is the test
        return true;
    const QPointF &a = s.from, &c1 = s.c1, &c2 = s.c2, &b = s.entry;
    const QRectF area = exposed.adjusted(-3, -3, 3, 3);
    constexpr int kSamples = 24;
    QPointF prev = a;
    for (int i = 1; i <= kSamples; ++i) {
        const QPointF next = cubicAt(a, c1, c2, b, qreal(i) / kSamples);
        if (QRectF(prev, next).normalized().adjusted(-2, -2, 2, 2).intersects(area))
            return true;
        prev = next;
    }
    return QRectF(s.entry, s.to).normalized().adjusted(-2, -2, 2, 2).intersects(area); // the lead-in
}
} // namespace

void EdgeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    if (!m_from || !m_to)
        return;
    // Only the part of a long curve that crosses the exposed area is worth stroking: sample
    // the curve and skip it when no sample segment's box meets that area.
    if (!crossesExposed(m_shape, option->exposedRect))
        return;
    const QPainterPath path = this->path();
    painter->setRenderHint(QPainter::Antialiasing);
    if (m_mode == OverlayMode::Health) {
        painter->setPen(QPen(lineColor(healthColor(m_to->node().health), 170), 1.6));
        painter->setBrush(Qt::NoBrush);
        painter->drawPath(path);
        return;
    }
    painter->setBrush(Qt::NoBrush);
    if (!m_mark.has) {
        painter->setPen(QPen(lineColor(QColor(0xa0, 0xa0, 0xa0), 150), 1.2, Qt::DashLine));
        painter->drawPath(path);
        return;
    }
    const QColor c = lineColor(overlayColor(m_mode, m_mark), 200);
    painter->setPen(QPen(c, trafficWidth(m_mark.rps, m_maxRps), Qt::SolidLine, Qt::RoundCap));
    painter->drawPath(path);
    // The label on a white pill at the middle of the curve.
    const QString label = overlayLabel(m_mode, m_mark);
    QFont f = painter->font();
    f.setPointSizeF(7.5);
    f.setBold(true);
    painter->setFont(f);
    const QFontMetricsF fm(f);
    if (m_shape.tree || m_shape.to.x() - m_shape.from.x() < fm.horizontalAdvance(label) + 16)
        return; // no room between the columns: the nodes' badges carry the figure
    const QPointF mid = cubicAt(m_shape.from, m_shape.c1, m_shape.c2, m_shape.entry, 0.5);
    const QRectF pill(mid.x() - fm.horizontalAdvance(label) / 2 - 4, mid.y() - fm.height() / 2 - 1, fm.horizontalAdvance(label) + 8,
                      fm.height() + 2);
    painter->setPen(QPen(c.darker(115), 1));
    painter->setBrush(QColor(255, 255, 255, 235));
    painter->drawRoundedRect(pill, 4, 4);
    painter->setPen(c.darker(150));
    painter->drawText(pill, Qt::AlignCenter, label);
}

} // namespace mcp::ui
