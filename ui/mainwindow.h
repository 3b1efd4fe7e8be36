#pragma once

#include "topology/trafficstyle.h"

#include <QMainWindow>

#include <memory>

class QComboBox;
class QDockWidget;
class QMenu;
class QSettings;
class QLabel;
class QLineEdit;
class QTimer;

namespace mcp::hosts {
class HostConnection;
class HostFleet;
class HostRegistry;
} // namespace mcp::hosts
namespace mcp::topology {
class TopologyModel;
struct Node;
} // namespace mcp::topology
namespace mcp::snapshot {
class TopologyHistory;
}

namespace mcp::ui {

class ContainerConsoleWindow;
class ContainerLogWindow;
class DetailsPanel;
class HostsPanel;
class SpecEditorWindow;
class InventoryPanel;
class GrayReleasePanel;
class CertificatesPanel;
class TrafficWindow;
class LegendWidget;
class TopologyScene;
class TopologyView;
class SnapshotExportDialog;
class SnapshotWindow;
class ConsoleSettings;

// The console's window: the live topology of the hosts in the middle, the hosts panel on
// the left, search and fit in the tool bar, the selected node's details on the right, a
// summary of the hosts' states in the status bar. It owns the fleet of host connections and
// the topology model (std::unique_ptr); widgets belong to the window through Qt parents.
// The registry (the configured hosts) belongs to the caller.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)
public:
    explicit MainWindow(hosts::HostRegistry *registry, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Connects every host of the registry (and those added later).
    void start();
    // Where the language, the recent specs and the window layout persist (not owned);
    // restores the layout at once.
    void setSettings(QSettings *settings);
    ConsoleSettings *consoleSettings() const { return m_settings.get(); }
    QMenu *languageMenu() const { return m_languageMenu; }
    QMenu *recentSpecsMenu() const { return m_recentMenu; }
    TopologyView *topologyView() const { return m_view; }
    HostsPanel *hostsPanel() const { return m_hostsPanel; }
    hosts::HostFleet *fleet() const { return m_fleet.get(); }
    topology::TopologyModel *topologyModel() const { return m_model.get(); }
    InventoryPanel *inventoryPanel() const { return m_inventory; }
    DetailsPanel *detailsPanel() const { return m_details; }
    QLineEdit *searchField() const { return m_search; }
    QComboBox *groupByBox() const { return m_groupBy; }

    // The node actions (context menu of the graph and the tables), public for tests.
    ContainerLogWindow *openLogs(const topology::Node &node);
    ContainerConsoleWindow *openConsole(const topology::Node &node);
    void restartInstance(const topology::Node &node, bool confirm);
    // The gateway spec editor (a window of its own), empty or with the spec a gateway runs.
    SpecEditorWindow *openSpecEditor();
    SpecEditorWindow *openDeployedSpec(const QString &gatewayName);
    // The host whose gateway `gatewayName` runs a pushed spec (empty: none).
    QString deployedSpecHost(const QString &gatewayName) const;
    // Health, traffic, errors or latency on the graph (the tool bar's choice).
    void setOverlayMode(OverlayMode mode);
    void refreshOverlay();
    LegendWidget *legend() const { return m_legend; }
    // The gray-release dock, on a route when one is named (host, gateway, route).
    GrayReleasePanel *openGrayRelease(const QString &host, const QString &gatewayName, const QString &route);
    GrayReleasePanel *grayReleasePanel() const { return m_grayRelease; }
    // The certificates dock, reading the gateways again.
    CertificatesPanel *openCertificates();
    CertificatesPanel *certificatesPanel() const { return m_certificates; }
    // A window with the live series of a service, version, gateway or route node.
    TrafficWindow *openTrafficCharts(const QString &nodeId);
    // File > Export incident snapshot… (the dialog; Export starts it).
    SnapshotExportDialog *openSnapshotExport();
    // File > Open snapshot…: read on a worker thread, then a read-only replay window
    // (snapshotOpened), or the reason in the status bar and a message.
    void openSnapshot(const QString &file);
    snapshot::TopologyHistory *topologyHistory() const { return m_history.get(); }

Q_SIGNALS:
    void snapshotOpened(mcp::ui::SnapshotWindow *window);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void fillLanguageMenu();
    void fillRecentSpecs();
    void showDetails(const QString &nodeId);
    void showNodeMenu(const QString &nodeId, const QPoint &globalPos);
    hosts::HostConnection *connectionFor(const topology::Node &node) const;
    void updateStatus();

    hosts::HostRegistry *m_registry;
    std::unique_ptr<topology::TopologyModel> m_model;
    std::unique_ptr<hosts::HostFleet> m_fleet;
    std::unique_ptr<snapshot::TopologyHistory> m_history; // the last 15 minutes, for snapshots
    std::unique_ptr<ConsoleSettings> m_settings;
    QMenu *m_languageMenu = nullptr;
    QMenu *m_recentMenu = nullptr;
    HostsPanel *m_hostsPanel = nullptr;
    TopologyScene *m_scene = nullptr;
    TopologyView *m_view = nullptr;
    QLineEdit *m_search = nullptr;
    QComboBox *m_groupBy = nullptr;
    DetailsPanel *m_details = nullptr;
    InventoryPanel *m_inventory = nullptr;
    QLabel *m_status = nullptr;
    QComboBox *m_overlay = nullptr;
    QComboBox *m_overlayWindow = nullptr;
    LegendWidget *m_legend = nullptr;
    QTimer *m_overlayTimer = nullptr;
    GrayReleasePanel *m_grayRelease = nullptr;
    QDockWidget *m_grayDock = nullptr;
    CertificatesPanel *m_certificates = nullptr;
    QDockWidget *m_certsDock = nullptr;
};

} // namespace mcp::ui
