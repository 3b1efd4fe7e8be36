#pragma once

#include <QDialog>

class QLabel;
class QPushButton;
class QTableView;

namespace mcp::hosts {
class HostFleet;
class HostRegistry;
} // namespace mcp::hosts

namespace mcp::ui {

class AuditModel;
class PushDialog;

// The push history (the local audit log, newest first) with one-click rollback: "Roll back"
// on an entry fetches the config its gateway ran before its last push and opens the push
// dialog with the diff, as for every other change.
class HistoryDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryDialog)
public:
    HistoryDialog(hosts::HostRegistry *registry, hosts::HostFleet *fleet, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    AuditModel *model() const { return m_model; }
    QPushButton *rollbackButton() const { return m_rollback; }
    // Rolls back the gateway of the entry in `row`; the push dialog it opens (nullptr when the
    // entry's host is not one of the console's hosts).
    void rollback(int row);

Q_SIGNALS:
    void rollbackDialogOpened(mcp::ui::PushDialog *dialog);

private:
    void updateButtons();
    QString hostNameFor(const QString &url) const;

    hosts::HostRegistry *m_registry;
    hosts::HostFleet *m_fleet;
    AuditModel *m_model;
    QTableView *m_view;
    QLabel *m_status;
    QPushButton *m_rollback;
};

} // namespace mcp::ui
