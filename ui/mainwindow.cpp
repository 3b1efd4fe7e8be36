#include "mainwindow.h"

#include "hosts/hostconnection.h"
#include "hosts/hostfleet.h"
#include "hosts/hostregistry.h"
#include "hosts/hostspanel.h"
#include "hosts/passphrasedialog.h"
#include "topology/legendwidget.h"
#include "topology/nodeitem.h"
#include "topology/topologymodel.h"
#include "topology/topologyscene.h"
#include "topology/topologyview.h"

#include <QDockWidget>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QStatusBar>
#include <QToolBar>

namespace mcp::ui {

MainWindow::MainWindow(hosts::HostRegistry *registry, QWidget *parent)
    : QMainWindow(parent), m_registry(registry), m_model(std::make_unique<topology::TopologyModel>()),
      m_fleet(std::make_unique<hosts::HostFleet>(registry))
{
    setWindowTitle(tr("MCP Console"));
    resize(1280, 800);

    m_scene = new TopologyScene(this);
    m_view = new TopologyView(m_scene, this);
    setCentralWidget(m_view);

    auto *tools = addToolBar(tr("Topology"));
    tools->setObjectName(QStringLiteral("topologyToolBar"));
    m_search = new QLineEdit(tools);
    m_search->setPlaceholderText(tr("Search name, label, health…"));
    m_search->setClearButtonEnabled(true);
    m_search->setMaximumWidth(320);
    tools->addWidget(m_search);
    tools->addAction(tr("Fit"), m_view, &TopologyView::fitAll);
    tools->addAction(tr("Zoom in"), this, [this] { m_view->zoomBy(1.25); });
    tools->addAction(tr("Zoom out"), this, [this] { m_view->zoomBy(0.8); });
    tools->addSeparator();
    tools->addWidget(new LegendWidget(tools));
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        const int n = m_scene->highlight(text);
        statusBar()->showMessage(text.isEmpty() ? QString() : tr("%n match(es)", nullptr, n), 4000);
    });

    auto *dock = new QDockWidget(tr("Details"), this);
    dock->setObjectName(QStringLiteral("detailsDock"));
    m_details = new QPlainTextEdit(dock);
    m_details->setReadOnly(true);
    m_details->setPlaceholderText(tr("Select a node to see its labels, health and problems."));
    dock->setWidget(m_details);
    addDockWidget(Qt::RightDockWidgetArea, dock);
    resizeDocks({dock}, {340}, Qt::Horizontal);

    auto *hostsDock = new QDockWidget(tr("Hosts"), this);
    hostsDock->setObjectName(QStringLiteral("hostsDock"));
    m_hostsPanel = new HostsPanel(registry, m_fleet.get(), hostsDock);
    hostsDock->setWidget(m_hostsPanel);
    addDockWidget(Qt::LeftDockWidgetArea, hostsDock);
    resizeDocks({hostsDock}, {300}, Qt::Horizontal);

    m_fleet->setPassphraseProvider([this](const QString &keyPath) { return PassphraseDialog::ask(keyPath, this); });
    connect(m_fleet.get(), &hosts::HostFleet::hostAttached, this,
            [this](hosts::HostConnection *connection, hosts::ContainerInventory *inventory) {
                m_model->addHost(connection, inventory);
            });
    connect(m_fleet.get(), &hosts::HostFleet::hostDetaching, this,
            [this](hosts::HostConnection *connection) { m_model->removeHost(connection); });
    connect(m_fleet.get(), &hosts::HostFleet::hostUpdated, this, &MainWindow::updateStatus);

    m_status = new QLabel(this);
    statusBar()->addPermanentWidget(m_status);

    connect(m_view, &TopologyView::nodeSelected, this, &MainWindow::showDetails);
    connect(m_model.get(), &topology::TopologyModel::changed, this, [this] {
        const bool first = m_scene->nodeItems().isEmpty();
        m_scene->sync(m_model->graph());
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
    m_fleet->disconnect(this);
    m_model.reset();
    m_fleet.reset();
}

void MainWindow::start()
{
    m_fleet->start();
    updateStatus();
}

void MainWindow::showDetails(const QString &nodeId)
{
    const auto it = m_model->graph().nodes.constFind(nodeId);
    if (it == m_model->graph().nodes.constEnd()) {
        m_details->clear();
        return;
    }
    QString text = QStringLiteral("%1  (%2)\n%3: %4\n").arg(it->name, topology::nodeKindName(it->kind), tr("Health"),
                                                            topology::healthName(it->health));
    if (!it->healthReason.isEmpty())
        text += QStringLiteral("  %1\n").arg(it->healthReason);
    for (const auto &p : it->problems)
        text += QStringLiteral("\n⚠ %1 [%2]\n  %3\n  %4: %5\n").arg(topology::severityName(p.severity), p.code, p.message, tr("Fix"), p.fix);
    text += QLatin1Char('\n') + QString::fromUtf8(QJsonDocument(it->attributes).toJson(QJsonDocument::Indented));
    m_details->setPlainText(text);
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
