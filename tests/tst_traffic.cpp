// Live traffic through real gateways, counted from their access logs and compared with the
// ground truth: the backends' own record of every answer (the test image's CGI writes one
// "mcp-served version=.. status=.." line per request) and the load generator's totals.
// Backend v2 fails a fifth of its requests and adds 40 ms; traffic comes from Debian's hey.
// `mcpctl stats` must match the backends exactly in counts and errors, split as weighted
// (+-3%), and order the versions' latencies right; a log stream that lives through a
// dockerd restart (the test bed's second engine, live-restore) counts every request once.
#include "support/testbed.h"

#include "docker/dockerclient.h"
#include "endpoint/endpoint.h"
#include "gateway/pusher.h"
#include "gateway/render.h"
#include "gateway/specreader.h"
#include "telemetry/gatewaytraffic.h"
#include "transport/unixconnector.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QtTest>

using namespace mcp;
using mcp::test::Testbed;

namespace {

const QString kNet = QStringLiteral("mcp-tst-traffic");

QString dockerCli(const QString &host, const QStringList &args, int timeoutMs = 120000)
{
    QProcess p;
    p.start(QStringLiteral("docker"), QStringList{QStringLiteral("-H"), host} + args);
    if (!p.waitForFinished(timeoutMs) || p.exitCode() != 0) {
        qWarning() << "docker" << args << p.readAllStandardError();
        return {};
    }
    return QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError()).trimmed();
}

void cleanup(const QString &host)
{
    const QString ids = dockerCli(host, {QStringLiteral("ps"), QStringLiteral("-aq"), QStringLiteral("--filter"), QStringLiteral("name=mcp-tst-traffic-")});
    if (!ids.isEmpty())
        dockerCli(host, QStringList{QStringLiteral("rm"), QStringLiteral("-f")} + ids.split(QLatin1Char('\n')));
    dockerCli(host, {QStringLiteral("network"), QStringLiteral("rm"), kNet});
}

QString spec(const QString &gateway, const QString &driver, int v2)
{
    return QStringLiteral("apiVersion: mcp/v1\nkind: GatewayConfig\nmetadata: {name: %1}\nspec:\n  driver: %2\n"
                          "  listeners:\n    - {name: http, port: 8080}\n  routes:\n    - name: app\n"
                          "      match: {pathPrefix: /cgi-bin}\n      backends:\n"
                          "        - {service: traffic-app, version: v1, weight: %3}\n"
                          "        - {service: traffic-app, version: v2, weight: %4}\n")
        .arg(gateway, driver)
        .arg(100 - v2)
        .arg(v2);
}

// hey's answers by status, and its error count.
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
    if (report.contains(QLatin1String("Error distribution")))
        out[-1] = 1;
    return out;
}

struct Truth
{
    int requests = 0;
    int errors = 0;
};

// What a backend container says it answered since `since` (RFC 3339).
Truth backendTruth(const QString &host, const QString &container, const QString &since)
{
    Truth t;
    const QString logs = dockerCli(host, {QStringLiteral("logs"), QStringLiteral("--since"), since, container});
    for (const QString &line : logs.split(QLatin1Char('\n'))) {
        if (!line.startsWith(QLatin1String("mcp-served ")))
            continue;
        ++t.requests;
        if (line.contains(QLatin1String("status=5")))
            ++t.errors;
    }
    return t;
}

} // namespace

class TestTraffic : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void statsMatchTheBackends_data();
    void statsMatchTheBackends();
    void countedOnceAcrossADockerdRestart();

private:
    bool setUp(const QString &host, const QStringList &gateways);
    bool push(docker::DockerClient *client, const QString &gateway, const QString &driver, int v2);

    QString m_main;
    QString m_net = kNet;
    std::unique_ptr<transport::UnixConnector> m_connector;
    std::unique_ptr<docker::DockerClient> m_client;
    gateway::EndpointMap m_endpoints;
};

bool TestTraffic::setUp(const QString &host, const QStringList &gateways)
{
    cleanup(host);
    m_endpoints.clear();
    // The second engine's containers stay on its own default bridge: a network created there
    // could take a subnet the main engine also uses, and the host would route to the wrong one.
    m_net = host == m_main ? kNet : QStringLiteral("bridge");
    if (m_net == kNet &&
        dockerCli(host, {QStringLiteral("network"), QStringLiteral("create"), QStringLiteral("--label"), QStringLiteral("mcp.test=1"), kNet}).isEmpty())
        return false;
    for (const QString &v : {QStringLiteral("v1"), QStringLiteral("v2")}) {
        const QString name = QStringLiteral("mcp-tst-traffic-") + v;
        QStringList args{QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), name, QStringLiteral("--network"), m_net,
                         QStringLiteral("--label"), QStringLiteral("mcp.test=1"), QStringLiteral("--label"),
                         QStringLiteral("mcp.service.name=traffic-app"), QStringLiteral("--label"), QStringLiteral("mcp.service.port=8080"),
                         QStringLiteral("--label"), QStringLiteral("mcp.service.version=") + v, QStringLiteral("-e"), QStringLiteral("VERSION=") + v};
        if (v == QLatin1String("v2"))
            args << QStringLiteral("-e") << QStringLiteral("FAIL_PERCENT=20") << QStringLiteral("-e") << QStringLiteral("DELAY_MS=40");
        if (dockerCli(host, args << Testbed::instance().require(QStringLiteral("MCP_TB_IMAGE_BACKEND"))).isEmpty())
            return false;
        const QString ip = dockerCli(host, {QStringLiteral("inspect"), QStringLiteral("-f"),
                                         QStringLiteral("{{(index .NetworkSettings.Networks \"%1\").IPAddress}}").arg(m_net), name});
        m_endpoints[QStringLiteral("traffic-app/") + v] << gateway::InstanceEndpoint{name, ip, 8080, v};
        m_endpoints[QStringLiteral("traffic-app")] << gateway::InstanceEndpoint{name, ip, 8080, v};
    }
    for (const QString &gw : gateways) {
        const QString driver = gw.endsWith(QLatin1String("hap")) ? QStringLiteral("haproxy") : QStringLiteral("nginx");
        if (dockerCli(host, {QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), QStringLiteral("mcp-tst-traffic-gw-") + gw,
                          QStringLiteral("--network"), m_net, QStringLiteral("--label"), QStringLiteral("mcp.test=1"), QStringLiteral("--label"),
                          QStringLiteral("mcp.gateway=") + gw, QStringLiteral("--label"), QStringLiteral("mcp.gateway.driver=") + driver,
                          Testbed::instance().require(driver == QLatin1String("nginx") ? QStringLiteral("MCP_TB_IMAGE_NGINX")
                                                                                       : QStringLiteral("MCP_TB_IMAGE_HAPROXY"))})
                .isEmpty())
            return false;
    }
    return true;
}

bool TestTraffic::push(docker::DockerClient *client, const QString &gatewayName, const QString &driver, int v2)
{
    const QString text = spec(gatewayName, driver, v2);
    const gateway::SpecReading r = gateway::readSpecText(text.toUtf8(), QStringLiteral("traffic.yaml"));
    if (!r.findings.isEmpty())
        return false;
    gateway::GatewayPush p(client, gatewayName, gateway::renderConfig(r.spec, text.toUtf8(), m_endpoints));
    QSignalSpy done(&p, &gateway::GatewayPush::finished);
    p.start();
    if (!done.wait(60000) || !p.outcome().ok) {
        qWarning() << p.outcome().error.toString();
        return false;
    }
    return true;
}

void TestTraffic::initTestCase()
{
    m_main = Testbed::instance().require(QStringLiteral("MCP_TB_UNIX_HOST"));
    const auto ep = endpoint::Endpoint::parse(m_main);
    QVERIFY(ep.ok());
    m_connector = std::make_unique<transport::UnixConnector>(ep->socketPath);
    m_client = std::make_unique<docker::DockerClient>(m_connector.get());
    QVERIFY(setUp(m_main, {QStringLiteral("traffic-ng"), QStringLiteral("traffic-hap")}));
    QVERIFY(push(m_client.get(), QStringLiteral("traffic-ng"), QStringLiteral("nginx"), 30));
    QVERIFY(push(m_client.get(), QStringLiteral("traffic-hap"), QStringLiteral("haproxy"), 30));
}

void TestTraffic::cleanupTestCase()
{
    m_client.reset();
    cleanup(m_main);
    const QString engine2 = Testbed::instance().value(QStringLiteral("MCP_TB_ENGINE2_HOST"));
    if (!engine2.isEmpty())
        cleanup(engine2);
}

void TestTraffic::statsMatchTheBackends_data()
{
    QTest::addColumn<QString>("gateway");
    QTest::newRow("nginx") << "traffic-ng";
    QTest::newRow("haproxy") << "traffic-hap";
}

void TestTraffic::statsMatchTheBackends()
{
    QFETCH(QString, gateway);
    const QString since = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    QTest::qWait(1100); // the logs' --since has second resolution on the CLI side
    const QString ip = dockerCli(m_main, {QStringLiteral("inspect"), QStringLiteral("-f"),
                                       QStringLiteral("{{(index .NetworkSettings.Networks \"%1\").IPAddress}}").arg(kNet),
                                       QStringLiteral("mcp-tst-traffic-gw-") + gateway});
    const int n = 1500;
    const QMap<int, int> hey = runHey(QStringLiteral("http://%1:8080/cgi-bin/app").arg(ip), n, 6);
    QVERIFY2(!hey.contains(-1), "the load generator saw transport errors");
    QCOMPARE(hey.value(200) + hey.value(500), n);

    // A gateway writes its access-log line after the response has gone out, so the last few lines
    // can trail the load generator's exit: ask again until all n requests are in (or 30 tries).
    QJsonObject stats;
    for (int attempt = 0; attempt < 30; ++attempt) {
        QProcess mcpctl;
        mcpctl.start(QStringLiteral(MCPCTL_PATH), {QStringLiteral("--host"), m_main, QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--no-probe"),
                                                   QStringLiteral("stats"), QStringLiteral("--gateway"), gateway, QStringLiteral("--window"), QStringLiteral("2m")});
        QVERIFY(mcpctl.waitForFinished(60000));
        QCOMPARE(mcpctl.exitCode(), 0);
        stats = QJsonDocument::fromJson(mcpctl.readAllStandardOutput()).object();
        qint64 counted = 0;
        for (const auto &r : stats.value(QLatin1String("routes")).toArray())
            for (const auto &v : r.toObject().value(QLatin1String("versions")).toArray())
                counted += v.toObject().value(QLatin1String("requests")).toInteger();
        if (counted + stats.value(QLatin1String("droppedLogLines")).toInteger() >= n)
            break;
        QTest::qWait(300);
    }
    QCOMPARE(stats.value(QLatin1String("gateway")).toString(), gateway);
    QCOMPARE(stats.value(QLatin1String("window")).toString(), QStringLiteral("2m"));
    const QJsonArray routes = stats.value(QLatin1String("routes")).toArray();
    QStringList names;
    for (const auto &r : routes)
        names << r.toObject().value(QLatin1String("name")).toString() + QLatin1Char(':') +
                     QString::fromUtf8(QJsonDocument(r.toObject().value(QLatin1String("versions")).toArray()).toJson(QJsonDocument::Compact)).left(300);
    QVERIFY2(routes.size() == 1, qPrintable(names.join(QLatin1String(" | "))));
    QCOMPARE(routes[0].toObject().value(QLatin1String("name")).toString(), QStringLiteral("app"));
    QHash<QString, QJsonObject> byVersion;
    for (const auto &v : routes[0].toObject().value(QLatin1String("versions")).toArray())
        byVersion.insert(v.toObject().value(QLatin1String("version")).toString(), v.toObject());
    QCOMPARE(byVersion.size(), 2);

    // The tolerance: none on nginx (it blocks on its log); on HAProxy exactly the log lines it
    // says it dropped (show info DroppedLogs: it writes its log without blocking).
    const qint64 dropped = stats.value(QLatin1String("droppedLogLines")).toInteger();
    if (gateway == QLatin1String("traffic-hap"))
        QVERIFY(stats.contains(QLatin1String("droppedLogLines")));
    else
        QVERIFY(!stats.contains(QLatin1String("droppedLogLines")));
    int total = 0;
    qint64 missing = 0, missingErrors = 0;
    for (const QString &v : {QStringLiteral("v1"), QStringLiteral("v2")}) {
        const QJsonObject f = byVersion.value(v);
        const Truth truth = backendTruth(m_main, QStringLiteral("mcp-tst-traffic-") + v, since);
        const qint64 requests = f.value(QLatin1String("requests")).toInteger();
        const qint64 errors = f.value(QLatin1String("upstreamErrors")).toInteger();
        qInfo("%s %s: console %lld requests, %.4f errors, p50 %.1f ms, p99 %.1f ms; backend %d requests, %d errors; gateway dropped %lld lines",
              qPrintable(gateway), qPrintable(v), requests, f.value(QLatin1String("errorRate")).toDouble(), f.value(QLatin1String("p50Ms")).toDouble(),
              f.value(QLatin1String("p99Ms")).toDouble(), truth.requests, truth.errors, dropped);
        // Counts and errors: what the backend served (no retries in this spec), less at most
        // the lines the gateway dropped; never more.
        QVERIFY(requests <= truth.requests);
        QVERIFY(errors <= truth.errors);
        missing += truth.requests - requests;
        missingErrors += truth.errors - errors;
        QVERIFY(std::abs(f.value(QLatin1String("errorRate")).toDouble() - double(truth.errors) / truth.requests) <=
                0.0001 + double(dropped) / truth.requests);
        QCOMPARE(f.value(QLatin1String("gatewayErrors")).toInteger(), qint64(0));
        QCOMPARE(f.value(QLatin1String("weight")).toInt(), v == QLatin1String("v1") ? 70 : 30);
        QVERIFY(f.value(QLatin1String("p50Ms")).toDouble() <= f.value(QLatin1String("p95Ms")).toDouble());
        QVERIFY(f.value(QLatin1String("p95Ms")).toDouble() <= f.value(QLatin1String("p99Ms")).toDouble());
        if (gateway == QLatin1String("traffic-hap")) {
            // Source 2: HAProxy's own server table, one row per instance of the version, up.
            const QJsonArray servers = f.value(QLatin1String("servers")).toArray();
            QCOMPARE(servers.size(), 1);
            QVERIFY2(servers[0].toObject().value(QLatin1String("status")).toString().startsWith(QLatin1String("UP")),
                     qPrintable(QJsonDocument(servers[0].toObject()).toJson(QJsonDocument::Compact)));
            QVERIFY(servers[0].toObject().value(QLatin1String("sessions")).toInteger() >= truth.requests);
        }
        total += truth.requests;
    }
    QCOMPARE(total, n);
    QVERIFY2(missing <= dropped, qPrintable(QStringLiteral("%1 requests missing, the gateway dropped %2 lines").arg(missing).arg(dropped)));
    QCOMPARE(qint64(hey.value(500)) - missingErrors, byVersion.value(QStringLiteral("v2")).value(QLatin1String("upstreamErrors")).toInteger());
    // The split follows the weights within +-3%.
    const double v2Share = double(byVersion.value(QStringLiteral("v2")).value(QLatin1String("requests")).toInteger()) / n;
    QVERIFY2(std::abs(v2Share - 0.30) <= 0.03, qPrintable(QString::number(v2Share)));
    // v2's answers take 40 ms more: its median is above 40 ms and above v1's.
    QVERIFY(byVersion.value(QStringLiteral("v2")).value(QLatin1String("p50Ms")).toDouble() >= 40.0 * 0.97);
    QVERIFY(byVersion.value(QStringLiteral("v1")).value(QLatin1String("p50Ms")).toDouble() <
            byVersion.value(QStringLiteral("v2")).value(QLatin1String("p50Ms")).toDouble());
}

void TestTraffic::countedOnceAcrossADockerdRestart()
{
    const QString engine2 = Testbed::instance().require(QStringLiteral("MCP_TB_ENGINE2_HOST"));
    const QString ctl = Testbed::instance().require(QStringLiteral("MCP_TB_ENGINE2_CTL"));
    // The gateway image into the second engine (no registry: save and load).
    const QString nginxImage = Testbed::instance().require(QStringLiteral("MCP_TB_IMAGE_NGINX"));
    QProcess copy;
    copy.start(QStringLiteral("sh"), {QStringLiteral("-c"), QStringLiteral("docker save %1 | docker -H %2 load").arg(nginxImage, engine2)});
    QVERIFY(copy.waitForFinished(120000) && copy.exitCode() == 0);
    QVERIFY(setUp(engine2, {QStringLiteral("traffic-e2")}));
    const auto ep = endpoint::Endpoint::parse(engine2);
    QVERIFY(ep.ok());
    transport::UnixConnector connector(ep->socketPath);
    docker::DockerClient client(&connector);
    QVERIFY(push(&client, QStringLiteral("traffic-e2"), QStringLiteral("nginx"), 50));

    telemetry::TelemetryStore store;
    telemetry::GatewayTraffic traffic(&client, QStringLiteral("traffic-e2"), &store);
    const QString text = spec(QStringLiteral("traffic-e2"), QStringLiteral("nginx"), 50);
    traffic.setDeployment(gateway::readSpecText(text.toUtf8(), QStringLiteral("t.yaml")).spec, m_endpoints);
    const qint64 startNs = QDateTime::currentMSecsSinceEpoch() * 1000000LL;
    traffic.start(startNs, true);
    const QString ip = dockerCli(engine2, {QStringLiteral("inspect"), QStringLiteral("-f"),
                                        QStringLiteral("{{(index .NetworkSettings.Networks \"%1\").IPAddress}}").arg(m_net),
                                        QStringLiteral("mcp-tst-traffic-gw-traffic-e2")});
    const QString url = QStringLiteral("http://%1:8080/cgi-bin/app").arg(ip);
    const QMap<int, int> first = runHey(url, 200, 4);
    QCOMPARE(first.value(200) + first.value(500), 200);
    // Only the route's requests: the push's last /.mcp/version check may be logged just after
    // startNs (it is unrouted, and counted as such).
    const auto routed = [&] {
        return qint64(store.figures(telemetry::EdgeKey{QStringLiteral("traffic-e2"), QStringLiteral("app"), {}, {}, {}}, 900,
                                    QDateTime::currentMSecsSinceEpoch())
                          .requests);
    };
    QVERIFY2(QTest::qWaitFor([&] { return routed() == 200; }, 20000),
             qPrintable(QStringLiteral("%1 counted, %2 lines read, %3 skipped, %4 reconnects")
                            .arg(traffic.requestsCounted())
                            .arg(traffic.linesRead())
                            .arg(traffic.linesSkipped())
                            .arg(traffic.reconnects())));

    // dockerd goes away and comes back (the containers live on: live-restore); requests
    // keep arriving meanwhile.
    QProcess restart;
    restart.start(ctl, {QStringLiteral("restart")});
    const QMap<int, int> during = runHey(url, 300, 4);
    QVERIFY(restart.waitForFinished(120000));
    QCOMPARE(restart.exitCode(), 0);
    const QMap<int, int> after = runHey(url, 200, 4);
    int sent = 200;
    for (const auto &m : {during, after})
        for (auto it = m.cbegin(); it != m.cend(); ++it)
            if (it.key() > 0)
                sent += it.value();
    QCOMPARE(sent, 700);
    QVERIFY2(QTest::qWaitFor([&] { return routed() >= 700; }, 30000), qPrintable(QStringLiteral("%1 counted").arg(routed())));
    QTest::qWait(1500); // nothing more arrives late
    QVERIFY(traffic.reconnects() >= 1);
    QCOMPARE(routed(), qint64(700));
    // Every line read was counted once: nothing skipped, nothing twice (the unrouted checks aside).
    QCOMPARE(traffic.linesSkipped(), qint64(0));
    QCOMPARE(traffic.requestsCounted(), traffic.linesRead());
    traffic.stop();
}

QTEST_GUILESS_MAIN(TestTraffic)
#include "tst_traffic.moc"
