#include "mainwindow.h"

#include "common/whenready.h"
#include "containers/containerconsolewindow.h"
#include "containers/containerlogwindow.h"
#include "docker/dockerclient.h"
#include "gateway/deployedroutes.h"
#include "gateway/historydialog.h"
#include "gateway/speceditorwindow.h"
#include "hosts/hostconnection.h"
#include "health/healthprober.h"
#include "hosts/hostfleet.h"
#include "hosts/hostregistry.h"
#include "hosts/hostspanel.h"
#include "hosts/passphrasedialog.h"
#include "telemetry/hosttraffic.h"
#include "telemetry/trafficoverlay.h"
#include "topology/detailspanel.h"
#include "topology/inventorypanel.h"
#include "topology/legendwidget.h"
#include "topology/nodeitem.h"
#include "topology/topologymodel.h"
#include "topology/topologyscene.h"
#include "topology/topologyview.h"
#include "certs/certificatespanel.h"
#include "traffic/grayreleasepanel.h"
#include "traffic/trafficwindow.h"
#include "snapshot/snapshotexportdialog.h"
#include "snapshot/snapshotwindow.h"
#include "snapshot/snapshotfile.h"
#include "snapshot/topologyhistory.h"
#include "settings/consolesettings.h"

#include <QActionGroup>
#include <QCloseEvent>

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include <QClipboard>
#include <QComboBox>
#include <QDockWidget>
#include <QFileDialog>
#include <QMenuBar>
#include <QGuiApplication>
#include <QMenu>
#include <QMessageBox>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QDateTime>

namespace mcp::ui {

MainWindow::MainWindow(hosts::HostRegistry *registry, QWidget *parent)
    : QMainWindow(parent), m_registry(registry), m_model(std::make_unique<topology::TopologyModel>()),
      m_fleet(std::make_unique<hosts::HostFleet>(registry)), m_history(std::make_unique<snapshot::TopologyHistory>(m_model.get()))
{
    setWindowTitle(tr("MCP Console"));
    resize(1280, 800);
    m_model->setBackgroundRebuilds(true); // a burst of events never holds the GUI thread

    m_scene = new TopologyScene(this);
    m_view = new TopologyView(m_scene, this);
    setCentralWidget(m_view);

    auto *tools = addToolBar(tr("Topology"));
    tools->setObjectName(QStringLiteral("topologyToolBar"));
    m_search = new QLineEdit(tools);
    m_search->setObjectName(QStringLiteral("search"));
    m_search->setPlaceholderText(tr("Search: name, health:down, app=users, host:…"));
    m_search->setToolTip(tr("<p>Filters the graph and the tables. Terms must all match:</p>"
                            "<p><tt>users</tt> name, address, image…<br><tt>health:down</tt> or "
                            "<tt>health:degraded,down</tt> or <tt>health:bad</tt><br><tt>host:prod</tt> Docker host"
                            "<br><tt>kind:instance</tt> node kind<br><tt>app=users</tt> label value<br>"
                            "<tt>problem:</tt> any problem, <tt>problem:doctor.port</tt> by code</p>"));
    m_search->setClearButtonEnabled(true);
    m_search->setMaximumWidth(360);
    m_search->setMinimumWidth(260);
    tools->addWidget(m_search);
    m_groupBy = new QComboBox(tools);
    m_groupBy->setObjectName(QStringLiteral("groupBy"));
    m_groupBy->addItem(tr("No grouping"), int(topology::GroupBy::None));
    m_groupBy->addItem(tr("Group by host"), int(topology::GroupBy::Host));
    m_groupBy->addItem(tr("Group by Compose project"), int(topology::GroupBy::Project));
    tools->addWidget(m_groupBy);
    connect(m_groupBy, &QComboBox::currentIndexChanged, this, [this] {
        m_scene->setGroupBy(topology::GroupBy(m_groupBy->currentData().toInt()));
        m_scene->sync(m_model->graph());
        m_view->fitAll();
    });
    tools->addAction(tr("Fit"), m_view, &TopologyView::fitAll);
    tools->addAction(tr("Zoom in"), this, [this] { m_view->zoomBy(1.25); });
    tools->addAction(tr("Zoom out"), this, [this] { m_view->zoomBy(0.8); });
    tools->addSeparator();
    m_overlay = new QComboBox(tools);
    m_overlay->setObjectName(QStringLiteral("overlay"));
    m_overlay->setToolTip(tr("What the graph shows: health, or recent traffic from the gateways' access logs"));
    m_overlay->addItem(tr("Health"), int(OverlayMode::Health));
    m_overlay->addItem(tr("Traffic (requests/s)"), int(OverlayMode::Traffic));
    m_overlay->addItem(tr("Errors (5xx rate)"), int(OverlayMode::Errors));
    m_overlay->addItem(tr("Latency (p99)"), int(OverlayMode::Latency));
    tools->addWidget(m_overlay);
    m_overlayWindow = new QComboBox(tools);
    m_overlayWindow->setObjectName(QStringLiteral("overlayWindow"));
    m_overlayWindow->setToolTip(tr("The window the overlay's figures cover"));
    m_overlayWindow->addItem(tr("last 1 min"), 60);
    m_overlayWindow->addItem(tr("last 5 min"), 300);
    m_overlayWindow->addItem(tr("last 15 min"), 900);
    tools->addWidget(m_overlayWindow);
    connect(m_overlayWindow, &QComboBox::currentIndexChanged, this, &MainWindow::refreshOverlay);
    m_legend = new LegendWidget(tools);
    tools->addWidget(m_legend);
    connect(m_overlay, &QComboBox::currentIndexChanged, this, [this] {
        m_legend->setMode(OverlayMode(m_overlay->currentData().toInt()));
        refreshOverlay();
    });
    // Values move at least once a second while traffic flows.
    m_overlayTimer = new QTimer(this);
    m_overlayTimer->setInterval(1000);
    connect(m_overlayTimer, &QTimer::timeout, this, &MainWindow::refreshOverlay);
    m_overlayTimer->start();
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        const int n = m_scene->applyFilter(text);
        m_inventory->setFilterText(text);
        statusBar()->showMessage(text.isEmpty() ? QString() : tr("%n match(es) in the graph", nullptr, n), 4000);
    });

    auto *dock = new QDockWidget(tr("Details"), this);
    dock->setObjectName(QStringLiteral("detailsDock"));
    m_details = new DetailsPanel(dock);
    dock->setWidget(m_details);
    addDockWidget(Qt::RightDockWidgetArea, dock);

    auto *inventoryDock = new QDockWidget(tr("Services and instances"), this);
    inventoryDock->setObjectName(QStringLiteral("inventoryDock"));
    m_inventory = new InventoryPanel(m_model.get(), inventoryDock);
    inventoryDock->setWidget(m_inventory);
    addDockWidget(Qt::BottomDockWidgetArea, inventoryDock);
    resizeDocks({inventoryDock}, {220}, Qt::Vertical);
    connect(m_inventory, &InventoryPanel::nodeActivated, this, [this](const QString &id) {
        m_view->selectNode(id);
        showDetails(id);
    });
    connect(m_inventory, &InventoryPanel::nodeContextMenuRequested, this, &MainWindow::showNodeMenu);
    connect(m_view, &TopologyView::nodeContextMenuRequested, this, &MainWindow::showNodeMenu);

    m_grayDock = new QDockWidget(tr("Gray release"), this);
    m_grayDock->setObjectName(QStringLiteral("grayReleaseDock"));
    m_grayRelease = new GrayReleasePanel(registry, m_fleet.get(), [this](const QString &host) { return m_model->hostGraph(host); }, m_grayDock);
    m_grayDock->setWidget(m_grayRelease);
    addDockWidget(Qt::RightDockWidgetArea, m_grayDock);
    tabifyDockWidget(dock, m_grayDock);
    dock->raise();
    connect(m_grayRelease, &GrayReleasePanel::rolledBackAlert, this, [this](const QString &text) {
        m_grayDock->show();
        m_grayDock->raise();
        statusBar()->showMessage(text, 30000);
    });

    m_certsDock = new QDockWidget(tr("Certificates"), this);
    m_certsDock->setObjectName(QStringLiteral("certificatesDock"));
    m_certificates = new CertificatesPanel(registry, m_fleet.get(), m_certsDock);
    m_certsDock->setWidget(m_certificates);
    connect(m_certificates, &CertificatesPanel::replaceRequested, this,
            [this](const QString &host, const QString &gatewayName, const QString &text, const QHash<QString, QByteArray> &decryptedKeys) {
                auto *editor = openSpecEditor();
                editor->openDeployed(host, gatewayName, text.toUtf8(), decryptedKeys);
            });
    addDockWidget(Qt::RightDockWidgetArea, m_certsDock);
    tabifyDockWidget(m_grayDock, m_certsDock);
    dock->raise();

    auto *hostsDock = new QDockWidget(tr("Hosts"), this);
    hostsDock->setObjectName(QStringLiteral("hostsDock"));
    m_hostsPanel = new HostsPanel(registry, m_fleet.get(), hostsDock);
    hostsDock->setWidget(m_hostsPanel);
    addDockWidget(Qt::LeftDockWidgetArea, hostsDock);
    // With every dock in place (the tabbed ones set the right side's minimum): the graph
    // keeps the middle.
    resizeDocks({hostsDock, dock}, {260, 440}, Qt::Horizontal);

    m_fleet->setGraphProvider([this](const QString &host) { return m_model->hostGraph(host); });
    m_fleet->setPassphraseProvider([this](const QString &keyPath) { return PassphraseDialog::ask(keyPath, this); });
    connect(m_fleet.get(), &hosts::HostFleet::hostAttached, this,
            [this](hosts::HostConnection *connection, hosts::ContainerInventory *inventory) {
                m_model->addHost(connection, inventory);
                if (auto *prober = m_fleet->prober(connection->name())) {
                    m_model->setProber(connection, prober);
                    // A round without a changed verdict rebuilds nothing: the details
                    // panel's probe history follows the rounds itself.
                    connect(prober, &health::HealthProber::roundFinished, this, [this, host = connection->name()] {
                        const QString selected = m_details->shownNodeId();
                        if (m_model->graph().nodes.value(selected).host == host)
                            showDetails(selected);
                    });
                }
                if (auto *routes = m_fleet->deployedRoutes(connection->name()))
                    m_model->setDeployedRoutes(connection, routes);
            });
    connect(m_fleet.get(), &hosts::HostFleet::hostDetaching, this,
            [this](hosts::HostConnection *connection) { m_model->removeHost(connection); });
    connect(m_fleet.get(), &hosts::HostFleet::trafficAttached, this, [this] { m_grayRelease->refreshRoutes(); });
    connect(m_fleet.get(), &hosts::HostFleet::hostUpdated, this, &MainWindow::updateStatus);

    m_status = new QLabel(this);
    statusBar()->addPermanentWidget(m_status);

    auto *fileMenu = menuBar()->addMenu(tr("&File"));
    fileMenu->addAction(tr("&Export incident snapshot…"), this, [this] { openSnapshotExport(); })->setObjectName(QStringLiteral("exportSnapshotAction"));
    fileMenu->addAction(tr("&Open snapshot…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open incident snapshot"), QString(), tr("Incident snapshots (*.mcpsnap);;All files (*)"));
        if (!path.isEmpty())
            openSnapshot(path);
    });
    fileMenu->addSeparator();
    m_languageMenu = fileMenu->addMenu(tr("&Language"));
    m_languageMenu->setEnabled(false); // until there are settings to keep it in
    fileMenu->addSeparator();
    fileMenu->addAction(tr("&Quit"), this, &QWidget::close);

    auto *gatewayMenu = menuBar()->addMenu(tr("&Gateway"));
    gatewayMenu->addAction(tr("&New spec"), this, [this] { openSpecEditor(); });
    gatewayMenu->addAction(tr("&Open spec…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open gateway spec"), QString(), tr("YAML (*.yaml *.yml);;All files (*)"));
        if (!path.isEmpty() && openSpecEditor()->openFile(path) && m_settings) {
            m_settings->addRecentSpec(path);
            fillRecentSpecs();
        }
    });
    m_recentMenu = gatewayMenu->addMenu(tr("Open &recent spec"));
    m_recentMenu->setEnabled(false);
    gatewayMenu->addAction(tr("&Gray release"), this, [this] { openGrayRelease(QString(), QString(), QString()); });
    gatewayMenu->addAction(tr("&Certificates"), this, [this] { openCertificates(); });
    gatewayMenu->addAction(tr("Push &history…"), this, [this] {
        auto *dialog = new HistoryDialog(m_registry, m_fleet.get(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });

    connect(m_view, &TopologyView::nodeSelected, this, [this](const QString &id) {
        showDetails(id);
        if (!id.isEmpty())
            m_inventory->selectNode(id);
    });
    connect(m_model.get(), &topology::TopologyModel::changed, this, [this](const topology::GraphDelta &delta) {
        const bool first = m_scene->nodeItems().isEmpty();
        m_scene->sync(m_model->graph(), delta);
        if (first)
            m_view->fitAll();
        showDetails(m_view->selectedNodeId());
        updateStatus();
    });
}

MainWindow::~MainWindow()
{
    // Views of the fleet first (the panel's model reads it while its widgets close), then
    // the topology model: it must not rebuild from connections the fleet is tearing down.
    delete m_hostsPanel;
    m_hostsPanel = nullptr;
    // The scene, destroyed with the window's children, deselects as it deletes its items.
    m_view->disconnect(this);
    m_inventory->disconnect(this);
    m_fleet->disconnect(this);
    m_history.reset();
    m_model.reset();
    m_fleet.reset();
}

void MainWindow::setSettings(QSettings *settings)
{
    m_settings = std::make_unique<ConsoleSettings>(settings);
    m_settings->restoreWindow(this);
    fillLanguageMenu();
    fillRecentSpecs();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_settings)
        m_settings->saveWindow(this);
    QMainWindow::closeEvent(event);
}

void MainWindow::fillLanguageMenu()
{
    m_languageMenu->clear();
    m_languageMenu->setEnabled(true);
    auto *group = new QActionGroup(m_languageMenu);
    const QString current = m_settings->language();
    const auto add = [&](const QString &code, const QString &name) {
        QAction *a = m_languageMenu->addAction(name);
        a->setCheckable(true);
        a->setChecked(code == current);
        a->setData(code);
        a->setObjectName(QStringLiteral("language_") + (code.isEmpty() ? QStringLiteral("system") : code));
        group->addAction(a);
        connect(a, &QAction::triggered, this, [this, code] {
            m_settings->setLanguage(code);
            statusBar()->showMessage(tr("The language changes when the console starts again."), 8000);
        });
    };
    add(QString(), tr("System default"));
    for (const auto &[code, name] : ConsoleSettings::languages())
        add(code, name);
}

void MainWindow::fillRecentSpecs()
{
    m_recentMenu->clear();
    const QStringList recent = m_settings->recentSpecs();
    m_recentMenu->setEnabled(!recent.isEmpty());
    for (const QString &path : recent)
        m_recentMenu->addAction(path, this, [this, path] {
            if (openSpecEditor()->openFile(path)) {
                m_settings->addRecentSpec(path);
                fillRecentSpecs();
            }
        });
}

SnapshotExportDialog *MainWindow::openSnapshotExport()
{
    auto *dialog = new SnapshotExportDialog(m_registry, m_fleet.get(), m_model.get(), m_history.get(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

void MainWindow::openSnapshot(const QString &file)
{
    statusBar()->showMessage(tr("Opening %1…").arg(file));
    auto *watcher = new QFutureWatcher<Result<snapshot::Snapshot>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, file] {
        watcher->deleteLater();
        const Result<snapshot::Snapshot> s = watcher->result();
        if (!s) {
            statusBar()->showMessage(tr("Cannot open %1: %2").arg(file, s.error().text()), 10000);
            auto *box = new QMessageBox(QMessageBox::Warning, tr("Open incident snapshot"), tr("Cannot open %1:\n%2").arg(file, s.error().text()),
                                        QMessageBox::Ok, this);
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->open();
            return;
        }
        statusBar()->clearMessage();
        auto *window = new SnapshotWindow(*s, file, this);
        window->setWindowFlag(Qt::Window);
        window->show();
        Q_EMIT snapshotOpened(window);
    });
    watcher->setFuture(QtConcurrent::run([file] { return snapshot::readSnapshot(file); }));
}

void MainWindow::start()
{
    m_fleet->start();
    updateStatus();
}

CertificatesPanel *MainWindow::openCertificates()
{
    m_certsDock->show();
    m_certsDock->raise();
    m_certificates->refreshFromGateways();
    return m_certificates;
}

GrayReleasePanel *MainWindow::openGrayRelease(const QString &host, const QString &gatewayName, const QString &route)
{
    m_grayRelease->refreshRoutes();
    if (!route.isEmpty())
        m_grayRelease->selectRoute(host, gatewayName, route);
    m_grayDock->show();
    m_grayDock->raise();
    return m_grayRelease;
}

TrafficWindow *MainWindow::openTrafficCharts(const QString &nodeId)
{
    const auto it = m_model->graph().nodes.constFind(nodeId);
    if (it == m_model->graph().nodes.constEnd())
        return nullptr;
    // The host whose gateways carry this node's traffic: the node's own, or the first with data.
    QString host = it->host;
    if (host.isEmpty() || !m_fleet->traffic(host)) {
        for (const hosts::HostConfig &config : m_registry->hosts())
            if (const auto *traffic = m_fleet->traffic(config.name); traffic && !traffic->gateways().isEmpty()) {
                host = config.name;
                break;
            }
    }
    telemetry::HostTraffic *traffic = m_fleet->traffic(host);
    if (!traffic)
        return nullptr;
    auto *window = new TrafficWindow(traffic, m_model->graph(), *it, this);
    window->show();
    return window;
}

void MainWindow::setOverlayMode(OverlayMode mode)
{
    m_overlay->setCurrentIndex(m_overlay->findData(int(mode)));
}

void MainWindow::refreshOverlay()
{
    const auto mode = OverlayMode(m_overlay->currentData().toInt());
    if (mode == OverlayMode::Health) {
        m_scene->setOverlay(mode, {});
        return;
    }
    // Every host's figures over the chosen window (1, 5 or 15 minutes), on the whole graph.
    telemetry::TrafficOverlay merged;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const hosts::HostConfig &config : m_registry->hosts()) {
        const telemetry::HostTraffic *traffic = m_fleet->traffic(config.name);
        if (!traffic)
            continue;
        const telemetry::TrafficOverlay one = telemetry::trafficOverlay(m_model->graph(), traffic->store(), m_overlayWindow->currentData().toInt(), now);
        for (auto it = one.nodes.constBegin(); it != one.nodes.constEnd(); ++it)
            merged.nodes.insert(it.key(), it.value());
        for (auto it = one.edges.constBegin(); it != one.edges.constEnd(); ++it)
            merged.edges.insert(it.key(), it.value());
        merged.maxRps = std::max(merged.maxRps, one.maxRps);
    }
    m_scene->setOverlay(mode, merged);
}

void MainWindow::showDetails(const QString &nodeId)
{
    const topology::Graph &graph = m_model->graph();
    const auto it = graph.nodes.constFind(nodeId);
    if (it == graph.nodes.constEnd()) {
        m_details->showNode(nullptr);
        return;
    }
    topology::Node shown = graph.withFindings(*it); // with the doctor's findings about it
    // The probes' latest checks: the graph takes them up only when a verdict changes.
    if (shown.kind == topology::NodeKind::Instance) {
        if (const health::HealthProber *prober = m_fleet->prober(shown.host)) {
            const QJsonObject live = prober->snapshotOf(shown.attributes.value(QLatin1String("id")).toString());
            if (!live.isEmpty())
                shown.attributes.insert(QStringLiteral("probeHistory"), live.value(QLatin1String("probeHistory")));
        }
    }
    m_details->showNode(&shown);
}

void MainWindow::showNodeMenu(const QString &nodeId, const QPoint &globalPos)
{
    const auto it = m_model->graph().nodes.constFind(nodeId);
    if (it == m_model->graph().nodes.constEnd())
        return;
    QMenu menu(this);
    menu.setObjectName(QStringLiteral("nodeMenu"));
    const topology::Node node = *it;
    if (node.kind == topology::NodeKind::Instance) {
        menu.addAction(tr("Logs"), this, [this, node] { openLogs(node); })->setObjectName(QStringLiteral("logsAction"));
        menu.addAction(tr("Console (attach)"), this, [this, node] { openConsole(node); })
            ->setObjectName(QStringLiteral("consoleAction"));
        menu.addSeparator();
        menu.addAction(tr("Restart…"), this, [this, node] { restartInstance(node, true); })
            ->setObjectName(QStringLiteral("restartAction"));
    }
    if (node.kind == topology::NodeKind::Gateway || node.kind == topology::NodeKind::Route) {
        const QString gatewayName = node.kind == topology::NodeKind::Gateway ? node.name
                                                                             : node.attributes.value(QLatin1String("gateway")).toString();
        QAction *edit = menu.addAction(tr("Edit the spec it runs…"), this, [this, gatewayName] { openDeployedSpec(gatewayName); });
        edit->setObjectName(QStringLiteral("editSpecAction"));
        edit->setEnabled(!deployedSpecHost(gatewayName).isEmpty());
        if (node.kind == topology::NodeKind::Route) {
            const QString host = deployedSpecHost(gatewayName);
            const QString route = node.name;
            QAction *gray = menu.addAction(tr("Gray release…"), this, [this, host, gatewayName, route] { openGrayRelease(host, gatewayName, route); });
            gray->setObjectName(QStringLiteral("grayReleaseAction"));
            gray->setEnabled(!host.isEmpty() && node.attributes.value(QLatin1String("backends")).toArray().size() >= 2);
        }
        menu.addSeparator();
    }
    if (node.kind == topology::NodeKind::Service || node.kind == topology::NodeKind::Version || node.kind == topology::NodeKind::Gateway ||
        node.kind == topology::NodeKind::Route) {
        QAction *charts = menu.addAction(tr("Traffic charts…"), this, [this, node] { openTrafficCharts(node.id); });
        charts->setObjectName(QStringLiteral("trafficChartsAction"));
    }
    menu.addAction(tr("Show only this and related"), this, [this, node] {
        m_search->setText(node.kind == topology::NodeKind::Instance
                              ? node.attributes.value(QLatin1String("service")).toString()
                              : node.name);
    });
    menu.addAction(tr("Copy id"), this, [node] { QGuiApplication::clipboard()->setText(node.id); });
    menu.exec(globalPos);
}

QString MainWindow::deployedSpecHost(const QString &gatewayName) const
{
    for (const auto &config : m_registry->hosts())
        if (auto *routes = m_fleet->deployedRoutes(config.name); routes && !routes->deployedSpec(gatewayName).isEmpty())
            return config.name;
    return QString();
}

SpecEditorWindow *MainWindow::openSpecEditor()
{
    auto *editor = new SpecEditorWindow(m_registry, m_fleet.get(), m_model.get(), this);
    editor->setWindowFlag(Qt::Window);
    editor->show();
    return editor;
}

SpecEditorWindow *MainWindow::openDeployedSpec(const QString &gatewayName)
{
    const QString host = deployedSpecHost(gatewayName);
    if (host.isEmpty()) {
        statusBar()->showMessage(tr("No console has pushed a spec to %1 yet").arg(gatewayName), 6000);
        return nullptr;
    }
    SpecEditorWindow *editor = openSpecEditor();
    editor->openDeployed(host, gatewayName, m_fleet->deployedRoutes(host)->deployedSpec(gatewayName));
    return editor;
}

hosts::HostConnection *MainWindow::connectionFor(const topology::Node &node) const
{
    auto *connection = m_fleet->connection(node.host);
    if (!connection || !connection->client() ||
        (connection->state() != hosts::HostState::Connected && connection->state() != hosts::HostState::Degraded)) {
        statusBar()->showMessage(tr("Host %1 is not connected").arg(node.host), 6000);
        return nullptr;
    }
    return connection;
}

ContainerLogWindow *MainWindow::openLogs(const topology::Node &node)
{
    auto *connection = connectionFor(node);
    if (!connection)
        return nullptr;
    auto *window = new ContainerLogWindow(connection, node.attributes.value(QLatin1String("id")).toString(), node.name, this);
    window->show();
    return window;
}

ContainerConsoleWindow *MainWindow::openConsole(const topology::Node &node)
{
    auto *connection = connectionFor(node);
    if (!connection)
        return nullptr;
    auto *window =
        new ContainerConsoleWindow(connection, node.attributes.value(QLatin1String("id")).toString(), node.name, this);
    window->show();
    return window;
}

void MainWindow::restartInstance(const topology::Node &node, bool confirm)
{
    auto *connection = connectionFor(node);
    if (!connection)
        return;
    if (confirm && QMessageBox::question(this, tr("Restart container"),
                                         tr("Restart %1 on %2? Requests it is serving will fail while it restarts.")
                                             .arg(node.name, node.host)) != QMessageBox::Yes)
        return;
    statusBar()->showMessage(tr("Restarting %1…").arg(node.name));
    const QString name = node.name;
    whenReady(connection->client()->restartContainer(node.attributes.value(QLatin1String("id")).toString()), this,
              [this, name](Status done) {
                  statusBar()->showMessage(done ? tr("Restarted %1").arg(name)
                                                : tr("Restarting %1 failed: %2").arg(name, done.error().text()),
                                           8000);
              });
}

void MainWindow::updateStatus()
{
    // A summary; the hosts panel has the details and reasons.
    int connected = 0, degraded = 0, unreachable = 0, connecting = 0;
    for (const auto &config : m_registry->hosts()) {
        const auto *c = m_fleet ? m_fleet->connection(config.name) : nullptr;
        const auto state = c ? c->state() : hosts::HostState::Unreachable;
        connected += state == hosts::HostState::Connected;
        degraded += state == hosts::HostState::Degraded;
        unreachable += state == hosts::HostState::Unreachable;
        connecting += state == hosts::HostState::Connecting || state == hosts::HostState::Idle;
    }
    QStringList parts;
    parts << tr("%n host(s)", nullptr, int(m_registry->hosts().size()));
    if (connected)
        parts << tr("%n connected", nullptr, connected);
    if (connecting)
        parts << tr("%n connecting", nullptr, connecting);
    if (degraded)
        parts << tr("%n degraded", nullptr, degraded);
    if (unreachable)
        parts << tr("%n unreachable", nullptr, unreachable);
    m_status->setText(parts.join(QStringLiteral(" · ")));
    m_view->setPlaceholderText(
        connected + degraded == 0
            ? tr("No host is connected yet.\nAdd a host or a Docker context in the Hosts panel.")
            : tr("No labelled services or gateways on the connected hosts.\nLabel containers with "
                 "mcp.service.name and mcp.service.port (gateways: mcp.gateway and mcp.gateway.driver),\n"
                 "or start the demo stack: ./scripts/demo-stack up"));
}

} // namespace mcp::ui
