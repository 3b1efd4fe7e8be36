#include "inventorypanel.h"

#include "healthstyle.h"
#include "nodefilterproxy.h"

#include "topology/nodetablemodel.h"

#include <QHeaderView>
#include <QPainter>
#include <QStyledItemDelegate>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace mcp::ui {

namespace {
// The health column shows the graph's glyph (colour and shape) next to the word.
class HealthDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        const auto health = topology::Health(index.data(topology::NodeTableModel::HealthRole).toInt());
        QPixmap pm(14, 14);
        pm.fill(Qt::transparent);
        QPainter p(&pm);
        p.setRenderHint(QPainter::Antialiasing);
        p.translate(7, 7);
        const QColor color = healthColor(health);
        if (healthGlyphIsStroked(health)) {
            p.setPen(QPen(color, 1.6));
            p.setBrush(Qt::NoBrush);
        } else {
            p.setPen(Qt::NoPen);
            p.setBrush(color);
        }
        p.drawPath(healthGlyph(health, 11));
        p.end();
        option->icon = QIcon(pm);
        option->features |= QStyleOptionViewItem::HasDecoration;
        option->decorationSize = QSize(14, 14);
    }
};
} // namespace

InventoryPanel::InventoryPanel(topology::TopologyModel *model, QWidget *parent)
    : QWidget(parent),
      m_services(new topology::NodeTableModel(model, topology::NodeTableModel::Columns::Services, this)),
      m_instances(new topology::NodeTableModel(model, topology::NodeTableModel::Columns::Instances, this)),
      m_servicesProxy(new NodeFilterProxy(this)), m_instancesProxy(new NodeFilterProxy(this))
{
    setObjectName(QStringLiteral("inventoryPanel"));
    m_servicesProxy->setSourceModel(m_services);
    m_instancesProxy->setSourceModel(m_instances);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_tabs = new QTabWidget(this);
    m_servicesView = makeView(m_servicesProxy);
    m_servicesView->setObjectName(QStringLiteral("servicesTable"));
    m_servicesView->setItemDelegateForColumn(topology::NodeTableModel::SvcHealth, new HealthDelegate(m_servicesView));
    m_instancesView = makeView(m_instancesProxy);
    m_instancesView->setObjectName(QStringLiteral("instancesTable"));
    m_instancesView->setItemDelegateForColumn(topology::NodeTableModel::InstHealth, new HealthDelegate(m_instancesView));
    m_tabs->addTab(m_servicesView, QString());
    m_tabs->addTab(m_instancesView, QString());
    layout->addWidget(m_tabs);
    for (auto *m : {static_cast<QAbstractItemModel *>(m_servicesProxy), static_cast<QAbstractItemModel *>(m_instancesProxy)}) {
        connect(m, &QAbstractItemModel::rowsInserted, this, &InventoryPanel::updateTabTitles);
        connect(m, &QAbstractItemModel::rowsRemoved, this, &InventoryPanel::updateTabTitles);
        connect(m, &QAbstractItemModel::modelReset, this, &InventoryPanel::updateTabTitles);
        connect(m, &QAbstractItemModel::layoutChanged, this, &InventoryPanel::updateTabTitles);
    }
    updateTabTitles();
}

QTableView *InventoryPanel::makeView(NodeFilterProxy *proxy)
{
    auto *view = new QTableView(this);
    view->setModel(proxy);
    view->setSortingEnabled(true);
    view->sortByColumn(0, Qt::AscendingOrder);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    view->horizontalHeader()->setDefaultSectionSize(130);
    view->setColumnWidth(0, 220); // names: the column people read first
    view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        if (!m_syncing && current.isValid())
            Q_EMIT nodeActivated(current.data(topology::NodeTableModel::NodeIdRole).toString());
    });
    connect(view, &QTableView::customContextMenuRequested, this, [this, view](const QPoint &pos) {
        const QModelIndex index = view->indexAt(pos);
        if (index.isValid())
            Q_EMIT nodeContextMenuRequested(index.data(topology::NodeTableModel::NodeIdRole).toString(),
                                            view->viewport()->mapToGlobal(pos));
    });
    return view;
}

void InventoryPanel::updateTabTitles()
{
    const auto title = [](const QString &what, int shown, int total) {
        return shown == total ? QStringLiteral("%1 (%2)").arg(what).arg(total)
                              : QStringLiteral("%1 (%2/%3)").arg(what).arg(shown).arg(total);
    };
    m_tabs->setTabText(0, title(tr("Services"), m_servicesProxy->rowCount(), m_services->rowCount()));
    m_tabs->setTabText(1, title(tr("Instances"), m_instancesProxy->rowCount(), m_instances->rowCount()));
}

void InventoryPanel::setFilterText(const QString &text)
{
    m_servicesProxy->setFilterText(text);
    m_instancesProxy->setFilterText(text);
    updateTabTitles();
}

void InventoryPanel::selectNode(const QString &id)
{
    m_syncing = true;
    for (auto [view, model, proxy] : {std::tuple{m_servicesView, m_services, m_servicesProxy},
                                      std::tuple{m_instancesView, m_instances, m_instancesProxy}}) {
        const QModelIndex index = proxy->mapFromSource(model->indexOfNode(id));
        if (index.isValid()) {
            view->setCurrentIndex(index);
            view->scrollTo(index);
            m_tabs->setCurrentWidget(view);
        } else {
            view->clearSelection();
        }
    }
    m_syncing = false;
}

} // namespace mcp::ui
