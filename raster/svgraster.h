#pragma once

#include <QByteArray>
#include <QCoreApplication>

#include <memory>

namespace mcp::raster {

// An SVG drawn into a PNG (white background), scaled down so that its longer side is at
// most maxPixels; empty when the SVG does not parse. Needs a QGuiApplication (fonts): the
// console has one, mcpctl makes one on the offscreen platform for `snapshot`.
QByteArray svgToPng(const QByteArray &svg, int maxPixels);

// The application object for a command-line program that may draw: a QGuiApplication on
// the offscreen platform (no display needed; a private runtime dir instead of Qt's warning
// when XDG_RUNTIME_DIR is unset) when `draws`, a plain QCoreApplication otherwise.
std::unique_ptr<QCoreApplication> makeApplication(int &argc, char **argv, bool draws);

} // namespace mcp::raster
