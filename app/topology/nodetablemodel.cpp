#include "nodetablemodel.h"

#include "healthreasontext.h"

#include "topologymodel.h"

#include <QJsonArray>

#include <algorithm>

namespace mcp::topology {

namespace {
QString healthText(Health h)
{
    switch (h) {
    case Health::Healthy:
        return NodeTableModel::tr("healthy");
    case Health::Degraded:
        return NodeTableModel::tr("degraded");
    case Health::Down:
        return NodeTableModel::tr("down");
    case Health::Unknown:
        break;
    }
    return NodeTableModel::tr("unknown");
}

QString problemsText(const Node &n)
{
    QStringList codes;
    for (const Problem &p : n.problems)
        codes << p.code;
    return codes.join(QStringLiteral(", "));
}

// Health sorts worst first when ascending: down, degraded, unknown, healthy.
int healthRank(Health h)
{
    switch (h) {
    case Health::Down:
        return 0;
    case Health::Degraded:
        return 1;
    case Health::Unknown:
        return 2;
    case Health::Healthy:
        return 3;
    }
    return 2;
}
} // namespace

NodeTableModel::NodeTableModel(TopologyModel *model, Columns columns, QObject *parent)
    : QAbstractTableModel(parent), m_model(model), m_columns(columns)
{
    for (const Node &n : model->graph().nodes) {
        if (wants(n))
            m_ids << n.id;
    }
    std::sort(m_ids.begin(), m_ids.end());
    reindex();
    connect(model, &TopologyModel::changed, this, &NodeTableModel::apply);
}

bool NodeTableModel::wants(const Node &n) const
{
    return m_columns == Columns::Services ? n.kind == NodeKind::Service : n.kind == NodeKind::Instance;
}

void NodeTableModel::reindex()
{
    m_rowOf.clear();
    m_rowOf.reserve(m_ids.size());
    for (int i = 0; i < m_ids.size(); ++i)
        m_rowOf.insert(m_ids[i], i);
}

void NodeTableModel::apply(const GraphDelta &delta)
{
    const Graph &g = m_model->graph();
    // Removals, bottom up, merging adjacent rows into one beginRemoveRows.
    QList<int> removed;
    for (const QString &id : delta.removedNodes) {
        const auto it = m_rowOf.constFind(id);
        if (it != m_rowOf.constEnd())
            removed << *it;
    }
    std::sort(removed.begin(), removed.end(), std::greater<>());
    for (int i = 0; i < removed.size();) {
        int last = removed[i];
        int first = last;
        int j = i + 1;
        while (j < removed.size() && removed[j] == first - 1)
            first = removed[j++];
        beginRemoveRows({}, first, last);
        m_ids.remove(first, last - first + 1);
        endRemoveRows();
        i = j;
    }
    if (!removed.isEmpty())
        reindex();

    QStringList added;
    for (const QString &id : delta.addedNodes) {
        const auto it = g.nodes.constFind(id);
        if (it != g.nodes.constEnd() && wants(*it) && !m_rowOf.contains(id))
            added << id;
    }
    if (!added.isEmpty()) {
        std::sort(added.begin(), added.end());
        const int first = int(m_ids.size());
        beginInsertRows({}, first, first + int(added.size()) - 1);
        for (const QString &id : std::as_const(added)) {
            m_rowOf.insert(id, int(m_ids.size()));
            m_ids << id;
        }
        endInsertRows();
    }

    int minRow = INT_MAX, maxRow = -1;
    for (const QString &id : delta.updatedNodes) {
        const auto it = m_rowOf.constFind(id);
        if (it == m_rowOf.constEnd())
            continue;
        minRow = std::min(minRow, *it);
        maxRow = std::max(maxRow, *it);
    }
    if (maxRow >= 0) {
        ++m_dataChangedSignals;
        Q_EMIT dataChanged(index(minRow, 0), index(maxRow, columnCount() - 1));
    }
}

int NodeTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_ids.size());
}

int NodeTableModel::columnCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return m_columns == Columns::Services ? SvcColumnCount : InstColumnCount;
}

QModelIndex NodeTableModel::indexOfNode(const QString &id) const
{
    const auto it = m_rowOf.constFind(id);
    return it == m_rowOf.constEnd() ? QModelIndex() : index(*it, 0);
}

QVariant NodeTableModel::data(const QModelIndex &index, int role) const
{
    if (!m_model || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto it = m_model->graph().nodes.constFind(m_ids.at(index.row()));
    if (it == m_model->graph().nodes.constEnd())
        return {};
    const Node n = m_model->graph().withFindings(*it); // problems: the labels' and the doctor's
    switch (role) {
    case NodeIdRole:
        return n.id;
    case HealthRole:
        return int(n.health);
    case NodeRole:
        return QVariant::fromValue(n);
    case Qt::ToolTipRole:
        return n.healthReason.isEmpty() ? QVariant() : QVariant(healthReasonText(n.healthReason));
    default:
        break;
    }
    return m_columns == Columns::Services ? serviceData(n, index.column(), role) : instanceData(n, index.column(), role);
}

QVariant NodeTableModel::serviceData(const Node &n, int column, int role) const
{
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    const bool sort = role == SortRole;
    switch (column) {
    case SvcName:
        return n.name;
    case SvcHealth:
        return sort ? QVariant(healthRank(n.health)) : QVariant(healthText(n.health));
    case SvcInstances: {
        const int total = n.attributes.value(QLatin1String("instances")).toInt();
        const int healthy = n.attributes.value(QLatin1String("healthyInstances")).toInt();
        return sort ? QVariant(total) : QVariant(QStringLiteral("%1/%2").arg(healthy).arg(total));
    }
    case SvcVersions: {
        QStringList versions;
        for (const auto &v : n.attributes.value(QLatin1String("versions")).toArray())
            versions << v.toString();
        return sort ? QVariant(int(versions.size())) : QVariant(versions.join(QStringLiteral(", ")));
    }
    case SvcReason:
        return healthReasonText(n.healthReason);
    case SvcProblems:
        return sort ? QVariant(int(n.problems.size())) : QVariant(problemsText(n));
    }
    return {};
}

QVariant NodeTableModel::instanceData(const Node &n, int column, int role) const
{
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    const bool sort = role == SortRole;
    const auto attr = [&](const char *key) { return n.attributes.value(QLatin1String(key)); };
    switch (column) {
    case InstName:
        return n.name;
    case InstHealth:
        return sort ? QVariant(healthRank(n.health)) : QVariant(healthText(n.health));
    case InstService:
        return attr("role").toString() == QLatin1String("gateway")
                   ? tr("gateway %1").arg(attr("gateway").toString())
                   : attr("service").toString();
    case InstVersion:
        return attr("version").toString();
    case InstHost:
        return n.host;
    case InstState:
        return attr("state").toString();
    case InstAddress: {
        const QString address = attr("address").toString();
        const int port = attr("port").toInt();
        if (sort) { // numeric order of IPv4 addresses (10.0.0.9 before 10.0.0.10), then port
            QString key;
            for (const QString &octet : address.split(QLatin1Char('.')))
                key += octet.rightJustified(3, QLatin1Char('0')) + QLatin1Char('.');
            return QString(key + QString::number(port).rightJustified(5, QLatin1Char('0')));
        }
        return port > 0 ? QStringLiteral("%1:%2").arg(address).arg(port) : address;
    }
    case InstNetworks: {
        QStringList names;
        for (const auto &v : attr("networks").toArray())
            names << v.toObject().value(QLatin1String("name")).toString();
        return names.join(QStringLiteral(", "));
    }
    case InstProblems:
        return sort ? QVariant(int(n.problems.size())) : QVariant(problemsText(n));
    }
    return {};
}

QVariant NodeTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    if (m_columns == Columns::Services) {
        switch (section) {
        case SvcName: return tr("Service");
        case SvcHealth: return tr("Health");
        case SvcInstances: return tr("Healthy/instances");
        case SvcVersions: return tr("Versions");
        case SvcReason: return tr("Why");
        case SvcProblems: return tr("Problems");
        }
        return {};
    }
    switch (section) {
    case InstName: return tr("Instance");
    case InstHealth: return tr("Health");
    case InstService: return tr("Service");
    case InstVersion: return tr("Version");
    case InstHost: return tr("Host");
    case InstState: return tr("State");
    case InstAddress: return tr("Address");
    case InstNetworks: return tr("Networks");
    case InstProblems: return tr("Problems");
    }
    return {};
}

} // namespace mcp::topology
