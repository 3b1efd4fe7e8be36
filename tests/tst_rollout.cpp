// Gray releases on real gateways with real traffic: `mcpctl weights` moves the split on a
// HAProxy (runtime API) and an nginx (graceful reload) gateway and the backends' own logs
// show the new split within +-3%; a bad input changes nothing; the rollout guard sends a
// canary that fails 30% of its requests back to 0 (audit record with the figures) and
// leaves a healthy canary alone. Traffic from Debian's hey; backends are the test image's
// busybox CGI (FAIL_PERCENT, DELAY_MS).
#include "support/testbed.h"

#include "docker/dockerclient.h"
#include "endpoint/endpoint.h"
#include "gateway/auditlog.h"
#include "gateway/deployedspec.h"
#include "gateway/discovery.h"
#include "gateway/pusher.h"
#include "gateway/render.h"
#include "gateway/runtimeweights.h"
#include "gateway/specreader.h"
#include "gateway/weightedit.h"
#include "hosts/containerinventory.h"
#include "hosts/hostconnection.h"
#include "telemetry/gatewaytraffic.h"
#include "telemetry/rolloutguard.h"
#include "topology/topologymodel.h"
#include "transport/unixconnector.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace mcp;
using mcp::test::Testbed;

namespace {

const QString kNet = QStringLiteral("mcp-tst-rollout");

QString dockerCli(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral("docker"), QStringList{QStringLiteral("-H"), Testbed::instance().require(QStringLiteral("MCP_TB_UNIX_HOST"))} + args);
    if (!p.waitForFinished(120000) || p.exitCode() != 0) {
        qWarning() << "docker" << args << p.readAllStandardError();
        return {};
    }
    return QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError()).trimmed();
}

void cleanup()
{
    const QString ids = dockerCli({QStringLiteral("ps"), QStringLiteral("-aq"), QStringLiteral("--filter"), QStringLiteral("name=mcp-tst-rollout-")});
    if (!ids.isEmpty())
        dockerCli(QStringList{QStringLiteral("rm"), QStringLiteral("-f")} + ids.split(QLatin1Char('\n')));
    dockerCli({QStringLiteral("network"), QStringLiteral("rm"), kNet});
}

// Route app: stable v1 and a canary; the guard trips above 5% errors once the canary has
// 40 requests in the window.
QString spec(const QString &gateway, const QString &driver, const QString &canary, int canaryWeight)
{
    return QStringLiteral("apiVersion: mcp/v1\nkind: GatewayConfig\nmetadata: {name: %1}\nspec:\n  driver: %2\n"
                          "  listeners:\n    - {name: http, port: 8080}\n  routes:\n    - name: app\n"
                          "      match: {pathPrefix: /cgi-bin}\n      backends:\n"
                          "        - {service: rollout-app, version: v1, weight: %3}  # stable\n"
                          "        - {service: rollout-app, version: %4, weight: %5}\n"
                          "      rollout:\n        stable: v1\n        canary: %4\n        maxErrorRate: 5%\n"
                          "        window: 30s\n        minRequests: 40\n")
        .arg(gateway, driver)
        .arg(100 - canaryWeight)
        .arg(canary)
        .arg(canaryWeight);
}

QMap<int, int> runHey(const QString &url, int requests, int concurrency)
{
    QProcess hey;
    hey.start(QStringLiteral("hey"), {QStringLiteral("-n"), QString::number(requests), QStringLiteral("-c"), QString::number(concurrency),
                                      QStringLiteral("-disable-keepalive"), url});
    QMap<int, int> out;
    if (!hey.waitForFinished(180000))
        return out;
    static const QRegularExpression status(QStringLiteral("\\[(\\d+)\\]\\s+(\\d+) responses"));
    const QString report = QString::fromUtf8(hey.readAllStandardOutput());
    for (auto it = status.globalMatch(report); it.hasNext();) {
        const auto m = it.next();
        out[m.captured(1).toInt()] += m.captured(2).toInt();
    }
    return out;
}

// Requests a backend container says it answered since `since` (RFC 3339).
int served(const QString &container, const QString &since)
{
    const QString logs = dockerCli({QStringLiteral("logs"), QStringLiteral("--since"), since, container});
    return int(logs.count(QLatin1String("mcp-served ")));
}

} // namespace

class TestRollout : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void weightsMoveTheSplit_data();
    void weightsMoveTheSplit();
    void badWeightsChangeNothing();
    void badCanaryRolledBackGoodOneKept();

private:
    bool push(const QString &gateway, const QString &driver, const QString &canary, int canaryWeight);
    QJsonObject mcpctlWeights(const QStringList &args, int *exitCode);
    QString gatewayUrl(const QString &gateway);
    QMap<QString, int> deployedWeights(const QString &gateway);

    QString m_host;
    QTemporaryDir m_home;
    std::unique_ptr<transport::UnixConnector> m_connector;
    std::unique_ptr<docker::DockerClient> m_client;
    gateway::EndpointMap m_endpoints;
};

void TestRollout::initTestCase()
{
    qputenv("MCP_AUDIT_LOG", m_home.filePath(QStringLiteral("audit.jsonl")).toUtf8());
    m_host = Testbed::instance().require(QStringLiteral("MCP_TB_UNIX_HOST"));
    const auto ep = endpoint::Endpoint::parse(m_host);
    QVERIFY(ep.ok());
    m_connector = std::make_unique<transport::UnixConnector>(ep->socketPath);
    m_client = std::make_unique<docker::DockerClient>(m_connector.get());
    cleanup();
    QVERIFY(!dockerCli({QStringLiteral("network"), QStringLiteral("create"), QStringLiteral("--label"), QStringLiteral("mcp.test=1"), kNet}).isEmpty());
    for (const QString &v : {QStringLiteral("v1"), QStringLiteral("v2"), QStringLiteral("v3")}) {
        const QString name = QStringLiteral("mcp-tst-rollout-") + v;
        QStringList args{QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), name, QStringLiteral("--network"), kNet,
                         QStringLiteral("--label"), QStringLiteral("mcp.test=1"), QStringLiteral("--label"),
                         QStringLiteral("mcp.service.name=rollout-app"), QStringLiteral("--label"), QStringLiteral("mcp.service.port=8080"),
                         QStringLiteral("--label"), QStringLiteral("mcp.health.path=/cgi-bin/health"),
                         QStringLiteral("--label"), QStringLiteral("mcp.service.version=") + v, QStringLiteral("-e"), QStringLiteral("VERSION=") + v};
        if (v == QLatin1String("v2")) // the bad canary
            args << QStringLiteral("-e") << QStringLiteral("FAIL_PERCENT=30");
        QVERIFY(!dockerCli(args << Testbed::instance().require(QStringLiteral("MCP_TB_IMAGE_BACKEND"))).isEmpty());
        const QString ip = dockerCli({QStringLiteral("inspect"), QStringLiteral("-f"),
                                      QStringLiteral("{{(index .NetworkSettings.Networks \"%1\").IPAddress}}").arg(kNet), name});
        m_endpoints[QStringLiteral("rollout-app/") + v] << gateway::InstanceEndpoint{name, ip, 8080, v};
        m_endpoints[QStringLiteral("rollout-app")] << gateway::InstanceEndpoint{name, ip, 8080, v};
    }
    for (const QString &gw : {QStringLiteral("rollout-ng"), QStringLiteral("rollout-hap")}) {
        const QString driver = gw.endsWith(QLatin1String("hap")) ? QStringLiteral("haproxy") : QStringLiteral("nginx");
        QVERIFY(!dockerCli({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), QStringLiteral("mcp-tst-rollout-gw-") + gw,
                            QStringLiteral("--network"), kNet, QStringLiteral("--label"), QStringLiteral("mcp.test=1"), QStringLiteral("--label"),
                            QStringLiteral("mcp.gateway=") + gw, QStringLiteral("--label"), QStringLiteral("mcp.gateway.driver=") + driver,
                            Testbed::instance().require(driver == QLatin1String("nginx") ? QStringLiteral("MCP_TB_IMAGE_NGINX")
                                                                                         : QStringLiteral("MCP_TB_IMAGE_HAPROXY"))})
                     .isEmpty());
    }
    QVERIFY(push(QStringLiteral("rollout-ng"), QStringLiteral("nginx"), QStringLiteral("v2"), 20));
    QVERIFY(push(QStringLiteral("rollout-hap"), QStringLiteral("haproxy"), QStringLiteral("v3"), 20));
}

void TestRollout::cleanupTestCase()
{
    m_client.reset();
    cleanup();
}

bool TestRollout::push(const QString &gatewayName, const QString &driver, const QString &canary, int canaryWeight)
{
    const QString text = spec(gatewayName, driver, canary, canaryWeight);
    const gateway::SpecReading r = gateway::readSpecText(text.toUtf8(), QStringLiteral("rollout.yaml"));
    if (!r.findings.isEmpty()) {
        for (const auto &f : r.findings)
            qWarning() << f.toString();
        return false;
    }
    gateway::GatewayPush p(m_client.get(), gatewayName, gateway::renderConfig(r.spec, text.toUtf8(), m_endpoints));
    QSignalSpy done(&p, &gateway::GatewayPush::finished);
    p.start();
    if (!done.wait(60000) || !p.outcome().ok) {
        qWarning() << p.outcome().error.toString();
        return false;
    }
    return true;
}

QJsonObject TestRollout::mcpctlWeights(const QStringList &args, int *exitCode)
{
    QProcess mcpctl;
    mcpctl.start(QStringLiteral(MCPCTL_PATH), QStringList{QStringLiteral("--host"), m_host, QStringLiteral("--format"), QStringLiteral("json"),
                                                          QStringLiteral("--no-probe"), QStringLiteral("weights")} + args);
    if (!mcpctl.waitForFinished(120000))
        return {};
    *exitCode = mcpctl.exitCode();
    const QByteArray out = mcpctl.readAllStandardOutput();
    const QJsonObject json = QJsonDocument::fromJson(out).object();
    if (json.isEmpty())
        qWarning() << out << mcpctl.readAllStandardError();
    return json;
}

QString TestRollout::gatewayUrl(const QString &gatewayName)
{
    const QString ip = dockerCli({QStringLiteral("inspect"), QStringLiteral("-f"),
                                  QStringLiteral("{{(index .NetworkSettings.Networks \"%1\").IPAddress}}").arg(kNet),
                                  QStringLiteral("mcp-tst-rollout-gw-") + gatewayName});
    return QStringLiteral("http://%1:8080/cgi-bin/app").arg(ip);
}

QMap<QString, int> TestRollout::deployedWeights(const QString &gatewayName)
{
    QMap<QString, int> out;
    QObject context;
    bool done = false;
    gateway::fetchDeployedSpec(m_client.get(), gatewayName, &context, [&](Result<gateway::DeployedSpec> d) {
        done = true;
        if (!d)
            return;
        for (const gateway::Route &r : gateway::readSpecText(d->text, QStringLiteral("deployed")).spec.routes)
            if (r.name.value == QLatin1String("app"))
                for (const auto &[version, weight] : gateway::routeWeights(r))
                    out.insert(version, weight);
    });
    QTest::qWaitFor([&] { return done; }, 30000);
    return out;
}

void TestRollout::weightsMoveTheSplit_data()
{
    QTest::addColumn<QString>("gateway");
    QTest::addColumn<QString>("canary");
    QTest::addColumn<QString>("method");
    QTest::newRow("haproxy") << "rollout-hap" << "v3" << "runtime";
    QTest::newRow("nginx") << "rollout-ng" << "v2" << "reload";
}

// The split a gateway serves follows each change within +-3 percentage points.
void TestRollout::weightsMoveTheSplit()
{
    QFETCH(QString, gateway);
    QFETCH(QString, canary);
    QFETCH(QString, method);
    const QString url = gatewayUrl(gateway);
    const int auditBefore = int(gateway::readAudit(1000).size());
    for (const int canaryWeight : {50, 10, 20}) {
        int exitCode = -1;
        const QJsonObject result = mcpctlWeights({QStringLiteral("--gateway"), gateway, QStringLiteral("--route"), QStringLiteral("app"),
                                                  QStringLiteral("v1=%1").arg(100 - canaryWeight), QStringLiteral("%1=%2").arg(canary).arg(canaryWeight)},
                                                 &exitCode);
        QCOMPARE(exitCode, 0);
        QVERIFY2(result.value(QLatin1String("ok")).toBool(), qPrintable(QJsonDocument(result).toJson()));
        QCOMPARE(result.value(QLatin1String("method")).toString(), method);
        QCOMPARE(result.value(QLatin1String("to")).toObject().value(canary).toInt(), canaryWeight);
        QCOMPARE(deployedWeights(gateway).value(canary), canaryWeight);

        const QString since = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
        QTest::qWait(1100); // docker logs --since has second resolution
        const int n = 1000;
        const QMap<int, int> answers = runHey(url, n, 8);
        QCOMPARE(answers.value(200) + answers.value(500), n);
        const int stable = served(QStringLiteral("mcp-tst-rollout-v1"), since);
        const int canaryServed = served(QStringLiteral("mcp-tst-rollout-") + canary, since);
        QCOMPARE(stable + canaryServed, n);
        const double share = 100.0 * canaryServed / n;
        qInfo("%s %s=%d: the canary served %.1f%%", qPrintable(gateway), qPrintable(canary), canaryWeight, share);
        QVERIFY2(std::abs(share - canaryWeight) <= 3.0, qPrintable(QString::number(share)));
    }
    // Every change is in the audit log with its route, weights and method.
    const QJsonArray audit = gateway::readAudit(1000);
    QCOMPARE(int(audit.size()), auditBefore + 3);
    const QJsonObject last = audit.last().toObject();
    QCOMPARE(last.value(QLatin1String("kind")).toString(), QStringLiteral("weights"));
    QCOMPARE(last.value(QLatin1String("route")).toString(), QStringLiteral("app"));
    QCOMPARE(last.value(QLatin1String("method")).toString(), method);
    QCOMPARE(last.value(QLatin1String("weightsFrom")).toObject().value(canary).toInt(), 10);
    QCOMPARE(last.value(QLatin1String("weightsTo")).toObject().value(canary).toInt(), 20);
}

// A sum other than 100, an unknown version or route: exit 1, a clear message, the gateway
// still on what it ran.
void TestRollout::badWeightsChangeNothing()
{
    const QMap<QString, int> before = deployedWeights(QStringLiteral("rollout-hap"));
    QVERIFY(!before.isEmpty());
    const QList<std::pair<QStringList, QString>> cases{
        {{QStringLiteral("v1=60"), QStringLiteral("v3=30")}, QStringLiteral("sum to 90")},
        {{QStringLiteral("v1=90"), QStringLiteral("v9=10")}, QStringLiteral("no backend `v9`")},
        {{QStringLiteral("v1=ninety")}, QStringLiteral("not VERSION=WEIGHT")},
    };
    for (const auto &[pairs, message] : cases) {
        int exitCode = -1;
        const QJsonObject r = mcpctlWeights(QStringList{QStringLiteral("--gateway"), QStringLiteral("rollout-hap"), QStringLiteral("--route"),
                                                        QStringLiteral("app")} + pairs,
                                            &exitCode);
        QVERIFY(exitCode != 0);
        const QString text = QString::fromUtf8(QJsonDocument(r).toJson(QJsonDocument::Compact));
        QVERIFY2(text.contains(message), qPrintable(text));
    }
    int exitCode = -1;
    const QJsonObject r = mcpctlWeights({QStringLiteral("--gateway"), QStringLiteral("rollout-hap"), QStringLiteral("--route"), QStringLiteral("nope"),
                                         QStringLiteral("v1=100")},
                                        &exitCode);
    QCOMPARE(exitCode, 1);
    QVERIFY(QJsonDocument(r).toJson().contains("no route `nope`"));
    QCOMPARE(deployedWeights(QStringLiteral("rollout-hap")), before);

    // A runtime change made from another version than the one running (someone pushed in
    // between) is refused like a push would be.
    const QString text = spec(QStringLiteral("rollout-hap"), QStringLiteral("haproxy"), QStringLiteral("v3"), 35);
    const gateway::SpecReading reading = gateway::readSpecText(text.toUtf8(), QStringLiteral("stale.yaml"));
    gateway::RuntimeWeightChange change(m_client.get(), QStringLiteral("rollout-hap"), reading.spec,
                                        gateway::renderConfig(reading.spec, text.toUtf8(), m_endpoints), m_endpoints);
    change.setExpectedVersion(QStringLiteral("0123456789abcdef"));
    QSignalSpy done(&change, &gateway::RuntimeWeightChange::finished);
    change.start();
    QVERIFY(done.wait(30000));
    QVERIFY(!change.outcome().ok);
    QCOMPARE(change.outcome().error.code, QStringLiteral("push.conflict"));
    QCOMPARE(deployedWeights(QStringLiteral("rollout-hap")), before);
}

void TestRollout::badCanaryRolledBackGoodOneKept()
{
    QVERIFY(push(QStringLiteral("rollout-ng"), QStringLiteral("nginx"), QStringLiteral("v2"), 20));
    QVERIFY(push(QStringLiteral("rollout-hap"), QStringLiteral("haproxy"), QStringLiteral("v3"), 20));

    // What the console runs per host: the live topology, the gateways' logs, the guard.
    const auto ep = endpoint::Endpoint::parse(m_host);
    hosts::HostConnection host(QStringLiteral("local"), *ep, std::make_unique<transport::UnixConnector>(ep->socketPath));
    hosts::ContainerInventory inventory(&host);
    topology::TopologyModel model;
    model.addHost(&host, &inventory);
    host.start();
    QVERIFY(QTest::qWaitFor([&] { return inventory.isSynced(); }, 30000));
    model.rebuildNow();
    const auto graph = [&] {
        model.rebuildNow();
        return model.hostGraph(QStringLiteral("local"));
    };
    telemetry::TelemetryStore store;
    telemetry::RolloutGuard guard(m_client.get(), &store, m_host, graph);
    guard.setInterval(500);
    std::vector<std::unique_ptr<telemetry::GatewayTraffic>> traffic;
    const qint64 startNs = QDateTime::currentMSecsSinceEpoch() * 1000000LL;
    for (const QString &gw : {QStringLiteral("rollout-ng"), QStringLiteral("rollout-hap")}) {
        const gateway::GatewaySpec deployed = gateway::readSpecText(
            spec(gw, gw.endsWith(QLatin1String("hap")) ? QStringLiteral("haproxy") : QStringLiteral("nginx"),
                       gw.endsWith(QLatin1String("hap")) ? QStringLiteral("v3") : QStringLiteral("v2"), 20).toUtf8(), QStringLiteral("s")).spec;
        traffic.push_back(std::make_unique<telemetry::GatewayTraffic>(m_client.get(), gw, &store));
        traffic.back()->setDeployment(deployed, gateway::endpointsFromGraph(model.graph(), gw));
        traffic.back()->start(startNs, true);
        guard.setSpec(gw, deployed);
    }
    QSignalSpy rolledBack(&guard, &telemetry::RolloutGuard::rolledBack);
    guard.start();

    // 600 requests to each: about 120 reach each canary, well over minRequests (40).
    QCOMPARE(runHey(gatewayUrl(QStringLiteral("rollout-hap")), 600, 6).value(200), 600);
    const QMap<int, int> bad = runHey(gatewayUrl(QStringLiteral("rollout-ng")), 600, 6);
    QCOMPARE(bad.value(200) + bad.value(500), 600);
    QVERIFY(rolledBack.wait(30000) || !rolledBack.isEmpty());
    QCOMPARE(rolledBack.first().at(0).toString(), QStringLiteral("rollout-ng"));
    QCOMPARE(rolledBack.first().at(1).toString(), QStringLiteral("app"));
    QVERIFY2(rolledBack.first().at(2).toString().contains(QLatin1String("error rate")), qPrintable(rolledBack.first().at(2).toString()));

    // The bad canary is at 0 on the gateway, the stable version took its share.
    QCOMPARE(deployedWeights(QStringLiteral("rollout-ng")), (QMap<QString, int>{{QStringLiteral("v1"), 100}, {QStringLiteral("v2"), 0}}));
    const QJsonObject record = gateway::readAudit(1).first().toObject();
    QCOMPARE(record.value(QLatin1String("kind")).toString(), QStringLiteral("auto-rollback"));
    QCOMPARE(record.value(QLatin1String("gateway")).toString(), QStringLiteral("rollout-ng"));
    QVERIFY(record.value(QLatin1String("ok")).toBool());
    const QJsonObject figures = record.value(QLatin1String("canaryFigures")).toObject();
    QVERIFY(figures.value(QLatin1String("requests")).toInteger() >= 40);
    QVERIFY2(figures.value(QLatin1String("errorRate")).toDouble() > 0.05, qPrintable(QJsonDocument(record).toJson()));
    QVERIFY(record.value(QLatin1String("stableFigures")).toObject().value(QLatin1String("errorRate")).toDouble() < 0.05);

    // Traffic after the rollback reaches only the stable version.
    const QString since = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    QTest::qWait(1100);
    QCOMPARE(runHey(gatewayUrl(QStringLiteral("rollout-ng")), 200, 4).value(200), 200);
    QCOMPARE(served(QStringLiteral("mcp-tst-rollout-v2"), since), 0);

    // The good canary was judged on enough requests and kept its weight.
    bool judgedGood = false;
    for (const auto &r : guard.routes())
        if (r.gateway == QLatin1String("rollout-hap")) {
            judgedGood = r.verdict.enoughData && !r.verdict.breached;
            QCOMPARE(r.canaryWeight, 20);
        }
    QVERIFY(judgedGood);
    QCOMPARE(rolledBack.size(), 1);
    QCOMPARE(deployedWeights(QStringLiteral("rollout-hap")), (QMap<QString, int>{{QStringLiteral("v1"), 80}, {QStringLiteral("v3"), 20}}));
    for (auto &t : traffic)
        t->stop();
    host.stop();
}

QTEST_GUILESS_MAIN(TestRollout)
#include "tst_rollout.moc"
