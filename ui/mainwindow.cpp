#include "mainwindow.h"

#include "endpoint/endpoint.h"
#include "hosts/connectorfactory.h"
#include "hosts/containerinventory.h"
#include "hosts/hostconnection.h"
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

struct MainWindow::Host
{
    std::unique_ptr<hosts::HostConnection> connection;
    std::unique_ptr<hosts::ContainerInventory> inventory;
};

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent), m_model(std::make_unique<topology::TopologyModel>())
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
    m_model.reset();
    m_hosts.clear();
}

void MainWindow::addHost(const QString &name, const endpoint::Endpoint &endpoint)
{
    auto host = std::make_unique<Host>();
    host->connection = std::make_unique<hosts::HostConnection>(name, endpoint, hosts::makeConnector(endpoint));
    host->inventory = std::make_unique<hosts::ContainerInventory>(host->connection.get());
    m_model->addHost(host->connection.get(), host->inventory.get());
    connect(host->connection.get(), &hosts::HostConnection::stateChanged, this, &MainWindow::updateStatus);
    host->connection->start();
    m_hosts.push_back(std::move(host));
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
    QStringList parts;
    for (const auto &h : m_hosts) {
        const auto &c = *h->connection;
        QString part = QStringLiteral("%1: %2").arg(c.name(), hosts::hostStateName(c.state()));
        if (c.state() == hosts::HostState::Unreachable || c.state() == hosts::HostState::Degraded)
            part += QStringLiteral(" (%1)").arg(c.lastError().detail);
        else if (c.state() == hosts::HostState::Connected)
            part += QStringLiteral(" via %1").arg(c.pathDescription());
        parts << part;
    }
    m_status->setText(parts.join(QStringLiteral("  ·  ")));
}

} // namespace mcp::ui
