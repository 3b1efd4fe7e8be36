// The push pipeline against real gateways: two nginx replicas and one HAProxy behind the
// same real backends. A push reaches every replica in order and each serves the new
// version; a push based on another version gets the conflict and changes nothing; a config
// the gateway rejects (nginx -t fails) leaves the previous config serving; rollback brings
// back what ran before; HAProxy reloads gracefully and serves the split; `mcpctl push`
// reports as JSON and writes the audit log.
#include "support/await.h"
#include "support/testbed.h"

#include "common/tarwriter.h"
#include "docker/dockerclient.h"
#include "endpoint/endpoint.h"
#include "gateway/auditlog.h"
#include "gateway/deployedroutes.h"
#include "hosts/containerinventory.h"
#include "hosts/hostconnection.h"
#include "topology/doctor.h"
#include "topology/graphbuilder.h"
#include "topology/topologyjson.h"
#include "topology/topologymodel.h"
#include "gateway/pusher.h"
#include "gateway/render.h"
#include "gateway/runtimeweights.h"
#include "gateway/specreader.h"
#include "gateway/specvalidator.h"
#include "transport/unixconnector.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <sys/types.h>

using namespace mcp;
using namespace mcp::gateway;
using mcp::test::await;
using mcp::test::Testbed;

namespace {

const QString kNet = QStringLiteral("mcp-tst-push");

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
    const QString ids = dockerCli({QStringLiteral("ps"), QStringLiteral("-aq"), QStringLiteral("--filter"), QStringLiteral("name=mcp-tst-push-")});
    if (!ids.isEmpty())
        dockerCli(QStringList{QStringLiteral("rm"), QStringLiteral("-f")} + ids.split(QLatin1Char('\n')));
    dockerCli({QStringLiteral("network"), QStringLiteral("rm"), kNet});
}

QString spec(const QString &gateway, const QString &driver, int v2weight)
{
    return QStringLiteral(R"(apiVersion: mcp/v1
kind: GatewayConfig
metadata: {name: %1}
spec:
  driver: %2
  listeners:
    - {name: http, port: 8080}
  routes:
    - name: app
      match: {pathPrefix: /cgi-bin}
      backends:
        - {service: push-app, version: v1, weight: %3}
        - {service: push-app, version: v2, weight: %4}
)")
        .arg(gateway, driver)
        .arg(100 - v2weight)
        .arg(v2weight);
}

} // namespace

class TestGatewayPush : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void pushReachesEveryReplica();
    void conflictChangesNothing();
    void rejectedConfigKeepsThePreviousServing();
    void rollbackRestoresThePrevious();
    void haproxyReloadsAndSplits();
    void haproxyWeightsChangeWithoutReload();
    void mcpctlPushReportsAndAudits();
    void liveChecksStopAPush();
    void killedMidPushComesBackOnThePrevious_data();
    void killedMidPushComesBackOnThePrevious();
    void zeroFailedRequestsDuringPushes_data();
    void zeroFailedRequestsDuringPushes();
    void topologyShowsDeployedRoutes();

private:
    RenderedConfig render(const QString &text, const EndpointMap &endpoints);
    GatewayPush::Outcome push(const QString &gateway, const RenderedConfig &config, const QString &expect = {});
    QString served(const QString &container, const QString &path);

    QTemporaryDir m_dir;
    std::unique_ptr<transport::UnixConnector> m_connector;
    std::unique_ptr<docker::DockerClient> m_client;
    EndpointMap m_endpoints;
};

void TestGatewayPush::initTestCase()
{
    QVERIFY(m_dir.isValid());
    qputenv("MCP_AUDIT_LOG", m_dir.filePath(QStringLiteral("audit.jsonl")).toUtf8());
    cleanup();
    const auto ep = endpoint::Endpoint::parse(Testbed::instance().require(QStringLiteral("MCP_TB_UNIX_HOST")));
    QVERIFY(ep.ok());
    m_connector = std::make_unique<transport::UnixConnector>(ep->socketPath);
    m_client = std::make_unique<docker::DockerClient>(m_connector.get());
    QVERIFY(!dockerCli({QStringLiteral("network"), QStringLiteral("create"), QStringLiteral("--label"), QStringLiteral("mcp.test=1"), kNet}).isEmpty());
    for (const QString &v : {QStringLiteral("v1"), QStringLiteral("v2")}) {
        const QString name = QStringLiteral("mcp-tst-push-") + v;
        QVERIFY(!dockerCli({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), name, QStringLiteral("--network"), kNet,
                            QStringLiteral("--label"), QStringLiteral("mcp.test=1"), QStringLiteral("--label"),
                            QStringLiteral("mcp.service.name=push-app"), QStringLiteral("--label"), QStringLiteral("mcp.service.port=8080"),
                            QStringLiteral("--label"), QStringLiteral("mcp.service.version=") + v, QStringLiteral("-e"),
                            QStringLiteral("VERSION=") + v, Testbed::instance().require(QStringLiteral("MCP_TB_IMAGE_BACKEND"))})
                     .isEmpty());
        const QString ip = dockerCli({QStringLiteral("inspect"), QStringLiteral("-f"),
                                      QStringLiteral("{{(index .NetworkSettings.Networks \"%1\").IPAddress}}").arg(kNet), name});
        m_endpoints[QStringLiteral("push-app/") + v] << InstanceEndpoint{name, ip, 8080, v};
    }
    const auto gateway = [&](const QString &name, const QString &gw, const QString &driver) {
        return !dockerCli({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), name, QStringLiteral("--network"), kNet,
                           QStringLiteral("--label"), QStringLiteral("mcp.test=1"), QStringLiteral("--label"), QStringLiteral("mcp.gateway=") + gw,
                           QStringLiteral("--label"), QStringLiteral("mcp.gateway.driver=") + driver,
                           Testbed::instance().require(driver == QLatin1String("nginx") ? QStringLiteral("MCP_TB_IMAGE_NGINX")
                                                                                        : QStringLiteral("MCP_TB_IMAGE_HAPROXY"))})
                    .isEmpty();
    };
    QVERIFY(gateway(QStringLiteral("mcp-tst-push-ng-a"), QStringLiteral("tst-push-ng"), QStringLiteral("nginx")));
    QVERIFY(gateway(QStringLiteral("mcp-tst-push-ng-b"), QStringLiteral("tst-push-ng"), QStringLiteral("nginx")));
    QVERIFY(gateway(QStringLiteral("mcp-tst-push-hap"), QStringLiteral("tst-push-hap"), QStringLiteral("haproxy")));
}

void TestGatewayPush::cleanupTestCase()
{
    m_client.reset();
    cleanup();
}

RenderedConfig TestGatewayPush::render(const QString &text, const EndpointMap &endpoints)
{
    const QString file = m_dir.filePath(QStringLiteral("spec.yaml"));
    QFile f(file);
    f.open(QIODevice::WriteOnly);
    f.write(text.toUtf8());
    f.close();
    const SpecReading r = readSpecFile(file);
    if (hasErrors(r.findings + validateSpec(r.spec)))
        return {};
    return renderConfig(r.spec, text.toUtf8(), endpoints);
}

GatewayPush::Outcome TestGatewayPush::push(const QString &gateway, const RenderedConfig &config, const QString &expect)
{
    GatewayPush p(m_client.get(), gateway, config, expect);
    QSignalSpy done(&p, &GatewayPush::finished);
    p.start();
    if (!done.wait(60000))
        return {};
    return p.outcome();
}

// The body of what the gateway answers from inside its container (busybox nc, HTTP/1.0;
// stdin stays open a moment: nginx drops a proxied request whose client half-closed).
QString TestGatewayPush::served(const QString &container, const QString &path)
{
    const auto r = await(m_client->exec(
        container, {QStringLiteral("sh"), QStringLiteral("-c"),
                    QStringLiteral("(printf 'GET %1 HTTP/1.0\\r\\nHost: x\\r\\n\\r\\n'; sleep 1) | nc -w 3 127.0.0.1 8080").arg(path)}));
    if (!r)
        return {};
    const QString text = QString::fromUtf8(r->out);
    const qsizetype body = text.indexOf(QStringLiteral("\r\n\r\n"));
    return body < 0 ? text : text.mid(body + 4).trimmed();
}

void TestGatewayPush::pushReachesEveryReplica()
{
    const RenderedConfig config = render(spec(QStringLiteral("tst-push-ng"), QStringLiteral("nginx"), 10), m_endpoints);
    QVERIFY(!config.files.isEmpty());
    const auto o = push(QStringLiteral("tst-push-ng"), config);
    QVERIFY2(o.ok, qPrintable(o.error.toString()));
    QCOMPARE(o.replicas, (QStringList{QStringLiteral("mcp-tst-push-ng-a"), QStringLiteral("mcp-tst-push-ng-b")}));
    QVERIFY(o.previousVersion.isEmpty()); // first push
    QVERIFY(o.diff.contains(QLatin1String("+upstream mcp_route_app")));
    for (const QString &c : o.replicas) {
        QVERIFY(served(c, QStringLiteral("/.mcp/version")).contains(config.version));
        QVERIFY(served(c, QStringLiteral("/cgi-bin/app")).contains(QLatin1String("status=200")));
    }
}

void TestGatewayPush::conflictChangesNothing()
{
    const QString running = served(QStringLiteral("mcp-tst-push-ng-a"), QStringLiteral("/.mcp/version"));
    const RenderedConfig config = render(spec(QStringLiteral("tst-push-ng"), QStringLiteral("nginx"), 50), m_endpoints);
    const auto o = push(QStringLiteral("tst-push-ng"), config, QStringLiteral("0123456789abcdef"));
    QVERIFY(!o.ok);
    QCOMPARE(o.failedStep, GatewayPush::Step::Conflict);
    QCOMPARE(o.error.code, QStringLiteral("push.conflict"));
    QVERIFY(!o.diff.isEmpty()); // the fresh diff comes with the refusal
    QVERIFY(served(QStringLiteral("mcp-tst-push-ng-a"), QStringLiteral("/.mcp/version")).contains(running));
}

void TestGatewayPush::rejectedConfigKeepsThePreviousServing()
{
    const QString before = served(QStringLiteral("mcp-tst-push-ng-a"), QStringLiteral("/.mcp/version"));
    // Discovery handed over an address nginx cannot use: its own check must catch it.
    EndpointMap broken = m_endpoints;
    broken[QStringLiteral("push-app/v2")] = {InstanceEndpoint{QStringLiteral("bad"), QStringLiteral("no such host!"), 8080, QStringLiteral("v2")}};
    const RenderedConfig config = render(spec(QStringLiteral("tst-push-ng"), QStringLiteral("nginx"), 20), broken);
    const auto o = push(QStringLiteral("tst-push-ng"), config);
    QVERIFY(!o.ok);
    QCOMPARE(o.failedStep, GatewayPush::Step::Check);
    QCOMPARE(o.error.code, QStringLiteral("push.check-failed"));
    QVERIFY(o.rolledBack);
    QCOMPARE(o.replicas, QStringList{QStringLiteral("mcp-tst-push-ng-a")}); // stopped at the first replica
    // Still serving the previous version, and the files on disk are the previous ones again.
    QCOMPARE(served(QStringLiteral("mcp-tst-push-ng-a"), QStringLiteral("/.mcp/version")), before);
    QVERIFY(!before.isEmpty());
    const auto t = await(m_client->exec(QStringLiteral("mcp-tst-push-ng-a"), {QStringLiteral("nginx"), QStringLiteral("-t")}));
    QVERIFY(t && t->exitCode == 0);
    QCOMPARE(served(QStringLiteral("mcp-tst-push-ng-b"), QStringLiteral("/.mcp/version")), before);
}

void TestGatewayPush::rollbackRestoresThePrevious()
{
    const QString first = served(QStringLiteral("mcp-tst-push-ng-a"), QStringLiteral("/.mcp/version"));
    const RenderedConfig next = render(spec(QStringLiteral("tst-push-ng"), QStringLiteral("nginx"), 30), m_endpoints);
    QVERIFY(push(QStringLiteral("tst-push-ng"), next).ok);
    QVERIFY(served(QStringLiteral("mcp-tst-push-ng-a"), QStringLiteral("/.mcp/version")).contains(next.version));
    const auto tar = await(m_client->getArchive(QStringLiteral("mcp-tst-push-ng-a"), QStringLiteral("/etc/nginx/mcp/previous.tar")));
    QVERIFY(tar.ok());
    const auto previous = previousConfig(QStringLiteral("nginx"), *tar);
    QVERIFY2(previous.ok(), qPrintable(previous.errorText()));
    QCOMPARE(previous->version, first);
    const auto o = push(QStringLiteral("tst-push-ng"), *previous);
    QVERIFY2(o.ok, qPrintable(o.error.toString()));
    QVERIFY(served(QStringLiteral("mcp-tst-push-ng-b"), QStringLiteral("/.mcp/version")).contains(first));
}

// The gateway container is killed in the middle of a push (right after the new files were
// written, or right after the reload): the push reports the step and the reason, puts the
// previous files back (the archive API writes into a stopped container too), and when the
// container is started again it serves the previous version, not the unverified one.
void TestGatewayPush::killedMidPushComesBackOnThePrevious_data()
{
    QTest::addColumn<int>("killAt");
    QTest::newRow("killed before the check") << int(GatewayPush::Step::Check);
    QTest::newRow("killed after the reload") << int(GatewayPush::Step::Verify);
}

void TestGatewayPush::killedMidPushComesBackOnThePrevious()
{
    QFETCH(int, killAt);
    const QString container = QStringLiteral("mcp-tst-push-kill");
    const QString gateway = QStringLiteral("tst-push-kill");
    dockerCli({QStringLiteral("rm"), QStringLiteral("-f"), container});
    QVERIFY(!dockerCli({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), container, QStringLiteral("--network"), kNet,
                        QStringLiteral("--label"), QStringLiteral("mcp.test=1"), QStringLiteral("--label"), QStringLiteral("mcp.gateway=") + gateway,
                        QStringLiteral("--label"), QStringLiteral("mcp.gateway.driver=nginx"),
                        Testbed::instance().require(QStringLiteral("MCP_TB_IMAGE_NGINX"))})
                 .isEmpty());
    const RenderedConfig before = render(spec(gateway, QStringLiteral("nginx"), 10), m_endpoints);
    const auto first = push(gateway, before);
    QVERIFY2(first.ok, qPrintable(first.error.toString()));

    const RenderedConfig next = render(spec(gateway, QStringLiteral("nginx"), 50), m_endpoints);
    GatewayPush p(m_client.get(), gateway, next);
    QObject::connect(&p, &GatewayPush::stepStarted, &p, [&](GatewayPush::Step step, const QString &) {
        if (int(step) == killAt)
            dockerCli({QStringLiteral("kill"), container}); // before the step's request goes out
    });
    QSignalSpy done(&p, &GatewayPush::finished);
    p.start();
    QVERIFY(done.wait(60000));
    const auto &o = p.outcome();
    QVERIFY(!o.ok);
    QCOMPARE(int(o.failedStep), killAt);
    QVERIFY2(o.error.detail.contains(QLatin1String("not running")), qPrintable(o.error.toString()));
    QVERIFY(o.rolledBack);
    QCOMPARE(dockerCli({QStringLiteral("inspect"), QStringLiteral("-f"), QStringLiteral("{{.State.Running}}"), container}), QStringLiteral("false"));

    // It returns on the previous config.
    QVERIFY(!dockerCli({QStringLiteral("start"), container}).isEmpty());
    QString version;
    QVERIFY(QTest::qWaitFor([&] { return (version = served(container, QStringLiteral("/.mcp/version"))).contains(before.version); }, 15000));
    QVERIFY(!version.contains(next.version));
    // And a push after it works as usual.
    const auto again = push(gateway, next);
    QVERIFY2(again.ok, qPrintable(again.error.toString()));
    QCOMPARE(again.previousVersion, before.version);
    dockerCli({QStringLiteral("rm"), QStringLiteral("-f"), container});
}

// A load generator (Debian's hey, from the host to the gateway container's address) runs
// while the gateway is pushed to four times, each a full reload: not one request fails.
void TestGatewayPush::zeroFailedRequestsDuringPushes_data()
{
    QTest::addColumn<QString>("gateway");
    QTest::addColumn<QString>("container");
    QTest::addColumn<QString>("driver");
    QTest::newRow("nginx") << "tst-push-ng" << "mcp-tst-push-ng-a" << "nginx";
    QTest::newRow("haproxy") << "tst-push-hap" << "mcp-tst-push-hap" << "haproxy";
}

void TestGatewayPush::zeroFailedRequestsDuringPushes()
{
    QFETCH(QString, gateway);
    QFETCH(QString, container);
    QFETCH(QString, driver);
    const auto first = push(gateway, render(spec(gateway, driver, 10), m_endpoints));
    QVERIFY2(first.ok, qPrintable(first.error.toString()));
    const QString ip = dockerCli({QStringLiteral("inspect"), QStringLiteral("-f"),
                                  QStringLiteral("{{(index .NetworkSettings.Networks \"%1\").IPAddress}}").arg(kNet), container});
    QVERIFY(!ip.isEmpty());
    // hey runs until all four pushes are done however long they take (a loaded machine is
    // slow, not wrong), then SIGINT makes it stop and print its report.
    QProcess hey;
    hey.start(QStringLiteral("hey"), {QStringLiteral("-z"), QStringLiteral("300s"), QStringLiteral("-c"), QStringLiteral("8"),
                                      QStringLiteral("http://%1:8080/cgi-bin/app").arg(ip)});
    QVERIFY(hey.waitForStarted());
    QTest::qWait(1500);
    int pushes = 0;
    for (int weight : {50, 20, 70, 10}) {
        const auto o = push(gateway, render(spec(gateway, driver, weight), m_endpoints));
        QVERIFY2(o.ok, qPrintable(o.error.toString()));
        ++pushes;
    }
    QCOMPARE(pushes, 4);
    QCOMPARE(hey.state(), QProcess::Running); // the load lasted through every push
    QTest::qWait(500);
    ::kill(pid_t(hey.processId()), SIGINT);
    QVERIFY(hey.waitForFinished(30000));
    const QString report = QString::fromUtf8(hey.readAllStandardOutput());
    static const QRegularExpression status(QStringLiteral("\\[(\\d+)\\]\\s+(\\d+) responses"));
    QMap<int, int> byStatus;
    for (auto it = status.globalMatch(report); it.hasNext();) {
        const auto m = it.next();
        byStatus[m.captured(1).toInt()] += m.captured(2).toInt();
    }
    qInfo("%s: %d requests answered 200 during %d pushes", qPrintable(driver), byStatus.value(200), pushes);
    QVERIFY2(byStatus.value(200) > 100, qPrintable(report));
    QCOMPARE(byStatus.keys(), QList<int>{200});
    QVERIFY2(!report.contains(QLatin1String("Error distribution")), qPrintable(report));
}

void TestGatewayPush::haproxyReloadsAndSplits()
{
    const RenderedConfig config = render(spec(QStringLiteral("tst-push-hap"), QStringLiteral("haproxy"), 10), m_endpoints);
    const auto o = push(QStringLiteral("tst-push-hap"), config);
    QVERIFY2(o.ok, qPrintable(o.error.toString()));
    QVERIFY(served(QStringLiteral("mcp-tst-push-hap"), QStringLiteral("/.mcp/version")).contains(config.version));
    int v2 = 0;
    const int n = 200;
    const auto r = await(m_client->exec(
        QStringLiteral("mcp-tst-push-hap"),
        {QStringLiteral("sh"), QStringLiteral("-c"),
         QStringLiteral("i=0; while [ $i -lt %1 ]; do printf 'GET /cgi-bin/app HTTP/1.0\\r\\nHost: x\\r\\n\\r\\n' | nc -w 2 127.0.0.1 8080 | tail -n 1; i=$((i+1)); done").arg(n)}));
    QVERIFY(r.ok());
    v2 = int(QString::fromUtf8(r->out).count(QStringLiteral("version=v2")));
    const int ok = int(QString::fromUtf8(r->out).count(QStringLiteral("status=200")));
    QCOMPARE(ok, n);
    QVERIFY2(v2 >= 10 && v2 <= 30, qPrintable(QStringLiteral("v2 answered %1 of %2").arg(v2).arg(n))); // 10% of 200, roundrobin
}

void TestGatewayPush::haproxyWeightsChangeWithoutReload()
{
    const auto workerPid = [&] {
        const auto r = await(m_client->exec(QStringLiteral("mcp-tst-push-hap"),
                                            {QStringLiteral("sh"), QStringLiteral("-c"),
                                             QStringLiteral("echo 'show info' | nc -w 2 127.0.0.1 9999 | grep '^Pid:'")}));
        return r ? QString::fromUtf8(r->out).trimmed() : QString();
    };
    const QString pidBefore = workerPid();
    QVERIFY2(pidBefore.startsWith(QLatin1String("Pid:")), qPrintable(pidBefore));
    const QString text = spec(QStringLiteral("tst-push-hap"), QStringLiteral("haproxy"), 50);
    const RenderedConfig config = render(text, m_endpoints);
    const SpecReading reading = readSpecFile(m_dir.filePath(QStringLiteral("spec.yaml")));
    RuntimeWeightChange change(m_client.get(), QStringLiteral("tst-push-hap"), reading.spec, config, m_endpoints);
    QSignalSpy done(&change, &RuntimeWeightChange::finished);
    change.start();
    QVERIFY(done.wait(30000));
    QVERIFY2(change.outcome().ok, qPrintable(change.outcome().error.toString()));
    QCOMPARE(change.outcome().commands, 2);
    QCOMPARE(workerPid(), pidBefore); // no reload: the same worker serves
    const auto r = await(m_client->exec(
        QStringLiteral("mcp-tst-push-hap"),
        {QStringLiteral("sh"), QStringLiteral("-c"),
         QStringLiteral("i=0; while [ $i -lt 200 ]; do printf 'GET /cgi-bin/app HTTP/1.0\\r\\nHost: x\\r\\n\\r\\n' | nc -w 2 127.0.0.1 8080 | tail -n 1; i=$((i+1)); done")}));
    QVERIFY(r.ok());
    const int v2 = int(QString::fromUtf8(r->out).count(QStringLiteral("version=v2")));
    QVERIFY2(v2 >= 80 && v2 <= 120, qPrintable(QStringLiteral("v2 answered %1 of 200").arg(v2)));
    // The file carries the new weights and version too, so a reload keeps them.
    QVERIFY(served(QStringLiteral("mcp-tst-push-hap"), QStringLiteral("/.mcp/version")).size() > 0);
    const auto file = await(m_client->getArchive(QStringLiteral("mcp-tst-push-hap"), QStringLiteral("/etc/haproxy/mcp/version")));
    QVERIFY(file.ok());
    QVERIFY(QString::fromUtf8(readTar(*file).first().second).trimmed() == config.version);
}

void TestGatewayPush::mcpctlPushReportsAndAudits()
{
    const QString file = m_dir.filePath(QStringLiteral("cli.yaml"));
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(spec(QStringLiteral("tst-push-ng"), QStringLiteral("nginx"), 40).toUtf8());
    f.close();
    QProcess p;
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("MCP_AUDIT_LOG"), m_dir.filePath(QStringLiteral("audit.jsonl")));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(MCPCTL_PATH), {QStringLiteral("push"), file, QStringLiteral("--host"),
                                          Testbed::instance().require(QStringLiteral("MCP_TB_UNIX_HOST")), QStringLiteral("--format"),
                                          QStringLiteral("json")});
    QVERIFY(p.waitForFinished(120000));
    const QByteArray stdoutText = p.readAllStandardOutput();
    QCOMPARE(p.exitCode(), 0);
    const QJsonObject out = QJsonDocument::fromJson(stdoutText).object();
    QVERIFY2(out.value(QLatin1String("ok")).toBool(), stdoutText.constData());
    QCOMPARE(out.value(QLatin1String("replicas")).toArray().size(), 2);
    // The live discovery found the two backends: both appear as servers in the diff.
    QVERIFY(out.value(QLatin1String("diff")).toString().contains(QLatin1String("mcp-tst-push-v2")));
    const QJsonArray audit = readAudit(100);
    QVERIFY(!audit.isEmpty());
    const QJsonObject last = audit.last().toObject();
    QCOMPARE(last.value(QLatin1String("gateway")).toString(), QStringLiteral("tst-push-ng"));
    QCOMPARE(last.value(QLatin1String("to")).toString(), out.value(QLatin1String("version")).toString());
    QVERIFY(last.value(QLatin1String("ok")).toBool());
    // Earlier pushes of this test through the API wrote nothing; the conflict did not either
    // (only mcpctl writes the log); the file is private to its owner.
    QVERIFY(QFile(m_dir.filePath(QStringLiteral("audit.jsonl"))).permissions() & QFileDevice::ReadOwner);
    QVERIFY(!(QFile(m_dir.filePath(QStringLiteral("audit.jsonl"))).permissions() & QFileDevice::ReadOther));
}

// The running system contradicts the spec: `validate --host` names it, `push` refuses.
void TestGatewayPush::liveChecksStopAPush()
{
    QString text = spec(QStringLiteral("tst-push-nowhere"), QStringLiteral("nginx"), 10);
    text.replace(QStringLiteral("version: v2"), QStringLiteral("version: v9"));
    text += QStringLiteral("    - name: other\n      match: {pathPrefix: /other}\n      backends:\n        - {service: no-such-service}\n");
    const QString file = m_dir.filePath(QStringLiteral("live.yaml"));
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(text.toUtf8());
    f.close();
    const QString host = Testbed::instance().require(QStringLiteral("MCP_TB_UNIX_HOST"));
    QProcess p;
    p.start(QStringLiteral(MCPCTL_PATH), {QStringLiteral("validate"), file, QStringLiteral("--host"), host, QStringLiteral("--format"), QStringLiteral("json")});
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 1);
    QStringList codes;
    QMap<QString, int> lines;
    for (const auto &v : QJsonDocument::fromJson(p.readAllStandardOutput()).object().value(QLatin1String("findings")).toArray()) {
        codes << v.toObject().value(QLatin1String("code")).toString();
        lines.insert(codes.last(), v.toObject().value(QLatin1String("line")).toInt());
    }
    QVERIFY2(codes.contains(QStringLiteral("live.gateway-missing")), qPrintable(codes.join(QLatin1Char(','))));
    QVERIFY(codes.contains(QStringLiteral("live.unknown-version")));
    QVERIFY(codes.contains(QStringLiteral("live.unknown-service")));
    QCOMPARE(lines.value(QStringLiteral("live.unknown-version")), 13);
    const int auditBefore = int(readAudit(1000).size());
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("MCP_AUDIT_LOG"), m_dir.filePath(QStringLiteral("audit.jsonl")));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(MCPCTL_PATH), {QStringLiteral("push"), file, QStringLiteral("--host"), host});
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 1);
    QCOMPARE(int(readAudit(1000).size()), auditBefore); // nothing was attempted
}

// What a gateway runs becomes part of the graph: gateway -> route -> versions, with weights.
void TestGatewayPush::topologyShowsDeployedRoutes()
{
    const auto ep = endpoint::Endpoint::parse(Testbed::instance().require(QStringLiteral("MCP_TB_UNIX_HOST")));
    hosts::HostConnection host(QStringLiteral("local"), *ep, std::make_unique<transport::UnixConnector>(ep->socketPath));
    hosts::ContainerInventory inventory(&host);
    gateway::DeployedRoutes routes(&host, &inventory);
    topology::TopologyModel model;
    model.addHost(&host, &inventory);
    model.setDeployedRoutes(&host, &routes);
    host.start();
    QVERIFY(QTest::qWaitFor([&] { return inventory.isSynced(); }, 30000));
    QSignalSpy refreshed(&routes, &gateway::DeployedRoutes::refreshed);
    routes.refreshNow();
    QVERIFY(refreshed.count() > 0 || refreshed.wait(30000));
    model.rebuildNow();
    const topology::Graph &g = model.graph();
    const QString route = topology::routeNodeId(QStringLiteral("tst-push-ng"), QStringLiteral("app"));
    QVERIFY2(g.nodes.contains(route), qPrintable(QStringList(g.nodes.keys()).filter(QStringLiteral("route:")).join(QLatin1Char(','))));
    QCOMPARE(g.nodes.value(route).kind, topology::NodeKind::Route);
    QVERIFY(g.edges.contains(topology::Edge{topology::gatewayNodeId(QStringLiteral("tst-push-ng")), route, topology::EdgeKind::Contains}.id()));
    for (const char *v : {"v1", "v2"})
        QVERIFY(g.edges.contains(topology::Edge{route, topology::versionNodeId(QStringLiteral("push-app"), QLatin1String(v)),
                                                topology::EdgeKind::Serves}.id()));
    const QJsonArray backends = g.nodes.value(route).attributes.value(QLatin1String("backends")).toArray();
    QCOMPARE(backends.size(), 2);
    int sum = 0;
    for (const auto &b : backends)
        sum += b.toObject().value(QLatin1String("weight")).toInt();
    QCOMPARE(sum, 100);
    QCOMPARE(g.nodes.value(route).health, topology::Health::Healthy);
    QVERIFY(!g.nodes.value(topology::gatewayNodeId(QStringLiteral("tst-push-ng"))).attributes.value(QLatin1String("configVersion")).toString().isEmpty());
    // And in `mcpctl topology --format json`: the gateway's routes beside its instances.
    const QJsonObject json = topology::topologyToJson(g);
    QJsonObject gw;
    for (const auto &v : json.value(QLatin1String("gateways")).toArray())
        if (v.toObject().value(QLatin1String("name")).toString() == QLatin1String("tst-push-ng"))
            gw = v.toObject();
    QCOMPARE(gw.value(QLatin1String("instances")).toArray().size(), 2);
    const QJsonArray jsonRoutes = gw.value(QLatin1String("routes")).toArray();
    QCOMPARE(jsonRoutes.size(), 1);
    QCOMPARE(jsonRoutes[0].toObject().value(QLatin1String("name")).toString(), QStringLiteral("app"));
    QCOMPARE(jsonRoutes[0].toObject().value(QLatin1String("pathPrefix")).toString(), QStringLiteral("/cgi-bin"));
    QCOMPARE(jsonRoutes[0].toObject().value(QLatin1String("backends")).toArray().size(), 2);
    QCOMPARE(gw.value(QLatin1String("configVersion")).toString(),
             g.nodes.value(topology::gatewayNodeId(QStringLiteral("tst-push-ng"))).attributes.value(QLatin1String("configVersion")).toString());

    // Every instance behind the route stopped: the route is down, and the doctor says so on
    // the route itself (in the console's graph and in what mcpctl doctor prints).
    for (const char *v : {"v1", "v2"})
        QVERIFY(!dockerCli({QStringLiteral("stop"), QStringLiteral("-t"), QStringLiteral("1"), QStringLiteral("mcp-tst-push-") + QLatin1String(v)}).isEmpty());
    QVERIFY(QTest::qWaitFor([&] { return model.graph().nodes.value(route).health == topology::Health::Down; }, 20000));
    const auto codes = [](const QList<topology::Problem> &problems, const QString &subject) {
        QStringList out;
        for (const auto &p : problems)
            if (subject.isEmpty() || p.subject == subject)
                out << p.code;
        return out;
    };
    QVERIFY2(codes(model.graph().findings.value(route), {}).contains(QStringLiteral("doctor.route-down")),
             qPrintable(codes(model.graph().findings.value(route), {}).join(QLatin1Char(','))));
    QVERIFY(codes(topology::allFindings(model.graph()), route).contains(QStringLiteral("doctor.route-down")));
    for (const char *v : {"v1", "v2"})
        QVERIFY(!dockerCli({QStringLiteral("start"), QStringLiteral("mcp-tst-push-") + QLatin1String(v)}).isEmpty());
    QVERIFY(QTest::qWaitFor([&] { return model.graph().nodes.value(route).health == topology::Health::Healthy; }, 20000));
    QVERIFY(!codes(model.graph().findings.value(route), {}).contains(QStringLiteral("doctor.route-down")));
}

QTEST_GUILESS_MAIN(TestGatewayPush)
#include "tst_gateway_push.moc"
