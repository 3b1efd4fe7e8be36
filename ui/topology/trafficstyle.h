#pragma once

#include <QColor>
#include <QString>

namespace mcp::ui {

// What the graph shows on top of its nodes and edges: health alone, or live traffic
// (edge width by requests/s) coloured and labelled by rate, errors or p99 latency.
enum class OverlayMode { Health, Traffic, Errors, Latency };

// The figures one node or edge shows under a traffic overlay (no requests: `has` is false).
struct TrafficMark
{
    bool has = false;
    double rps = 0, errorRate = 0, p99Ms = 0;
};

// Okabe-Ito colours (colour-blind safe), in steps the legend explains.
QColor trafficColor();                    // blue: traffic
QColor errorRateColor(double errorRate);  // < 1% blue, < 5% orange, >= 5% vermillion
QColor latencyColor(double p99Ms);        // < 100 ms bluish green, < 500 ms orange, above vermillion
QColor overlayColor(OverlayMode mode, const TrafficMark &mark);
// "12.3/s", "2.1%", "p99 45 ms"
QString overlayLabel(OverlayMode mode, const TrafficMark &mark);
// Stroke width for a rate against the busiest edge: 1.5 to 9 px.
double trafficWidth(double rps, double maxRps);

} // namespace mcp::ui
