#include "trafficchart.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QValueAxis>
#include <QVBoxLayout>

namespace mcp::ui {

namespace {

// Okabe-Ito, in order: the first line is the stable version's.
const QList<QColor> kColors{QColor(0x00, 0x72, 0xb2), QColor(0xd5, 0x5e, 0x00), QColor(0x00, 0x9e, 0x73),
                            QColor(0xcc, 0x79, 0xa7), QColor(0xe6, 0x9f, 0x00), QColor(0x56, 0xb4, 0xe9)};

double value(TrafficChart::Metric metric, const telemetry::Figures &f)
{
    switch (metric) {
    case TrafficChart::Metric::Rate:
        return f.rps;
    case TrafficChart::Metric::ErrorRate:
        return f.errorRate * 100.0;
    case TrafficChart::Metric::P50:
        return f.p50Ms;
    case TrafficChart::Metric::P99:
        return f.p99Ms;
    }
    return 0;
}

} // namespace

TrafficChart::TrafficChart(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Show:"), this));
    m_metricBox = new QComboBox(this);
    m_metricBox->setObjectName(QStringLiteral("metric"));
    m_metricBox->addItem(tr("Requests/s"), int(Metric::Rate));
    m_metricBox->addItem(tr("5xx rate (%)"), int(Metric::ErrorRate));
    m_metricBox->addItem(tr("p50 latency (ms)"), int(Metric::P50));
    m_metricBox->addItem(tr("p99 latency (ms)"), int(Metric::P99));
    top->addWidget(m_metricBox);
    top->addStretch();
    layout->addLayout(top);
    m_chart = new QChart;
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_x = new QDateTimeAxis(m_chart);
    m_x->setFormat(QStringLiteral("HH:mm:ss"));
    m_x->setTickCount(6);
    m_y = new QValueAxis(m_chart);
    m_y->setLabelFormat(QStringLiteral("%.1f"));
    m_y->setMin(0);
    m_chart->addAxis(m_x, Qt::AlignBottom);
    m_chart->addAxis(m_y, Qt::AlignLeft);
    m_view = new QChartView(m_chart, this); // the view owns the chart
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(200);
    layout->addWidget(m_view, 1);
    connect(m_metricBox, &QComboBox::currentIndexChanged, this, [this] {
        m_metric = Metric(m_metricBox->currentData().toInt());
        if (m_lastStore)
            refresh(*m_lastStore, m_lastNowMs); // the same moment: a replay shows its own time
    });
}

void TrafficChart::setLines(const QList<Line> &lines)
{
    m_lines = lines;
}

void TrafficChart::setMetric(Metric metric)
{
    m_metricBox->setCurrentIndex(m_metricBox->findData(int(metric)));
}

void TrafficChart::refresh(const telemetry::TelemetryStore &store, qint64 nowMs)
{
    m_lastStore = &store;
    m_lastNowMs = nowMs;
    // A handful of lines of at most 90 points: rebuilt rather than diffed.
    m_chart->removeAllSeries();
    m_points = 0;
    double top = 0;
    qint64 first = nowMs;
    for (int i = 0; i < m_lines.size(); ++i) {
        auto *series = new QLineSeries;
        series->setName(m_lines[i].name);
        QPen pen(kColors[i % kColors.size()], i == 0 ? 2.0 : 2.6);
        series->setPen(pen);
        series->setPointsVisible(true);
        for (const auto &[startMs, figures] : store.series(m_lines[i].pattern, 900, nowMs)) {
            if (figures.requests == 0)
                continue; // no traffic: a gap, not a zero latency
            const double v = value(m_metric, figures);
            series->append(double(startMs), v);
            top = std::max(top, v);
            first = std::min(first, startMs);
            ++m_points;
        }
        m_chart->addSeries(series);
        series->attachAxis(m_x);
        series->attachAxis(m_y);
    }
    // At least the last 2 minutes, more when older points are there.
    m_x->setRange(QDateTime::fromMSecsSinceEpoch(std::min(first - 10000, nowMs - 2 * 60 * 1000)), QDateTime::fromMSecsSinceEpoch(nowMs));
    m_y->setRange(0, top > 0 ? top * 1.15 : 1.0);
}

} // namespace mcp::ui
