#pragma once

#include "telemetry/telemetrystore.h"

#include <QWidget>

class QChart;
class QChartView;
class QComboBox;
class QDateTimeAxis;
class QValueAxis;

namespace mcp::ui {

// Time series of the gateways' traffic (Qt Charts), one line per series: requests/s, 5xx
// rate, p50 or p99 per 10-second slot over the last 15 minutes. The canary view feeds it a
// route's versions (with their weights in the names); a service's window its versions.
class TrafficChart final : public QWidget
{
    Q_OBJECT
public:
    enum class Metric { Rate, ErrorRate, P50, P99 };
    struct Line
    {
        QString name;            // "v2 · canary · 10%"
        telemetry::EdgeKey pattern;
    };

    explicit TrafficChart(QWidget *parent = nullptr);
    void setLines(const QList<Line> &lines);
    void setMetric(Metric metric);
    Metric metric() const { return m_metric; }
    // Reads the store again (call once a second or when traffic arrived).
    void refresh(const telemetry::TelemetryStore &store, qint64 nowMs);
    int pointCount() const { return m_points; } // points drawn, for tests
    QChart *chart() const { return m_chart; }

private:
    QList<Line> m_lines;
    Metric m_metric = Metric::Rate;
    QComboBox *m_metricBox;
    QChartView *m_view;
    QChart *m_chart;
    QDateTimeAxis *m_x;
    QValueAxis *m_y;
    int m_points = 0;
    const telemetry::TelemetryStore *m_lastStore = nullptr;
    qint64 m_lastNowMs = 0;
};

} // namespace mcp::ui
