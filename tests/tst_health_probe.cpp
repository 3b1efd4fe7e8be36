// Active health probes against real containers: a gateway (nginx image) and service
// instances on a user network, each broken in one way the doctor must name: a health path
// that answers 404, a port label nothing listens on, a process bound to 127.0.0.1 only, a
// health path slower than the timeout, a container in a restart loop; plus a healthy one
// probed from the gateway and an isolated one probed from the console; over SSH, the
// isolated one is probed from the Docker host through a direct-tcpip channel. The probe's verdict
// drives the instance's health, and unchanged verdicts do not rebuild the topology. The
// probes' details read in zh_CN at display.
#include "support/sshhost.h"
#include "support/testbed.h"

#include "endpoint/endpoint.h"
#include "health/healthprober.h"
#include "hosts/containerinventory.h"
#include "hosts/connectorfactory.h"
#include "hosts/hostconnection.h"
#include "topology/doctor.h"
#include "topology/graphbuilder.h"
#include "topology/healthreasontext.h"
#include "topology/topologymodel.h"
#include "transport/unixconnector.h"

#include <QJsonArray>
#include <QProcess>
#include <QSignalSpy>
#include <QRegularExpression>
#include <QTranslator>
#include <QtTest>

using namespace mcp;
using namespace mcp::topology;
using mcp::test::Testbed;

namespace {

const QString kNet = QStringLiteral("mcp-tst-probe");
const QString kIsolated = QStringLiteral("mcp-tst-probe-iso");

QString dockerCli(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral("docker"), args);
    if (!p.waitForFinished(120000) || p.exitCode() != 0) {
        qWarning() << "docker" << args << p.readAllStandardError();
        return {};
    }
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

QString run(const QString &name, const QStringList &labels, const QStringList &extra = {}, const QStringList &command = {},
            const QString &network = kNet)
{
    QStringList args{QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), QStringLiteral("mcp-tst-probe-") + name,
                     QStringLiteral("--network"), network, QStringLiteral("--label"), QStringLiteral("mcp.test=1")};
    for (const auto &l : labels)
        args << QStringLiteral("--label") << l;
    args << extra;
    args << Testbed::instance().require(name == QLatin1String("gw") ? QStringLiteral("MCP_TB_IMAGE_NGINX")
                                                                     : QStringLiteral("MCP_TB_IMAGE_BACKEND"));
    args << command;
    return dockerCli(args);
}

void cleanup()
{
    const QString ids = dockerCli({QStringLiteral("ps"), QStringLiteral("-aq"), QStringLiteral("--filter"),
                                   QStringLiteral("name=mcp-tst-probe-")});
    if (!ids.isEmpty())
        dockerCli(QStringList{QStringLiteral("rm"), QStringLiteral("-f")} + ids.split(QLatin1Char('\n')));
    dockerCli({QStringLiteral("network"), QStringLiteral("rm"), kNet});
    dockerCli({QStringLiteral("network"), QStringLiteral("rm"), kIsolated});
}

QStringList service(const QString &name, const QString &port = QStringLiteral("8080"), const QString &path = {})
{
    QStringList labels{QStringLiteral("mcp.service.name=probe-") + name, QStringLiteral("mcp.service.port=") + port};
    if (!path.isEmpty())
        labels << QStringLiteral("mcp.health.path=") + path;
    return labels;
}

} // namespace

class TestHealthProbe : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void parsesWgetOutput();
    void probesFromTheGatewayAndFindsEachFault();
    void unchangedVerdictsDoNotRebuild();
    void remoteHostProbesOverSsh();

private:
    const Node *instance(const QString &name) const;
    QStringList findingsFor(const QString &name) const;
    void runRound();

    std::unique_ptr<hosts::HostConnection> m_host;
    std::unique_ptr<hosts::ContainerInventory> m_inventory;
    std::unique_ptr<health::HealthProber> m_prober;
    std::unique_ptr<TopologyModel> m_model;
};

void TestHealthProbe::initTestCase()
{
    cleanup();
    QVERIFY(!dockerCli({QStringLiteral("network"), QStringLiteral("create"), QStringLiteral("--label"), QStringLiteral("mcp.test=1"), kNet}).isEmpty());
    QVERIFY(!dockerCli({QStringLiteral("network"), QStringLiteral("create"), QStringLiteral("--label"), QStringLiteral("mcp.test=1"), kIsolated}).isEmpty());
    QVERIFY(!run(QStringLiteral("gw"), {QStringLiteral("mcp.gateway=probe-gw"), QStringLiteral("mcp.gateway.driver=nginx")}).isEmpty());
    QVERIFY(!run(QStringLiteral("ok"), service(QStringLiteral("ok"))).isEmpty());
    QVERIFY(!run(QStringLiteral("p404"), service(QStringLiteral("p404"), QStringLiteral("8080"), QStringLiteral("/nope"))).isEmpty());
    QVERIFY(!run(QStringLiteral("wrongport"), service(QStringLiteral("wrongport"), QStringLiteral("9999")),
                 {QStringLiteral("--expose"), QStringLiteral("9999")}).isEmpty());
    QVERIFY(!run(QStringLiteral("loopback"), service(QStringLiteral("loopback")), {},
                 {QStringLiteral("httpd"), QStringLiteral("-f"), QStringLiteral("-p"), QStringLiteral("127.0.0.1:8080"),
                  QStringLiteral("-h"), QStringLiteral("/www")}).isEmpty());
    QVERIFY(!run(QStringLiteral("slow"), service(QStringLiteral("slow"), QStringLiteral("8080"), QStringLiteral("/cgi-bin/app?delay_ms=4000"))).isEmpty());
    QVERIFY(!run(QStringLiteral("iso"), service(QStringLiteral("iso")), {}, {}, kIsolated).isEmpty());
    QVERIFY(!run(QStringLiteral("loop"), service(QStringLiteral("loop")), {QStringLiteral("--restart"), QStringLiteral("always")},
                 {QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("sleep 0.2; exit 1")}).isEmpty());

    auto ep = endpoint::Endpoint::parse(Testbed::instance().require(QStringLiteral("MCP_TB_UNIX_HOST")));
    QVERIFY(ep.ok());
    m_host = std::make_unique<hosts::HostConnection>(QStringLiteral("local"), *ep,
                                                     std::make_unique<transport::UnixConnector>(ep->socketPath));
    m_inventory = std::make_unique<hosts::ContainerInventory>(m_host.get());
    m_prober = std::make_unique<health::HealthProber>(m_host.get(), m_inventory.get());
    m_prober->setTimeout(1500);
    m_model = std::make_unique<TopologyModel>();
    m_model->addHost(m_host.get(), m_inventory.get());
    m_model->setProber(m_host.get(), m_prober.get());
    m_host->start();
    QVERIFY(QTest::qWaitFor([&] { return m_inventory->isSynced() && m_host->state() == hosts::HostState::Connected; }, 30000));
}

void TestHealthProbe::cleanupTestCase()
{
    m_model.reset();
    m_prober.reset();
    m_inventory.reset();
    m_host.reset();
    cleanup();
}

void TestHealthProbe::runRound()
{
    QSignalSpy finished(m_prober.get(), &health::HealthProber::roundFinished);
    m_prober->probeNow();
    QVERIFY(finished.count() > 0 || finished.wait(30000));
    m_model->rebuildNow();
}

const Node *TestHealthProbe::instance(const QString &name) const
{
    for (const Node &n : m_model->graph().nodes) {
        if (n.kind == NodeKind::Instance && n.name == QLatin1String("mcp-tst-probe-") + name)
            return &n;
    }
    return nullptr;
}

QStringList TestHealthProbe::findingsFor(const QString &name) const
{
    const Node *n = instance(name);
    QStringList codes;
    if (!n)
        return codes;
    for (const Problem &p : allFindings(m_model->graph())) {
        if (p.subject == n->id)
            codes << p.code;
    }
    return codes;
}

void TestHealthProbe::parsesWgetOutput()
{
    auto r = health::parseWget(0, "  HTTP/1.1 200 OK\n  Content-Type: text/plain\n");
    QCOMPARE(r.outcome, health::ProbeResult::Outcome::Ok);
    QCOMPARE(r.status, 200);
    r = health::parseWget(1, "  HTTP/1.1 404 Not Found\nwget: server returned error: HTTP/1.1 404 Not Found\n");
    QCOMPARE(r.outcome, health::ProbeResult::Outcome::HttpError);
    QCOMPARE(r.status, 404);
    r = health::parseWget(1, "wget: can't connect to remote host (172.18.0.3): Connection refused\n");
    QCOMPARE(r.outcome, health::ProbeResult::Outcome::Refused);
    r = health::parseWget(1, "wget: download timed out\n");
    QCOMPARE(r.outcome, health::ProbeResult::Outcome::Timeout);
    r = health::parseWget(0, "  HTTP/1.1 302 Found\n  Location: /x\n  HTTP/1.1 200 OK\n");
    QCOMPARE(r.status, 200); // the last status after redirects

    // /proc/net/tcp: 127.0.0.1:8080 listening, 0.0.0.0:9090 listening, an established one.
    const QByteArray proc =
        "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n"
        "   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1\n"
        "   1: 00000000:2382 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 2\n"
        "   2: 0200A8C0:1F90 0300A8C0:D431 01 00000000:00000000 00:00000000 00000000     0        0 3\n";
    health::ProbeResult l;
    health::classifyListening(proc, 8080, l);
    QCOMPARE(l.listening, QStringLiteral("loopback"));
    health::classifyListening(proc, 9090, l);
    QCOMPARE(l.listening, QStringLiteral("all"));
    health::classifyListening(proc, 7000, l);
    QCOMPARE(l.listening, QStringLiteral("other-ports"));
    QCOMPARE(l.listeningPorts, (QList<int>{8080, 9090}));
}

void TestHealthProbe::probesFromTheGatewayAndFindsEachFault()
{
    runRound();
    const Node *ok = instance(QStringLiteral("ok"));
    QVERIFY(ok);
    const QJsonObject probe = ok->attributes.value(QLatin1String("probe")).toObject();
    QCOMPARE(probe.value(QLatin1String("outcome")).toString(), QStringLiteral("ok"));
    QCOMPARE(probe.value(QLatin1String("status")).toInt(), 200);
    QCOMPARE(probe.value(QLatin1String("vantage")).toString(), QStringLiteral("gateway mcp-tst-probe-gw"));
    QVERIFY(probe.value(QLatin1String("latencyMs")).toDouble() >= 0); // timed inside the gateway, 10 ms steps with busybox
    QVERIFY(probe.value(QLatin1String("latencyMs")).toDouble() < 1500);
    QVERIFY(probe.value(QLatin1String("checkedAt")).toDouble() > 0);
    QCOMPARE(ok->health, Health::Healthy);
    QVERIFY(findingsFor(QStringLiteral("ok")).isEmpty() ||
            !findingsFor(QStringLiteral("ok")).join(QLatin1Char(',')).contains(QLatin1String("health")));

    QVERIFY2(findingsFor(QStringLiteral("p404")).contains(QStringLiteral("doctor.health-path-404")),
             qPrintable(findingsFor(QStringLiteral("p404")).join(QLatin1Char(','))));
    QCOMPARE(instance(QStringLiteral("p404"))->health, Health::Down);
    QVERIFY(instance(QStringLiteral("p404"))->healthReason.contains(QLatin1String("404")));

    // A refused connection is explained from the instance's own socket table.
    QVERIFY2(findingsFor(QStringLiteral("wrongport")).contains(QStringLiteral("doctor.port-mismatch")),
             qPrintable(findingsFor(QStringLiteral("wrongport")).join(QLatin1Char(','))));
    const QJsonObject wrong = instance(QStringLiteral("wrongport"))->attributes.value(QLatin1String("probe")).toObject();
    QVERIFY(wrong.value(QLatin1String("listeningPorts")).toArray().contains(8080));
    QVERIFY2(findingsFor(QStringLiteral("loopback")).contains(QStringLiteral("doctor.listens-on-loopback")),
             qPrintable(findingsFor(QStringLiteral("loopback")).join(QLatin1Char(','))));
    QVERIFY2(findingsFor(QStringLiteral("slow")).contains(QStringLiteral("doctor.health-timeout")),
             qPrintable(findingsFor(QStringLiteral("slow")).join(QLatin1Char(','))));

    // The details as people read them in zh_CN (probeDetailText, at display); the graph keeps English.
    {
        QTranslator zh;
        QVERIFY(zh.load(QLocale(QStringLiteral("zh_CN")), QStringLiteral("mcp_console"), QStringLiteral("_"), QStringLiteral(":/i18n")));
        QCoreApplication::installTranslator(&zh);
        static const QRegularExpression han(QStringLiteral("[\\x{4e00}-\\x{9fff}]"));
        for (const QString &name : {QStringLiteral("wrongport"), QStringLiteral("loopback"), QStringLiteral("slow")}) {
            const Node *n = instance(name);
            const QString detail = n->attributes.value(QLatin1String("probe")).toObject().value(QLatin1String("detail")).toString();
            QVERIFY2(!detail.isEmpty() && !han.match(detail).hasMatch(), qPrintable(detail));
            const QString local = topology::probeDetailText(detail);
            QVERIFY2(han.match(local).hasMatch(), qPrintable(name + QStringLiteral(": ") + detail + QStringLiteral(" -> ") + local));
            QVERIFY2(han.match(topology::healthReasonText(n->healthReason)).hasMatch(), qPrintable(n->healthReason));
        }
        QCoreApplication::removeTranslator(&zh);
    }

    // No gateway shares a network with it: probed from the console over the local host.
    const QJsonObject iso = instance(QStringLiteral("iso"))->attributes.value(QLatin1String("probe")).toObject();
    QCOMPARE(iso.value(QLatin1String("vantage")).toString(), QStringLiteral("console"));
    QVERIFY2(iso.value(QLatin1String("outcome")).toString() == QLatin1String("ok"), qPrintable(iso.value(QLatin1String("detail")).toString()));

    // The restart loop shows as soon as the engine reports the container restarting.
    QVERIFY(QTest::qWaitFor([&] {
        m_model->rebuildNow();
        return findingsFor(QStringLiteral("loop")).contains(QStringLiteral("doctor.restart-loop"));
    }, 30000));

    // History accumulates per container.
    runRound();
    QVERIFY(instance(QStringLiteral("ok"))->attributes.value(QLatin1String("probeHistory")).toArray().size() >= 2);
}

void TestHealthProbe::unchangedVerdictsDoNotRebuild()
{
    QSignalSpy changed(m_prober.get(), &health::HealthProber::changed);
    runRound(); // settle: the restart loop may flip between rounds
    changed.clear();
    // The loop container flaps by nature; stop it so every verdict is stable.
    dockerCli({QStringLiteral("rm"), QStringLiteral("-f"), QStringLiteral("mcp-tst-probe-loop")});
    QTest::qWait(500);
    runRound();
    changed.clear();
    const int rebuilds = m_model->rebuildCount();
    QSignalSpy finished(m_prober.get(), &health::HealthProber::roundFinished);
    m_prober->probeNow();
    QVERIFY(finished.wait(30000));
    QTest::qWait(50); // a queued rebuild would run now
    QCOMPARE(changed.count(), 0);
    QCOMPARE(m_model->rebuildCount(), rebuilds);
}

// The same engine reached over SSH: no gateway shares the isolated instance's network, the
// console cannot route to container addresses on a remote host, so the probe goes through
// an SSH direct-tcpip channel from the Docker host itself (its answer, its latency); a
// health path that answers 404 is named the same way from there.
void TestHealthProbe::remoteHostProbesOverSsh()
{
    auto ep = test::testbedSshEndpoint();
    QVERIFY(ep.ok());
    const hosts::ConnectOptions options = test::testbedSshOptions();
    hosts::HostConnection remote(QStringLiteral("remote"), *ep, hosts::makeConnector(*ep, options));
    hosts::ContainerInventory inventory(&remote);
    health::HealthProber prober(&remote, &inventory);
    prober.setTimeout(3000);
    // A 404 health path on the isolated network too.
    QVERIFY(!run(QStringLiteral("iso404"), service(QStringLiteral("iso404"), QStringLiteral("8080"), QStringLiteral("/nope")), {}, {}, kIsolated).isEmpty());
    remote.start();
    QVERIFY(QTest::qWaitFor([&] { return inventory.isSynced() && remote.state() == hosts::HostState::Connected; }, 30000));
    const auto idOf = [&](const QString &name) {
        for (auto it = inventory.containers().cbegin(); it != inventory.containers().cend(); ++it)
            if (it.value().value(QLatin1String("Names")).toArray().first().toString() == QLatin1String("/mcp-tst-probe-") + name)
                return it.key();
        return QString();
    };
    QVERIFY(QTest::qWaitFor([&] { return !idOf(QStringLiteral("iso404")).isEmpty(); }, 20000));
    QSignalSpy finished(&prober, &health::HealthProber::roundFinished);
    prober.probeNow();
    QVERIFY(finished.wait(30000));
    const auto resultOf = [&](const QString &name) {
        const auto list = prober.results().value(idOf(name));
        return list.isEmpty() ? health::ProbeResult{} : list.last();
    };
    const health::ProbeResult iso = resultOf(QStringLiteral("iso"));
    QCOMPARE(iso.vantage, QStringLiteral("the Docker host (SSH direct-tcpip)"));
    QVERIFY2(iso.outcome == health::ProbeResult::Outcome::Ok, qPrintable(iso.detail));
    QCOMPARE(iso.status, 200);
    QVERIFY(iso.latencyMs > 0);
    const health::ProbeResult p404 = resultOf(QStringLiteral("iso404"));
    QCOMPARE(p404.vantage, QStringLiteral("the Docker host (SSH direct-tcpip)"));
    QVERIFY2(p404.outcome == health::ProbeResult::Outcome::HttpError, qPrintable(p404.detail));
    QCOMPARE(p404.status, 404);
    remote.stop();
}

QTEST_GUILESS_MAIN(TestHealthProbe)
#include "tst_health_probe.moc"
