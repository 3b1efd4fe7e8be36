#include "hoststateicon.h"

#include "topology/healthstyle.h"

#include <QCoreApplication>
#include <QPainter>
#include <QPixmap>

namespace mcp::ui {

namespace {
topology::Health healthOf(hosts::HostState state)
{
    switch (state) {
    case hosts::HostState::Connected:
        return topology::Health::Healthy;
    case hosts::HostState::Degraded:
        return topology::Health::Degraded;
    case hosts::HostState::Unreachable:
        return topology::Health::Down;
    case hosts::HostState::Idle:
    case hosts::HostState::Connecting:
        break;
    }
    return topology::Health::Unknown;
}

QPixmap glyph(topology::Health health, int size)
{
    QPixmap pm(size, size);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.translate(size / 2.0, size / 2.0);
    const QColor color = healthColor(health);
    const QPainterPath path = healthGlyph(health, size * 0.8);
    if (healthGlyphIsStroked(health)) {
        p.setPen(QPen(color, qMax(1.5, size / 8.0)));
        p.setBrush(Qt::NoBrush);
    } else {
        p.setPen(Qt::NoPen);
        p.setBrush(color);
    }
    p.drawPath(path);
    return pm;
}
} // namespace

QIcon hostStateIcon(hosts::HostState state, bool configError)
{
    const topology::Health health = configError ? topology::Health::Down : healthOf(state);
    QIcon icon;
    for (int size : {16, 24, 32})
        icon.addPixmap(glyph(health, size));
    return icon;
}

QString hostStateText(hosts::HostState state)
{
    switch (state) {
    case hosts::HostState::Idle:
        return QCoreApplication::translate("HostState", "idle");
    case hosts::HostState::Connecting:
        return QCoreApplication::translate("HostState", "connecting");
    case hosts::HostState::Connected:
        return QCoreApplication::translate("HostState", "connected");
    case hosts::HostState::Degraded:
        return QCoreApplication::translate("HostState", "degraded");
    case hosts::HostState::Unreachable:
        return QCoreApplication::translate("HostState", "unreachable");
    }
    return {};
}

} // namespace mcp::ui
