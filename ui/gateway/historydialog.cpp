#include "historydialog.h"

#include "auditmodel.h"
#include "pushdialog.h"

#include "docker/dockerclient.h"
#include "gateway/pushplan.h"
#include "hosts/hostconnection.h"
#include "hosts/hostfleet.h"
#include "hosts/hostregistry.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace mcp::ui {

HistoryDialog::HistoryDialog(hosts::HostRegistry *registry, hosts::HostFleet *fleet, QWidget *parent)
    : QDialog(parent), m_registry(registry), m_fleet(fleet), m_model(new AuditModel(this)), m_view(new QTableView(this)),
      m_status(new QLabel(this))
{
    setWindowTitle(tr("Push history"));
    resize(980, 460);
    m_view->setObjectName(QStringLiteral("historyView"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->resizeColumnsToContents();
    m_status->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_rollback = buttons->addButton(tr("&Roll back this gateway…"), QDialogButtonBox::ActionRole);
    m_rollback->setObjectName(QStringLiteral("rollbackButton"));
    m_rollback->setToolTip(tr("Puts back the config the gateway ran before its last push (shown as a diff first)."));
    auto *refresh = buttons->addButton(tr("Re&fresh"), QDialogButtonBox::ResetRole);
    connect(refresh, &QPushButton::clicked, this, [this] {
        m_model->reload();
        updateButtons();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_rollback, &QPushButton::clicked, this, [this] { rollback(m_view->currentIndex().row()); });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &HistoryDialog::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &HistoryDialog::updateButtons);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    updateButtons();
}

QString HistoryDialog::hostNameFor(const QString &url) const
{
    for (const auto &config : m_registry->hosts())
        if (auto *c = m_fleet->connection(config.name); c && c->endpoint().url() == url)
            return config.name;
    return QString();
}

void HistoryDialog::updateButtons()
{
    const int row = m_view->currentIndex().row();
    if (row < 0 || row >= m_model->rowCount()) {
        m_rollback->setEnabled(false);
        m_status->setText(m_model->rowCount() == 0 ? tr("Nothing has been pushed from this machine yet.") : QString());
        return;
    }
    const QJsonObject e = m_model->entry(row);
    const QString host = hostNameFor(e.value(QLatin1String("host")).toString());
    m_rollback->setEnabled(!host.isEmpty());
    m_status->setText(host.isEmpty() ? tr("%1 is not one of this console's hosts; add it to roll back from here.")
                                           .arg(e.value(QLatin1String("host")).toString())
                                     : e.value(QLatin1String("error")).toString());
}

void HistoryDialog::rollback(int row)
{
    if (row < 0 || row >= m_model->rowCount())
        return;
    const QJsonObject e = m_model->entry(row);
    const QString url = e.value(QLatin1String("host")).toString();
    const QString gatewayName = e.value(QLatin1String("gateway")).toString();
    const QString host = hostNameFor(url);
    hosts::HostConnection *connection = host.isEmpty() ? nullptr : m_fleet->connection(host);
    if (!connection)
        return;
    m_status->setText(tr("Reading what %1 ran before its last push…").arg(gatewayName));
    m_rollback->setEnabled(false);
    gateway::fetchPreviousConfig(connection->client(), gatewayName, this,
                                 [this, connection = QPointer<hosts::HostConnection>(connection), host, url,
                                  gatewayName](Result<gateway::RenderedConfig> config) {
                                     updateButtons();
                                     if (!config) {
                                         m_status->setText(tr("Cannot roll back: %1").arg(config.error().text()));
                                         return;
                                     }
                                     if (!connection)
                                         return;
                                     auto *dialog = new PushDialog(connection->client(), host, url, gatewayName, *config,
                                                                   PushDialog::Kind::Rollback, this);
                                     dialog->setAttribute(Qt::WA_DeleteOnClose);
                                     connect(dialog, &PushDialog::pushFinished, m_model, [this] { m_model->reload(); });
                                     dialog->show();
                                     dialog->preview();
                                     Q_EMIT rollbackDialogOpened(dialog);
                                 });
}

} // namespace mcp::ui
