#include "findingsmodel.h"

#include "findingstyle.h"

#include <algorithm>

namespace mcp::ui {

FindingsModel::FindingsModel(QObject *parent) : QAbstractTableModel(parent) {}

void FindingsModel::setFindings(gateway::Findings findings)
{
    std::stable_sort(findings.begin(), findings.end(), [](const gateway::Finding &a, const gateway::Finding &b) {
        if (a.severity != b.severity)
            return int(a.severity) < int(b.severity);
        return a.pos.line < b.pos.line;
    });
    if (findings.size() == m_findings.size()) {
        m_findings = std::move(findings);
        if (!m_findings.isEmpty())
            Q_EMIT dataChanged(index(0, 0), index(int(m_findings.size()) - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_findings = std::move(findings);
    endResetModel();
}

int FindingsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_findings.size());
}

int FindingsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FindingsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_findings.size())
        return {};
    const gateway::Finding &f = m_findings.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case SeverityColumn:
            return severityText(f.severity);
        case LocationColumn:
            return f.pos.line > 0 ? QStringLiteral("%1:%2").arg(f.pos.line).arg(f.pos.column) : QString();
        case CodeColumn:
            return f.code;
        case MessageColumn:
            return f.message;
        case ColumnCount:
            break;
        }
        break;
    case Qt::DecorationRole:
        if (index.column() == SeverityColumn)
            return severityIcon(f.severity);
        break;
    case Qt::ToolTipRole:
        return f.hint.isEmpty() ? f.message : tr("%1\nFix: %2").arg(f.message, f.hint);
    case SeverityRole:
        return int(f.severity);
    case PathRole:
        return f.pos.path;
    default:
        break;
    }
    return {};
}

QVariant FindingsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case SeverityColumn:
        return tr("Severity");
    case LocationColumn:
        return tr("Line");
    case CodeColumn:
        return tr("Code");
    case MessageColumn:
        return tr("Message");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace mcp::ui
