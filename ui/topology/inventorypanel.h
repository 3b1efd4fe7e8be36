#pragma once

#include <QWidget>

class QTabWidget;
class QTableView;

namespace mcp::topology {
class NodeTableModel;
class TopologyModel;
} // namespace mcp::topology

namespace mcp::ui {

class NodeFilterProxy;

// Services and instances as sortable, filterable tables beside the graph, fed by the same
// topology model (topology::NodeTableModel) and filtered with the graph's search text.
// Selecting a row asks the window to select that node in the graph; selecting a node in
// the graph selects its row here.
class InventoryPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InventoryPanel)
public:
    explicit InventoryPanel(topology::TopologyModel *model, QWidget *parent = nullptr);

    void setFilterText(const QString &text);
    void selectNode(const QString &id);
    QTableView *servicesView() const { return m_servicesView; }
    QTableView *instancesView() const { return m_instancesView; }
    NodeFilterProxy *servicesProxy() const { return m_servicesProxy; }
    NodeFilterProxy *instancesProxy() const { return m_instancesProxy; }

Q_SIGNALS:
    void nodeActivated(const QString &id);
    // Right click on a row: the window offers the node's actions.
    void nodeContextMenuRequested(const QString &id, const QPoint &globalPos);

private:
    QTableView *makeView(NodeFilterProxy *proxy);
    void updateTabTitles();

    QTabWidget *m_tabs;
    topology::NodeTableModel *m_services;
    topology::NodeTableModel *m_instances;
    NodeFilterProxy *m_servicesProxy;
    NodeFilterProxy *m_instancesProxy;
    QTableView *m_servicesView;
    QTableView *m_instancesView;
    bool m_syncing = false;
};

} // namespace mcp::ui
