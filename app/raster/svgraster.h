#pragma once

#include <QByteArray>

namespace mcp::raster {

// An SVG drawn into a PNG (white background), scaled down so that its longer side is at
// most maxPixels; empty when the SVG does not parse. Needs a QGuiApplication (fonts): the
// console has one, mcpctl makes one on the offscreen platform for `snapshot`.
QByteArray svgToPng(const QByteArray &svg, int maxPixels);

} // namespace mcp::raster
