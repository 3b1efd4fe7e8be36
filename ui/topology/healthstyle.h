#pragma once

#include "topology/graph.h"

#include <QColor>
#include <QPainterPath>

namespace mcp::ui {

// How health looks: colour AND shape, so it reads without colour (deuteranopia, greyscale
// prints): healthy a filled circle, degraded a triangle, down a square with a cross,
// unknown a hollow ring. The palette is Okabe-Ito's, chosen to stay distinct for the
// common colour-vision deficiencies.
QColor healthColor(topology::Health health);
// The health glyph centred on (0, 0), fitting a box of the given size.
QPainterPath healthGlyph(topology::Health health, qreal size);
// Whether the glyph is stroked (down: the cross; unknown: the ring) rather than filled.
bool healthGlyphIsStroked(topology::Health health);
QString healthText(topology::Health health); // translated

} // namespace mcp::ui
