#include "hostlistmodel.h"

#include "hoststateicon.h"
#include "hosts/hostconnection.h"
#include "hosts/hostfleet.h"
#include "hosts/hostregistry.h"

namespace mcp::ui {

namespace {
struct RowState
{
    hosts::HostState state = hosts::HostState::Idle;
    Error error;
    QString path;
    bool configError = false;
};

RowState rowState(const hosts::HostFleet &fleet, const QString &name)
{
    RowState s;
    if (const auto err = fleet.configError(name)) {
        s.state = hosts::HostState::Unreachable;
        s.error = *err;
        s.configError = true;
    } else if (const auto *c = fleet.connection(name)) {
        s.state = c->state();
        s.error = c->lastError();
        s.path = c->pathDescription();
    }
    return s;
}
} // namespace

HostListModel::HostListModel(hosts::HostRegistry *registry, hosts::HostFleet *fleet, QObject *parent)
    : QAbstractTableModel(parent), m_registry(registry), m_fleet(fleet)
{
    for (const auto &c : registry->hosts())
        m_names << c.name;
    connect(registry, &hosts::HostRegistry::hostAdded, this, &HostListModel::hostAdded);
    connect(registry, &hosts::HostRegistry::hostRemoved, this, &HostListModel::hostRemoved);
    connect(registry, &hosts::HostRegistry::hostChanged, this, &HostListModel::hostChanged);
    connect(fleet, &hosts::HostFleet::hostUpdated, this, &HostListModel::hostUpdated);
}

void HostListModel::hostAdded(const QString &name)
{
    const int row = int(m_names.size());
    beginInsertRows({}, row, row);
    m_names << name;
    endInsertRows();
}

void HostListModel::hostRemoved(const QString &name)
{
    const int row = int(m_names.indexOf(name));
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_names.removeAt(row);
    endRemoveRows();
}

void HostListModel::hostChanged(const QString &oldName, const QString &newName)
{
    const int row = int(m_names.indexOf(oldName));
    if (row < 0)
        return;
    m_names[row] = newName;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

int HostListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_names.size());
}

int HostListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QModelIndex HostListModel::indexOfHost(const QString &name, int column) const
{
    const int row = int(m_names.indexOf(name));
    return row < 0 ? QModelIndex() : index(row, column);
}

void HostListModel::hostUpdated(const QString &name)
{
    const int row = int(m_names.indexOf(name));
    if (row >= 0)
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

QVariant HostListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const hosts::HostConfig *found = m_registry->find(m_names.at(index.row()));
    if (!found)
        return {};
    const hosts::HostConfig &config = *found;
    const RowState s = rowState(*m_fleet, config.name);
    switch (role) {
    case NameRole:
        return config.name;
    case StateRole:
        return int(s.state);
    case ErrorCodeRole:
        return s.error.code;
    case UrlRole:
        return config.url;
    case ContextRole:
        return config.context;
    case PathRole:
        return s.path;
    case Qt::DecorationRole:
        if (index.column() == NameColumn)
            return hostStateIcon(s.state, s.configError);
        return {};
    case Qt::ToolTipRole: {
        QString tip = QStringLiteral("<b>%1</b>: %2<br>%3").arg(config.name.toHtmlEscaped(), hostStateText(s.state),
                                                                 config.displayAddress().toHtmlEscaped());
        if (!s.path.isEmpty() && s.state == hosts::HostState::Connected)
            tip += QStringLiteral("<br>") + tr("via %1").arg(s.path.toHtmlEscaped());
        if (!s.error.code.isEmpty())
            tip += QStringLiteral("<br><i>%1</i>").arg(s.error.text().toHtmlEscaped());
        return tip;
    }
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return config.persistent ? config.name : tr("%1 (this session)").arg(config.name);
        case StateColumn:
            return s.configError ? tr("not configured") : hostStateText(s.state);
        case AddressColumn:
            return config.context.isEmpty() ? config.url : tr("context %1").arg(config.context);
        case ConnectionColumn:
            if (!s.error.code.isEmpty() && s.state != hosts::HostState::Connected)
                return s.error.text();
            return s.path;
        }
        return {};
    }
    return {};
}

QVariant HostListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Host");
    case StateColumn:
        return tr("State");
    case AddressColumn:
        return tr("Address");
    case ConnectionColumn:
        return tr("Connection");
    }
    return {};
}

QHash<int, QByteArray> HostListModel::roleNames() const
{
    auto roles = QAbstractTableModel::roleNames();
    roles.insert(NameRole, "name");
    roles.insert(StateRole, "state");
    roles.insert(ErrorCodeRole, "errorCode");
    roles.insert(UrlRole, "url");
    roles.insert(ContextRole, "context");
    roles.insert(PathRole, "path");
    return roles;
}

} // namespace mcp::ui
