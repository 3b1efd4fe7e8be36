#pragma once

#include "gateway/weightcoalescer.h"
#include "topology/graph.h"

#include <QPointer>
#include <QWidget>

#include <functional>

class QComboBox;
class QGridLayout;
class QLabel;
class QPushButton;
class QSlider;

namespace mcp::hosts {
class HostFleet;
class HostRegistry;
} // namespace mcp::hosts

namespace mcp::telemetry {
class HostTraffic;
}

namespace mcp::ui {

class TrafficChart;

// The operator's gray release for one route of a running gateway: one slider per version
// (the weights always sum to 100; with two versions they move as one pair), "canary to"
// steps, promote and abort, the desired and the applied split side by side, the rollout
// guard's last judgement, and the canary view (each version's series with its weight).
// Changes go out through a WeightCoalescer (at most one gateway change a second while
// dragging) and WeightApply (checks, runtime API or reload, audit).
class GrayReleasePanel final : public QWidget
{
    Q_OBJECT
public:
    GrayReleasePanel(hosts::HostRegistry *registry, hosts::HostFleet *fleet, std::function<topology::Graph(const QString &host)> hostGraph,
                     QWidget *parent = nullptr);

    // Every route with two or more backends of every host, in the picker.
    void refreshRoutes();
    bool selectRoute(const QString &host, const QString &gateway, const QString &route);
    QString currentRoute() const; // "host/gateway/route"
    QSlider *slider(const QString &version) const;
    QList<std::pair<QString, int>> desired() const { return m_desired; }
    gateway::WeightCoalescer *coalescer() const { return m_coalescer; }
    TrafficChart *chart() const { return m_chart; }
    QLabel *alertLabel() const { return m_alert; }
    QString canary() const { return m_canary; }
    void setCanaryTo(int percent, const QString &kind = QStringLiteral("weights"));
    void promote();
    void abort();

Q_SIGNALS:
    void rolledBackAlert(const QString &text);

private:
    void buildSliders();
    void onSlider(const QString &version, int value, bool released);
    void showSplit();
    void refreshFigures();
    void apply(const QMap<QString, int> &weights, std::function<void(bool, const QMap<QString, int> &)> done);
    void watch(telemetry::HostTraffic *traffic);
    QMap<QString, int> desiredMap() const;

    hosts::HostRegistry *m_registry;
    hosts::HostFleet *m_fleet;
    std::function<topology::Graph(const QString &)> m_hostGraph;
    QComboBox *m_routes;
    QGridLayout *m_grid;
    QWidget *m_sliderArea;
    QLabel *m_state;
    QLabel *m_verdict;
    QLabel *m_alert;
    QPushButton *m_promote;
    QPushButton *m_abort;
    TrafficChart *m_chart;
    gateway::WeightCoalescer *m_coalescer;
    QString m_host, m_gateway, m_route, m_stable, m_canary;
    QList<std::pair<QString, int>> m_desired; // in backend order
    QMap<QString, int> m_applied;
    QHash<QString, QSlider *> m_sliders;
    QHash<QString, QLabel *> m_desiredLabels, m_appliedLabels;
    QString m_nextKind = QStringLiteral("weights");
    QList<QPointer<telemetry::HostTraffic>> m_watched;
};

} // namespace mcp::ui
