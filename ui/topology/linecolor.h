#pragma once

#include <QColor>

namespace mcp::ui {

// The graph view's background.
QColor viewBackground();

// A line colour at the given opacity, as the opaque colour it makes over the view's
// background. Edges and bundles are stroked opaque: QtGui blends a translucent stroke's
// spans in pieces on QThreadPool::globalInstance() and the painting thread waits for them
// (a thread hand-off per long line per frame, most of a busy frame on two cores), while an
// opaque stroke is filled in place. What is lost: overlapping lines no longer darken.
QColor lineColor(QColor color, int alpha);

} // namespace mcp::ui
