#pragma once

#include "topology/graph.h"

#include <QPointer>
#include <QWidget>

class QLabel;

namespace mcp::telemetry {
class HostTraffic;
}

namespace mcp::ui {

class TrafficChart;

// A window of its own with the live series of one service (a line per version), one version
// (the version's total and a line per instance), one gateway (a line per route) or one route
// (a line per version), across the gateways of one host; refreshed whenever traffic arrives.
class TrafficWindow final : public QWidget
{
    Q_OBJECT
public:
    TrafficWindow(telemetry::HostTraffic *traffic, const topology::Graph &graph, const topology::Node &node, QWidget *parent = nullptr);
    TrafficChart *chart() const { return m_chart; }
    int lineCount() const { return m_lines; }

private:
    void refresh();

    QPointer<telemetry::HostTraffic> m_traffic;
    TrafficChart *m_chart;
    QLabel *m_summary;
    int m_lines = 0;
};

} // namespace mcp::ui
