#include "nodeitem.h"

#include "topology/healthreasontext.h"

#include <QJsonArray>

#include "edgeitem.h"
#include "healthstyle.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace mcp::ui {

using topology::NodeKind;

NodeItem::NodeItem(const topology::Node &node) : m_node(node)
{
    setFlags(ItemIsSelectable | ItemIsFocusable | ItemSendsGeometryChanges);
    setCacheMode(DeviceCoordinateCache);
    setToolTip(topology::healthReasonText(m_node.healthReason));
    setData(0, m_node.id);
}

void NodeItem::setNode(const topology::Node &node)
{
    const bool healthChanged = node.health != m_node.health;
    m_node = node;
    setToolTip(topology::healthReasonText(m_node.healthReason));
    update();
    if (healthChanged) // edges are drawn in their target's health colour
        for (EdgeItem *e : std::as_const(m_edges))
            e->update();
}

void NodeItem::setHighlighted(bool on)
{
    if (m_highlighted == on)
        return;
    m_highlighted = on;
    update();
}

void NodeItem::setTraffic(OverlayMode mode, const TrafficMark &mark)
{
    if (mode == m_mode && mark.has == m_mark.has && mark.rps == m_mark.rps && mark.errorRate == m_mark.errorRate && mark.p99Ms == m_mark.p99Ms)
        return;
    m_mode = mode;
    m_mark = mark;
    update();
}

QRectF NodeItem::boundingRect() const
{
    return QRectF(-3, -3, kWidth + 6, kHeight + 6);
}

QString NodeItem::subtitle() const
{
    const auto &a = m_node.attributes;
    switch (m_node.kind) {
    case NodeKind::Gateway:
        return QObject::tr("gateway · %1").arg(a.value(QLatin1String("driver")).toString());
    case NodeKind::Service:
        return QObject::tr("service · %1").arg(topology::healthReasonText(m_node.healthReason));
    case NodeKind::Version:
        return QObject::tr("version · %1").arg(topology::healthReasonText(m_node.healthReason));
    case NodeKind::Route: {
        // "route · /users · v1 90 / v2 10"
        QStringList split;
        for (const auto &b : a.value(QLatin1String("backends")).toArray()) {
            const QJsonObject o = b.toObject();
            const QString v = o.value(QLatin1String("version")).toString();
            split << QStringLiteral("%1 %2").arg(v.isEmpty() ? o.value(QLatin1String("service")).toString() : v)
                         .arg(o.value(QLatin1String("weight")).toInt());
        }
        return QObject::tr("route · %1 · %2").arg(a.value(QLatin1String("pathPrefix")).toString(), split.join(QStringLiteral(" / ")));
    }
    case NodeKind::Instance: {
        const QString addr = a.value(QLatin1String("address")).toString();
        const int port = a.value(QLatin1String("port")).toInt();
        return port > 0 ? QStringLiteral("%1:%2 · %3").arg(addr).arg(port).arg(a.value(QLatin1String("state")).toString())
                        : QStringLiteral("%1 · %2").arg(addr, a.value(QLatin1String("state")).toString());
    }
    default:
        return topology::nodeKindName(m_node.kind);
    }
}

void NodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const QColor color = healthColor(m_node.health);
    const QRectF box(0, 0, kWidth, kHeight);
    const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());
    painter->setRenderHint(QPainter::Antialiasing, lod > 0.4);

    // A pale tint of the health colour: readable text, calm at a glance.
    const QColor fill = QColor::fromRgbF(0.8 + 0.2 * color.redF(), 0.8 + 0.2 * color.greenF(), 0.8 + 0.2 * color.blueF());
    QPen border(isSelected() ? QColor(0x00, 0x72, 0xb2) : color.darker(120), isSelected() || m_highlighted ? 3 : 1.2);
    if (m_highlighted && !isSelected())
        border.setColor(QColor(0xcc, 0x79, 0xa7));
    painter->setPen(border);
    painter->setBrush(m_node.kind == NodeKind::Instance ? QColor(Qt::white) : fill);
    painter->drawRoundedRect(box, 6, 6);
    // A coloured band on the left: the health at a glance even at low zoom.
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    painter->drawRoundedRect(QRectF(0, 0, 8, kHeight), 3, 3);
    if (lod < 0.35)
        return; // too small to read: the box and band are enough

    painter->save();
    painter->translate(22, kHeight / 2);
    const QPainterPath glyph = healthGlyph(m_node.health, 14);
    if (healthGlyphIsStroked(m_node.health)) {
        painter->setPen(QPen(color.darker(110), 2.2));
        painter->setBrush(m_node.health == topology::Health::Down ? color.lighter(160) : Qt::NoBrush);
    } else {
        painter->setPen(QPen(color.darker(130), 1));
        painter->setBrush(color);
    }
    painter->drawPath(glyph);
    painter->restore();

    QFont title = painter->font();
    title.setPointSizeF(9.5);
    title.setBold(m_node.kind != NodeKind::Instance);
    painter->setFont(title);
    painter->setPen(QColor(0x20, 0x20, 0x20));
    const QFontMetricsF fm(title);
    painter->drawText(QPointF(36, 17), fm.elidedText(m_node.name, Qt::ElideMiddle, kWidth - 64));
    QFont small = title;
    small.setBold(false);
    small.setPointSizeF(8);
    painter->setFont(small);
    painter->setPen(QColor(0x55, 0x55, 0x55));
    const QString badge = m_mode == OverlayMode::Health ? QString() : overlayLabel(m_mode, m_mark);
    QFont badgeFont = small;
    badgeFont.setBold(true);
    const qreal badgeWidth = badge.isEmpty() ? 0 : QFontMetricsF(badgeFont).horizontalAdvance(badge) + 10;
    painter->drawText(QPointF(36, 33), QFontMetricsF(small).elidedText(subtitle(), Qt::ElideRight, kWidth - 44 - badgeWidth));
    if (!badge.isEmpty()) {
        const QColor c = overlayColor(m_mode, m_mark);
        const QRectF pill(kWidth - badgeWidth - 5, 23, badgeWidth, 14);
        painter->setPen(Qt::NoPen);
        painter->setBrush(c);
        painter->drawRoundedRect(pill, 7, 7);
        painter->setFont(badgeFont);
        painter->setPen(Qt::white);
        painter->drawText(pill, Qt::AlignCenter, badge);
        painter->setFont(small);
    }

    if (!m_node.problems.isEmpty()) {
        const QRectF badge(kWidth - 24, 5, 19, 16);
        painter->setPen(Qt::NoPen);
        painter->setBrush(QColor(0xd5, 0x5e, 0x00));
        painter->drawRoundedRect(badge, 8, 8);
        painter->setPen(Qt::white);
        QFont b = small;
        b.setBold(true);
        painter->setFont(b);
        painter->drawText(badge, Qt::AlignCenter, QStringLiteral("!%1").arg(m_node.problems.size()));
    }
}

QVariant NodeItem::itemChange(GraphicsItemChange change, const QVariant &value)
{
    if (change == ItemPositionHasChanged) {
        for (EdgeItem *e : std::as_const(m_edges))
            e->adjust();
    }
    return QGraphicsItem::itemChange(change, value);
}

} // namespace mcp::ui
