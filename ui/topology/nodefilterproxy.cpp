#include "nodefilterproxy.h"

#include "topology/nodetablemodel.h"

namespace mcp::ui {

NodeFilterProxy::NodeFilterProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(topology::NodeTableModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setDynamicSortFilter(true);
}

void NodeFilterProxy::setFilterText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    m_filter = topology::NodeFilter::parse(text);
    invalidateFilter();
}

bool NodeFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_filter.isEmpty())
        return true;
    const QVariant node = sourceModel()->index(sourceRow, 0, sourceParent).data(topology::NodeTableModel::NodeRole);
    return node.isValid() && m_filter.matches(node.value<topology::Node>());
}

} // namespace mcp::ui
