#include "linecolor.h"

namespace mcp::ui {

QColor viewBackground()
{
    return QColor(0xf7, 0xf8, 0xfa);
}

QColor lineColor(QColor color, int alpha)
{
    const QColor bg = viewBackground();
    const auto mix = [alpha](int c, int b) { return (c * alpha + b * (255 - alpha) + 127) / 255; };
    return QColor(mix(color.red(), bg.red()), mix(color.green(), bg.green()), mix(color.blue(), bg.blue()));
}

} // namespace mcp::ui
