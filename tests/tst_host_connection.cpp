// A host kept connected across a real dockerd crash: the test bed's second engine is killed
// mid-stream and restarted; containers changed while our connection was down must be
// reflected exactly once it is back.
#include "docker/dockerclient.h"
#include "docker/eventstream.h"
#include "endpoint/endpoint.h"
#include "hosts/containerinventory.h"
#include "hosts/hostconnection.h"
#include "support/await.h"
#include "support/testbed.h"
#include "transport/tcpconnector.h"
#include "transport/unixconnector.h"

#include <QJsonArray>
#include <QProcess>
#include <QSignalSpy>
#include <QtTest>

#include <algorithm>

using namespace mcp;
using mcp::hosts::HostState;
using mcp::test::await;
using mcp::test::Testbed;

namespace {

QString engine2Socket()
{
    const auto ep = endpoint::Endpoint::parse(Testbed::instance().require(QStringLiteral("MCP_TB_ENGINE2_HOST")));
    return ep.ok() ? ep->socketPath : QString();
}

bool engine2(const QString &action)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::ForwardedChannels);
    p.start(Testbed::instance().require(QStringLiteral("MCP_TB_ENGINE2_CTL")), {action});
    return p.waitForFinished(120000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

// Synchronous docker CLI against engine2, for changes made behind our connection's back.
QString dockerCli(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral("docker"), QStringList{QStringLiteral("-H"),
                                                  Testbed::instance().require(QStringLiteral("MCP_TB_ENGINE2_HOST"))} +
                                          args);
    if (!p.waitForFinished(60000) || p.exitCode() != 0) {
        qWarning() << "docker" << args << "failed:" << p.readAllStandardError();
        return {};
    }
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

QString runOnEngine2(const QString &name)
{
    dockerCli({QStringLiteral("rm"), QStringLiteral("-f"), name});
    return dockerCli({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), name, QStringLiteral("--label"),
                      QStringLiteral("mcp.test=1"), QStringLiteral("--network"), QStringLiteral("none"),
                      Testbed::instance().require(QStringLiteral("MCP_TB_IMAGE_BACKEND"))});
}

QSet<QString> liveIds(docker::DockerClient &client)
{
    QSet<QString> ids;
    const auto list = await(client.listContainers(true));
    if (list.ok()) {
        for (const auto &c : *list)
            ids.insert(c.toObject().value(QLatin1String("Id")).toString());
    }
    return ids;
}

QSet<QString> inventoryIds(const hosts::ContainerInventory &inventory)
{
    const auto keys = inventory.containers().keys();
    return QSet<QString>(keys.begin(), keys.end());
}

} // namespace

class TestHostConnection : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void unreachableHostIsAStateNotAHang();
    void startedDuringResyncIsNotMissed();
    void survivesEngineKillAndReconcilesExactly();
    void killIsReflectedWithoutFurtherEvents();
    void eventsOutOfTimeOrderAreDelivered();
    void cleanupTestCase();
};

void TestHostConnection::initTestCase()
{
    QVERIFY(engine2(QStringLiteral("start")));
}

void TestHostConnection::cleanupTestCase()
{
    engine2(QStringLiteral("start"));
    for (const char *name : {"mcp-tst-hc-a", "mcp-tst-hc-b", "mcp-tst-hc-c", "mcp-tst-hc-d", "mcp-tst-hc-e", "mcp-tst-hc-k"})
        dockerCli({QStringLiteral("rm"), QStringLiteral("-f"), QString::fromLatin1(name)});
    const QString paused = dockerCli({QStringLiteral("ps"), QStringLiteral("-aq"), QStringLiteral("--filter"), QStringLiteral("name=mcp-tst-hc-p")});
    if (!paused.isEmpty())
        dockerCli(QStringList{QStringLiteral("rm"), QStringLiteral("-f")} + paused.split(QLatin1Char('\n')));
}

void TestHostConnection::unreachableHostIsAStateNotAHang()
{
    const int port = Testbed::instance().require(QStringLiteral("MCP_TB_CLOSED_PORT")).toInt();
    auto ep = endpoint::Endpoint::parse(QStringLiteral("tcp://127.0.0.1:%1").arg(port));
    QVERIFY(ep.ok());
    hosts::HostConnection host(QStringLiteral("closed"), *ep,
                               std::make_unique<transport::TcpConnector>(ep->host, quint16(port), endpoint::TlsConfig{}));
    host.setBackoff(hosts::Backoff(100, 400, 1));
    QSignalSpy states(&host, &hosts::HostConnection::stateChanged);
    host.start();
    QVERIFY(QTest::qWaitFor([&] { return host.state() == HostState::Unreachable; }, 10000));
    QCOMPARE(host.lastError().code, QStringLiteral("transport.refused"));
    QCOMPARE(states.first().at(0).value<HostState>(), HostState::Connecting);
    // It keeps trying with backoff, staying unreachable.
    QVERIFY(QTest::qWaitFor([&] { return host.reconnects() >= 3; }, 10000));
    QCOMPARE(host.state(), HostState::Unreachable);
    host.stop();
    QCOMPARE(host.state(), HostState::Idle);
}

void TestHostConnection::startedDuringResyncIsNotMissed()
{
    auto ep = endpoint::Endpoint::parse(Testbed::instance().require(QStringLiteral("MCP_TB_ENGINE2_HOST")));
    QVERIFY(ep.ok());
    hosts::HostConnection host(QStringLiteral("engine2"), *ep, std::make_unique<transport::UnixConnector>(engine2Socket()));
    hosts::ContainerInventory inventory(&host);
    QString startedBeforeList;
    // Runs after the event subscription is live and before the list is taken: one container
    // is started synchronously here, another while the list call is in flight.
    connect(&host, &hosts::HostConnection::resyncRequired, this, [&] {
        if (startedBeforeList.isEmpty())
            startedBeforeList = runOnEngine2(QStringLiteral("mcp-tst-hc-d"));
    }, Qt::DirectConnection);
    QString startedDuringList;
    connect(&host, &hosts::HostConnection::resyncRequired, this, [&] {
        QTimer::singleShot(0, this, [&] {
            if (startedDuringList.isEmpty())
                startedDuringList = runOnEngine2(QStringLiteral("mcp-tst-hc-e"));
        });
    });
    host.start();
    QVERIFY(QTest::qWaitFor([&] { return inventory.isSynced() && !startedDuringList.isEmpty(); }, 30000));
    QVERIFY(!startedBeforeList.isEmpty());
    QVERIFY(QTest::qWaitFor(
        [&] {
            const auto ids = inventoryIds(inventory);
            return ids.contains(startedBeforeList) && ids.contains(startedDuringList);
        },
        15000));
    QVERIFY(inventory.containers().value(startedDuringList).value(QLatin1String("State")).toString() ==
            QLatin1String("running"));
}

// The engine updates the view /containers/json reads only after it has emitted "die", so a
// list taken on the event can still say "running"; nothing else happens afterwards to
// correct it. The inventory must show the stop anyway, every time, with no further event.
void TestHostConnection::killIsReflectedWithoutFurtherEvents()
{
    // The main engine and its default bridge: network teardown between "die" and the
    // engine's view update is what widens the window.
    auto ep = endpoint::Endpoint::parse(Testbed::instance().require(QStringLiteral("MCP_TB_UNIX_HOST")));
    QVERIFY(ep.ok());
    hosts::HostConnection host(QStringLiteral("local"), *ep, std::make_unique<transport::UnixConnector>(ep->socketPath));
    hosts::ContainerInventory inventory(&host);
    docker::DockerClient &client = *host.client();
    host.start();
    QVERIFY(QTest::qWaitFor([&] { return inventory.isSynced(); }, 30000));
    const QString name = QStringLiteral("mcp-tst-hc-k-%1").arg(QCoreApplication::applicationPid());
    const auto created = await(client.createContainer(
        name, QJsonObject{{QStringLiteral("Image"), Testbed::instance().require(QStringLiteral("MCP_TB_IMAGE_BACKEND"))},
                          {QStringLiteral("Labels"), QJsonObject{{QStringLiteral("mcp.test"), QStringLiteral("1")}}}}));
    QVERIFY2(created.ok(), qPrintable(created.errorText()));
    const QString id = *created;
    const auto stateOf = [&] { return inventory.containers().value(id).value(QLatin1String("State")).toString(); };
    for (int round = 0; round < 5; ++round) {
        QVERIFY(await(client.startContainer(id)).ok());
        QVERIFY(QTest::qWaitFor([&] { return stateOf() == QLatin1String("running"); }, 15000));
        QVERIFY(await(client.killContainer(id)).ok());
        QVERIFY2(QTest::qWaitFor([&] { return stateOf() == QLatin1String("exited"); }, 10000),
                 qPrintable(QStringLiteral("round %1: still %2").arg(round).arg(stateOf())));
        // And the entry settles on the engine's own text, not the event's placeholder.
        QVERIFY(QTest::qWaitFor([&] {
            return !inventory.containers().value(id).value(QLatin1String("Status")).toString().contains(QLatin1String("from event"));
        }, 10000));
    }
    qInfo("list contradicted the event and was taken again %d time(s)", inventory.staleListRechecks());
    QVERIFY(await(client.removeContainer(id, true)).ok());
}

// The engine stamps an event before it queues it, so the events of operations that run in
// parallel (the docker CLI pauses a list of containers in parallel) can arrive a little out
// of time order. Each of them is still new: the connection delivers exactly the events a
// plain subscription to the engine's stream receives, each once. Bursts are repeated until
// that stream has shown events out of order (usually the first one does).
void TestHostConnection::eventsOutOfTimeOrderAreDelivered()
{
    constexpr int kContainers = 12, kCyclesPerBurst = 5, kMaxBursts = 10;
    QStringList names;
    for (int i = 1; i <= kContainers; ++i)
        names << QStringLiteral("mcp-tst-hc-p%1").arg(i);
    const QString engine = Testbed::instance().require(QStringLiteral("MCP_TB_ENGINE2_HOST"));
    const auto sh = [&](const QString &script) {
        QProcess p;
        p.start(QStringLiteral("sh"), {QStringLiteral("-c"), script});
        return p.waitForFinished(120000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    };
    QVERIFY(sh(QStringLiteral("docker -H %1 rm -f %2 >/dev/null 2>&1; printf '%s\\n' %2 | xargs -P 4 -I NAME docker -H %1 run -d "
                              "--name NAME --label mcp.test=1 --network none %3 >/dev/null")
                   .arg(engine, names.join(QLatin1Char(' ')), Testbed::instance().require(QStringLiteral("MCP_TB_IMAGE_BACKEND")))));

    const auto ours = [](const QJsonObject &e) {
        return e.value(QLatin1String("Actor")).toObject().value(QLatin1String("Attributes")).toObject().value(QLatin1String("name"))
            .toString().startsWith(QLatin1String("mcp-tst-hc-p"));
    };
    const auto key = [](const QJsonObject &e) {
        return QStringLiteral("%1/%2/%3")
            .arg(e.value(QLatin1String("timeNano")).toInteger())
            .arg(e.value(QLatin1String("Action")).toString(), e.value(QLatin1String("Actor")).toObject().value(QLatin1String("ID")).toString());
    };
    // The engine's stream as it comes, and how many of its events were older than one before.
    transport::UnixConnector rawConnector(engine2Socket());
    docker::DockerClient raw(&rawConnector);
    auto rawEvents = raw.events(0, QJsonObject{{QStringLiteral("type"), QJsonArray{QStringLiteral("container")}}});
    QStringList seen;
    qint64 newest = 0;
    int outOfOrder = 0;
    connect(rawEvents.get(), &docker::EventStream::event, this, [&](const QJsonObject &e) {
        if (!ours(e))
            return;
        seen << key(e);
        const qint64 t = e.value(QLatin1String("timeNano")).toInteger();
        outOfOrder += t < newest;
        newest = std::max(newest, t);
    });
    QSignalSpy rawStarted(rawEvents.get(), &docker::EventStream::started);
    rawEvents->start();
    QVERIFY(rawStarted.wait(15000));

    auto ep = endpoint::Endpoint::parse(engine);
    QVERIFY(ep.ok());
    hosts::HostConnection host(QStringLiteral("engine2"), *ep, std::make_unique<transport::UnixConnector>(engine2Socket()));
    QStringList delivered;
    connect(&host, &hosts::HostConnection::eventReceived, this, [&](const QJsonObject &e) {
        if (ours(e))
            delivered << key(e);
    });
    host.start();
    QVERIFY(QTest::qWaitFor([&] { return host.state() == HostState::Connected; }, 30000)); // its stream is open
    seen.clear(); // from here on both streams were open
    delivered.clear();

    int expected = 0;
    for (int burst = 0; burst < kMaxBursts && outOfOrder == 0; ++burst) {
        QVERIFY(sh(QStringLiteral("for i in $(seq 1 %1); do docker -H %2 pause %3 >/dev/null && docker -H %2 unpause %3 >/dev/null || exit 1; done")
                       .arg(kCyclesPerBurst)
                       .arg(engine, names.join(QLatin1Char(' ')))));
        expected += kCyclesPerBurst * kContainers * 2;
        QVERIFY2(QTest::qWaitFor([&] { return seen.size() >= expected; }, 30000), qPrintable(QString::number(seen.size())));
        QVERIFY2(QTest::qWaitFor([&] { return delivered.size() >= expected; }, 10000),
                 qPrintable(QStringLiteral("%1 of %2 delivered, %3 out of time order").arg(delivered.size()).arg(expected).arg(outOfOrder)));
    }
    qInfo("%d events, %d of them out of time order", int(seen.size()), outOfOrder);
    if (outOfOrder == 0)
        QSKIP("the engine sent every event in time order: nothing out of order to deliver");
    QCOMPARE(seen.size(), expected);
    // The same events, each once (not always in the same order: the engine hands an event
    // to each subscriber on its own).
    seen.sort();
    delivered.sort();
    QCOMPARE(delivered, seen);
    host.stop();
    QVERIFY(sh(QStringLiteral("docker -H %1 rm -f %2 >/dev/null").arg(engine, names.join(QLatin1Char(' ')))));
}

void TestHostConnection::survivesEngineKillAndReconcilesExactly()
{
    const QString a = runOnEngine2(QStringLiteral("mcp-tst-hc-a"));
    const QString b = runOnEngine2(QStringLiteral("mcp-tst-hc-b"));
    QVERIFY(!a.isEmpty() && !b.isEmpty());

    auto ep = endpoint::Endpoint::parse(Testbed::instance().require(QStringLiteral("MCP_TB_ENGINE2_HOST")));
    QVERIFY(ep.ok());
    hosts::HostConnection host(QStringLiteral("engine2"), *ep, std::make_unique<transport::UnixConnector>(engine2Socket()));
    // Slow retries, so that the test can change things between the engine's return and ours.
    host.setBackoff(hosts::Backoff(4000, 8000, 7));
    hosts::ContainerInventory inventory(&host);
    QList<HostState> seenStates;
    connect(&host, &hosts::HostConnection::stateChanged, this,
            [&](HostState s, const Error &) { seenStates << s; });
    host.start();
    QVERIFY(QTest::qWaitFor([&] { return inventory.isSynced(); }, 30000));
    QCOMPARE(host.state(), HostState::Connected);
    QVERIFY(inventoryIds(inventory).contains(a));
    QVERIFY(inventoryIds(inventory).contains(b));

    // A live event reaches the inventory.
    QVERIFY(!dockerCli({QStringLiteral("stop"), QStringLiteral("-t"), QStringLiteral("1"), b}).isEmpty());
    QVERIFY(QTest::qWaitFor(
        [&] { return inventory.containers().value(b).value(QLatin1String("State")).toString() == QLatin1String("exited"); },
        15000));

    // Crash the engine mid-stream.
    QVERIFY(engine2(QStringLiteral("kill")));
    QVERIFY(QTest::qWaitFor([&] { return host.state() == HostState::Unreachable; }, 20000));
    QVERIFY(host.lastError().isConnectivity());
    const int resyncsBefore = inventory.resyncCount();

    // Back up; while our connection still waits out its backoff, containers come and go.
    QVERIFY(engine2(QStringLiteral("start")));
    const QString c = runOnEngine2(QStringLiteral("mcp-tst-hc-c"));
    QVERIFY(!c.isEmpty());
    QVERIFY(!dockerCli({QStringLiteral("rm"), QStringLiteral("-f"), a}).isEmpty());
    QVERIFY(!dockerCli({QStringLiteral("start"), b}).isEmpty());

    QVERIFY(QTest::qWaitFor([&] { return host.state() == HostState::Connected && inventory.resyncCount() > resyncsBefore; },
                            60000));
    // Exactly what the engine has now.
    transport::UnixConnector connector(engine2Socket());
    docker::DockerClient direct(&connector);
    QVERIFY(QTest::qWaitFor([&] { return inventoryIds(inventory) == liveIds(direct); }, 15000));
    QVERIFY(!inventoryIds(inventory).contains(a));
    QVERIFY(inventoryIds(inventory).contains(c));
    QCOMPARE(inventory.containers().value(b).value(QLatin1String("State")).toString(), QStringLiteral("running"));

    QVERIFY(seenStates.contains(HostState::Unreachable));
    QCOMPARE(seenStates.last(), HostState::Connected);
}

QTEST_GUILESS_MAIN(TestHostConnection)
#include "tst_host_connection.moc"
