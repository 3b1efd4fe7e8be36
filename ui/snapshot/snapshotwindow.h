#pragma once

#include "topology/trafficstyle.h"

#include "snapshot/snapshot.h"
#include "telemetry/telemetrystore.h"
#include "topology/graph.h"

#include <QMainWindow>

class QComboBox;
class QLabel;
class QSlider;
class QStandardItemModel;
class QTableView;

namespace mcp::ui {

class DetailsPanel;
class LegendWidget;
class TopologyScene;
class TopologyView;
class TrafficChart;

// An incident snapshot, opened read-only: the graph, its overlays and the charts as they
// were at the moment the time slider picks (10-second steps over the captured window; the
// topology from the snapshot's timeline, the figures from its telemetry slots), the
// findings, and the events up to that moment. "Compare with…" shows what changed between
// this snapshot and another.
class SnapshotWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SnapshotWindow)
public:
    SnapshotWindow(snapshot::Snapshot snapshot, const QString &file, QWidget *parent = nullptr);
    ~SnapshotWindow() override;

    // The moment shown, in ms since the epoch (clamped to the window, on a 10-second step).
    void showTime(qint64 timeMs);
    qint64 shownTime() const { return m_timeMs; }
    void setOverlayMode(OverlayMode mode);
    const topology::Graph &shownGraph() const { return m_graph; }
    const snapshot::Snapshot &snapshot() const { return m_snapshot; }
    QSlider *timeSlider() const { return m_slider; }
    TopologyView *topologyView() const { return m_view; }
    TrafficChart *chart() const { return m_chart; }
    int eventRowsShown() const;
    // Opens the compare dialog against another snapshot file (what "Compare with…" does).
    void compareWith(const QString &otherFile);

private:
    void fillFindings();
    void fillEvents();
    void selectRoute(int index);
    void refreshOverlay();

    snapshot::Snapshot m_snapshot;
    QString m_file;
    telemetry::TelemetryStore m_store;
    topology::Graph m_graph;
    qint64 m_timeMs = 0;
    TopologyScene *m_scene;
    TopologyView *m_view;
    QSlider *m_slider;
    QLabel *m_timeLabel;
    QComboBox *m_overlay;
    LegendWidget *m_legend;
    QComboBox *m_route;
    TrafficChart *m_chart;
    DetailsPanel *m_details;
    QStandardItemModel *m_findings;
    QStandardItemModel *m_events;
    QTableView *m_eventsView;
};

} // namespace mcp::ui
