#pragma once

#include "findinglocation.h"

#include <QAbstractTableModel>

namespace mcp::ui {

class SpecDocument;

// The routes of the spec being edited, one row each: name, hosts, path prefix (all three
// editable in place), the backends with their weights, and the findings on the route. A
// cell whose field has a finding is tinted by severity and says why in its tooltip. Edits
// become text edits of the YAML (one undo step each); the rows follow every reading.
class RoutesTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RoutesTableModel)
public:
    enum Column { NameColumn, HostsColumn, PathColumn, BackendsColumn, ProblemsColumn, ColumnCount };
    enum Role { SeverityRole = Qt::UserRole + 1 }; // worst severity of the cell (-1: none)

    explicit RoutesTableModel(SpecDocument *document, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    static QString fieldOf(Column column); // "name", "match.hosts", ...
    static Column columnOf(const QString &field);

Q_SIGNALS:
    void editRefused(const QString &why);

private:
    void refresh();
    QList<gateway::Finding> cellFindings(const QModelIndex &index) const;

    SpecDocument *m_document;
    FindingIndex m_index;
    int m_rows = 0;
};

} // namespace mcp::ui
