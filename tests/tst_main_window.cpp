// The main window as an operator uses it, on the real engine with the demo stack: the
// search box filters the graph and the services/instances tables alike; a table row selects
// the node in the graph and fills the details panel; sorting uses raw values; the table
// adapter passes QAbstractItemModelTester and batches updates; the node actions open a live
// log, a console attached to the container's stdin/stdout, and restart the container, also
// picked from the node's context menu in the graph with the mouse. Screenshots of the
// window, the logs, the console and the menus go to MCP_SCREENSHOT_DIR.

#include "support/await.h"
#include "support/gui.h"
#include "support/testbed.h"

#include "containers/containerconsolewindow.h"
#include "containers/containerlogwindow.h"
#include "docker/dockerclient.h"
#include "health/healthprober.h"
#include "hosts/hostconnection.h"
#include "hosts/hostfleet.h"
#include "hosts/hostregistry.h"
#include "mainwindow.h"
#include "topology/detailspanel.h"
#include "topology/graphbuilder.h"
#include "topology/inventorypanel.h"
#include "topology/nodefilterproxy.h"
#include "topology/nodeitem.h"
#include "topology/nodetablemodel.h"
#include "topology/topologymodel.h"
#include "topology/topologyscene.h"
#include "topology/topologyview.h"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDir>
#include <QGraphicsRectItem>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QStatusBar>
#include <QTimer>
#include <QJsonArray>
#include <QProcess>
#include <QSignalSpy>
#include <QTableView>
#include <QtTest>

#include <algorithm>
#include <functional>

using namespace mcp;
using mcp::test::demoStack;
using topology::NodeTableModel;

namespace {

void saveScreenshot(QWidget *w, const QString &name)
{
    MCP_SAVE_SCREENSHOT(w, name);
}

// Calls `act` with the widget `find` returns as soon as it returns one. QMenu::exec and a
// QMessageBox block whoever opened them, so a test reaches the menu or dialog from inside
// their event loop; the polling ends with `context`.
void whenShown(QObject *context, std::function<QWidget *()> find, std::function<void(QWidget *)> act)
{
    auto *poll = new QTimer(context);
    poll->setInterval(10);
    QObject::connect(poll, &QTimer::timeout, context, [poll, find = std::move(find), act = std::move(act)] {
        if (QWidget *w = find()) {
            poll->stop();
            act(w); // may run a nested event loop (a dialog the menu's action opens)
            poll->deleteLater();
        }
    });
    poll->start();
}

QWidget *openNodeMenu()
{
    auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
    return menu && menu->isVisible() && menu->objectName() == QLatin1String("nodeMenu") ? menu : nullptr;
}

QWidget *openMessageBox()
{
    auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
    return box && box->isVisible() ? box : nullptr;
}

// The named actions of a menu, in its order (separators and unnamed actions left out).
QStringList actionNames(const QMenu *menu)
{
    QStringList out;
    for (const QAction *a : menu->actions())
        if (!a->isSeparator() && !a->objectName().isEmpty())
            out << a->objectName();
    return out;
}

// Clicks the menu's action with the mouse, as an operator picks it. False (and the menu
// closed, so that its exec returns) when there is no such action or the click did not
// trigger it.
bool clickMenuAction(QMenu *menu, const QString &name)
{
    QAction *action = menu->findChild<QAction *>(name);
    bool triggered = false;
    if (action && menu->actions().contains(action)) {
        const auto seen = QObject::connect(action, &QAction::triggered, menu, [&triggered] { triggered = true; });
        const QPoint at = menu->actionGeometry(action).center();
        QTest::mouseMove(menu, at);
        QTest::mouseClick(menu, Qt::LeftButton, {}, at);
        QObject::disconnect(seen);
    }
    if (!triggered && menu->isVisible())
        menu->close();
    return triggered;
}

QStringList column(const QAbstractItemModel *model, int col)
{
    QStringList out;
    for (int r = 0; r < model->rowCount(); ++r)
        out << model->index(r, col).data().toString();
    return out;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void tablesShowTheDemoStack();
    void searchFiltersGraphAndTables();
    void rowSelectsNodeAndShowsDetails();
    void detailsShowPortsAndProbeHistory();
    void groupingMakesLanes();
    void tableAdapterBatchesUpdates();
    void logsConsoleAndRestart();
    void nodeMenuOpensLogsAndRestarts();
    void doctorFindingsShowWhereProblemsDo();

private:
    QString startConsoleContainer();
    QString instanceId(const QString &name) const;
    const topology::Node *node(const QString &id) const;
    QString rightClick(const QString &nodeId);

    std::unique_ptr<hosts::HostRegistry> m_registry;
    std::unique_ptr<ui::MainWindow> m_window;
    std::unique_ptr<QAbstractItemModelTester> m_servicesTester, m_instancesTester;
    QString m_consoleId;
};

void TestMainWindow::initTestCase()
{
    QVERIFY(demoStack(QStringLiteral("up")));
    m_registry = std::make_unique<hosts::HostRegistry>();
    hosts::HostConfig local;
    local.name = QStringLiteral("local");
    local.url = test::Testbed::instance().require(QStringLiteral("MCP_TB_UNIX_HOST"));
    QVERIFY(m_registry->add(local));
    m_window = std::make_unique<ui::MainWindow>(m_registry.get());
    m_window->resize(1440, 900);
    auto *inventory = m_window->inventoryPanel();
    m_servicesTester = std::make_unique<QAbstractItemModelTester>(
        inventory->servicesProxy()->sourceModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_instancesTester = std::make_unique<QAbstractItemModelTester>(
        inventory->instancesProxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_window->show();
    m_window->start();
    // The unhealthy orders instance needs its HEALTHCHECK to fail twice (5 s apart).
    QVERIFY(QTest::qWaitFor(
        [&] {
            const auto *orders = node(topology::serviceNodeId(QStringLiteral("orders")));
            return orders && orders->health == topology::Health::Degraded;
        },
        60000));
    QTest::qWait(200);
}

void TestMainWindow::cleanupTestCase()
{
    if (!m_consoleId.isEmpty() && m_window) {
        auto *client = m_window->fleet()->connection(QStringLiteral("local"))->client();
        (void)test::await(client->removeContainer(m_consoleId, true));
    }
    m_instancesTester.reset();
    m_servicesTester.reset();
    m_window.reset();
    m_registry.reset();
    demoStack(QStringLiteral("down"));
}

const topology::Node *TestMainWindow::node(const QString &id) const
{
    const auto &nodes = m_window->topologyModel()->graph().nodes;
    const auto it = nodes.constFind(id);
    return it == nodes.constEnd() ? nullptr : &*it;
}

void TestMainWindow::tablesShowTheDemoStack()
{
    // Other tests may run containers on the same engine: look at the demo stack's rows only.
    auto *services = m_window->inventoryPanel()->servicesProxy();
    auto *instances = m_window->inventoryPanel()->instancesProxy();
    m_window->searchField()->setText(QStringLiteral("mcp-demo"));
    QCOMPARE(instances->rowCount(), 8); // 6 service instances + 2 gateway containers
    m_window->searchField()->clear();

    // Sorting by health uses the raw rank: worst first (payments down before the degraded).
    services->sort(NodeTableModel::SvcHealth, Qt::AscendingOrder);
    QStringList byHealth = column(services, NodeTableModel::SvcName);
    QVERIFY(byHealth.indexOf(QStringLiteral("payments")) >= 0);
    QVERIFY(byHealth.indexOf(QStringLiteral("payments")) < byHealth.indexOf(QStringLiteral("orders")));
    QVERIFY(byHealth.indexOf(QStringLiteral("payments")) < byHealth.indexOf(QStringLiteral("users")));
    services->sort(NodeTableModel::SvcName, Qt::AscendingOrder);
    const QStringList byName = column(services, NodeTableModel::SvcName);
    QVERIFY(byName.indexOf(QStringLiteral("orders")) < byName.indexOf(QStringLiteral("payments")));
    QVERIFY(byName.indexOf(QStringLiteral("payments")) < byName.indexOf(QStringLiteral("users")));
    const QModelIndex users = services->index(int(byName.indexOf(QStringLiteral("users"))), NodeTableModel::SvcInstances);
    QVERIFY2(QRegularExpression(QStringLiteral("^[0-3]/3$")).match(users.data().toString()).hasMatch(),
             qPrintable(users.data().toString()));
    QCOMPARE(users.data(NodeTableModel::SortRole).toInt(), 3);
    QCOMPARE(users.siblingAtColumn(NodeTableModel::SvcVersions).data().toString(), QStringLiteral("v1, v2"));
    // The broken label on payments is shown on its instance.
    instances->sort(NodeTableModel::InstName, Qt::AscendingOrder);
    bool paymentsProblem = false;
    for (int r = 0; r < instances->rowCount(); ++r) {
        if (instances->index(r, 0).data().toString().contains(QLatin1String("payments")))
            paymentsProblem = instances->index(r, NodeTableModel::InstProblems).data().toString().contains(QLatin1String("label"));
    }
    QVERIFY(paymentsProblem);
}

void TestMainWindow::searchFiltersGraphAndTables()
{
    auto *search = m_window->searchField();
    auto *instances = m_window->inventoryPanel()->instancesProxy();
    auto *scene = static_cast<ui::TopologyScene *>(m_window->topologyView()->scene());

    search->clear();
    QTest::keyClicks(search, QStringLiteral("mcp-demo-users"));
    QCOMPARE(instances->rowCount(), 3);
    const auto opacityOf = [&](const QString &id) { return scene->nodeItem(id)->opacity(); };
    const QString usersV2 = instances->index(0, 0).data(NodeTableModel::NodeIdRole).toString();
    QCOMPARE(opacityOf(usersV2), 1.0);
    QVERIFY(scene->nodeItem(usersV2)->isHighlighted());
    QVERIFY(opacityOf(topology::serviceNodeId(QStringLiteral("orders"))) < 1.0);

    search->setText(QStringLiteral("health:bad kind:instance"));
    for (int r = 0; r < instances->rowCount(); ++r)
        QVERIFY(instances->index(r, 0).data(NodeTableModel::HealthRole).toInt() != int(topology::Health::Healthy));
    QVERIFY(instances->rowCount() >= 2); // the unhealthy orders instance, users v2, payments

    search->setText(QStringLiteral("mcp.service.version=v2 mcp-demo"));
    QCOMPARE(instances->rowCount(), 1);
    QVERIFY(instances->index(0, 0).data().toString().contains(QLatin1String("users-v2")));
    saveScreenshot(m_window.get(), QStringLiteral("main-window-search"));

    search->clear();
    QCOMPARE(instances->rowCount(), instances->sourceModel()->rowCount());
    QCOMPARE(opacityOf(topology::serviceNodeId(QStringLiteral("orders"))), 1.0);
}

void TestMainWindow::rowSelectsNodeAndShowsDetails()
{
    auto *inventory = m_window->inventoryPanel();
    auto *table = inventory->servicesView();
    auto *proxy = inventory->servicesProxy();
    proxy->sort(NodeTableModel::SvcName, Qt::AscendingOrder);
    const int payments = int(column(proxy, NodeTableModel::SvcName).indexOf(QStringLiteral("payments")));
    QVERIFY(payments >= 0);
    table->setCurrentIndex(proxy->index(payments, 0));
    QCOMPARE(m_window->topologyView()->selectedNodeId(), topology::serviceNodeId(QStringLiteral("payments")));
    const QString details = m_window->detailsPanel()->toPlainText();
    QVERIFY2(details.contains(QLatin1String("payments")), qPrintable(details));
    QVERIFY2(details.contains(QLatin1String("down")), qPrintable(details));

    // And the other way: selecting an instance in the graph selects its row and shows its
    // labels, networks and address.
    const QString instanceId = [&] {
        for (const auto &n : m_window->topologyModel()->graph().nodes) {
            if (n.kind == topology::NodeKind::Instance && n.name == QLatin1String("mcp-demo-users-v2-1"))
                return n.id;
        }
        return QString();
    }();
    QVERIFY(!instanceId.isEmpty());
    m_window->topologyView()->selectNode(instanceId);
    QCOMPARE(inventory->instancesView()->currentIndex().data(NodeTableModel::NodeIdRole).toString(), instanceId);
    const QString instanceDetails = m_window->detailsPanel()->toPlainText();
    QVERIFY2(instanceDetails.contains(QLatin1String("mcp.service.version")), qPrintable(instanceDetails));
    QVERIFY(instanceDetails.contains(QLatin1String("mcp-demo")));
    QVERIFY(instanceDetails.contains(node(instanceId)->attributes.value(QLatin1String("address")).toString()));
    saveScreenshot(m_window.get(), QStringLiteral("main-window-details"));
}

QString TestMainWindow::instanceId(const QString &name) const
{
    for (const auto &n : m_window->topologyModel()->graph().nodes) {
        if (n.kind == topology::NodeKind::Instance && n.name == name)
            return n.id;
    }
    return {};
}

// An instance's details: the port its label names, the ports it publishes on the host, and
// the health-probe history (newest first) from the window's own prober, which probes through
// the edge gateway.
void TestMainWindow::detailsShowPortsAndProbeHistory()
{
    const QString users = instanceId(QStringLiteral("mcp-demo-users-v1-1"));
    QVERIFY(!users.isEmpty());
    health::HealthProber *prober = m_window->fleet()->prober(QStringLiteral("local"));
    QVERIFY(prober);
    const auto historyOf = [&](const QString &id) { return node(id)->attributes.value(QLatin1String("probeHistory")).toArray(); };
    // The first round's verdict rebuilds the graph with it.
    QVERIFY(QTest::qWaitFor([&] { return !historyOf(users).isEmpty(); }, 30000));

    // Two more rounds with the instance selected, so that there is a history to show. A
    // round whose verdicts are all as before rebuilds nothing (HealthProber: no rebuild on
    // latency wobble); the panel follows the prober's rounds itself, no rebuild needed.
    m_window->topologyView()->selectNode(users);
    QCOMPARE(m_window->detailsPanel()->shownNodeId(), users);
    const int rebuilds = m_window->topologyModel()->rebuildCount();
    for (int round = 0; round < 2; ++round) {
        QSignalSpy finished(prober, &health::HealthProber::roundFinished);
        QVERIFY(QTest::qWaitFor([&] { return !prober->roundRunning(); }, 30000));
        prober->probeNow();
        QVERIFY(finished.wait(30000));
    }
    const QString containerId = node(users)->attributes.value(QLatin1String("id")).toString();
    const QJsonArray history = prober->snapshotOf(containerId).value(QLatin1String("probeHistory")).toArray();
    QVERIFY(history.size() >= 3);
    if (m_window->topologyModel()->rebuildCount() == rebuilds) // the usual case: the graph did not see them
        QVERIFY(historyOf(users).size() < history.size());
    const QString text = m_window->detailsPanel()->toPlainText();
    QVERIFY2(text.contains(QLatin1String("Health probes")), qPrintable(text));
    // Up to the last 10 checks, newest first: the time, the outcome, status and latency.
    qsizetype at = text.indexOf(QLatin1String("Health probes"));
    for (qsizetype i = history.size() - 1; i >= 0 && i >= history.size() - 10; --i) {
        const QJsonObject h = history.at(i).toObject();
        QCOMPARE(h.value(QLatin1String("outcome")).toString(), QStringLiteral("ok"));
        QCOMPARE(h.value(QLatin1String("status")).toInt(), 200);
        const QString when = QDateTime::fromMSecsSinceEpoch(qint64(h.value(QLatin1String("checkedAt")).toDouble())).toString(QStringLiteral("HH:mm:ss"));
        const QString check = QStringLiteral("ok 200 · %1 ms").arg(h.value(QLatin1String("latencyMs")).toDouble(), 0, 'f', 1);
        at = text.indexOf(when, at + 1);
        QVERIFY2(at >= 0, qPrintable(when + QStringLiteral(" in ") + text));
        at = text.indexOf(check, at);
        QVERIFY2(at >= 0, qPrintable(check + QStringLiteral(" after ") + when + QStringLiteral(" in ") + text));
    }
    QVERIFY(text.indexOf(QLatin1String("Health probes")) < text.indexOf(QLatin1String("Facts")));
    // The service port its label names.
    QVERIFY2(QRegularExpression(QStringLiteral("(^|\\n)port\\s+8080(\\n|$)")).match(text).hasMatch(), qPrintable(text));
    saveScreenshot(m_window->detailsPanel(), QStringLiteral("details-probe-history"));

    // The edge gateway's container publishes port 80 on 127.0.0.1:18080 (scripts/demo-stack).
    const QString edge = instanceId(QStringLiteral("mcp-demo-edge"));
    QVERIFY(!edge.isEmpty());
    m_window->topologyView()->selectNode(edge);
    const QString edgeText = m_window->detailsPanel()->toPlainText();
    QVERIFY2(QRegularExpression(QStringLiteral("(^|\\n)published\\s+127\\.0\\.0\\.1:18080 → 80(\\n|$)")).match(edgeText).hasMatch(),
             qPrintable(edgeText));
    QVERIFY(!edgeText.contains(QLatin1String("Health probes"))); // gateways are not probed
}

void TestMainWindow::groupingMakesLanes()
{
    auto *scene = static_cast<ui::TopologyScene *>(m_window->topologyView()->scene());
    auto *box = m_window->groupByBox();
    QVERIFY(scene->laneTitles().isEmpty());
    box->setCurrentIndex(box->findData(int(topology::GroupBy::Host)));
    QVERIFY(scene->laneTitles().contains(QStringLiteral("local")));
    box->setCurrentIndex(box->findData(int(topology::GroupBy::Project)));
    const QStringList lanes = scene->laneTitles();
    QVERIFY2(lanes.contains(QStringLiteral("shop")), qPrintable(lanes.join(QLatin1Char(','))));
    // Every users node sits inside the shop lane.
    const QRectF shop = [&] {
        for (auto *item : scene->items()) {
            if (auto *rect = dynamic_cast<QGraphicsRectItem *>(item)) {
                for (auto *child : rect->childItems()) {
                    if (auto *t = dynamic_cast<QGraphicsSimpleTextItem *>(child); t && t->text().startsWith(QLatin1String("shop")))
                        return rect->rect();
                }
            }
        }
        return QRectF();
    }();
    QVERIFY(!shop.isEmpty());
    const auto *users = scene->nodeItem(topology::serviceNodeId(QStringLiteral("users")));
    QVERIFY(users && shop.contains(users->pos()));
    QTest::qWait(100);
    saveScreenshot(m_window.get(), QStringLiteral("main-window-grouped"));
    box->setCurrentIndex(box->findData(int(topology::GroupBy::None)));
    QVERIFY(scene->laneTitles().isEmpty());
}

QString TestMainWindow::startConsoleContainer()
{
    auto *client = m_window->fleet()->connection(QStringLiteral("local"))->client();
    // Leftovers of an earlier, interrupted run would show up as extra instances.
    const auto leftovers = test::await(client->listContainers(
        true, QJsonObject{{QStringLiteral("name"), QJsonArray{QStringLiteral("mcp-tst-window-console-")}}}));
    if (leftovers) {
        for (const auto &c : *leftovers)
            (void)test::await(client->removeContainer(c.toObject().value(QLatin1String("Id")).toString(), true));
    }
    const QString name = QStringLiteral("mcp-tst-window-console-%1").arg(QCoreApplication::applicationPid());
    const QJsonObject config{
        {QStringLiteral("Image"), test::Testbed::instance().require(QStringLiteral("MCP_TB_IMAGE_BACKEND"))},
        {QStringLiteral("Cmd"), QJsonArray{QStringLiteral("sh"), QStringLiteral("-c"),
                                           QStringLiteral("echo ready-line; while read l; do echo got:$l; done")}},
        {QStringLiteral("OpenStdin"), true},
        {QStringLiteral("AttachStdin"), true},
        {QStringLiteral("Labels"), QJsonObject{{QStringLiteral("mcp.test"), QStringLiteral("1")},
                                               {QStringLiteral("mcp.service.name"), QStringLiteral("console-test")},
                                               {QStringLiteral("mcp.service.port"), QStringLiteral("8080")}}}};
    const auto id = test::await(client->createContainer(name, config));
    if (!id)
        return {};
    if (!test::await(client->startContainer(*id)))
        return {};
    return *id;
}

void TestMainWindow::tableAdapterBatchesUpdates()
{
    auto *source = static_cast<NodeTableModel *>(m_window->inventoryPanel()->instancesProxy()->sourceModel());
    const int rebuildsBefore = m_window->topologyModel()->rebuildCount();
    const int signalsBefore = source->dataChangedSignals();
    m_consoleId = startConsoleContainer();
    QVERIFY(!m_consoleId.isEmpty());
    QVERIFY(QTest::qWaitFor([&] { return source->indexOfNode(topology::instanceNodeId(QStringLiteral("local"), m_consoleId)).isValid(); }, 15000));
    // Restart the two users v1 instances at once: at most one dataChanged per rebuild.
    auto *client = m_window->fleet()->connection(QStringLiteral("local"))->client();
    (void)test::await(client->restartContainer(QStringLiteral("mcp-demo-users-v1-1"), 1));
    (void)test::await(client->restartContainer(QStringLiteral("mcp-demo-users-v1-2"), 1));
    QTest::qWait(1500);
    const int rebuilds = m_window->topologyModel()->rebuildCount() - rebuildsBefore;
    const int signalCount = source->dataChangedSignals() - signalsBefore;
    QVERIFY(rebuilds > 0);
    QVERIFY2(signalCount <= rebuilds, qPrintable(QStringLiteral("%1 dataChanged for %2 rebuilds").arg(signalCount).arg(rebuilds)));
}

void TestMainWindow::logsConsoleAndRestart()
{
    QVERIFY(!m_consoleId.isEmpty());
    const QString id = topology::instanceNodeId(QStringLiteral("local"), m_consoleId);
    QVERIFY(QTest::qWaitFor([&] { return node(id) != nullptr; }, 15000));
    const topology::Node consoleNode = *node(id);

    QPointer<ui::ContainerLogWindow> logs = m_window->openLogs(consoleNode);
    QVERIFY(logs);
    QVERIFY(QTest::qWaitFor([&] { return logs->text().contains(QLatin1String("ready-line")); }, 15000));

    QPointer<ui::ContainerConsoleWindow> console = m_window->openConsole(consoleNode);
    QVERIFY(console);
    QVERIFY(QTest::qWaitFor([&] { return console->isAttached(); }, 15000));
    console->sendLine(QStringLiteral("hello console"));
    QVERIFY(QTest::qWaitFor([&] { return console->output().contains(QLatin1String("got:hello console")); }, 15000));
    // The log window follows: the same line arrives there too.
    QVERIFY(QTest::qWaitFor([&] { return logs->text().contains(QLatin1String("got:hello console")); }, 15000));
    saveScreenshot(logs, QStringLiteral("container-logs"));
    saveScreenshot(console, QStringLiteral("container-console"));

    // Restart: the engine reports a new start time; the console sees its process end.
    auto *client = m_window->fleet()->connection(QStringLiteral("local"))->client();
    const auto before = test::await(client->inspectContainer(m_consoleId));
    QVERIFY(before);
    const QString startedBefore = before->value(QLatin1String("State")).toObject().value(QLatin1String("StartedAt")).toString();
    m_window->restartInstance(consoleNode, false);
    QVERIFY(QTest::qWaitFor([&] {
        const auto after = test::await(client->inspectContainer(m_consoleId));
        return after && after->value(QLatin1String("State")).toObject().value(QLatin1String("StartedAt")).toString() != startedBefore &&
               after->value(QLatin1String("State")).toObject().value(QLatin1String("Running")).toBool();
    }, 20000));
    QVERIFY(QTest::qWaitFor([&] { return !console->isAttached(); }, 15000));
    logs->close();
    console->close();
    QVERIFY(QTest::qWaitFor([&] { return logs.isNull() && console.isNull(); }, 5000)); // WA_DeleteOnClose
}

// Right-clicks the node's item in the graph: a context-menu event (what a right button
// press makes) at the item's centre on the view's viewport, after scrolling it into view.
// Returns when the menu it opens has closed, with the id of the node the view selected
// (empty when no node item was under the point).
QString TestMainWindow::rightClick(const QString &nodeId)
{
    auto *view = m_window->topologyView();
    auto *scene = static_cast<ui::TopologyScene *>(view->scene());
    ui::NodeItem *item = scene->nodeItem(nodeId);
    if (!item)
        return {};
    view->centerOn(item);
    const QPoint at = view->mapFromScene(item->sceneBoundingRect().center());
    if (!view->viewport()->rect().contains(at))
        return {};
    view->selectNode({});
    QContextMenuEvent event(QContextMenuEvent::Mouse, at, view->viewport()->mapToGlobal(at));
    QCoreApplication::sendEvent(view->viewport(), &event);
    return view->selectedNodeId();
}

// The node menu as the operator uses it: right-click the instance in the graph, pick Logs
// (the live log opens), then Restart… (declined: nothing happens; accepted: the engine
// restarts the container). A gateway's menu offers its spec and charts instead.
void TestMainWindow::nodeMenuOpensLogsAndRestarts()
{
    QVERIFY(!m_consoleId.isEmpty());
    const QString id = topology::instanceNodeId(QStringLiteral("local"), m_consoleId);
    auto *scene = static_cast<ui::TopologyScene *>(m_window->topologyView()->scene());
    QVERIFY(QTest::qWaitFor([&] { return node(id) && scene->nodeItem(id); }, 15000));
    const QString name = node(id)->name;
    auto *client = m_window->fleet()->connection(QStringLiteral("local"))->client();
    const auto startedAt = [&] {
        const auto inspected = test::await(client->inspectContainer(m_consoleId));
        return inspected ? inspected->value(QLatin1String("State")).toObject().value(QLatin1String("StartedAt")).toString() : QString();
    };

    // The instance's menu: its logs, a console, a restart; Logs opens the live log.
    const auto logWindows = [&] {
        QList<ui::ContainerLogWindow *> out;
        for (auto *w : m_window->findChildren<ui::ContainerLogWindow *>())
            if (w->isVisible())
                out << w;
        return out;
    };
    QCOMPARE(logWindows().size(), 0);
    {
        QObject step;
        QStringList offered, texts;
        QPixmap shot;
        bool picked = false;
        whenShown(&step, openNodeMenu, [&](QWidget *w) {
            auto *menu = static_cast<QMenu *>(w);
            offered = actionNames(menu);
            for (const QAction *a : menu->actions())
                if (!a->isSeparator())
                    texts << a->text();
            shot = menu->grab();
            picked = clickMenuAction(menu, QStringLiteral("logsAction"));
        });
        QCOMPARE(rightClick(id), id);
        QCOMPARE(offered, (QStringList{QStringLiteral("logsAction"), QStringLiteral("consoleAction"), QStringLiteral("restartAction")}));
        QCOMPARE(texts, (QStringList{QStringLiteral("Logs"), QStringLiteral("Console (attach)"), QStringLiteral("Restart…"),
                                     QStringLiteral("Show only this and related"), QStringLiteral("Copy id")}));
        QVERIFY(picked);
        QDir().mkpath(QStringLiteral(MCP_SCREENSHOT_DIR));
        QVERIFY(!shot.isNull() && shot.save(QStringLiteral(MCP_SCREENSHOT_DIR "/node-menu-instance.png")));
    }
    QCOMPARE(logWindows().size(), 1);
    QPointer<ui::ContainerLogWindow> logs = logWindows().first();
    QVERIFY(QTest::qWaitFor([&] { return logs->text().contains(QLatin1String("ready-line")); }, 15000));
    QVERIFY2(logs->windowTitle().contains(name), qPrintable(logs->windowTitle()));
    logs->close();
    QVERIFY(QTest::qWaitFor([&] { return logs.isNull(); }, 5000)); // WA_DeleteOnClose

    // Restart… asks first; No leaves the container alone (the restart is not even sent:
    // the status bar, which announces it before the call, says nothing).
    const QString before = startedAt();
    QVERIFY(!before.isEmpty());
    const auto restartMessages = [](const QSignalSpy &spy) {
        QStringList out;
        for (const auto &args : spy)
            if (args.at(0).toString().contains(QLatin1String("Restart")))
                out << args.at(0).toString();
        return out;
    };
    // Restart… picked from the menu, the confirmation answered with `answer`: the question.
    const auto restartFromMenu = [&](QMessageBox::StandardButton answer) {
        QObject step;
        QString question;
        bool picked = false, answered = false;
        whenShown(&step, openNodeMenu, [&](QWidget *w) {
            whenShown(&step, openMessageBox, [&](QWidget *box) {
                auto *b = static_cast<QMessageBox *>(box);
                question = b->text();
                answered = b->button(answer) != nullptr;
                if (answered)
                    QTest::mouseClick(b->button(answer), Qt::LeftButton);
                else
                    b->reject();
            });
            picked = clickMenuAction(static_cast<QMenu *>(w), QStringLiteral("restartAction"));
        });
        const QString clicked = rightClick(id);
        return clicked == id && picked && answered ? question : QString();
    };
    {
        QSignalSpy status(m_window->statusBar(), &QStatusBar::messageChanged);
        const QString question = restartFromMenu(QMessageBox::No);
        QVERIFY2(question.contains(name) && question.contains(QLatin1String("local")), qPrintable(question));
        QCOMPARE(restartMessages(status), QStringList{});
    }

    // Yes: the engine reports a new start time and the container runs again.
    QSignalSpy status(m_window->statusBar(), &QStatusBar::messageChanged);
    QVERIFY(!restartFromMenu(QMessageBox::Yes).isEmpty());
    QVERIFY(QTest::qWaitFor([&] {
        const auto after = test::await(client->inspectContainer(m_consoleId));
        return after && after->value(QLatin1String("State")).toObject().value(QLatin1String("StartedAt")).toString() != before &&
               after->value(QLatin1String("State")).toObject().value(QLatin1String("Running")).toBool();
    }, 20000));
    QVERIFY(QTest::qWaitFor([&] { return restartMessages(status).size() == 2; }, 20000));
    QCOMPARE(restartMessages(status), (QStringList{QStringLiteral("Restarting %1…").arg(name), QStringLiteral("Restarted %1").arg(name)}));

    // A gateway's menu: the spec it runs (disabled: the demo's gateways run no pushed spec)
    // and its traffic charts; nothing of a container's.
    const QString gateway = topology::gatewayNodeId(QStringLiteral("edge"));
    QVERIFY(scene->nodeItem(gateway));
    {
        QObject step;
        QStringList offered;
        QPixmap shot;
        bool editEnabled = true, closed = false;
        whenShown(&step, openNodeMenu, [&](QWidget *w) {
            auto *menu = static_cast<QMenu *>(w);
            offered = actionNames(menu);
            if (auto *edit = menu->findChild<QAction *>(QStringLiteral("editSpecAction")))
                editEnabled = edit->isEnabled();
            shot = menu->grab();
            QTest::keyClick(menu, Qt::Key_Escape);
            closed = !menu->isVisible();
            if (!closed)
                menu->close();
        });
        QCOMPARE(rightClick(gateway), gateway);
        QCOMPARE(offered, (QStringList{QStringLiteral("editSpecAction"), QStringLiteral("trafficChartsAction")}));
        QVERIFY(!editEnabled);
        QVERIFY(closed);
        QVERIFY(!shot.isNull() && shot.save(QStringLiteral(MCP_SCREENSHOT_DIR "/node-menu-gateway.png")));
    }
}

// The doctor's findings are not label problems, but the operator meets them in the same
// places: the node's badge, the details panel with the fix, the tables' problems column
// and the problem: search of the graph and the tables.
void TestMainWindow::doctorFindingsShowWhereProblemsDo()
{
    const topology::Graph &graph = m_window->topologyModel()->graph();
    QString sickId; // the demo's orders instance whose HEALTHCHECK fails
    for (const auto &n : graph.nodes) {
        if (n.kind == topology::NodeKind::Instance && n.attributes.value(QLatin1String("healthcheck")).toString() == QLatin1String("unhealthy"))
            sickId = n.id;
    }
    QVERIFY(!sickId.isEmpty());
    const QString code = QStringLiteral("doctor.instance-unhealthy");
    const auto hasCode = [&](const QList<topology::Problem> &problems, const QString &c) {
        return std::any_of(problems.cbegin(), problems.cend(), [&](const topology::Problem &p) { return p.code == c; });
    };
    QVERIFY(!hasCode(graph.nodes.value(sickId).problems, code)); // the graph keeps label problems apart
    QVERIFY(hasCode(graph.findings.value(sickId), code));

    auto *scene = static_cast<ui::TopologyScene *>(m_window->topologyView()->scene());
    QVERIFY(hasCode(scene->nodeItem(sickId)->node().problems, code)); // its badge counts it

    m_window->topologyView()->selectNode(sickId);
    const QString details = m_window->detailsPanel()->toPlainText();
    QVERIFY2(details.contains(code), qPrintable(details));
    QVERIFY2(details.contains(QLatin1String("HEALTHCHECK fails")), qPrintable(details));
    QVERIFY2(details.contains(QLatin1String("docker inspect")), qPrintable(details)); // the fix

    auto *search = m_window->searchField();
    auto *instances = m_window->inventoryPanel()->instancesProxy();
    search->setText(QStringLiteral("problem:") + code);
    QVERIFY(instances->rowCount() >= 1);
    bool sickListed = false;
    for (int r = 0; r < instances->rowCount(); ++r) {
        sickListed = sickListed || instances->index(r, 0).data(NodeTableModel::NodeIdRole).toString() == sickId;
        QVERIFY(instances->index(r, NodeTableModel::InstProblems).data().toString().contains(code));
    }
    QVERIFY(sickListed);
    QVERIFY(scene->nodeItem(sickId)->isHighlighted());
    saveScreenshot(m_window.get(), QStringLiteral("main-window-doctor-finding"));

    // problem:doctor lists exactly the instances the doctor has something to say about.
    search->setText(QStringLiteral("problem:doctor"));
    QSet<QString> listed, expected;
    for (int r = 0; r < instances->rowCount(); ++r)
        listed.insert(instances->index(r, 0).data(NodeTableModel::NodeIdRole).toString());
    for (auto it = graph.findings.cbegin(); it != graph.findings.cend(); ++it)
        if (graph.nodes.value(it.key()).kind == topology::NodeKind::Instance && !it->isEmpty())
            expected.insert(it.key());
    QCOMPARE(listed, expected);
    search->clear();
}

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
