// Rendered configs are accepted by the real gateways: the example spec (http and https
// listeners with a certificate made by openssl, weighted versions, timeouts, retries,
// passive health) and a generated 500-route spec, rendered for nginx and for HAProxy, put
// into running gateway containers through the archive API and checked there with
// `nginx -t` and `haproxy -c`. The nginx config then serves traffic after a reload:
// the version endpoint, the 90/10 split to two real backends, JSON 404 and 503.
#include "support/await.h"
#include "support/testbed.h"

#include "docker/dockerclient.h"
#include "endpoint/endpoint.h"
#include "gateway/render.h"
#include "gateway/specreader.h"
#include "gateway/specvalidator.h"
#include "gateway/weights.h"
#include "transport/unixconnector.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace mcp;
using namespace mcp::gateway;
using mcp::test::await;
using mcp::test::Testbed;

namespace {

const QString kNet = QStringLiteral("mcp-tst-render");

QString specText(const QString &driver)
{
    return QStringLiteral(R"(apiVersion: mcp/v1
kind: GatewayConfig
metadata:
  name: render-test
spec:
  driver: %1
  listeners:
    - {name: http,  port: 8080, protocol: http}
    - {name: https, port: 8443, protocol: https, certificate: tls}
  certificates:
    - {name: tls, certFile: tls.pem, keyFile: tls.key}
  routes:
    - name: users
      match: {hosts: [api.example.com], pathPrefix: /cgi-bin}
      backends:
        - {service: user-api, version: v1, weight: 90}
        - {service: user-api, version: v2, weight: 10}
      timeouts: {connect: 2s, read: 10s, send: 10s}
      retries: {attempts: 2, on: [error, timeout, http_502, http_503]}
      passiveHealth: {maxFails: 3, failTimeout: 30s}
    - name: orders
      listeners: [http]
      match: {pathPrefix: /orders}
      backends:
        - {service: orders}
)")
        .arg(driver);
}

QString bigSpecText(const QString &driver, int routes)
{
    QString s = QStringLiteral("apiVersion: mcp/v1\nkind: GatewayConfig\nmetadata: {name: big}\nspec:\n  driver: %1\n"
                               "  listeners:\n    - {name: http, port: 8080}\n  routes:\n")
                    .arg(driver);
    for (int i = 0; i < routes; ++i)
        s += QStringLiteral("    - name: r%1\n      match: {hosts: [h%2.example.com], pathPrefix: /svc%1}\n"
                            "      backends:\n        - {service: svc%1, version: v1, weight: 70}\n"
                            "        - {service: svc%1, version: v2, weight: 30}\n      retries: {attempts: 1}\n")
                 .arg(i)
                 .arg(i % 20);
    return s;
}

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

void cleanup()
{
    const QString ids = dockerCli({QStringLiteral("ps"), QStringLiteral("-aq"), QStringLiteral("--filter"), QStringLiteral("name=mcp-tst-render-")});
    if (!ids.isEmpty())
        dockerCli(QStringList{QStringLiteral("rm"), QStringLiteral("-f")} + ids.split(QLatin1Char('\n')));
    dockerCli({QStringLiteral("network"), QStringLiteral("rm"), kNet});
}

} // namespace

class TestGatewayRender : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void weightsFollowTheSplit();
    void gatewayAcceptsRendered_data();
    void gatewayAcceptsRendered();
    void nginxServesTheRenderedRoutes();

private:
    GatewaySpec load(const QString &text, const QString &name);
    QString startGateway(const QString &driver);
    docker::ExecResult check(const QString &container, const RenderedConfig &config);

    QTemporaryDir m_dir;
    std::unique_ptr<transport::UnixConnector> m_connector;
    std::unique_ptr<docker::DockerClient> m_client;
    QString m_nginx, m_haproxy;
    EndpointMap m_endpoints;
};

void TestGatewayRender::initTestCase()
{
    QVERIFY(m_dir.isValid());
    cleanup();
    QProcess ossl;
    ossl.setWorkingDirectory(m_dir.path());
    ossl.start(QStringLiteral("openssl"), {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                                           QStringLiteral("-nodes"), QStringLiteral("-keyout"), QStringLiteral("tls.key"), QStringLiteral("-out"),
                                           QStringLiteral("tls.pem"), QStringLiteral("-days"), QStringLiteral("90"), QStringLiteral("-subj"),
                                           QStringLiteral("/CN=api.example.com"), QStringLiteral("-addext"),
                                           QStringLiteral("subjectAltName=DNS:api.example.com")});
    QVERIFY(ossl.waitForFinished(60000) && ossl.exitCode() == 0);

    const auto ep = endpoint::Endpoint::parse(Testbed::instance().require(QStringLiteral("MCP_TB_UNIX_HOST")));
    QVERIFY(ep.ok());
    m_connector = std::make_unique<transport::UnixConnector>(ep->socketPath);
    m_client = std::make_unique<docker::DockerClient>(m_connector.get());
    QVERIFY(!dockerCli({QStringLiteral("network"), QStringLiteral("create"), QStringLiteral("--label"), QStringLiteral("mcp.test=1"), kNet}).isEmpty());

    // Two real backends (v1, v2) that say which version answered.
    for (const QString &v : {QStringLiteral("v1"), QStringLiteral("v2")}) {
        const QString name = QStringLiteral("mcp-tst-render-") + v;
        QVERIFY(!dockerCli({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), name, QStringLiteral("--network"), kNet,
                            QStringLiteral("--label"), QStringLiteral("mcp.test=1"), QStringLiteral("-e"), QStringLiteral("VERSION=") + v,
                            Testbed::instance().require(QStringLiteral("MCP_TB_IMAGE_BACKEND"))})
                     .isEmpty());
        const QString ip = dockerCli({QStringLiteral("inspect"), QStringLiteral("-f"),
                                      QStringLiteral("{{(index .NetworkSettings.Networks \"%1\").IPAddress}}").arg(kNet), name});
        QVERIFY(!ip.isEmpty());
        m_endpoints[QStringLiteral("user-api/") + v] << InstanceEndpoint{name, ip, 8080, v};
    }
    m_nginx = startGateway(QStringLiteral("nginx"));
    m_haproxy = startGateway(QStringLiteral("haproxy"));
    QVERIFY(!m_nginx.isEmpty() && !m_haproxy.isEmpty());
}

void TestGatewayRender::cleanupTestCase()
{
    m_client.reset();
    cleanup();
}

QString TestGatewayRender::startGateway(const QString &driver)
{
    return dockerCli({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), QStringLiteral("mcp-tst-render-gw-") + driver,
                      QStringLiteral("--network"), kNet, QStringLiteral("--label"), QStringLiteral("mcp.test=1"), QStringLiteral("-p"),
                      QStringLiteral("127.0.0.1::8080"),
                      Testbed::instance().require(driver == QLatin1String("nginx") ? QStringLiteral("MCP_TB_IMAGE_NGINX")
                                                                                   : QStringLiteral("MCP_TB_IMAGE_HAPROXY"))});
}

GatewaySpec TestGatewayRender::load(const QString &text, const QString &name)
{
    const QString file = m_dir.filePath(name);
    QFile f(file);
    if (f.open(QIODevice::WriteOnly))
        f.write(text.toUtf8());
    f.close();
    const SpecReading r = readSpecFile(file);
    Findings all = r.findings + validateSpec(r.spec);
    for (const auto &x : all) {
        if (x.severity == Finding::Severity::Error)
            qWarning("%s", qPrintable(x.toString()));
    }
    return hasErrors(all) ? GatewaySpec{} : r.spec;
}

docker::ExecResult TestGatewayRender::check(const QString &container, const RenderedConfig &config)
{
    const auto put = await(m_client->putArchive(container, QStringLiteral("/"), renderedTar(config)));
    if (!put.ok()) {
        qWarning() << put.errorText();
        return {};
    }
    const QStringList command = config.driver == QLatin1String("nginx")
                                    ? QStringList{QStringLiteral("nginx"), QStringLiteral("-t")}
                                    : QStringList{QStringLiteral("haproxy"), QStringLiteral("-c"), QStringLiteral("-f"), config.mainFile};
    const auto r = await(m_client->exec(container, command));
    return r.ok() ? *r : docker::ExecResult{};
}

void TestGatewayRender::weightsFollowTheSplit()
{
    const GatewaySpec spec = load(specText(QStringLiteral("nginx")), QStringLiteral("weights.yaml"));
    QVERIFY(!spec.routes.isEmpty());
    EndpointMap endpoints = m_endpoints;
    // Two v1 instances and one v2: 90 is shared by two, 10 stays whole.
    endpoints[QStringLiteral("user-api/v1")] << InstanceEndpoint{QStringLiteral("extra"), QStringLiteral("10.9.9.9"), 8080, QStringLiteral("v1")};
    const QList<WeightedServer> servers = weightedServers(spec.routes[0], endpoints, 256);
    QCOMPARE(servers.size(), 3);
    int v1 = 0, v2 = 0;
    for (const auto &s : servers)
        (s.endpoint.version == QLatin1String("v1") ? v1 : v2) += s.weight;
    QCOMPARE(v1 * 10, v2 * 90); // exactly 90:10
}

void TestGatewayRender::gatewayAcceptsRendered_data()
{
    QTest::addColumn<QString>("driver");
    QTest::addColumn<bool>("big");
    QTest::newRow("nginx example") << "nginx" << false;
    QTest::newRow("haproxy example") << "haproxy" << false;
    QTest::newRow("nginx 500 routes") << "nginx" << true;
    QTest::newRow("haproxy 500 routes") << "haproxy" << true;
}

void TestGatewayRender::gatewayAcceptsRendered()
{
    QFETCH(QString, driver);
    QFETCH(bool, big);
    const QString text = big ? bigSpecText(driver, 500) : specText(driver);
    const GatewaySpec spec = load(text, QStringLiteral("%1-%2.yaml").arg(driver).arg(big));
    QVERIFY(!spec.routes.isEmpty());
    EndpointMap endpoints = m_endpoints;
    if (big) {
        for (int i = 0; i < 500; ++i) {
            for (const char *v : {"v1", "v2"})
                endpoints[QStringLiteral("svc%1/%2").arg(i).arg(QLatin1String(v))]
                    << InstanceEndpoint{QStringLiteral("svc%1").arg(i), QStringLiteral("10.1.%1.%2").arg(i / 200).arg(i % 200 + 1), 8080,
                                        QString::fromLatin1(v)};
        }
    }
    const RenderedConfig config = renderConfig(spec, text.toUtf8(), endpoints);
    QCOMPARE(config.driver, driver);
    QCOMPARE(config.version, specVersion(text.toUtf8()));
    QVERIFY(config.files.value(config.stateDir + QStringLiteral("/spec.yaml")) == text.toUtf8());
    const docker::ExecResult r = check(driver == QLatin1String("nginx") ? m_nginx : m_haproxy, config);
    QVERIFY2(r.exitCode == 0, QByteArray(r.out + r.err).constData());
}

void TestGatewayRender::nginxServesTheRenderedRoutes()
{
    const QString text = specText(QStringLiteral("nginx"));
    const GatewaySpec spec = load(text, QStringLiteral("serve.yaml"));
    const RenderedConfig config = renderConfig(spec, text.toUtf8(), m_endpoints);
    QCOMPARE(check(m_nginx, config).exitCode, 0);
    QCOMPARE(await(m_client->exec(m_nginx, {QStringLiteral("nginx"), QStringLiteral("-s"), QStringLiteral("reload")}))->exitCode, 0);
    const QString port = dockerCli({QStringLiteral("port"), m_nginx, QStringLiteral("8080")}).section(QLatin1Char(':'), -1);
    QVERIFY(!port.isEmpty());
    const auto curl = [&](const QString &path, const QString &host = QStringLiteral("api.example.com")) {
        QProcess p;
        p.start(QStringLiteral("curl"), {QStringLiteral("-s"), QStringLiteral("-H"), QStringLiteral("Host: ") + host, QStringLiteral("-w"),
                                         QStringLiteral("\n%{http_code}"), QStringLiteral("http://127.0.0.1:%1%2").arg(port, path)});
        p.waitForFinished(10000);
        return QString::fromUtf8(p.readAllStandardOutput());
    };
    // The reload is graceful: wait for the new version to answer.
    QVERIFY(QTest::qWaitFor([&] { return curl(QStringLiteral("/.mcp/version")).startsWith(config.version); }, 10000));
    // 90/10 over 2,000 requests, within +-3 percentage points.
    int v2 = 0, ok = 0;
    const int n = 2000;
    QProcess batch;
    QStringList args{QStringLiteral("-s"), QStringLiteral("-H"), QStringLiteral("Host: api.example.com")};
    for (int i = 0; i < n; ++i)
        args << QStringLiteral("http://127.0.0.1:%1/cgi-bin/app").arg(port);
    batch.start(QStringLiteral("curl"), args);
    QVERIFY(batch.waitForFinished(120000));
    const QString body = QString::fromUtf8(batch.readAllStandardOutput());
    ok = int(body.count(QStringLiteral("status=200")));
    v2 = int(body.count(QStringLiteral("version=v2")));
    QCOMPARE(ok, n);
    const double share = 100.0 * v2 / n;
    QVERIFY2(share > 7 && share < 13, qPrintable(QStringLiteral("v2 got %1%").arg(share)));
    // No route: JSON 404; a route without instances: JSON 503 from the gateway.
    const QString none = curl(QStringLiteral("/nothing"));
    QVERIFY2(none.endsWith(QLatin1String("404")) && none.contains(QLatin1String("\"error\":\"no route\"")), qPrintable(none));
    const QString orders = curl(QStringLiteral("/orders/x"), QStringLiteral("other.example.com"));
    QVERIFY2(orders.endsWith(QLatin1String("503")) && orders.contains(QLatin1String("no healthy upstream")), qPrintable(orders));
    // The access log is JSON with the route, the upstream's version and the request id.
    const QString logs = [&] {
        QProcess p;
        p.start(QStringLiteral("docker"), {QStringLiteral("logs"), QStringLiteral("--tail"), QStringLiteral("20"), m_nginx});
        p.waitForFinished(30000);
        return QString::fromUtf8(p.readAllStandardOutput());
    }();
    bool sawRoute = false;
    for (const QString &line : logs.split(QLatin1Char('\n'))) {
        const QJsonObject o = QJsonDocument::fromJson(line.toUtf8()).object();
        if (o.value(QLatin1String("route")).toString() == QLatin1String("users")) {
            sawRoute = true;
            QVERIFY(o.value(QLatin1String("version")).toString().startsWith(QLatin1Char('v')));
            QCOMPARE(o.value(QLatin1String("requestId")).toString().size(), 32);
            QCOMPARE(o.value(QLatin1String("configVersion")).toString(), config.version);
        }
    }
    QVERIFY2(sawRoute, qPrintable(logs.right(600)));
}

QTEST_GUILESS_MAIN(TestGatewayRender)
#include "tst_gateway_render.moc"
