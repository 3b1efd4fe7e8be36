#include "auditmodel.h"

#include "gateway/auditlog.h"

#include <QColor>
#include <QDateTime>
#include <QLocale>

namespace mcp::ui {

AuditModel::AuditModel(QObject *parent) : QAbstractTableModel(parent)
{
    reload();
}

void AuditModel::reload(int last)
{
    beginResetModel();
    const QJsonArray oldestFirst = gateway::readAudit(last);
    m_entries = QJsonArray();
    for (qsizetype i = oldestFirst.size() - 1; i >= 0; --i)
        m_entries.append(oldestFirst.at(i));
    endResetModel();
}

int AuditModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int AuditModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const QJsonObject e = m_entries.at(index.row()).toObject();
    const bool ok = e.value(QLatin1String("ok")).toBool();
    if (role == EntryRole)
        return e;
    if (role == Qt::ForegroundRole && index.column() == ResultColumn)
        return ok ? QColor(0x1a, 0x7f, 0x37) : QColor(0xc0, 0x39, 0x2b);
    if (role == Qt::ToolTipRole)
        return e.value(QLatin1String("error")).toString();
    if (role != Qt::DisplayRole)
        return {};
    const QString kind = e.value(QLatin1String("kind")).toString();
    switch (Column(index.column())) {
    case TimeColumn:
        return QLocale().toString(QDateTime::fromString(e.value(QLatin1String("time")).toString(), Qt::ISODateWithMs).toLocalTime(),
                                  QLocale::ShortFormat);
    case UserColumn:
        return e.value(QLatin1String("user")).toString();
    case KindColumn:
        return kind == QLatin1String("push")       ? tr("push")
               : kind == QLatin1String("rollback") ? tr("rollback")
               : kind == QLatin1String("conflict") ? tr("conflict")
               : kind == QLatin1String("weights")  ? tr("weights")
                                                   : kind;
    case HostColumn:
        return e.value(QLatin1String("host")).toString();
    case GatewayColumn:
        return e.value(QLatin1String("gateway")).toString();
    case ChangeColumn: {
        const QString from = e.value(QLatin1String("from")).toString();
        return tr("%1 → %2").arg(from.isEmpty() ? tr("(none)") : from, e.value(QLatin1String("to")).toString());
    }
    case ResultColumn:
        return ok ? tr("ok") : tr("failed at %1").arg(e.value(QLatin1String("failedStep")).toString());
    case ColumnCount:
        break;
    }
    return {};
}

QVariant AuditModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case TimeColumn:
        return tr("When");
    case UserColumn:
        return tr("Who");
    case KindColumn:
        return tr("What");
    case HostColumn:
        return tr("Host");
    case GatewayColumn:
        return tr("Gateway");
    case ChangeColumn:
        return tr("Version");
    case ResultColumn:
        return tr("Result");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace mcp::ui
