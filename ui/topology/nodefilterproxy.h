#pragma once

#include "topology/nodefilter.h"

#include <QSortFilterProxyModel>

namespace mcp::ui {

// Sorts a topology::NodeTableModel on its raw SortRole (numbers as numbers, health worst
// first) and filters rows with the same search language as the graph (NodeFilter).
class NodeFilterProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NodeFilterProxy)
public:
    explicit NodeFilterProxy(QObject *parent = nullptr);

    void setFilterText(const QString &text);
    QString filterText() const { return m_text; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_text;
    topology::NodeFilter m_filter;
};

} // namespace mcp::ui
