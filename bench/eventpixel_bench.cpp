// Event to pixel: how long after the engine's event reaches the console the topology view
// shows it, on a real engine with a large scene. The goal: under 100 ms from event
// arrival to the repainted scene at 2,000 instances.
//
// The driver creates N labelled containers (created, not started: 2,000 running ones would
// not fit this machine, and a created container is an instance in the graph like any other)
// and one running target, then wires what the console wires: a HostConnection, its
// ContainerInventory, a TopologyModel rebuilding on its worker thread, the scene and view
// (fit-all, 1280x800, offscreen) and the services/instances tables. It kills and starts the
// target in turn and stamps, on one clock: the action's reply, the event's arrival
// (HostConnection::eventReceived), and the end of the first paint of the view that shows the
// target in its new state.
//
//   mcp-bench-event-pixel [--host unix:///var/run/docker.sock] [--image IMAGE]
//                         [--instances 2000] [-n 20] [--keep]
#include "common/whenready.h"
#include "driver.h"
#include "docker/dockerclient.h"
#include "endpoint/endpoint.h"
#include "hosts/containerinventory.h"
#include "hosts/hostconnection.h"
#include "topology/graph.h"
#include "topology/inventorypanel.h"
#include "topology/nodeitem.h"
#include "topology/topologymodel.h"
#include "topology/topologyscene.h"
#include "topology/topologyview.h"
#include "transport/unixconnector.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonObject>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace mcp;

namespace {

using mcp::bench::spreadOf;
using mcp::bench::wait;

void spinUntil(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!done() && t.elapsed() < timeoutMs) {
        QEventLoop loop;
        QTimer::singleShot(1, &loop, &QEventLoop::quit);
        loop.exec();
    }
}

// Runs `make(i)` for i in [0, count) with at most `inFlight` requests outstanding.
template <typename Make>
int runMany(int count, int inFlight, Make make)
{
    int next = 0, running = 0, failed = 0;
    QEventLoop loop;
    QObject context;
    std::function<void()> launch = [&] {
        while (running < inFlight && next < count) {
            ++running;
            whenReady(make(next++), &context, [&](auto result) {
                failed += result ? 0 : 1;
                --running;
                if (next < count)
                    launch();
                else if (running == 0)
                    loop.quit();
            });
        }
    };
    launch();
    if (count > 0)
        loop.exec();
    return failed;
}

// Stamps the end of the first viewport paint that shows the target in the awaited state.
class PixelStamp final : public QObject
{
public:
    PixelStamp(QWidget *viewport, const ui::TopologyScene *scene, const QElapsedTimer &clock)
        : m_scene(scene), m_clock(clock)
    {
        viewport->installEventFilter(this);
    }
    void await(const QString &nodeId, const QString &state)
    {
        m_nodeId = nodeId;
        m_state = state;
        m_at = -1;
    }
    qint64 at() const { return m_at; }

protected:
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_state.isEmpty() && m_at < 0) {
            const ui::NodeItem *item = m_scene->nodeItem(m_nodeId);
            if (item && item->node().attributes.value(QLatin1String("state")).toString() == m_state) {
                m_state.clear();
                // Runs once this paint has returned: its end.
                QTimer::singleShot(0, this, [this] { m_at = m_clock.nsecsElapsed(); });
            }
        }
        return false;
    }

private:
    const ui::TopologyScene *m_scene;
    const QElapsedTimer &m_clock;
    QString m_nodeId, m_state;
    qint64 m_at = -1;
};

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    QCommandLineOption hostOpt(QStringLiteral("host"), QStringLiteral("engine (unix socket)"), QStringLiteral("url"),
                               QStringLiteral("unix:///var/run/docker.sock"));
    QCommandLineOption imageOpt(QStringLiteral("image"), QStringLiteral("image for the containers"), QStringLiteral("image"),
                                QStringLiteral("mcp-test/backend:1"));
    QCommandLineOption instancesOpt(QStringLiteral("instances"), QStringLiteral("labelled containers in the scene"),
                                    QStringLiteral("n"), QStringLiteral("2000"));
    QCommandLineOption countOpt(QStringLiteral("n"), QStringLiteral("actions (kill and start alternate)"), QStringLiteral("n"),
                                QStringLiteral("20"));
    QCommandLineOption keepOpt(QStringLiteral("keep"), QStringLiteral("keep the created containers for the next run"));
    parser.addOptions({hostOpt, imageOpt, instancesOpt, countOpt, keepOpt});
    parser.process(app);
    const QString host = parser.value(hostOpt);
    const auto endpoint = endpoint::Endpoint::parse(host);
    if (!endpoint || endpoint->socketPath.isEmpty()) {
        std::fprintf(stderr, "--host must be a unix:// socket\n");
        return 2;
    }
    const int instances = parser.value(instancesOpt).toInt();
    const int n = parser.value(countOpt).toInt();
    const QString image = parser.value(imageOpt);

    transport::UnixConnector connector(endpoint->socketPath);
    docker::DockerClient client(&connector);
    if (!wait(client.ping())) {
        std::fprintf(stderr, "engine at %s does not answer\n", qPrintable(host));
        return 2;
    }
    const auto labels = [](int k) {
        return QJsonObject{{QStringLiteral("mcp.bench"), QStringLiteral("event-pixel")},
                           {QStringLiteral("mcp.test"), QStringLiteral("1")},
                           {QStringLiteral("mcp.service.name"), QStringLiteral("svc%1").arg(k % 40, 2, 10, QLatin1Char('0'))},
                           {QStringLiteral("mcp.service.port"), QStringLiteral("8080")},
                           {QStringLiteral("mcp.service.version"), k % 5 == 0 ? QStringLiteral("v2") : QStringLiteral("v1")}};
    };
    // The scene's containers: the ones a previous --keep run left are reused.
    const auto existing = wait(client.listContainers(true, QJsonObject{{QStringLiteral("label"), QJsonArray{QStringLiteral("mcp.bench=event-pixel")}}}));
    QSet<QString> have;
    for (const auto &c : existing ? *existing : QJsonArray{})
        have.insert(c.toObject().value(QLatin1String("Names")).toArray().first().toString().mid(1));
    QElapsedTimer setup;
    setup.start();
    QList<int> missing;
    for (int k = 0; k < instances; ++k)
        if (!have.contains(QStringLiteral("mcp-bench-e2p-%1").arg(k)))
            missing << k;
    const int createFailures = runMany(int(missing.size()), 8, [&](int i) {
        const int k = missing[i];
        return client.createContainer(QStringLiteral("mcp-bench-e2p-%1").arg(k),
                                      QJsonObject{{QStringLiteral("Image"), image}, {QStringLiteral("Labels"), labels(k)}});
    });
    std::printf("%lld containers created in %.1f s (%d reused, %d failed)\n", qlonglong(missing.size()), setup.elapsed() / 1000.0,
                int(instances - missing.size()), createFailures);
    QJsonObject targetLabels = labels(0);
    targetLabels.insert(QStringLiteral("mcp.service.name"), QStringLiteral("target"));
    const QString targetName = QStringLiteral("mcp-bench-e2p-target-%1").arg(QCoreApplication::applicationPid());
    const auto created = wait(client.createContainer(targetName, QJsonObject{{QStringLiteral("Image"), image}, {QStringLiteral("Labels"), targetLabels}}));
    if (!created || !wait(client.startContainer(*created))) {
        std::fprintf(stderr, "could not run the target container\n");
        return 2;
    }
    const QString targetId = *created;

    // What the console wires (MainWindow): connection, inventory, model on its worker thread,
    // scene and view, tables.
    hosts::HostConnection connection(QStringLiteral("local"), *endpoint, std::make_unique<transport::UnixConnector>(endpoint->socketPath));
    hosts::ContainerInventory inventory(&connection);
    topology::TopologyModel model;
    model.setBackgroundRebuilds(true);
    model.addHost(&connection, &inventory);
    ui::TopologyScene scene;
    QObject::connect(&model, &topology::TopologyModel::changed, &scene,
                     [&](const topology::GraphDelta &delta) { scene.sync(model.graph(), delta); });
    ui::TopologyView view(&scene);
    view.resize(1280, 800);
    ui::InventoryPanel tables(&model);
    tables.resize(480, 800);
    QElapsedTimer clock;
    clock.start();
    const QString targetNode = topology::instanceNodeId(QStringLiteral("local"), targetId);
    qint64 eventAt = -1;
    QString awaitedAction;
    QObject::connect(&connection, &hosts::HostConnection::eventReceived, &view, [&](const QJsonObject &e) {
        if (eventAt < 0 && e.value(QLatin1String("Action")).toString() == awaitedAction &&
            e.value(QLatin1String("Actor")).toObject().value(QLatin1String("ID")).toString() == targetId)
            eventAt = clock.nsecsElapsed();
    });
    connection.start();
    const auto instanceCount = [&] {
        int count = 0;
        for (const topology::Node &node : model.graph().nodes)
            count += node.kind == topology::NodeKind::Instance ? 1 : 0;
        return count;
    };
    spinUntil([&] { return inventory.isSynced() && instanceCount() >= instances + 1; }, 120000);
    if (instanceCount() < instances + 1) {
        std::fprintf(stderr, "the model shows %d instances, expected %d\n", instanceCount(), instances + 1);
        return 2;
    }
    scene.sync(model.graph());
    view.show();
    tables.show();
    view.fitAll();
    spinUntil([] { return false; }, 1000); // the first paints, the prober-less model settled
    PixelStamp pixel(view.viewport(), &scene, clock);

    QList<double> eventAfterAction[2], pixelAfterEvent[2];
    int missed[2] = {0, 0};
    for (int i = 0; i < n; ++i) {
        const bool kill = i % 2 == 0;
        awaitedAction = kill ? QStringLiteral("die") : QStringLiteral("start");
        eventAt = -1;
        pixel.await(targetNode, kill ? QStringLiteral("exited") : QStringLiteral("running"));
        const qint64 t0 = clock.nsecsElapsed();
        if (!wait(kill ? client.killContainer(targetId) : client.startContainer(targetId))) {
            std::fprintf(stderr, "action %d failed\n", i);
            break;
        }
        spinUntil([&] { return eventAt >= 0 && pixel.at() >= 0; }, 5000);
        if (eventAt < 0 || pixel.at() < 0) {
            ++missed[kill ? 0 : 1];
        } else {
            eventAfterAction[kill ? 0 : 1] << (eventAt - t0) / 1e6;
            pixelAfterEvent[kill ? 0 : 1] << (pixel.at() - eventAt) / 1e6;
        }
        spinUntil([] { return false; }, 300); // the inventory's checks settle
    }

    std::printf("\nEvent to pixel, %d instances in the scene (fit-all 1280x800, tables shown), %d actions\n", instanceCount(), n);
    std::printf("%-6s %26s %28s %8s %s\n", "action", "event after action (med)", "pixel after event med/p95/max", "missed",
                "goal < 100 ms");
    for (int a = 0; a < 2; ++a) {
        const bench::Spread e = spreadOf(eventAfterAction[a]), p = spreadOf(pixelAfterEvent[a]);
        std::printf("%-6s %23.1f ms %12.1f / %.1f / %.1f ms %8d %s\n", a == 0 ? "kill" : "start", e.median, p.median, p.p95, p.max,
                    missed[a], p.max < 100 && missed[a] == 0 ? "met" : "not met");
    }

    connection.stop();
    (void)wait(client.removeContainer(targetId));
    if (!parser.isSet(keepOpt)) {
        const auto ours = wait(client.listContainers(true, QJsonObject{{QStringLiteral("label"), QJsonArray{QStringLiteral("mcp.bench=event-pixel")}}}));
        const QJsonArray list = ours ? *ours : QJsonArray{};
        runMany(int(list.size()), 8, [&](int i) { return client.removeContainer(list[i].toObject().value(QLatin1String("Id")).toString()); });
    }
    return 0;
}
