#pragma once

#include <QMainWindow>

#include <memory>

class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace mcp::hosts {
class HostConnection;
class ContainerInventory;
} // namespace mcp::hosts
namespace mcp::topology {
class TopologyModel;
}
namespace mcp::endpoint {
struct Endpoint;
}

namespace mcp::ui {

class TopologyScene;
class TopologyView;

// The console's window: the live topology of the hosts in the middle, search and fit in the
// tool bar, the selected node's details on the right, the hosts' states in the status bar.
// It owns the host connections (std::unique_ptr) and the topology model; widgets belong to
// the window through Qt parents.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Connects to a host and adds it to the topology (name shown in the graph and status).
    void addHost(const QString &name, const endpoint::Endpoint &endpoint);
    TopologyView *topologyView() const { return m_view; }

private:
    struct Host;
    void showDetails(const QString &nodeId);
    void updateStatus();

    std::unique_ptr<topology::TopologyModel> m_model;
    std::vector<std::unique_ptr<Host>> m_hosts;
    TopologyScene *m_scene = nullptr;
    TopologyView *m_view = nullptr;
    QLineEdit *m_search = nullptr;
    QPlainTextEdit *m_details = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace mcp::ui
