#pragma once

#include <QWidget>

class QAction;
class QLabel;
class QPushButton;
class QTreeView;

namespace mcp::hosts {
class HostFleet;
class HostRegistry;
} // namespace mcp::hosts

namespace mcp::ui {

class HostListModel;

// The hosts dock: every configured host with its state (icon by colour and shape), how it
// is reached or why it is not, and the actions add, edit, remove, reconnect and "trust host
// key" (enabled for an SSH host refused as unknown). When a host is refused as unknown it
// opens the trust dialog by itself, once per refusal, so the operator sees why it waits.
class HostsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostsPanel)
public:
    HostsPanel(hosts::HostRegistry *registry, hosts::HostFleet *fleet, QWidget *parent = nullptr);

    HostListModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }
    QString currentHost() const;
    void setCurrentHost(const QString &name);

    // Whether refusals of unknown host keys pop the trust dialog up by themselves.
    void setPromptForHostKeys(bool prompt) { m_promptForHostKeys = prompt; }

public Q_SLOTS:
    void addHost();
    void editHost();
    void removeHost();
    void reconnectHost();
    // Shows the trust dialog for the current (or named) host; returns whether it trusted.
    bool reviewHostKey(const QString &name = {});

private:
    void updateActions();
    void updateDetail();
    void onHostUpdated(const QString &name);

    hosts::HostRegistry *m_registry;
    hosts::HostFleet *m_fleet;
    HostListModel *m_model;
    QTreeView *m_view;
    QAction *m_edit, *m_remove, *m_reconnect;
    QLabel *m_detail;         // the current host's address, path or full reason
    QPushButton *m_trust;     // "Review host key…", shown for SSH host key refusals
    QStringList m_prompted; // hosts whose current refusal was already shown
    bool m_promptForHostKeys = true;
};

} // namespace mcp::ui
