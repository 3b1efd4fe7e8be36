// What TLS gateways serve, read the way `mcpctl certs list` reads it: real nginx and HAProxy
// containers with an https listener and a certificate made by openssl at test time; the
// served chain (a TLS handshake from inside the container, with and without SNI) is the
// spec's; a certificate file changed behind the gateway's back (not reloaded) is flagged as
// a mismatch; a plain-HTTP port is no TLS listener; no private key material is printed.
// Rollout: a new certificate pushed under HTTPS load changes the served serial with zero
// failed requests (the push itself verifies the served chain); a certificate with the wrong
// key is refused by `mcpctl push` before anything reaches the gateway, which keeps serving.
// HAProxy: a push that changes only certificates goes through the runtime API (`set ssl
// cert` + `commit ssl cert`): the served serial changes, the worker process is the same (no
// reload), no request fails under load, and the push says "runtime"; a structural change
// with it reloads; a transaction HAProxy refuses (another one is open) fails the push at
// "runtime" and the old certificate serves again; the push dialog says which way it went
// (screenshot push-dialog-cert-runtime). An encrypted key opened with its passphrase in memory (what the panel's
// "Replace on gateway…" hands the editor) passes the checks and is written decrypted (0600)
// into the gateway; without it the checks refuse it (cert.key-encrypted). The grep of what
// the console wrote covers the passphrase and the decrypted key too.
#include "support/testbed.h"

#include "certs/privatekey.h"
#include "certs/servedcertificate.h"
#include "docker/dockerclient.h"
#include "endpoint/endpoint.h"
#include "gateway/auditlog.h"
#include "gateway/pusher.h"
#include "gateway/pushplan.h"
#include "gateway/render.h"
#include "gateway/specreader.h"
#include "gateway/specvalidator.h"
#include "gateway/pushdialog.h"
#include "transport/unixconnector.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace mcp;
using mcp::test::Testbed;

namespace {

const QString kNet = QStringLiteral("mcp-tst-certinv");

const char *kMakeCerts = R"SH(set -e
q() { "$@" >/dev/null 2>&1; }
printf 'subjectAltName=DNS:api.example.com\n' > api.ext
q openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 3650 -subj '/CN=Inventory Test CA'
for n in good next third; do
  q openssl req -newkey rsa:2048 -nodes -keyout $n.key -out $n.csr -subj /CN=$n
  q openssl x509 -req -in $n.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out $n.pem -days 200 -extfile api.ext
  openssl x509 -in $n.pem -noout -serial | sed 's/serial=//' > $n.serial
done
q openssl pkey -in third.key -aes256 -passout pass:inventory-secret -out third-locked.key
q openssl req -x509 -newkey rsa:2048 -nodes -keyout other-ca.key -out other-ca.pem -days 3650 -subj '/CN=Other CA'
)SH";

QString dockerCli(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral("docker"), QStringList{QStringLiteral("-H"), Testbed::instance().require(QStringLiteral("MCP_TB_UNIX_HOST"))} + args);
    if (!p.waitForFinished(120000) || p.exitCode() != 0) {
        qWarning() << "docker" << args << p.readAllStandardError();
        return {};
    }
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

void cleanup()
{
    const QString ids = dockerCli({QStringLiteral("ps"), QStringLiteral("-aq"), QStringLiteral("--filter"), QStringLiteral("name=mcp-tst-certinv-")});
    if (!ids.isEmpty())
        dockerCli(QStringList{QStringLiteral("rm"), QStringLiteral("-f")} + ids.split(QLatin1Char('\n')));
    dockerCli({QStringLiteral("network"), QStringLiteral("rm"), kNet});
}

} // namespace

class TestCertInventory : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void servedIsTheSpecs_data();
    void servedIsTheSpecs();
    void changedBehindTheGatewaysBackIsFlagged();
    void plainHttpIsNoTlsListener();
    void rolloutUnderLoad_data();
    void rolloutUnderLoad();
    void haproxyCertificateAtRunTime();
    void structuralChangeReloads();
    void runtimeRefusalRestores();
    void pushDialogSaysRuntime();
    void badCertificateNeverReachesTheGateway_data();
    void badCertificateNeverReachesTheGateway();
    void encryptedKeyIsPushedDecrypted();
    void weightChangeNeedsNoLocalKey();
    void trustToACaBundle();
    void noKeyMaterialInWhatTheConsoleWrites();

private:
    QString writeSpec(const QString &gateway, const QString &driver, const QString &cert, const QString &key, const QString &routeExtra = {});
    QString servedSerial(const QString &container);
    QString workerPid(const QString &container);
    QJsonObject pushJson(const QString &spec, int *exitCode, const QStringList &extra = {});
    QJsonObject mcpctlJson(const QStringList &args, int *exitCode, const QString &workingDir = {});
    QString lastAuditMethod();
    QJsonObject list(const QString &gateway, int *exitCode, QByteArray *raw = nullptr, const QString &caFile = {});
    QString serial(const QString &name) const;

    QTemporaryDir m_dir;
    QString m_host;
    gateway::EndpointMap m_endpoints;
    QStringList m_secretLines; // the passphrase and the decrypted key's lines, once opened
    std::unique_ptr<transport::UnixConnector> m_connector;
    std::unique_ptr<docker::DockerClient> m_client;
};

QString TestCertInventory::serial(const QString &name) const
{
    QFile f(m_dir.filePath(name + QStringLiteral(".serial")));
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()).trimmed() : QString();
}

void TestCertInventory::initTestCase()
{
    qputenv("MCP_AUDIT_LOG", m_dir.filePath(QStringLiteral("written/audit.jsonl")).toUtf8());
    qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("written/config")).toUtf8());
    qputenv("XDG_DATA_HOME", m_dir.filePath(QStringLiteral("written/data")).toUtf8());
    QProcess sh;
    sh.setWorkingDirectory(m_dir.path());
    sh.start(QStringLiteral("bash"), {QStringLiteral("-c"), QString::fromUtf8(kMakeCerts)});
    QVERIFY(sh.waitForFinished(60000) && sh.exitCode() == 0);
    m_host = Testbed::instance().require(QStringLiteral("MCP_TB_UNIX_HOST"));
    m_connector = std::make_unique<transport::UnixConnector>(endpoint::Endpoint::parse(m_host)->socketPath);
    m_client = std::make_unique<docker::DockerClient>(m_connector.get());
    cleanup();
    QVERIFY(!dockerCli({QStringLiteral("network"), QStringLiteral("create"), QStringLiteral("--label"), QStringLiteral("mcp.test=1"), kNet}).isEmpty());
    QVERIFY(!dockerCli({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), QStringLiteral("mcp-tst-certinv-app"), QStringLiteral("--network"),
                        kNet, QStringLiteral("--label"), QStringLiteral("mcp.test=1"), QStringLiteral("--label"), QStringLiteral("mcp.service.name=inv-app"),
                        QStringLiteral("--label"), QStringLiteral("mcp.service.port=8080"), Testbed::instance().require(QStringLiteral("MCP_TB_IMAGE_BACKEND"))})
                 .isEmpty());
    const QString appIp = dockerCli({QStringLiteral("inspect"), QStringLiteral("-f"),
                                     QStringLiteral("{{(index .NetworkSettings.Networks \"%1\").IPAddress}}").arg(kNet), QStringLiteral("mcp-tst-certinv-app")});
    gateway::EndpointMap &endpoints = m_endpoints;
    // The version the topology gives an unlabelled instance, as `mcpctl push` renders it: the
    // pushes made here and by mcpctl render the same servers.
    endpoints[QStringLiteral("inv-app")] << gateway::InstanceEndpoint{QStringLiteral("mcp-tst-certinv-app"), appIp, 8080, QStringLiteral("default")};
    for (const QString &driver : {QStringLiteral("nginx"), QStringLiteral("haproxy")}) {
        const QString gw = QStringLiteral("inv-") + driver;
        QVERIFY(!dockerCli({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), QStringLiteral("mcp-tst-certinv-") + driver,
                            QStringLiteral("--network"), kNet, QStringLiteral("--label"), QStringLiteral("mcp.test=1"), QStringLiteral("--label"),
                            QStringLiteral("mcp.gateway=") + gw, QStringLiteral("--label"), QStringLiteral("mcp.gateway.driver=") + driver,
                            Testbed::instance().require(driver == QLatin1String("nginx") ? QStringLiteral("MCP_TB_IMAGE_NGINX")
                                                                                         : QStringLiteral("MCP_TB_IMAGE_HAPROXY"))})
                     .isEmpty());
        const QString file = writeSpec(gw, driver, QStringLiteral("good.pem"), QStringLiteral("good.key"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        const gateway::SpecReading reading = gateway::readSpecFile(file);
        QVERIFY(reading.parsed);
        gateway::GatewayPush push(m_client.get(), gw, gateway::renderConfig(reading.spec, text, endpoints));
        QSignalSpy done(&push, &gateway::GatewayPush::finished);
        push.start();
        QVERIFY(done.wait(60000));
        QVERIFY2(push.outcome().ok, qPrintable(push.outcome().error.detail));
    }
}

void TestCertInventory::cleanupTestCase()
{
    m_client.reset();
    cleanup();
}

QString TestCertInventory::writeSpec(const QString &gw, const QString &driver, const QString &cert, const QString &key, const QString &routeExtra)
{
    const QString file = m_dir.filePath(gw + QStringLiteral(".yaml"));
    const QByteArray text = QStringLiteral("apiVersion: mcp/v1\nkind: GatewayConfig\nmetadata: {name: %1}\nspec:\n  driver: %2\n"
                                           "  listeners:\n    - {name: http, port: 8080}\n"
                                           "    - {name: https, port: 8443, protocol: https, certificate: tls}\n"
                                           "  certificates:\n    - {name: tls, certFile: %3, keyFile: %4}\n"
                                           "  routes:\n    - name: app\n      match: {hosts: [api.example.com], pathPrefix: /}\n"
                                           "      backends:\n        - {service: inv-app}\n%5")
                                .arg(gw, driver, cert, key, routeExtra)
                                .toUtf8();
    QFile f(file);
    if (!f.open(QIODevice::WriteOnly) || f.write(text) != text.size())
        return {};
    return file;
}

QString TestCertInventory::servedSerial(const QString &container)
{
    const QString id = dockerCli({QStringLiteral("inspect"), QStringLiteral("-f"), QStringLiteral("{{.Id}}"), container});
    QObject context;
    std::optional<Result<QList<certs::CertificateInfo>>> result;
    certs::fetchServedCertificate(m_client.get(), id, 8443, QStringLiteral("api.example.com"), &context,
                                  [&](Result<QList<certs::CertificateInfo>> r) { result = std::move(r); });
    QTest::qWaitFor([&] { return result.has_value(); }, 30000);
    return result && result->ok() && !(*result)->isEmpty() ? (*result)->first().serial : QString();
}

// HAProxy's worker (the process that serves; master-worker mode makes a new one per reload).
QString TestCertInventory::workerPid(const QString &container)
{
    const QString info = dockerCli({QStringLiteral("exec"), container, QStringLiteral("sh"), QStringLiteral("-c"),
                                    QStringLiteral("echo 'show info' | nc -w 2 127.0.0.1 9999")});
    static const QRegularExpression pid(QStringLiteral("^Pid: (\\d+)$"), QRegularExpression::MultilineOption);
    return pid.match(info).captured(1);
}

QJsonObject TestCertInventory::pushJson(const QString &spec, int *exitCode, const QStringList &extra)
{
    return mcpctlJson(QStringList{QStringLiteral("push"), spec} + extra, exitCode);
}

QJsonObject TestCertInventory::mcpctlJson(const QStringList &args, int *exitCode, const QString &workingDir)
{
    QProcess p;
    if (!workingDir.isEmpty())
        p.setWorkingDirectory(workingDir);
    p.start(QStringLiteral(MCPCTL_PATH), QStringList{QStringLiteral("--host"), m_host, QStringLiteral("--no-probe"), QStringLiteral("--format"),
                                                     QStringLiteral("json")} + args);
    p.waitForFinished(120000);
    *exitCode = p.exitCode();
    const QByteArray out = p.readAllStandardOutput();
    const QJsonObject r = QJsonDocument::fromJson(out).object();
    if (r.isEmpty() || *exitCode != 0)
        qWarning("%s", QByteArray(out + p.readAllStandardError()).right(1500).constData());
    return r;
}

QString TestCertInventory::lastAuditMethod()
{
    QFile f(m_dir.filePath(QStringLiteral("written/audit.jsonl")));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QList<QByteArray> lines = f.readAll().trimmed().split('\n');
    return QJsonDocument::fromJson(lines.last()).object().value(QLatin1String("method")).toString();
}

QJsonObject TestCertInventory::list(const QString &gatewayName, int *exitCode, QByteArray *raw, const QString &caFile)
{
    QProcess p;
    p.start(QStringLiteral(MCPCTL_PATH), QStringList{QStringLiteral("--host"), m_host, QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("certs"),
                                                     QStringLiteral("list"), QStringLiteral("--gateway"), gatewayName} +
                                             (caFile.isEmpty() ? QStringList{} : QStringList{QStringLiteral("--ca"), caFile}));
    p.waitForFinished(120000);
    *exitCode = p.exitCode();
    const QByteArray out = p.readAllStandardOutput();
    if (raw)
        *raw = out + p.readAllStandardError();
    return QJsonDocument::fromJson(out).object();
}

void TestCertInventory::servedIsTheSpecs_data()
{
    QTest::addColumn<QString>("gateway");
    QTest::newRow("nginx") << "inv-nginx";
    QTest::newRow("haproxy") << "inv-haproxy";
}

void TestCertInventory::servedIsTheSpecs()
{
    QFETCH(QString, gateway);
    int exitCode = -1;
    QByteArray raw;
    const QJsonObject r = list(gateway, &exitCode, &raw);
    QCOMPARE(exitCode, 0);
    const QJsonArray rows = r.value(QLatin1String("certificates")).toArray();
    QCOMPARE(rows.size(), 2); // without SNI, and for the route's host
    QStringList names;
    for (const auto &v : rows) {
        const QJsonObject row = v.toObject();
        names << row.value(QLatin1String("serverName")).toString();
        QCOMPARE(row.value(QLatin1String("port")).toInt(), 8443);
        QVERIFY2(row.value(QLatin1String("matches")).toBool(), QJsonDocument(row).toJson().constData());
        QCOMPARE(row.value(QLatin1String("served")).toObject().value(QLatin1String("serial")).toString(), serial(QStringLiteral("good")));
        QCOMPARE(row.value(QLatin1String("spec")).toObject().value(QLatin1String("serial")).toString(), serial(QStringLiteral("good")));
    }
    QCOMPARE(names, (QStringList{QString(), QStringLiteral("api.example.com")}));
    QVERIFY(!raw.contains("PRIVATE KEY")); // HAProxy's PEM holds the key: never printed
}

// The certificate file replaced in the container without a reload: the gateway still
// serves the old one, and the inventory says so.
void TestCertInventory::changedBehindTheGatewaysBackIsFlagged()
{
    QProcess cp;
    cp.start(QStringLiteral("docker"), {QStringLiteral("-H"), m_host, QStringLiteral("cp"), m_dir.filePath(QStringLiteral("next.pem")),
                                        QStringLiteral("mcp-tst-certinv-nginx:/etc/nginx/mcp/certs/tls.pem")});
    QVERIFY(cp.waitForFinished(60000) && cp.exitCode() == 0);
    int exitCode = -1;
    const QJsonObject r = list(QStringLiteral("inv-nginx"), &exitCode);
    QCOMPARE(exitCode, 1);
    const QJsonObject row = r.value(QLatin1String("certificates")).toArray().first().toObject();
    QVERIFY(!row.value(QLatin1String("matches")).toBool());
    QCOMPARE(row.value(QLatin1String("served")).toObject().value(QLatin1String("serial")).toString(), serial(QStringLiteral("good")));
    QCOMPARE(row.value(QLatin1String("spec")).toObject().value(QLatin1String("serial")).toString(), serial(QStringLiteral("next")));
    bool flagged = false;
    for (const auto &f : r.value(QLatin1String("findings")).toArray())
        flagged = flagged || f.toObject().value(QLatin1String("code")).toString() == QLatin1String("cert.served-mismatch");
    QVERIFY2(flagged, QJsonDocument(r).toJson().constData());
}

void TestCertInventory::plainHttpIsNoTlsListener()
{
    const QString id = dockerCli({QStringLiteral("inspect"), QStringLiteral("-f"), QStringLiteral("{{.Id}}"), QStringLiteral("mcp-tst-certinv-haproxy")});
    QObject context;
    std::optional<Result<QList<certs::CertificateInfo>>> result;
    certs::fetchServedCertificate(m_client.get(), id, 8080, QStringLiteral("api.example.com"), &context,
                                  [&](Result<QList<certs::CertificateInfo>> r) { result = std::move(r); });
    QVERIFY(QTest::qWaitFor([&] { return result.has_value(); }, 30000));
    QVERIFY(!result->ok());
    QCOMPARE(result->error().code, QStringLiteral("cert.tls-handshake"));
}

void TestCertInventory::rolloutUnderLoad_data()
{
    QTest::addColumn<QString>("driver");
    QTest::newRow("nginx") << "nginx";
    QTest::newRow("haproxy") << "haproxy";
}

// The new certificate through `mcpctl push` while HTTPS requests keep coming: every request
// answered, and the listener serves the new serial (the push verified it before reporting).
void TestCertInventory::rolloutUnderLoad()
{
    QFETCH(QString, driver);
    const QString gw = QStringLiteral("inv-") + driver;
    const QString container = QStringLiteral("mcp-tst-certinv-") + driver;
    const QString target = servedSerial(container) == serial(QStringLiteral("next")) ? QStringLiteral("good") : QStringLiteral("next");
    const QString ip = dockerCli({QStringLiteral("inspect"), QStringLiteral("-f"),
                                  QStringLiteral("{{(index .NetworkSettings.Networks \"%1\").IPAddress}}").arg(kNet), container});
    QProcess hey;
    hey.start(QStringLiteral("hey"), {QStringLiteral("-z"), QStringLiteral("6s"), QStringLiteral("-c"), QStringLiteral("4"), QStringLiteral("-host"),
                                      QStringLiteral("api.example.com"), QStringLiteral("https://%1:8443/health").arg(ip)});
    QVERIFY(hey.waitForStarted());
    QTest::qWait(1500);
    QProcess push;
    push.start(QStringLiteral(MCPCTL_PATH), {QStringLiteral("--host"), m_host, QStringLiteral("--no-probe"), QStringLiteral("push"),
                                             writeSpec(gw, driver, target + QStringLiteral(".pem"), target + QStringLiteral(".key"))});
    QVERIFY(push.waitForFinished(120000));
    const QByteArray said = push.readAllStandardOutput() + push.readAllStandardError();
    QVERIFY2(push.exitCode() == 0, said.right(1500).constData());
    QCOMPARE(servedSerial(container), serial(target));
    QVERIFY(hey.state() == QProcess::NotRunning || hey.waitForFinished(60000));
    const QString report = QString::fromUtf8(hey.readAllStandardOutput());
    QVERIFY2(!report.contains(QLatin1String("Error distribution")), qPrintable(report));
    QVERIFY2(report.contains(QLatin1String("[200]")), qPrintable(report));
    // Status code distribution: "[200]\t1234 responses", nothing else.
    static const QRegularExpression status(QStringLiteral("\\[(\\d+)\\]\\s+(\\d+) responses"));
    QMap<int, int> byStatus;
    for (auto it = status.globalMatch(report); it.hasNext();) {
        const auto m = it.next();
        byStatus[m.captured(1).toInt()] += m.captured(2).toInt();
    }
    qInfo("%s: %d HTTPS requests answered 200 across the certificate rollout", qPrintable(driver), byStatus.value(200));
    QCOMPARE(byStatus.keys(), QList<int>{200});
    QVERIFY(byStatus.value(200) > 50);
}

// Only the certificate changes on HAProxy, under HTTPS load: the runtime API takes it; the
// same worker serves the new serial and every request is answered.
void TestCertInventory::haproxyCertificateAtRunTime()
{
    const QString container = QStringLiteral("mcp-tst-certinv-haproxy");
    const QString target = servedSerial(container) == serial(QStringLiteral("next")) ? QStringLiteral("good") : QStringLiteral("next");
    const QString pidBefore = workerPid(container);
    QVERIFY(!pidBefore.isEmpty());
    const QString ip = dockerCli({QStringLiteral("inspect"), QStringLiteral("-f"),
                                  QStringLiteral("{{(index .NetworkSettings.Networks \"%1\").IPAddress}}").arg(kNet), container});
    QProcess hey;
    hey.start(QStringLiteral("hey"), {QStringLiteral("-z"), QStringLiteral("6s"), QStringLiteral("-c"), QStringLiteral("4"), QStringLiteral("-host"),
                                      QStringLiteral("api.example.com"), QStringLiteral("https://%1:8443/health").arg(ip)});
    QVERIFY(hey.waitForStarted());
    QTest::qWait(1500);
    int exitCode = -1;
    const QJsonObject r = pushJson(writeSpec(QStringLiteral("inv-haproxy"), QStringLiteral("haproxy"), target + QStringLiteral(".pem"),
                                             target + QStringLiteral(".key")),
                                   &exitCode);
    QVERIFY2(exitCode == 0, QJsonDocument(r).toJson().constData());
    QCOMPARE(r.value(QLatin1String("method")).toString(), QStringLiteral("runtime"));
    QCOMPARE(lastAuditMethod(), QStringLiteral("runtime"));
    QCOMPARE(servedSerial(container), serial(target));
    QCOMPARE(workerPid(container), pidBefore); // no reload: the same process serves the new certificate
    QVERIFY(hey.state() == QProcess::NotRunning || hey.waitForFinished(60000));
    const QString report = QString::fromUtf8(hey.readAllStandardOutput());
    QVERIFY2(!report.contains(QLatin1String("Error distribution")), qPrintable(report));
    static const QRegularExpression status(QStringLiteral("\\[(\\d+)\\]\\s+(\\d+) responses"));
    QMap<int, int> byStatus;
    for (auto it = status.globalMatch(report); it.hasNext();) {
        const auto m = it.next();
        byStatus[m.captured(1).toInt()] += m.captured(2).toInt();
    }
    qInfo("haproxy runtime: %d HTTPS requests answered 200 across the certificate change, worker pid %s before and after",
          byStatus.value(200), qPrintable(pidBefore));
    QCOMPARE(byStatus.keys(), QList<int>{200});
    QVERIFY(byStatus.value(200) > 50);
    // The file on disk is the new one too, so a later reload keeps it.
    QProcess disk;
    disk.start(QStringLiteral("sh"), {QStringLiteral("-c"), QStringLiteral("docker -H %1 exec %2 cat /etc/haproxy/mcp/certs/tls.pem | openssl x509 -noout -serial")
                                                                .arg(m_host, container)});
    QVERIFY(disk.waitForFinished(60000));
    const QString onDisk = QString::fromUtf8(disk.readAllStandardOutput());
    QVERIFY2(onDisk.contains(serial(target)), qPrintable(onDisk));
}

// A certificate change together with another change (a route timeout): not for the runtime
// API; the push reloads (a new worker) and the new certificate is served.
void TestCertInventory::structuralChangeReloads()
{
    const QString container = QStringLiteral("mcp-tst-certinv-haproxy");
    const QString target = servedSerial(container) == serial(QStringLiteral("next")) ? QStringLiteral("good") : QStringLiteral("next");
    const QString pidBefore = workerPid(container);
    int exitCode = -1;
    const QJsonObject r = pushJson(writeSpec(QStringLiteral("inv-haproxy"), QStringLiteral("haproxy"), target + QStringLiteral(".pem"),
                                             target + QStringLiteral(".key"), QStringLiteral("      timeouts: {connect: 3s}\n")),
                                   &exitCode);
    QVERIFY2(exitCode == 0, QJsonDocument(r).toJson().constData());
    QCOMPARE(r.value(QLatin1String("method")).toString(), QStringLiteral("reload"));
    QCOMPARE(lastAuditMethod(), QStringLiteral("reload"));
    QCOMPARE(servedSerial(container), serial(target));
    QVERIFY(QTest::qWaitFor([&] { return !workerPid(container).isEmpty(); }, 10000));
    QVERIFY(workerPid(container) != pidBefore);
}

// Two TLS listeners; someone else's transaction left open on the second certificate, so
// HAProxy refuses `set ssl cert` for the first: the push fails at "runtime", the old files
// go back (the same refusal, so by a reload) and the old certificate serves.
void TestCertInventory::runtimeRefusalRestores()
{
    const QString container = QStringLiteral("mcp-tst-certinv-haproxy");
    const auto twoListeners = [&](const QString &name) {
        const QString file = m_dir.filePath(QStringLiteral("inv-haproxy-two.yaml"));
        QFile f(file);
        const QByteArray text = QStringLiteral("apiVersion: mcp/v1\nkind: GatewayConfig\nmetadata: {name: inv-haproxy}\nspec:\n  driver: haproxy\n"
                                               "  listeners:\n    - {name: http, port: 8080}\n"
                                               "    - {name: https, port: 8443, protocol: https, certificate: tls}\n"
                                               "    - {name: https2, port: 8444, protocol: https, certificate: tls2}\n"
                                               "  certificates:\n    - {name: tls, certFile: %1.pem, keyFile: %1.key}\n"
                                               "    - {name: tls2, certFile: good.pem, keyFile: good.key}\n"
                                               "  routes:\n    - name: app\n      match: {hosts: [api.example.com], pathPrefix: /}\n"
                                               "      backends:\n        - {service: inv-app}\n")
                                    .arg(name)
                                    .toUtf8();
        return f.open(QIODevice::WriteOnly) && f.write(text) == text.size() ? file : QString();
    };
    const QString current = servedSerial(container) == serial(QStringLiteral("next")) ? QStringLiteral("next") : QStringLiteral("good");
    const QString target = current == QLatin1String("next") ? QStringLiteral("good") : QStringLiteral("next");
    int exitCode = -1;
    QJsonObject r = pushJson(twoListeners(current), &exitCode);
    QVERIFY2(exitCode == 0, QJsonDocument(r).toJson().constData());
    QCOMPARE(r.value(QLatin1String("method")).toString(), QStringLiteral("reload")); // a new listener: structural

    const QString open = dockerCli({QStringLiteral("exec"), container, QStringLiteral("sh"), QStringLiteral("-c"),
                                    QStringLiteral("p=/etc/haproxy/mcp/certs/tls2.pem; { printf 'set ssl cert %s <<\\n' $p; cat $p; printf '\\n'; } | "
                                                   "nc -w 2 127.0.0.1 9999")});
    QVERIFY2(open.contains(QLatin1String("Transaction created")), qPrintable(open));
    const QString pidBefore = workerPid(container);
    r = pushJson(twoListeners(target), &exitCode);
    QCOMPARE(exitCode, 1);
    QCOMPARE(r.value(QLatin1String("failedStep")).toString(), QStringLiteral("runtime"));
    QCOMPARE(r.value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString(), QStringLiteral("push.runtime-failed"));
    QVERIFY2(r.value(QLatin1String("error")).toObject().value(QLatin1String("message")).toString().contains(QLatin1String("ongoing transaction")),
             QJsonDocument(r).toJson().constData());
    QVERIFY(r.value(QLatin1String("rolledBack")).toBool());
    QCOMPARE(r.value(QLatin1String("method")).toString(), QStringLiteral("runtime"));
    QCOMPARE(lastAuditMethod(), QStringLiteral("runtime"));
    QCOMPARE(servedSerial(container), serial(current));
    // The old files could not go back at run time either (the same open transaction): the
    // restore reloaded them, and the new worker has no transaction left.
    QVERIFY(QTest::qWaitFor([&] { const QString pid = workerPid(container); return !pid.isEmpty() && pid != pidBefore; }, 10000));
    r = pushJson(twoListeners(target), &exitCode);
    QVERIFY2(exitCode == 0, QJsonDocument(r).toJson().constData());
    QCOMPARE(r.value(QLatin1String("method")).toString(), QStringLiteral("runtime"));
    QCOMPARE(servedSerial(container), serial(target));
    // Back to the one-listener spec the other tests use.
    r = pushJson(writeSpec(QStringLiteral("inv-haproxy"), QStringLiteral("haproxy"), target + QStringLiteral(".pem"), target + QStringLiteral(".key")),
                 &exitCode);
    QVERIFY2(exitCode == 0, QJsonDocument(r).toJson().constData());
}

// The console's push dialog on a certificate-only HAProxy change: the runtime step in the
// list, and the result says no reload happened.
void TestCertInventory::pushDialogSaysRuntime()
{
    const QString container = QStringLiteral("mcp-tst-certinv-haproxy");
    const QString target = servedSerial(container) == serial(QStringLiteral("next")) ? QStringLiteral("good") : QStringLiteral("next");
    const QString file = writeSpec(QStringLiteral("inv-haproxy"), QStringLiteral("haproxy"), target + QStringLiteral(".pem"), target + QStringLiteral(".key"));
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray text = f.readAll();
    const gateway::PushPlan plan = gateway::planPush(text, file, nullptr);
    QVERIFY(!gateway::hasErrors(plan.findings));
    ui::PushDialog dialog(m_client.get(), QStringLiteral("testbed"), m_host, QStringLiteral("inv-haproxy"),
                          gateway::renderConfig(plan.reading.spec, text, m_endpoints), ui::PushDialog::Kind::Push);
    dialog.resize(760, 620);
    dialog.show();
    QSignalSpy previewed(&dialog, &ui::PushDialog::previewed);
    dialog.preview();
    QVERIFY(previewed.count() > 0 || previewed.wait(30000));
    QVERIFY2(dialog.resultLabel()->text().contains(QLatin1String("runtime API")),
             qPrintable(dialog.resultLabel()->text())); // said before pushing
    QSignalSpy finished(&dialog, &ui::PushDialog::pushFinished);
    dialog.pushButton()->click();
    QVERIFY(finished.wait(60000));
    QVERIFY2(dialog.succeeded(), qPrintable(dialog.resultLabel()->text()));
    QCOMPARE(dialog.outcome().method, QStringLiteral("runtime"));
    QStringList steps;
    for (int i = 0; i < dialog.stepsList()->count(); ++i)
        steps << dialog.stepsList()->item(i)->text();
    QVERIFY2(steps.join(QLatin1Char('\n')).contains(QLatin1String("Apply the certificates at run time (no reload)")), qPrintable(steps.join(QLatin1Char('\n'))));
    QVERIFY(!steps.join(QLatin1Char('\n')).contains(QLatin1String("Graceful reload")));
    QVERIFY(steps.join(QLatin1Char('\n')).contains(QLatin1String("Verify it serves the new certificate")));
    QVERIFY(dialog.resultLabel()->text().contains(QLatin1String("without a reload")));
    QCOMPARE(lastAuditMethod(), QStringLiteral("runtime"));
    QCOMPARE(servedSerial(container), serial(target));
    QTest::qWait(100);
    QDir().mkpath(QStringLiteral(MCP_SCREENSHOT_DIR));
    QVERIFY(dialog.grab().save(QStringLiteral(MCP_SCREENSHOT_DIR "/push-dialog-cert-runtime.png")));
}

void TestCertInventory::badCertificateNeverReachesTheGateway_data()
{
    QTest::addColumn<QString>("driver");
    QTest::newRow("nginx") << "nginx";
    QTest::newRow("haproxy") << "haproxy";
}

// The next certificate with the previous key: refused by the offline checks; the gateway
// keeps its certificate (and, HAProxy, its worker) and nothing was attempted.
void TestCertInventory::badCertificateNeverReachesTheGateway()
{
    QFETCH(QString, driver);
    const QString container = QStringLiteral("mcp-tst-certinv-") + driver;
    const QString before = servedSerial(container);
    QVERIFY(!before.isEmpty());
    const QString pidBefore = driver == QLatin1String("haproxy") ? workerPid(container) : QString();
    const QString other = before == serial(QStringLiteral("next")) ? QStringLiteral("good") : QStringLiteral("next");
    const QString wrongKey = other == QLatin1String("next") ? QStringLiteral("good.key") : QStringLiteral("next.key");
    QProcess push;
    push.start(QStringLiteral(MCPCTL_PATH), {QStringLiteral("--host"), m_host, QStringLiteral("--no-probe"), QStringLiteral("push"),
                                             writeSpec(QStringLiteral("inv-") + driver, driver, other + QStringLiteral(".pem"), wrongKey)});
    QVERIFY(push.waitForFinished(120000));
    QCOMPARE(push.exitCode(), 1);
    const QByteArray said = push.readAllStandardOutput() + push.readAllStandardError();
    QVERIFY2(said.contains("cert.key-mismatch"), said.constData());
    QVERIFY(!said.contains("PRIVATE KEY"));
    QCOMPARE(servedSerial(container), before);
    if (driver == QLatin1String("haproxy"))
        QCOMPARE(workerPid(container), pidBefore);
}

// The third certificate with its key encrypted: refused as a file; opened with the
// passphrase in memory, checked and pushed to nginx, which then holds it decrypted, 0600.
void TestCertInventory::encryptedKeyIsPushedDecrypted()
{
    QFile lockedFile(m_dir.filePath(QStringLiteral("third-locked.key")));
    QVERIFY(lockedFile.open(QIODevice::ReadOnly));
    const QByteArray locked = lockedFile.readAll();
    QVERIFY(certs::isEncryptedKey(locked));
    const Result<QByteArray> opened = certs::loadPrivateKey(locked, QByteArrayLiteral("inventory-secret"));
    QVERIFY2(opened.ok(), qPrintable(opened.errorText()));
    m_secretLines << QStringLiteral("inventory-secret");
    for (const QByteArray &line : opened->split('\n'))
        if (line.size() >= 40 && !line.startsWith("-----"))
            m_secretLines << QString::fromLatin1(line);

    const QString file = writeSpec(QStringLiteral("inv-nginx"), QStringLiteral("nginx"), QStringLiteral("third.pem"), QStringLiteral("third-locked.key"));
    QFile specFile(file);
    QVERIFY(specFile.open(QIODevice::ReadOnly));
    const QByteArray text = specFile.readAll();
    gateway::PushPlan plan = gateway::planPush(text, file, nullptr);
    QStringList codes;
    for (const auto &f : plan.findings)
        codes << f.code;
    QVERIFY2(codes.contains(QLatin1String("cert.key-encrypted")), qPrintable(codes.join(QLatin1Char(' '))));

    QHash<QString, QByteArray> keys{{m_dir.filePath(QStringLiteral("third-locked.key")), *opened}};
    plan = gateway::planPush(text, file, nullptr, keys);
    QVERIFY2(!gateway::hasErrors(plan.findings), plan.findings.isEmpty() ? "" : qPrintable(plan.findings.first().message));
    gateway::GatewayPush push(m_client.get(), QStringLiteral("inv-nginx"), gateway::renderConfig(plan.reading.spec, text, m_endpoints));
    QSignalSpy done(&push, &gateway::GatewayPush::finished);
    push.start();
    QVERIFY(done.wait(60000));
    QVERIFY2(push.outcome().ok, qPrintable(push.outcome().error.detail));
    gateway::appendAudit(gateway::pushAuditRecord(QStringLiteral("push"), m_host, QStringLiteral("inv-nginx"), push.outcome(), false));
    QCOMPARE(servedSerial(QStringLiteral("mcp-tst-certinv-nginx")), serial(QStringLiteral("third")));
    const QString mode = dockerCli({QStringLiteral("exec"), QStringLiteral("mcp-tst-certinv-nginx"), QStringLiteral("stat"), QStringLiteral("-c"),
                                    QStringLiteral("%a"), QStringLiteral("/etc/nginx/mcp/certs/tls.key")});
    QCOMPARE(mode, QStringLiteral("600"));
    const QString head = dockerCli({QStringLiteral("exec"), QStringLiteral("mcp-tst-certinv-nginx"), QStringLiteral("head"), QStringLiteral("-n1"),
                                    QStringLiteral("/etc/nginx/mcp/certs/tls.key")});
    QCOMPARE(head, QStringLiteral("-----BEGIN PRIVATE KEY-----")); // decrypted: nginx loads it unattended
}

// A gateway that serves a certificate whose key is encrypted on the operator's disk, pushed by
// `mcpctl push --key-passphrase-file` (a wrong passphrase first: refused, nothing changes).
// A weight change then takes the certificate files the gateway already holds: `mcpctl weights`
// from another working directory, with the spec's (relative) certificate and key files moved
// away and no passphrase, applies the split (nginx: reload, HAProxy: runtime API) and the
// listener still serves the same certificate, also after a reload. The rollout guard's automatic rollback goes
// through the same WeightApply.
void TestCertInventory::weightChangeNeedsNoLocalKey()
{
    QVERIFY(!dockerCli({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), QStringLiteral("mcp-tst-certinv-app2"), QStringLiteral("--network"),
                        kNet, QStringLiteral("--label"), QStringLiteral("mcp.test=1"), QStringLiteral("--label"), QStringLiteral("mcp.service.name=inv-app"),
                        QStringLiteral("--label"), QStringLiteral("mcp.service.port=8080"), QStringLiteral("--label"), QStringLiteral("mcp.service.version=v2"),
                        Testbed::instance().require(QStringLiteral("MCP_TB_IMAGE_BACKEND"))})
                 .isEmpty());
    const QString split = QStringLiteral("    - name: split\n      match: {hosts: [api.example.com], pathPrefix: /split}\n      backends:\n"
                                         "        - {service: inv-app, version: default, weight: 100}\n"
                                         "        - {service: inv-app, version: v2, weight: 0}\n");
    const QString wrong = m_dir.filePath(QStringLiteral("wrong-passphrase"));
    const QString right = m_dir.filePath(QStringLiteral("passphrase"));
    for (const auto &[path, text] : {std::pair{wrong, QByteArrayLiteral("not-it\n")}, std::pair{right, QByteArrayLiteral("inventory-secret\n")}}) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly) && f.write(text) == text.size());
    }
    QTemporaryDir elsewhere;
    for (const QString &driver : {QStringLiteral("nginx"), QStringLiteral("haproxy")}) {
        const QString gw = QStringLiteral("inv-") + driver, container = QStringLiteral("mcp-tst-certinv-") + driver;
        const QString spec = writeSpec(gw, driver, QStringLiteral("third.pem"), QStringLiteral("third-locked.key"));
        { // the split route before `app`, whose prefix / would shadow it
            QFile f(spec);
            QVERIFY(f.open(QIODevice::ReadWrite));
            const QByteArray routes = QByteArrayLiteral("  routes:\n").append(split.toUtf8());
            const QByteArray text = f.readAll().replace(QByteArrayLiteral("  routes:\n"), routes);
            QVERIFY(f.resize(0) && f.write(text) == text.size());
        }
        const QString servedBefore = servedSerial(container);
        int exitCode = -1;
        QJsonObject r = pushJson(spec, &exitCode, {QStringLiteral("--key-passphrase-file"), wrong});
        QCOMPARE(exitCode, 2);
        QCOMPARE(r.value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString(), QStringLiteral("cert.key-passphrase"));
        QCOMPARE(servedSerial(container), servedBefore);
        r = pushJson(spec, &exitCode, {QStringLiteral("--key-passphrase-file"), right});
        QVERIFY2(exitCode == 0 && r.value(QLatin1String("ok")).toBool(), qPrintable(QJsonDocument(r).toJson()));
        QCOMPARE(servedSerial(container), serial(QStringLiteral("third")));

        // 100/0 -> 80/20 adds v2's servers (HAProxy too reloads, with the combined file it read
        // back split into chain and key); 80/20 -> 90/10 keeps them (HAProxy: runtime API).
        for (const auto &[v1, v2] : {std::pair{80, 20}, std::pair{90, 10}}) {
            for (const QString &name : {QStringLiteral("third.pem"), QStringLiteral("third-locked.key")})
                QVERIFY(QFile::rename(m_dir.filePath(name), m_dir.filePath(name + QStringLiteral(".away"))));
            r = mcpctlJson({QStringLiteral("weights"), QStringLiteral("--gateway"), gw, QStringLiteral("--route"), QStringLiteral("split"),
                            QStringLiteral("default=%1").arg(v1), QStringLiteral("v2=%1").arg(v2)},
                           &exitCode, elsewhere.path());
            for (const QString &name : {QStringLiteral("third.pem"), QStringLiteral("third-locked.key")})
                QVERIFY(QFile::rename(m_dir.filePath(name + QStringLiteral(".away")), m_dir.filePath(name)));
            QVERIFY2(exitCode == 0 && r.value(QLatin1String("ok")).toBool(), qPrintable(QJsonDocument(r).toJson()));
            QCOMPARE(r.value(QLatin1String("method")).toString(),
                     driver == QLatin1String("haproxy") && v2 == 10 ? QStringLiteral("runtime") : QStringLiteral("reload"));
            QCOMPARE(r.value(QLatin1String("to")).toObject().value(QLatin1String("v2")).toInt(), v2);
            QCOMPARE(servedSerial(container), serial(QStringLiteral("third")));
        }
        if (driver == QLatin1String("nginx")) { // the reload wrote the key it read back: still decrypted, still 0600
            QCOMPARE(dockerCli({QStringLiteral("exec"), container, QStringLiteral("stat"), QStringLiteral("-c"), QStringLiteral("%a"),
                                QStringLiteral("/etc/nginx/mcp/certs/tls.key")}),
                     QStringLiteral("600"));
        }
    }
    dockerCli({QStringLiteral("rm"), QStringLiteral("-f"), QStringLiteral("mcp-tst-certinv-app2")});
}

// The gateway's spec certificate verified to a CA bundle: its own CA passes; another one
// does not (the file holds only the leaf: cert.chain-incomplete, an error with a trust check).
void TestCertInventory::trustToACaBundle()
{
    int exitCode = -1;
    QByteArray raw;
    QJsonObject r = list(QStringLiteral("inv-nginx"), &exitCode, &raw, m_dir.filePath(QStringLiteral("ca.pem")));
    QVERIFY2(exitCode == 0, raw.constData());
    QVERIFY2(r.value(QLatin1String("findings")).toArray().isEmpty(), raw.constData());
    r = list(QStringLiteral("inv-nginx"), &exitCode, &raw, m_dir.filePath(QStringLiteral("other-ca.pem")));
    QCOMPARE(exitCode, 1);
    QStringList codes;
    for (const auto &f : r.value(QLatin1String("findings")).toArray())
        codes << f.toObject().value(QLatin1String("code")).toString();
    QVERIFY2(codes.contains(QLatin1String("cert.chain-incomplete")), raw.constData());
    QVERIFY(!raw.contains("PRIVATE KEY"));
}

// Every file the pushes and listings above wrote (the audit log, settings, data): no PEM
// private key, no line of any key's body, no passphrase and nothing of a decrypted key.
void TestCertInventory::noKeyMaterialInWhatTheConsoleWrites()
{
    QStringList keyLines = m_secretLines;
    QVERIFY(!m_secretLines.isEmpty());
    for (const QString &name : {QStringLiteral("good.key"), QStringLiteral("next.key"), QStringLiteral("third.key"), QStringLiteral("third-locked.key")}) {
        QFile key(m_dir.filePath(name));
        QVERIFY(key.open(QIODevice::ReadOnly));
        for (const QByteArray &line : key.readAll().split('\n'))
            if (line.size() >= 40 && !line.startsWith("-----"))
                keyLines << QString::fromLatin1(line);
    }
    QVERIFY(keyLines.size() > 10);
    int files = 0;
    QDirIterator it(m_dir.filePath(QStringLiteral("written")), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray content = f.readAll();
        ++files;
        QVERIFY2(!content.contains("PRIVATE KEY"), qPrintable(f.fileName()));
        for (const QString &line : std::as_const(keyLines))
            QVERIFY2(!content.contains(line.toLatin1()), qPrintable(f.fileName()));
    }
    QVERIFY(files >= 1); // the audit log at least
}

QTEST_MAIN(TestCertInventory)
#include "tst_cert_inventory.moc"
