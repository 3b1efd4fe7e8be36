#include "routestablemodel.h"

#include "findingstyle.h"
#include "specdocument.h"

#include "gateway/routeedit.h"
#include "gateway/specvalidator.h"

#include <QTextDocument>

namespace mcp::ui {

namespace {

int worst(const QList<gateway::Finding> &findings)
{
    int w = -1;
    for (const auto &f : findings)
        if (w < 0 || int(f.severity) < w)
            w = int(f.severity);
    return w;
}

QString tooltipOf(const QList<gateway::Finding> &findings)
{
    QStringList lines;
    for (const auto &f : findings)
        lines << (f.hint.isEmpty() ? f.message : QStringLiteral("%1 (%2)").arg(f.message, f.hint));
    return lines.join(QLatin1Char('\n'));
}

} // namespace

RoutesTableModel::RoutesTableModel(SpecDocument *document, QObject *parent) : QAbstractTableModel(parent), m_document(document)
{
    connect(document, &SpecDocument::reparsed, this, &RoutesTableModel::refresh);
    refresh();
}

void RoutesTableModel::refresh()
{
    m_index.rebuild(m_document->findings());
    const int rows = int(m_document->spec().routes.size());
    if (rows == m_rows) {
        if (rows > 0)
            Q_EMIT dataChanged(index(0, 0), index(rows - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

QString RoutesTableModel::fieldOf(Column column)
{
    switch (column) {
    case NameColumn:
        return QStringLiteral("name");
    case HostsColumn:
        return QStringLiteral("match.hosts");
    case PathColumn:
        return QStringLiteral("match.pathPrefix");
    case BackendsColumn:
        return QStringLiteral("backends");
    case ProblemsColumn:
    case ColumnCount:
        break;
    }
    return QString();
}

RoutesTableModel::Column RoutesTableModel::columnOf(const QString &field)
{
    for (int c = 0; c < ProblemsColumn; ++c)
        if (fieldOf(Column(c)) == field)
            return Column(c);
    return ProblemsColumn;
}

QList<gateway::Finding> RoutesTableModel::cellFindings(const QModelIndex &index) const
{
    if (index.column() == ProblemsColumn)
        return m_index.inRoute(index.row());
    QList<gateway::Finding> out = m_index.at(index.row(), -1, fieldOf(Column(index.column())));
    if (index.column() == BackendsColumn) // the backends' own fields show here too
        for (const auto &f : m_index.inRoute(index.row()))
            if (f.pos.path.contains(QLatin1String(".backends[")))
                out << f;
    if (index.column() == PathColumn) // a route that does not match what it should
        out << m_index.at(index.row(), -1, QStringLiteral("match"));
    return out;
}

int RoutesTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int RoutesTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RoutesTableModel::data(const QModelIndex &index, int role) const
{
    const auto &routes = m_document->spec().routes;
    if (!index.isValid() || index.row() >= routes.size())
        return {};
    const gateway::Route &r = routes.at(index.row());
    const Column column = Column(index.column());
    if (role == Qt::DisplayRole || role == Qt::EditRole) {
        switch (column) {
        case NameColumn:
            return r.name.value;
        case HostsColumn:
            return role == Qt::DisplayRole && r.hosts.value.isEmpty() ? tr("(any)") : r.hosts.value.join(QLatin1String(", "));
        case PathColumn:
            return r.pathPrefix.value;
        case BackendsColumn: {
            QStringList parts;
            for (const gateway::Backend &b : r.backends)
                parts << QStringLiteral("%1%2 %3")
                             .arg(b.service.value, b.version.value.isEmpty() ? QString() : QString(QLatin1Char(' ') + b.version.value))
                             .arg(gateway::effectiveWeight(r, b));
            return parts.join(QStringLiteral(" · "));
        }
        case ProblemsColumn: {
            const auto all = m_index.inRoute(index.row());
            int errors = 0;
            for (const auto &f : all)
                errors += f.severity == gateway::Finding::Severity::Error;
            if (all.isEmpty())
                return QString();
            return errors > 0 ? tr("%n error(s)", nullptr, errors) : tr("%n warning(s)", nullptr, int(all.size()));
        }
        case ColumnCount:
            break;
        }
        return {};
    }
    const QList<gateway::Finding> findings = cellFindings(index);
    switch (role) {
    case Qt::BackgroundRole:
        return findings.isEmpty() ? QVariant() : QVariant(severityBackground(gateway::Finding::Severity(worst(findings))));
    case Qt::DecorationRole:
        if (column == NameColumn) {
            const int w = worst(m_index.inRoute(index.row()));
            return w < 0 ? QVariant() : QVariant(severityIcon(gateway::Finding::Severity(w)));
        }
        return {};
    case Qt::ToolTipRole:
        return findings.isEmpty() ? QVariant() : QVariant(tooltipOf(findings));
    case SeverityRole:
        return worst(findings);
    default:
        return {};
    }
}

bool RoutesTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !index.isValid() || index.row() >= m_document->spec().routes.size())
        return false;
    const QString field = fieldOf(Column(index.column()));
    if (field.isEmpty() || field == QLatin1String("backends"))
        return false;
    const gateway::FieldSlot slot = gateway::routeField(m_document->spec().routes.at(index.row()), field);
    const auto edit = gateway::editField(m_document->text()->toPlainText(), slot, value.toString());
    if (!m_document->applyEdit(edit)) {
        Q_EMIT editRefused(tr("This part of the YAML has a layout the table cannot change; edit it in the YAML view."));
        return false;
    }
    return true;
}

Qt::ItemFlags RoutesTableModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && (index.column() == NameColumn || index.column() == HostsColumn || index.column() == PathColumn))
        f |= Qt::ItemIsEditable;
    return f;
}

QVariant RoutesTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case NameColumn:
        return tr("Route");
    case HostsColumn:
        return tr("Hosts");
    case PathColumn:
        return tr("Path prefix");
    case BackendsColumn:
        return tr("Backends and weights");
    case ProblemsColumn:
        return tr("Problems");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace mcp::ui
