#include "speceditorwindow.h"

#include "findinglocation.h"
#include "historydialog.h"
#include "pushdialog.h"
#include "routeform.h"
#include "routestablemodel.h"
#include "specdocument.h"
#include "validationpanel.h"
#include "yamleditor.h"

#include "certs/privatekey.h"
#include "gateway/certcheck.h"
#include "gateway/routeedit.h"
#include "gateway/specedit.h"
#include "hosts/hostconnection.h"
#include "hosts/hostfleet.h"
#include "hosts/hostregistry.h"
#include "hosts/passphrasedialog.h"

#include <QAction>
#include <QCloseEvent>
#include <QComboBox>
#include <QDockWidget>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QTextDocument>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

namespace mcp::ui {

namespace {

const char *kNewSpec = R"(apiVersion: mcp/v1
kind: GatewayConfig
metadata:
  name: edge                # the gateway containers carry mcp.gateway=edge
spec:
  driver: nginx             # nginx | haproxy
  listeners:
    - {name: http, port: 8080, protocol: http}
  routes:
    - name: web
      match: {pathPrefix: /}
      backends:
        - {service: web, weight: 100}
)";

} // namespace

SpecEditorWindow::SpecEditorWindow(hosts::HostRegistry *registry, hosts::HostFleet *fleet, topology::TopologyModel *topology,
                                   QWidget *parent)
    : QMainWindow(parent), m_registry(registry), m_fleet(fleet), m_topology(topology), m_document(new SpecDocument(this))
{
    setAttribute(Qt::WA_DeleteOnClose);
    resize(1360, 860);

    // Left: the routes table over the selected route's form. Right: the YAML.
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(6, 6, 6, 6);
    m_routesModel = new RoutesTableModel(m_document, this);
    m_routes = new QTableView(left);
    m_routes->setObjectName(QStringLiteral("routesTable"));
    m_routes->setModel(m_routesModel);
    m_routes->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_routes->setSelectionMode(QAbstractItemView::SingleSelection);
    m_routes->verticalHeader()->hide();
    m_routes->horizontalHeader()->setStretchLastSection(true);
    m_routes->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_routes->setColumnWidth(RoutesTableModel::NameColumn, 130);
    m_routes->setColumnWidth(RoutesTableModel::HostsColumn, 140);
    m_routes->setColumnWidth(RoutesTableModel::PathColumn, 110);
    m_routes->setColumnWidth(RoutesTableModel::BackendsColumn, 230);
    leftLayout->addWidget(m_routes, 2);
    auto *routeButtons = new QHBoxLayout;
    auto *addRoute = new QPushButton(tr("Add route"), left);
    addRoute->setObjectName(QStringLiteral("addRoute"));
    auto *removeRoute = new QPushButton(tr("Remove route"), left);
    removeRoute->setObjectName(QStringLiteral("removeRoute"));
    routeButtons->addWidget(addRoute);
    routeButtons->addWidget(removeRoute);
    routeButtons->addStretch();
    leftLayout->addLayout(routeButtons);
    m_form = new RouteForm(m_document, left);
    leftLayout->addWidget(m_form, 3);

    m_yaml = new YamlEditor(this);
    m_yaml->setObjectName(QStringLiteral("yamlEditor"));
    m_yaml->setDocument(m_document->text());

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(left);
    splitter->addWidget(m_yaml);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({780, 580});
    setCentralWidget(splitter);

    auto *dock = new QDockWidget(tr("Validation"), this);
    dock->setObjectName(QStringLiteral("validationDock"));
    m_validation = new ValidationPanel(dock);
    dock->setWidget(m_validation);
    addDockWidget(Qt::BottomDockWidgetArea, dock);
    resizeDocks({dock}, {190}, Qt::Vertical);

    // Actions.
    auto *fileMenu = menuBar()->addMenu(tr("&File"));
    auto *editMenu = menuBar()->addMenu(tr("&Edit"));
    auto *gatewayMenu = menuBar()->addMenu(tr("&Gateway"));
    auto *tools = addToolBar(tr("Spec"));
    tools->setObjectName(QStringLiteral("specToolBar"));
    const auto action = [this](QMenu *menu, const QString &text, const QKeySequence &keys, auto slot) {
        QAction *a = menu->addAction(text, this, slot);
        a->setShortcut(keys);
        return a;
    };
    tools->addAction(action(fileMenu, tr("&New"), QKeySequence::New, [this] {
        if (maybeSave())
            newSpec();
    }));
    tools->addAction(action(fileMenu, tr("&Open…"), QKeySequence::Open, [this] {
        if (!maybeSave())
            return;
        const QString path = QFileDialog::getOpenFileName(this, tr("Open gateway spec"), QString(), tr("YAML (*.yaml *.yml);;All files (*)"));
        if (!path.isEmpty())
            openFile(path);
    }));
    tools->addAction(action(fileMenu, tr("&Save"), QKeySequence::Save, [this] { save(); }));
    action(fileMenu, tr("Save &as…"), QKeySequence::SaveAs, [this] { saveAs(); });
    fileMenu->addSeparator();
    action(fileMenu, tr("&Close"), QKeySequence::Close, [this] { close(); });
    tools->addSeparator();
    QAction *undo = action(editMenu, tr("&Undo"), QKeySequence::Undo, [this] { m_document->text()->undo(); });
    QAction *redo = action(editMenu, tr("&Redo"), QKeySequence::Redo, [this] { m_document->text()->redo(); });
    undo->setObjectName(QStringLiteral("undoAction"));
    redo->setObjectName(QStringLiteral("redoAction"));
    undo->setEnabled(false);
    redo->setEnabled(false);
    connect(m_document->text(), &QTextDocument::undoAvailable, undo, &QAction::setEnabled);
    connect(m_document->text(), &QTextDocument::redoAvailable, redo, &QAction::setEnabled);
    tools->addAction(undo);
    tools->addAction(redo);
    tools->addSeparator();
    tools->addWidget(new QLabel(tr(" Check against: "), tools));
    m_hosts = new QComboBox(tools);
    m_hosts->setObjectName(QStringLiteral("liveHost"));
    m_hosts->setMinimumWidth(160);
    tools->addWidget(m_hosts);
    connect(m_hosts, &QComboBox::currentIndexChanged, this, [this] { m_document->setLiveSource(m_topology, m_hosts->currentData().toString()); });
    connect(registry, &hosts::HostRegistry::hostAdded, this, &SpecEditorWindow::refreshHosts);
    connect(registry, &hosts::HostRegistry::hostRemoved, this, &SpecEditorWindow::refreshHosts);
    connect(registry, &hosts::HostRegistry::hostChanged, this, &SpecEditorWindow::refreshHosts);
    m_pushAction = action(gatewayMenu, tr("&Push…"), QKeySequence(Qt::CTRL | Qt::Key_P), [this] { startPush(); });
    m_pushAction->setObjectName(QStringLiteral("pushAction"));
    tools->addAction(m_pushAction);
    QAction *history = action(gatewayMenu, tr("Push &history…"), QKeySequence(Qt::CTRL | Qt::Key_H), [this] {
        auto *dialog = new HistoryDialog(m_registry, m_fleet, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
    tools->addAction(history);

    m_status = new QLabel(this);
    statusBar()->addPermanentWidget(m_status);

    connect(addRoute, &QPushButton::clicked, this, [this] {
        QString name = QStringLiteral("route");
        QStringList taken;
        for (const auto &r : m_document->spec().routes)
            taken << r.name.value;
        for (int i = 2; taken.contains(name); ++i)
            name = QStringLiteral("route-%1").arg(i);
        if (m_document->applyEdit(gateway::appendRoute(m_document->text()->toPlainText(), m_document->spec(), name)))
            selectRoute(m_routesModel->rowCount() - 1);
        else
            statusBar()->showMessage(tr("The routes are not a block list; add the route in the YAML view."), 6000);
    });
    connect(removeRoute, &QPushButton::clicked, this, [this] {
        const int row = m_routes->currentIndex().row();
        if (row < 0 || row >= m_document->spec().routes.size())
            return;
        if (m_document->applyEdit(gateway::specedit::removeListItem(m_document->text()->toPlainText(), m_document->spec().routes.at(row).pos)))
            selectRoute(qMin(row, m_routesModel->rowCount() - 1));
    });
    connect(m_routes->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { m_form->setRoute(current.row()); });
    const auto refused = [this](const QString &why) { statusBar()->showMessage(why, 8000); };
    connect(m_routesModel, &RoutesTableModel::editRefused, this, refused);
    connect(m_form, &RouteForm::editRefused, this, refused);
    connect(m_validation, &ValidationPanel::findingActivated, this,
            [this](const gateway::Finding &f) {
                jumpTo(f.pos.path, f.pos.line, f.pos.column);
                if (f.code == QLatin1String("cert.key-encrypted") || f.code == QLatin1String("cert.key-passphrase"))
                    openEncryptedKeys(true);
            });
    m_askPassphrase = [this](const QString &keyPath) { return PassphraseDialog::ask(keyPath, this, PassphraseDialog::Purpose::TlsKey); };
    connect(m_document, &SpecDocument::reparsed, this, &SpecEditorWindow::updateFromReading);
    connect(m_document, &SpecDocument::filePathChanged, this, &SpecEditorWindow::updateTitle);
    connect(m_document->text(), &QTextDocument::modificationChanged, this, &SpecEditorWindow::setWindowModified);

    refreshHosts();
    newSpec();
}

void SpecEditorWindow::refreshHosts()
{
    const QString current = m_hosts->currentData().toString();
    const QSignalBlocker block(m_hosts);
    m_hosts->clear();
    m_hosts->addItem(tr("Offline (no host)"), QString());
    for (const auto &config : m_registry->hosts())
        m_hosts->addItem(config.name, config.name);
    const int index = m_hosts->findData(current);
    m_hosts->setCurrentIndex(index < 0 ? 0 : index);
    if (index < 0 && !current.isEmpty())
        m_document->setLiveSource(m_topology, QString());
}

void SpecEditorWindow::setLiveHost(const QString &host)
{
    const int index = m_hosts->findData(host);
    m_hosts->setCurrentIndex(index < 0 ? 0 : index);
}

void SpecEditorWindow::newSpec()
{
    m_document->setInitialText(QString::fromUtf8(kNewSpec));
    selectRoute(0);
}

bool SpecEditorWindow::openFile(const QString &path)
{
    QString error;
    if (!m_document->load(path, &error)) {
        QMessageBox::warning(this, tr("Open gateway spec"), tr("Cannot open %1: %2").arg(path, error));
        return false;
    }
    selectRoute(0);
    m_askedKeys.clear();
    QTimer::singleShot(0, this, [this] { openEncryptedKeys(false); }); // once the window shows
    return true;
}

void SpecEditorWindow::openEncryptedKeys(bool askAgain)
{
    for (const gateway::EncryptedKey &key : gateway::encryptedKeysOf(m_document->spec())) {
        if (!askAgain && m_askedKeys.contains(key.path))
            continue;
        m_askedKeys.insert(key.path);
        std::optional<QString> passphrase = m_askPassphrase(key.path);
        if (!passphrase)
            continue; // stays cert.key-encrypted
        QByteArray secret = passphrase->toUtf8();
        passphrase->fill(QLatin1Char('\0'));
        const Result<QByteArray> opened = certs::loadPrivateKey(key.pem, secret);
        secret.fill('\0');
        if (!opened) {
            statusBar()->showMessage(tr("The passphrase does not open %1; activate its finding to try again.").arg(key.path), 10000);
            continue;
        }
        m_document->addDecryptedKey(key.path, *opened);
        statusBar()->showMessage(tr("Opened %1 in memory: the push writes it decrypted into the gateway.").arg(key.path), 8000);
    }
}

void SpecEditorWindow::openDeployed(const QString &host, const QString &gateway, const QByteArray &specText,
                                    const QHash<QString, QByteArray> &decryptedKeys)
{
    if (!decryptedKeys.isEmpty())
        m_document->setDecryptedKeys(decryptedKeys);
    m_document->setInitialText(QString::fromUtf8(specText));
    setLiveHost(host);
    selectRoute(0);
    statusBar()->showMessage(tr("The spec %1 runs on %2; save it to keep a copy.").arg(gateway, host), 8000);
}

bool SpecEditorWindow::saveTo(const QString &path)
{
    QString error;
    if (!m_document->save(path, &error)) {
        QMessageBox::warning(this, tr("Save gateway spec"), tr("Cannot save %1: %2").arg(path, error));
        return false;
    }
    statusBar()->showMessage(tr("Saved %1").arg(path), 4000);
    return true;
}

bool SpecEditorWindow::save()
{
    return m_document->filePath().isEmpty() ? saveAs() : saveTo(m_document->filePath());
}

bool SpecEditorWindow::saveAs()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save gateway spec"), m_document->filePath(), tr("YAML (*.yaml *.yml)"));
    return !path.isEmpty() && saveTo(path);
}

bool SpecEditorWindow::maybeSave()
{
    if (!m_document->text()->isModified())
        return true;
    const auto answer = QMessageBox::question(this, tr("Unsaved changes"), tr("Save the changes to %1?").arg(m_document->displayName()),
                                              QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

void SpecEditorWindow::closeEvent(QCloseEvent *event)
{
    if (maybeSave())
        event->accept();
    else
        event->ignore();
}

void SpecEditorWindow::updateTitle()
{
    setWindowTitle(tr("%1[*] — Gateway spec").arg(m_document->displayName()));
}

void SpecEditorWindow::selectRoute(int row)
{
    if (row < 0 || row >= m_routesModel->rowCount()) {
        m_form->setRoute(-1);
        return;
    }
    m_routes->setCurrentIndex(m_routesModel->index(row, RoutesTableModel::NameColumn));
    m_form->setRoute(row);
}

void SpecEditorWindow::updateFromReading()
{
    updateTitle();
    const auto &findings = m_document->findings();
    const bool live = !m_document->liveHost().isEmpty();
    m_validation->setFindings(findings, live, m_document->liveHost());
    m_yaml->setFindings(findings);
    // The model may have been reset (routes added or removed): keep a route selected.
    const int rows = m_routesModel->rowCount();
    if (!m_routes->currentIndex().isValid() && rows > 0)
        selectRoute(qBound(0, m_form->route(), rows - 1));
    else if (rows == 0)
        m_form->setRoute(-1);
    const bool ready = m_document->plan().ready;
    m_pushAction->setEnabled(ready);
    m_pushAction->setToolTip(ready  ? tr("Review the diff and push to %1").arg(m_document->liveHost())
                             : live ? tr("Fix the errors first: nothing reaches a gateway unvalidated")
                                    : tr("Choose the host to push to under “Check against”"));
    m_status->setText(live ? tr("gateway %1 on %2").arg(m_document->spec().name.value, m_document->liveHost()) : tr("offline"));
}

void SpecEditorWindow::jumpTo(const QString &path, int line, int column)
{
    const FindingLocation loc = FindingLocation::parse(path);
    if (line > 0)
        m_yaml->goTo(line, column);
    if (loc.route >= 0 && loc.route < m_routesModel->rowCount()) {
        m_routes->setCurrentIndex(m_routesModel->index(loc.route, RoutesTableModel::columnOf(loc.field)));
        m_routes->scrollTo(m_routes->currentIndex());
        m_form->setRoute(loc.route);
        m_form->focusField(loc.field, loc.backend);
    } else if (line > 0) {
        m_yaml->setFocus();
    }
}

PushDialog *SpecEditorWindow::startPush()
{
    const QString host = m_document->liveHost();
    hosts::HostConnection *connection = host.isEmpty() ? nullptr : m_fleet->connection(host);
    if (!m_document->plan().ready || !connection)
        return nullptr;
    auto *dialog = new PushDialog(connection->client(), host, connection->endpoint().url(), m_document->spec().name.value,
                                  m_document->plan().config, PushDialog::Kind::Push, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    dialog->preview();
    return dialog;
}

} // namespace mcp::ui
