#pragma once

#include "common/result.h"

#include <QDialog>

#include <functional>
#include <memory>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;

namespace mcp::hosts {
class HostFleet;
class HostRegistry;
} // namespace mcp::hosts
namespace mcp::topology {
class TopologyModel;
}
namespace mcp::snapshot {
class SnapshotCollector;
class TopologyHistory;
} // namespace mcp::snapshot

namespace mcp::ui {

// File > Export incident snapshot…: where to, which window (1, 5 or 15 minutes) and which
// gateways; then the collector's progress (every part is an async call on the hosts' own
// transports) and the file written on a worker thread, so the window stays responsive for
// a busy 2,000-instance host. The dialog owns the collector while it runs.
class SnapshotExportDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SnapshotExportDialog)
public:
    SnapshotExportDialog(hosts::HostRegistry *registry, hosts::HostFleet *fleet, topology::TopologyModel *model,
                         snapshot::TopologyHistory *history, QWidget *parent = nullptr);
    ~SnapshotExportDialog() override;

    void setFile(const QString &file);
    // Starts the export (what the Export button does).
    void exportNow();
    bool isBusy() const { return m_busy; }
    QProgressBar *progressBar() const { return m_progress; }
    QString statusText() const;

Q_SIGNALS:
    void exported(const QString &file, const mcp::Status &status);

private:
    void writeFile();
    void finish(const Status &status, qint64 bytes);

    hosts::HostRegistry *m_registry;
    hosts::HostFleet *m_fleet;
    topology::TopologyModel *m_model;
    snapshot::TopologyHistory *m_history;
    std::unique_ptr<snapshot::SnapshotCollector> m_collector;
    QLineEdit *m_file;
    QComboBox *m_window;
    QComboBox *m_gateway;
    QProgressBar *m_progress;
    QLabel *m_status;
    QDialogButtonBox *m_buttons;
    bool m_busy = false;
    qint64 m_startedMs = 0;
};

} // namespace mcp::ui
