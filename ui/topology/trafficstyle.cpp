#include "trafficstyle.h"

#include <QCoreApplication>

#include <cmath>

namespace mcp::ui {

QColor trafficColor()
{
    return QColor(0x00, 0x72, 0xb2);
}

QColor errorRateColor(double errorRate)
{
    if (errorRate < 0.01)
        return QColor(0x00, 0x72, 0xb2);
    if (errorRate < 0.05)
        return QColor(0xe6, 0x9f, 0x00);
    return QColor(0xd5, 0x5e, 0x00);
}

QColor latencyColor(double p99Ms)
{
    if (p99Ms < 100)
        return QColor(0x00, 0x9e, 0x73);
    if (p99Ms < 500)
        return QColor(0xe6, 0x9f, 0x00);
    return QColor(0xd5, 0x5e, 0x00);
}

QColor overlayColor(OverlayMode mode, const TrafficMark &mark)
{
    switch (mode) {
    case OverlayMode::Errors:
        return errorRateColor(mark.errorRate);
    case OverlayMode::Latency:
        return latencyColor(mark.p99Ms);
    case OverlayMode::Traffic:
        return mark.errorRate >= 0.01 ? errorRateColor(mark.errorRate) : trafficColor();
    case OverlayMode::Health:
        break;
    }
    return trafficColor();
}

QString overlayLabel(OverlayMode mode, const TrafficMark &mark)
{
    if (!mark.has)
        return {};
    switch (mode) {
    case OverlayMode::Traffic:
        return QCoreApplication::translate("mcp::ui::TrafficStyle", "%1/s").arg(mark.rps, 0, 'f', mark.rps < 10 ? 1 : 0);
    case OverlayMode::Errors:
        return QCoreApplication::translate("mcp::ui::TrafficStyle", "%1% err").arg(mark.errorRate * 100, 0, 'f', mark.errorRate < 0.1 ? 1 : 0);
    case OverlayMode::Latency:
        return QCoreApplication::translate("mcp::ui::TrafficStyle", "p99 %1 ms").arg(mark.p99Ms, 0, 'f', mark.p99Ms < 10 ? 1 : 0);
    case OverlayMode::Health:
        break;
    }
    return {};
}

double trafficWidth(double rps, double maxRps)
{
    if (maxRps <= 0 || rps <= 0)
        return 1.5;
    return 1.5 + 7.5 * std::sqrt(std::min(1.0, rps / maxRps));
}

} // namespace mcp::ui
