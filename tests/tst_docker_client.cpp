// The Engine API client against the test bed's real dockerd, over the unix socket and over
// TLS with client certificates.
#include "common/tarwriter.h"
#include "docker/attachsession.h"
#include "docker/dockerclient.h"
#include "docker/eventstream.h"
#include "docker/logstream.h"
#include "endpoint/endpoint.h"
#include "support/await.h"
#include "support/testbed.h"
#include "transport/tcpconnector.h"
#include "transport/unixconnector.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QSignalSpy>
#include <QtTest>

using namespace mcp;
using mcp::test::await;
using mcp::test::Testbed;

class TestDockerClient : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void pingOverUnix();
    void pingOverTls();
    void tlsErrors_data();
    void tlsErrors();
    void closedPortFailsQuickly();
    void notFoundIsApiError();
    void containerLifecycleAndExec();
    void archiveRoundTrip();
    void eventsSeeAStart();
    void logsFollowLines();
    void attachConsole();
    void parallelInspectsShareAFewConnections();

private:
    QString runBackend(const QString &name, const QJsonObject &extra = {});
    std::unique_ptr<transport::Connector> m_connector;
    std::unique_ptr<docker::DockerClient> m_client;
    QStringList m_created;
};

void TestDockerClient::initTestCase()
{
    const auto ep = endpoint::Endpoint::parse(Testbed::instance().require(QStringLiteral("MCP_TB_UNIX_HOST")));
    QVERIFY(ep.ok());
    m_connector = std::make_unique<transport::UnixConnector>(ep->socketPath);
    m_client = std::make_unique<docker::DockerClient>(m_connector.get());
    const auto ping = await(m_client->ping());
    QVERIFY2(ping.ok(), qPrintable(ping.errorText()));
}

void TestDockerClient::cleanupTestCase()
{
    for (const auto &id : std::as_const(m_created))
        (void)await(m_client->removeContainer(id, true));
    m_client.reset();
}

QString TestDockerClient::runBackend(const QString &name, const QJsonObject &extra)
{
    QJsonObject config{{QStringLiteral("Image"), Testbed::instance().require(QStringLiteral("MCP_TB_IMAGE_BACKEND"))},
                       {QStringLiteral("Labels"), QJsonObject{{QStringLiteral("mcp.test"), QStringLiteral("1")}}}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        config.insert(it.key(), it.value());
    const QString fullName = QStringLiteral("mcp-tst-client-%1-%2").arg(name).arg(QCoreApplication::applicationPid());
    (void)await(m_client->removeContainer(fullName, true));
    const auto id = await(m_client->createContainer(fullName, config));
    if (!id.ok()) {
        qWarning() << id.error().toString();
        return {};
    }
    m_created << *id;
    const auto started = await(m_client->startContainer(*id));
    if (!started.ok()) {
        qWarning() << started.error().toString();
        return {};
    }
    return *id;
}

void TestDockerClient::pingOverUnix()
{
    const auto ping = await(m_client->ping());
    QVERIFY(ping.ok());
    QCOMPARE(ping->osType, QStringLiteral("linux"));
    QVERIFY(!ping->apiVersion.isEmpty());
    // The lower of ours (1.41) and the engine's.
    QVERIFY(docker::compareApiVersions(ping->negotiatedVersion, ping->apiVersion) <= 0);
    QVERIFY(docker::compareApiVersions(ping->negotiatedVersion, QString::fromLatin1(docker::kMaxApiVersion)) <= 0);
    QCOMPARE(m_client->apiVersion(), ping->negotiatedVersion);

    const auto version = await(m_client->version());
    QVERIFY2(version.ok(), qPrintable(version.errorText()));
    QVERIFY(!version->value(QLatin1String("Version")).toString().isEmpty());
}

static endpoint::TlsConfig testbedTls()
{
    const auto &tb = Testbed::instance();
    return endpoint::TlsConfig{true, tb.require(QStringLiteral("MCP_TB_TLS_CA")),
                               tb.require(QStringLiteral("MCP_TB_TLS_CERT")),
                               tb.require(QStringLiteral("MCP_TB_TLS_KEY"))};
}

void TestDockerClient::pingOverTls()
{
    const auto ep = endpoint::Endpoint::parse(Testbed::instance().require(QStringLiteral("MCP_TB_TLS_HOST")));
    QVERIFY(ep.ok());
    transport::TcpConnector connector(ep->host, quint16(ep->port), testbedTls());
    docker::DockerClient client(&connector);
    const auto ping = await(client.ping());
    QVERIFY2(ping.ok(), qPrintable(ping.errorText()));
    const auto list = await(client.listContainers(true));
    QVERIFY2(list.ok(), qPrintable(list.errorText()));
}

void TestDockerClient::tlsErrors_data()
{
    QTest::addColumn<QString>("variant");
    QTest::addColumn<QString>("code");
    QTest::newRow("wrong CA") << "wrong-ca" << "tls.verify";
    QTest::newRow("no client certificate") << "no-client-cert" << "tls";
    QTest::newRow("unreadable key") << "missing-key" << "tls.file-unreadable";
}

void TestDockerClient::tlsErrors()
{
    QFETCH(QString, variant);
    QFETCH(QString, code);
    const auto ep = endpoint::Endpoint::parse(Testbed::instance().require(QStringLiteral("MCP_TB_TLS_HOST")));
    QVERIFY(ep.ok());
    auto tls = testbedTls();
    if (variant == QLatin1String("wrong-ca"))
        tls.caFile = Testbed::instance().require(QStringLiteral("MCP_TB_TLS_WRONG_CA"));
    else if (variant == QLatin1String("no-client-cert"))
        tls.certFile.clear(), tls.keyFile.clear();
    else if (variant == QLatin1String("missing-key"))
        tls.keyFile = QStringLiteral("/nonexistent/key.pem");
    transport::TcpConnector connector(ep->host, quint16(ep->port), tls);
    docker::DockerClient client(&connector);
    const auto ping = await(client.ping());
    QVERIFY(!ping.ok());
    QVERIFY2(ping.error().code.startsWith(code), qPrintable(ping.errorText()));
    QVERIFY(ping.error().kind == ErrorKind::Tls || ping.error().kind == ErrorKind::Config);
}

void TestDockerClient::closedPortFailsQuickly()
{
    const int port = Testbed::instance().require(QStringLiteral("MCP_TB_CLOSED_PORT")).toInt();
    transport::TcpConnector connector(QStringLiteral("127.0.0.1"), quint16(port), {});
    docker::DockerClient client(&connector);
    const auto ping = await(client.ping());
    QVERIFY(!ping.ok());
    QCOMPARE(ping.error().code, QStringLiteral("transport.refused"));
    QVERIFY(ping.error().isConnectivity());
}

void TestDockerClient::notFoundIsApiError()
{
    const auto r = await(m_client->inspectContainer(QStringLiteral("mcp-no-such-container")));
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, ErrorKind::Api);
    QCOMPARE(r.error().code, QStringLiteral("api.not-found"));
    QCOMPARE(r.error().httpStatus, 404);
    QVERIFY(r.error().detail.contains(QLatin1String("mcp-no-such-container")));
}

void TestDockerClient::containerLifecycleAndExec()
{
    const QString id = runBackend(QStringLiteral("life"));
    QVERIFY(!id.isEmpty());
    const auto inspect = await(m_client->inspectContainer(id));
    QVERIFY(inspect.ok());
    QVERIFY(inspect->value(QLatin1String("State")).toObject().value(QLatin1String("Running")).toBool());

    const auto list = await(m_client->listContainers(
        true, QJsonObject{{QStringLiteral("id"), QJsonArray{id}}}));
    QVERIFY(list.ok());
    QCOMPARE(list->size(), 1);

    const auto exec = await(m_client->exec(id, {QStringLiteral("sh"), QStringLiteral("-c"),
                                                QStringLiteral("echo out-line; echo err-line >&2; exit 3")}));
    QVERIFY2(exec.ok(), qPrintable(exec.errorText()));
    QCOMPARE(exec->exitCode, 3);
    QCOMPARE(exec->out, QByteArray("out-line\n"));
    QCOMPARE(exec->err, QByteArray("err-line\n"));

    // Larger output crosses many frames and chunks.
    const auto big = await(m_client->exec(id, {QStringLiteral("sh"), QStringLiteral("-c"),
                                               QStringLiteral("i=0; while [ $i -lt 5000 ]; do echo line-$i; i=$((i+1)); done")}));
    QVERIFY(big.ok());
    QCOMPARE(big->exitCode, 0);
    QCOMPARE(big->out.count('\n'), 5000);
    QVERIFY(big->out.endsWith("line-4999\n"));

    QVERIFY(await(m_client->stopContainer(id, 1)).ok());
    const auto stopped = await(m_client->inspectContainer(id));
    QVERIFY(stopped.ok());
    QVERIFY(!stopped->value(QLatin1String("State")).toObject().value(QLatin1String("Running")).toBool());
}

void TestDockerClient::archiveRoundTrip()
{
    const QString id = runBackend(QStringLiteral("archive"));
    QVERIFY(!id.isEmpty());
    TarWriter tar;
    tar.addDirectory(QStringLiteral("conf.d"));
    const QByteArray content = "server { listen 8080; }\n";
    tar.addFile(QStringLiteral("conf.d/gateway.conf"), content);
    const QString longName = QStringLiteral("conf.d/") + QString(120, QLatin1Char('x')).insert(60, QLatin1Char('/')) +
                             QStringLiteral(".conf");
    tar.addFile(longName, "long\n");
    const auto put = await(m_client->putArchive(id, QStringLiteral("/tmp"), tar.finish()));
    QVERIFY2(put.ok(), qPrintable(put.errorText()));

    const auto cat = await(m_client->exec(id, {QStringLiteral("cat"), QStringLiteral("/tmp/conf.d/gateway.conf"),
                                               QStringLiteral("/tmp/") + longName}));
    QVERIFY(cat.ok());
    QCOMPARE(cat->exitCode, 0);
    QCOMPARE(cat->out, content + "long\n");

    const auto got = await(m_client->getArchive(id, QStringLiteral("/tmp/conf.d/gateway.conf")));
    QVERIFY2(got.ok(), qPrintable(got.errorText()));
    const auto files = readTar(*got);
    QCOMPARE(files.size(), 1);
    QCOMPARE(files.first().first, QStringLiteral("gateway.conf"));
    QCOMPARE(files.first().second, content);

    const auto missing = await(m_client->putArchive(id, QStringLiteral("/no/such/dir"), tar.finish()));
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().kind, ErrorKind::Api);
}

void TestDockerClient::eventsSeeAStart()
{
    auto events = m_client->events(0, QJsonObject{{QStringLiteral("label"), QJsonArray{QStringLiteral("mcp.test=1")}},
                                                  {QStringLiteral("type"), QJsonArray{QStringLiteral("container")}}});
    QSignalSpy started(events.get(), &docker::EventStream::started);
    QSignalSpy seen(events.get(), &docker::EventStream::event);
    events->start();
    QVERIFY(started.wait(10000));
    const QString id = runBackend(QStringLiteral("events"));
    QVERIFY(!id.isEmpty());
    QVERIFY(QTest::qWaitFor(
        [&] {
            for (const auto &args : seen) {
                const auto e = args.at(0).toJsonObject();
                if (e.value(QLatin1String("id")).toString() == id &&
                    e.value(QLatin1String("Action")).toString() == QLatin1String("start"))
                    return true;
            }
            return false;
        },
        15000));
    QVERIFY(events->lastEventNs() > 0);
}

void TestDockerClient::logsFollowLines()
{
    const QString id = runBackend(
        QStringLiteral("logs"),
        QJsonObject{{QStringLiteral("Cmd"),
                     QJsonArray{QStringLiteral("sh"), QStringLiteral("-c"),
                                QStringLiteral("echo first; echo second >&2; sleep 1; echo third; sleep 30")}}});
    QVERIFY(!id.isEmpty());
    docker::LogOptions options;
    options.follow = true;
    options.timestamps = true;
    auto logs = m_client->logs(id, options);
    QList<QPair<int, QByteArray>> lines;
    connect(logs.get(), &docker::LogStream::line, this,
            [&](docker::StdStream s, qint64 ns, const QByteArray &text) {
                QVERIFY(ns > 0);
                lines.append({int(s), text});
            });
    logs->start();
    QVERIFY(QTest::qWaitFor([&] { return lines.size() >= 3; }, 15000));
    // The engine logs stdout and stderr separately, so only the order within one stream is
    // guaranteed: "first" before "third" on stdout, "second" on stderr somewhere.
    const qsizetype first = lines.indexOf(QPair<int, QByteArray>{1, "first"});
    const qsizetype third = lines.indexOf(QPair<int, QByteArray>{1, "third"});
    QVERIFY(first >= 0);
    QVERIFY(third > first);
    QVERIFY(lines.contains(QPair<int, QByteArray>{2, "second"}));
    QVERIFY(logs->lastTimestampNs() > 0);
}

void TestDockerClient::attachConsole()
{
    const QString id = runBackend(QStringLiteral("attach"),
                                  QJsonObject{{QStringLiteral("Cmd"), QJsonArray{QStringLiteral("sh")}},
                                              {QStringLiteral("OpenStdin"), true},
                                              {QStringLiteral("AttachStdin"), true}});
    QVERIFY(!id.isEmpty());
    auto session = m_client->attach(id, false);
    QSignalSpy attached(session.get(), &docker::AttachSession::attached);
    QByteArray out;
    connect(session.get(), &docker::AttachSession::output, this,
            [&](docker::StdStream, const QByteArray &data) { out += data; });
    session->start();
    QVERIFY(attached.wait(10000));
    session->write("echo hello-from-console\n");
    QVERIFY(QTest::qWaitFor([&] { return out.contains("hello-from-console"); }, 10000));
}

void TestDockerClient::parallelInspectsShareAFewConnections()
{
    const auto list = await(m_client->listContainers(true));
    QVERIFY(list.ok());
    QVERIFY(!list->isEmpty());
    const int before = m_client->http().connectionsOpened();
    QList<QFuture<Result<QJsonObject>>> futures;
    for (int i = 0; i < 60; ++i)
        futures << m_client->inspectContainer(list->at(i % list->size()).toObject().value(QLatin1String("Id")).toString());
    for (auto &f : futures) {
        const auto r = await(f);
        QVERIFY2(r.ok(), qPrintable(r.errorText()));
    }
    // Keep-alive: 60 calls over at most the pool size of new connections.
    QVERIFY(m_client->http().connectionsOpened() - before <= 6);
}

QTEST_GUILESS_MAIN(TestDockerClient)
#include "tst_docker_client.moc"
