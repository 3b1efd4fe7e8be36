#include "healthstyle.h"

#include <QCoreApplication>

namespace mcp::ui {

using topology::Health;

QColor healthColor(Health health)
{
    switch (health) {
    case Health::Healthy: return QColor(0x00, 0x9e, 0x73);  // bluish green
    case Health::Degraded: return QColor(0xe6, 0x9f, 0x00); // orange
    case Health::Down: return QColor(0xd5, 0x5e, 0x00);     // vermillion
    case Health::Unknown: return QColor(0x88, 0x88, 0x88);
    }
    return Qt::gray;
}

QPainterPath healthGlyph(Health health, qreal size)
{
    QPainterPath p;
    const qreal r = size / 2;
    switch (health) {
    case Health::Healthy:
        p.addEllipse(QPointF(0, 0), r, r);
        break;
    case Health::Degraded:
        p.moveTo(0, -r);
        p.lineTo(r, r * 0.8);
        p.lineTo(-r, r * 0.8);
        p.closeSubpath();
        break;
    case Health::Down:
        p.addRect(-r, -r, size, size);
        p.moveTo(-r * 0.6, -r * 0.6);
        p.lineTo(r * 0.6, r * 0.6);
        p.moveTo(r * 0.6, -r * 0.6);
        p.lineTo(-r * 0.6, r * 0.6);
        break;
    case Health::Unknown:
        p.addEllipse(QPointF(0, 0), r, r);
        p.addEllipse(QPointF(0, 0), r * 0.45, r * 0.45);
        break;
    }
    return p;
}

bool healthGlyphIsStroked(Health health)
{
    return health == Health::Down || health == Health::Unknown;
}

QString healthText(Health health)
{
    switch (health) {
    case Health::Healthy: return QCoreApplication::translate("mcp::ui::Health", "healthy");
    case Health::Degraded: return QCoreApplication::translate("mcp::ui::Health", "degraded");
    case Health::Down: return QCoreApplication::translate("mcp::ui::Health", "down");
    case Health::Unknown: return QCoreApplication::translate("mcp::ui::Health", "unknown");
    }
    return {};
}

} // namespace mcp::ui
