#include "hostspanel.h"

#include "connectiondialog.h"
#include "hostkeydialog.h"
#include "hostlistmodel.h"

#include "hosts/hostconnection.h"
#include "hosts/hostfleet.h"
#include "hosts/hostregistry.h"

#include <QAction>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

namespace mcp::ui {

HostsPanel::HostsPanel(hosts::HostRegistry *registry, hosts::HostFleet *fleet, QWidget *parent)
    : QWidget(parent), m_registry(registry), m_fleet(fleet), m_model(new HostListModel(registry, fleet, this))
{
    setObjectName(QStringLiteral("hostsPanel"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *bar = new QToolBar(this);
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    bar->addAction(tr("Add…"), this, &HostsPanel::addHost)->setObjectName(QStringLiteral("addHost"));
    m_edit = bar->addAction(tr("Edit…"), this, &HostsPanel::editHost);
    m_remove = bar->addAction(tr("Remove"), this, &HostsPanel::removeHost);
    m_reconnect = bar->addAction(tr("Reconnect"), this, &HostsPanel::reconnectHost);
    layout->addWidget(bar);

    m_view = new QTreeView(this);
    m_view->setObjectName(QStringLiteral("hostsView"));
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAllColumnsShowFocus(true);
    m_view->header()->setStretchLastSection(true);
    m_view->header()->setSectionResizeMode(HostListModel::NameColumn, QHeaderView::ResizeToContents);
    m_view->header()->setSectionResizeMode(HostListModel::StateColumn, QHeaderView::ResizeToContents);
    m_view->header()->setSectionResizeMode(HostListModel::AddressColumn, QHeaderView::Stretch);
    m_view->header()->setStretchLastSection(false);
    m_view->setColumnHidden(HostListModel::ConnectionColumn, true); // shown in full below the list
    m_view->setTextElideMode(Qt::ElideMiddle);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->addActions({m_edit, m_reconnect, m_remove});
    layout->addWidget(m_view, 1);

    m_detail = new QLabel(this);
    m_detail->setObjectName(QStringLiteral("hostDetail"));
    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detail->setMargin(6);
    m_detail->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    layout->addWidget(m_detail);
    m_trust = new QPushButton(tr("Review host key…"), this);
    m_trust->setObjectName(QStringLiteral("reviewHostKey"));
    m_trust->setToolTip(tr("See the SSH host key this host offered and trust it"));
    connect(m_trust, &QPushButton::clicked, this, [this] { reviewHostKey(); });
    layout->addWidget(m_trust);

    connect(m_view, &QTreeView::doubleClicked, this, &HostsPanel::editHost);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &HostsPanel::updateActions);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &HostsPanel::updateActions);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &, int first) {
        m_view->setCurrentIndex(m_model->index(first, 0));
    });
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &HostsPanel::updateActions);
    if (m_model->rowCount())
        m_view->setCurrentIndex(m_model->index(0, 0));
    connect(fleet, &hosts::HostFleet::hostUpdated, this, &HostsPanel::onHostUpdated);
    updateActions();
}

QString HostsPanel::currentHost() const
{
    return m_view->currentIndex().data(HostListModel::NameRole).toString();
}

void HostsPanel::setCurrentHost(const QString &name)
{
    m_view->setCurrentIndex(m_model->indexOfHost(name));
}

void HostsPanel::updateActions()
{
    const QModelIndex current = m_view->currentIndex();
    const bool has = current.isValid();
    m_edit->setEnabled(has);
    m_remove->setEnabled(has);
    m_reconnect->setEnabled(has);
    const QString code = current.data(HostListModel::ErrorCodeRole).toString();
    m_trust->setVisible(has && (code == QLatin1String("ssh.hostkey.unknown") || code == QLatin1String("ssh.hostkey.mismatch")));
    updateDetail();
}

void HostsPanel::updateDetail()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid()) {
        m_detail->setText(m_model->rowCount() ? tr("Select a host.") : tr("No hosts yet: add one, or a Docker context."));
        return;
    }
    const QModelIndex row = current.siblingAtColumn(HostListModel::NameColumn);
    const auto state = hosts::HostState(row.data(HostListModel::StateRole).toInt());
    const QString reason = row.siblingAtColumn(HostListModel::ConnectionColumn).data().toString();
    QString text = QStringLiteral("<b>%1</b> · %2<br>%3")
                       .arg(row.data(HostListModel::NameRole).toString().toHtmlEscaped(),
                            row.siblingAtColumn(HostListModel::StateColumn).data().toString().toHtmlEscaped(),
                            row.siblingAtColumn(HostListModel::AddressColumn).data().toString().toHtmlEscaped());
    if (state == hosts::HostState::Connected)
        text += QStringLiteral("<br>") + tr("via %1").arg(reason.toHtmlEscaped());
    else if (!reason.isEmpty())
        text += QStringLiteral("<br><span style='color:#b24a00'>%1</span>").arg(reason.toHtmlEscaped());
    m_detail->setText(text);
}

void HostsPanel::onHostUpdated(const QString &name)
{
    const auto *connection = m_fleet->connection(name);
    const QString code = connection ? connection->lastError().code : QString();
    if (code != QLatin1String("ssh.hostkey.unknown")) {
        m_prompted.removeAll(name);
        return;
    }
    if (!m_promptForHostKeys || m_prompted.contains(name))
        return;
    m_prompted << name;
    // Not from inside the state change: the dialog runs its own event loop.
    QTimer::singleShot(0, this, [this, name] {
        if (m_fleet->connection(name))
            reviewHostKey(name);
    });
}

void HostsPanel::addHost()
{
    QStringList taken;
    for (const auto &c : m_registry->hosts())
        taken << c.name;
    ConnectionDialog dialog(taken, nullptr, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (auto added = m_registry->add(dialog.config()); !added)
        QMessageBox::warning(this, tr("Add host"), added.error().text());
}

void HostsPanel::editHost()
{
    const QString name = currentHost();
    const hosts::HostConfig *existing = m_registry->find(name);
    if (!existing)
        return;
    QStringList taken;
    for (const auto &c : m_registry->hosts())
        taken << c.name;
    ConnectionDialog dialog(taken, existing, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    hosts::HostConfig edited = dialog.config();
    edited.persistent = existing->persistent;
    if (auto updated = m_registry->update(name, edited); !updated)
        QMessageBox::warning(this, tr("Edit host"), updated.error().text());
}

void HostsPanel::removeHost()
{
    const QString name = currentHost();
    if (name.isEmpty())
        return;
    if (QMessageBox::question(this, tr("Remove host"),
                              tr("Remove %1 from the console? Its containers are not touched.").arg(name)) !=
        QMessageBox::Yes)
        return;
    m_registry->remove(name);
}

void HostsPanel::reconnectHost()
{
    const QString name = currentHost();
    if (!name.isEmpty())
        m_fleet->reconnect(name);
}

bool HostsPanel::reviewHostKey(const QString &requested)
{
    const QString name = requested.isEmpty() ? currentHost() : requested;
    const auto key = m_fleet->offeredHostKey(name);
    if (!key)
        return false;
    HostKeyDialog dialog(name, *key, this);
    if (dialog.exec() != QDialog::Accepted || !dialog.canTrust())
        return false;
    if (auto err = m_fleet->trustHostKey(name, dialog.key())) {
        QMessageBox::warning(this, tr("Trust host key"), err->detail);
        return false;
    }
    return true;
}

} // namespace mcp::ui
