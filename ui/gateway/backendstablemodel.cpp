#include "backendstablemodel.h"

#include "findingstyle.h"
#include "specdocument.h"

#include "gateway/routeedit.h"
#include "gateway/specvalidator.h"

#include <QTextDocument>

namespace mcp::ui {

BackendsTableModel::BackendsTableModel(SpecDocument *document, QObject *parent) : QAbstractTableModel(parent), m_document(document)
{
    connect(document, &SpecDocument::reparsed, this, &BackendsTableModel::refresh);
}

int BackendsTableModel::backendCount() const
{
    const auto &routes = m_document->spec().routes;
    return m_route >= 0 && m_route < routes.size() ? int(routes.at(m_route).backends.size()) : 0;
}

void BackendsTableModel::setRoute(int route)
{
    beginResetModel();
    m_route = route;
    m_index.rebuild(m_document->findings());
    m_rows = backendCount();
    endResetModel();
}

void BackendsTableModel::refresh()
{
    m_index.rebuild(m_document->findings());
    const int rows = backendCount();
    if (rows == m_rows) {
        if (rows > 0)
            Q_EMIT dataChanged(index(0, 0), index(rows - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

QString BackendsTableModel::fieldOf(int column)
{
    return column == ServiceColumn ? QStringLiteral("service") : column == VersionColumn ? QStringLiteral("version") : QStringLiteral("weight");
}

int BackendsTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int BackendsTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BackendsTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= backendCount())
        return {};
    const gateway::Route &r = m_document->spec().routes.at(m_route);
    const gateway::Backend &b = r.backends.at(index.row());
    if (role == Qt::DisplayRole || role == Qt::EditRole) {
        switch (index.column()) {
        case ServiceColumn:
            return b.service.value;
        case VersionColumn:
            return b.version.value;
        case WeightColumn:
            if (role == Qt::EditRole)
                return b.weight.present ? QString::number(b.weight.value) : QString();
            return b.weight.present ? QString::number(b.weight.value) : tr("%1 (implied)").arg(gateway::effectiveWeight(r, b));
        default:
            return {};
        }
    }
    QList<gateway::Finding> findings = m_index.at(m_route, index.row(), fieldOf(index.column()));
    if (index.column() == WeightColumn) // the route's weight sum is about every weight
        findings << m_index.at(m_route, -1, QStringLiteral("backends"));
    int worst = -1;
    QStringList tips;
    for (const auto &f : findings) {
        worst = worst < 0 ? int(f.severity) : qMin(worst, int(f.severity));
        tips << f.message;
    }
    switch (role) {
    case Qt::BackgroundRole:
        return worst < 0 ? QVariant() : QVariant(severityBackground(gateway::Finding::Severity(worst)));
    case Qt::ToolTipRole:
        return tips.isEmpty() ? QVariant() : QVariant(tips.join(QLatin1Char('\n')));
    case Qt::TextAlignmentRole:
        return index.column() == WeightColumn ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    case SeverityRole:
        return worst;
    default:
        return {};
    }
}

bool BackendsTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !index.isValid() || index.row() >= backendCount())
        return false;
    const gateway::Backend &b = m_document->spec().routes.at(m_route).backends.at(index.row());
    const auto edit = gateway::editField(m_document->text()->toPlainText(), gateway::backendField(b, fieldOf(index.column())), value.toString());
    if (!m_document->applyEdit(edit)) {
        Q_EMIT editRefused(tr("This part of the YAML has a layout the table cannot change; edit it in the YAML view."));
        return false;
    }
    return true;
}

Qt::ItemFlags BackendsTableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return QAbstractTableModel::flags(index);
    return QAbstractTableModel::flags(index) | Qt::ItemIsEditable;
}

QVariant BackendsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == ServiceColumn ? tr("Service") : section == VersionColumn ? tr("Version") : tr("Weight");
}

} // namespace mcp::ui
