#pragma once

#include <QAbstractTableModel>
#include <QJsonArray>
#include <QJsonObject>

namespace mcp::ui {

// The local audit log (pushes, rollbacks, conflicts, weight changes), newest first.
class AuditModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuditModel)
public:
    enum Column { TimeColumn, UserColumn, KindColumn, HostColumn, GatewayColumn, ChangeColumn, ResultColumn, ColumnCount };
    enum Role { EntryRole = Qt::UserRole + 1 }; // the whole record (QJsonObject)

    explicit AuditModel(QObject *parent = nullptr);

    void reload(int last = 500);
    QJsonObject entry(int row) const { return m_entries.at(row).toObject(); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QJsonArray m_entries;
};

} // namespace mcp::ui
