#pragma once

#include "telemetry/telemetrystore.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace mcp::snapshot {

// A small time-series chart as standalone SVG (the snapshot's charts: no Qt Charts, no Qt
// Gui, so mcpctl draws the same file the console does): one polyline per line, the x axis
// in wall-clock time, the y axis from 0 to the largest value.
struct ChartLine
{
    QString name;
    QList<std::pair<qint64, double>> points; // [ms since the epoch, value]
};

QByteArray chartToSvg(const QString &title, const QString &unit, const QList<ChartLine> &lines, qint64 fromMs, qint64 toMs);

enum class ChartMetric { Rate, ErrorRate, P99 };
// The lines of one route's versions from a telemetry store, over [fromMs, toMs] in
// 10-second slots.
QList<ChartLine> routeLines(const telemetry::TelemetryStore &store, const QString &gateway, const QString &route,
                            ChartMetric metric, qint64 fromMs, qint64 toMs);

} // namespace mcp::snapshot
