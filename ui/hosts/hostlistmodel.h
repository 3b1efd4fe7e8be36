#pragma once

#include <QAbstractTableModel>

namespace mcp::hosts {
class HostFleet;
class HostRegistry;
} // namespace mcp::hosts

namespace mcp::ui {

// The hosts panel's rows: one per registry host, with its live state from the fleet.
// Display text is translated; the raw values for sorting, filtering and tests are in their
// own roles (StateRole holds the HostState as int, ErrorCodeRole the stable error code).
// A state change repaints one row (dataChanged); adds and removals insert and remove rows.
class HostListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostListModel)
public:
    enum Column { NameColumn, StateColumn, AddressColumn, ConnectionColumn, ColumnCount };
    enum Role {
        NameRole = Qt::UserRole + 1, // the host's name (stable key)
        StateRole,                   // int(hosts::HostState); Unreachable for a config error
        ErrorCodeRole,               // "ssh.hostkey.unknown", ... ("" when fine)
        UrlRole,                     // the configured URL, or empty for a context
        ContextRole,                 // the followed Docker context, or empty
        PathRole,                    // how it is reached: "SSH (libssh2)", ...
    };

    HostListModel(hosts::HostRegistry *registry, hosts::HostFleet *fleet, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    QModelIndex indexOfHost(const QString &name, int column = NameColumn) const;

private:
    void hostUpdated(const QString &name);
    void hostAdded(const QString &name);
    void hostRemoved(const QString &name);
    void hostChanged(const QString &oldName, const QString &newName);

    hosts::HostRegistry *m_registry;
    hosts::HostFleet *m_fleet;
    QStringList m_names; // the rows as this model announced them (registry order)
};

} // namespace mcp::ui
