// mcpctl as a script would use it: exit codes, one-line reasons on stderr, stable JSON,
// against the test bed's real engine over unix, TLS and SSH.
#include "support/engine2.h"
#include "support/testbed.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using mcp::test::Testbed;

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run mcpctl(const QStringList &args, const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment(),
           int waitMs = 60000)
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(MCPCTL_PATH), args);
    Run r;
    if (!p.waitForFinished(waitMs)) {
        p.kill();
        p.waitForFinished();
        r.err = "did not finish";
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

QStringList sshArgs(const QString &knownHosts)
{
    const auto &tb = Testbed::instance();
    return {QStringLiteral("--host"),
            QStringLiteral("ssh://%1@%2:%3")
                .arg(tb.require(QStringLiteral("MCP_TB_SSH_USER")), tb.require(QStringLiteral("MCP_TB_SSH_HOST")),
                     tb.require(QStringLiteral("MCP_TB_SSH_PORT"))),
            QStringLiteral("--identity"), tb.require(QStringLiteral("MCP_TB_SSH_KEY_ED25519")), QStringLiteral("--known-hosts"),
            knownHosts};
}

// Containers and the network the doctor and dot tests start; removed in cleanupTestCase.
const QString kPrefix = QStringLiteral("mcp-tst-mcpctl-");
const QString kDoctorNet = QStringLiteral("mcp-tst-mcpctl-doctor");

QString dockerCli(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral("docker"), args);
    if (!p.waitForFinished(60000) || p.exitCode() != 0) {
        qWarning() << "docker" << args << "failed:" << p.readAllStandardError();
        return {};
    }
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

QStringList serviceLabels(const QString &service, const QString &port)
{
    return {QStringLiteral("--label"), QStringLiteral("mcp.test=1"), QStringLiteral("--label"), QStringLiteral("mcp.service.name=") + service,
            QStringLiteral("--label"), QStringLiteral("mcp.service.port=") + port};
}

// `mcpctl --format json [extra] watch` on the test bed's engine, once its first line (the
// whole topology) is in `buffer`: what comes after it is a change.
bool startWatch(QProcess &watch, const QStringList &extra, QByteArray &buffer)
{
    watch.start(QStringLiteral(MCPCTL_PATH), QStringList{QStringLiteral("--host"), Testbed::instance().require(QStringLiteral("MCP_TB_UNIX_HOST")),
                                                         QStringLiteral("--format"), QStringLiteral("json")} +
                                                 extra + QStringList{QStringLiteral("watch")});
    return watch.waitForStarted() &&
           QTest::qWaitFor([&] { buffer += watch.readAllStandardOutput(); return buffer.contains('\n'); }, 30000);
}

// The findings of `mcpctl doctor --format json`, as code -> subjects.
QMultiHash<QString, QString> findingsOf(const Run &r)
{
    QMultiHash<QString, QString> out;
    for (const auto &v : QJsonDocument::fromJson(r.out).object().value(QLatin1String("findings")).toArray())
        out.insert(v.toObject().value(QLatin1String("code")).toString(), v.toObject().value(QLatin1String("subject")).toString());
    return out;
}

QStringList errorFindings(const Run &r)
{
    QStringList out;
    for (const auto &v : QJsonDocument::fromJson(r.out).object().value(QLatin1String("findings")).toArray()) {
        const QJsonObject f = v.toObject();
        if (f.value(QLatin1String("severity")).toString() == QLatin1String("error"))
            out << f.value(QLatin1String("code")).toString() + QLatin1Char(' ') + f.value(QLatin1String("subject")).toString();
    }
    return out;
}

} // namespace

class TestMcpctl : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void versionAndHelp();
    void pingUnixJson();
    void pingTlsThroughDockerHostEnvironment();
    void pingOverSsh();
    void sshUnknownHostNeedsExplicitAcceptance();
    void errors_data();
    void errors();
    void eventsAsJsonLines();
    void watchPrintsTopologyChanges();
    void watchPrintsProbeVerdicts();
    void doctorExitsOneOnAnError_data();
    void doctorExitsOneOnAnError();
    void topologyAsDot();
};

void TestMcpctl::initTestCase()
{
    // The doctor looks at a whole engine: its exit status is checked on the test bed's second
    // engine, where only this test starts labelled containers.
    QVERIFY(mcp::test::engine2(QStringLiteral("start")));
    cleanupTestCase();
}

void TestMcpctl::cleanupTestCase()
{
    const QStringList filter{QStringLiteral("ps"), QStringLiteral("-aq"), QStringLiteral("--filter"), QStringLiteral("name=") + kPrefix};
    if (const QString ids = mcp::test::engine2Cli(filter); !ids.isEmpty())
        mcp::test::engine2Cli(QStringList{QStringLiteral("rm"), QStringLiteral("-f")} + ids.split(QLatin1Char('\n')));
    if (!mcp::test::engine2Cli({QStringLiteral("network"), QStringLiteral("ls"), QStringLiteral("-q"), QStringLiteral("--filter"),
                                QStringLiteral("name=") + kDoctorNet}).isEmpty())
        mcp::test::engine2Cli({QStringLiteral("network"), QStringLiteral("rm"), kDoctorNet});
    if (const QString ids = dockerCli(filter + QStringList{QStringLiteral("--filter"), QStringLiteral("name=") + kPrefix + QStringLiteral("dot-")});
        !ids.isEmpty())
        dockerCli(QStringList{QStringLiteral("rm"), QStringLiteral("-f")} + ids.split(QLatin1Char('\n')));
}

void TestMcpctl::versionAndHelp()
{
    const Run v = mcpctl({QStringLiteral("--version")});
    QCOMPARE(v.exitCode, 0);
    QVERIFY(v.out.startsWith("mcpctl 0."));
    const Run h = mcpctl({QStringLiteral("--help")});
    QCOMPARE(h.exitCode, 0);
    QVERIFY(h.out.contains("ping"));
    QVERIFY(h.out.contains("Exit status"));
    const Run none = mcpctl({});
    QCOMPARE(none.exitCode, 2);
}

void TestMcpctl::pingUnixJson()
{
    const Run r = mcpctl({QStringLiteral("--host"), Testbed::instance().require(QStringLiteral("MCP_TB_UNIX_HOST")),
                          QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("ping")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.err.isEmpty());
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(o.value(QLatin1String("os")).toString(), QStringLiteral("linux"));
    QVERIFY(o.value(QLatin1String("engineVersion")).toString().startsWith(QLatin1String("20.10")));
    QCOMPARE(o.value(QLatin1String("negotiatedApiVersion")).toString(), QStringLiteral("1.41"));
    QVERIFY(o.value(QLatin1String("rttMs")).toDouble() > 0);
    QCOMPARE(o.value(QLatin1String("origin")).toString(), QStringLiteral("--host"));
}

void TestMcpctl::pingTlsThroughDockerHostEnvironment()
{
    // DOCKER_HOST + DOCKER_TLS_VERIFY + DOCKER_CERT_PATH, as the Docker CLI reads them.
    const auto &tb = Testbed::instance();
    QTemporaryDir certs;
    QVERIFY(certs.isValid());
    QVERIFY(QFile::copy(tb.require(QStringLiteral("MCP_TB_TLS_CA")), certs.filePath(QStringLiteral("ca.pem"))));
    QVERIFY(QFile::copy(tb.require(QStringLiteral("MCP_TB_TLS_CERT")), certs.filePath(QStringLiteral("cert.pem"))));
    QVERIFY(QFile::copy(tb.require(QStringLiteral("MCP_TB_TLS_KEY")), certs.filePath(QStringLiteral("key.pem"))));
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DOCKER_HOST"), tb.require(QStringLiteral("MCP_TB_TLS_HOST")));
    env.insert(QStringLiteral("DOCKER_TLS_VERIFY"), QStringLiteral("1"));
    env.insert(QStringLiteral("DOCKER_CERT_PATH"), certs.path());
    env.insert(QStringLiteral("DOCKER_CONFIG"), certs.path());
    const Run r = mcpctl({QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("ping")}, env);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(o.value(QLatin1String("origin")).toString(), QStringLiteral("DOCKER_HOST"));
    QVERIFY(o.value(QLatin1String("transport")).toString().contains(QLatin1String("TLS")));

    // The same with the wrong CA is refused, never silently accepted.
    QFile::remove(certs.filePath(QStringLiteral("ca.pem")));
    QVERIFY(QFile::copy(tb.require(QStringLiteral("MCP_TB_TLS_WRONG_CA")), certs.filePath(QStringLiteral("ca.pem"))));
    const Run bad = mcpctl({QStringLiteral("ping")}, env);
    QCOMPARE(bad.exitCode, 2);
    QVERIFY2(bad.err.contains("tls.verify"), bad.err.constData());
    QCOMPARE(bad.err.count('\n'), 1);
}

void TestMcpctl::pingOverSsh()
{
    const Run r = mcpctl(sshArgs(Testbed::instance().require(QStringLiteral("MCP_TB_SSH_KNOWN_HOSTS"))) +
                         QStringList{QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("ping")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(o.value(QLatin1String("transport")).toString(), QStringLiteral("SSH (libssh2)"));
    QCOMPARE(o.value(QLatin1String("os")).toString(), QStringLiteral("linux"));
}

void TestMcpctl::sshUnknownHostNeedsExplicitAcceptance()
{
    QTemporaryDir dir;
    const QString knownHosts = dir.filePath(QStringLiteral("known_hosts"));
    const Run refused = mcpctl(sshArgs(knownHosts) + QStringList{QStringLiteral("ping")});
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2(refused.err.contains("ssh.hostkey.unknown"), refused.err.constData());
    QVERIFY(refused.err.contains("SHA256:"));
    QVERIFY(!QFile::exists(knownHosts) || QFile(knownHosts).size() == 0);

    const Run accepted = mcpctl(sshArgs(knownHosts) + QStringList{QStringLiteral("--accept-new-host-key"), QStringLiteral("ping")});
    QVERIFY2(accepted.exitCode == 0, accepted.err.constData());
    QFile file(knownHosts);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().contains("ssh-ed25519"));

    // Now known: no flag needed.
    QCOMPARE(mcpctl(sshArgs(knownHosts) + QStringList{QStringLiteral("ping")}).exitCode, 0);
    // And a changed key is refused naming both fingerprints.
    const Run mismatch = mcpctl(sshArgs(Testbed::instance().require(QStringLiteral("MCP_TB_SSH_KNOWN_HOSTS_WRONG"))) +
                                QStringList{QStringLiteral("--accept-new-host-key"), QStringLiteral("ping")});
    QCOMPARE(mismatch.exitCode, 2);
    QVERIFY2(mismatch.err.contains("ssh.hostkey.mismatch"), mismatch.err.constData());
    QCOMPARE(mismatch.err.count("SHA256:"), 2);
}

void TestMcpctl::errors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("code");
    const QString closed = QStringLiteral("tcp://127.0.0.1:%1").arg(Testbed::instance().require(QStringLiteral("MCP_TB_CLOSED_PORT")));
    QTest::newRow("closed port") << QStringList{QStringLiteral("-H"), closed, QStringLiteral("ping")} << 2 << "transport.refused";
    QTest::newRow("password in url") << QStringList{QStringLiteral("-H"), QStringLiteral("ssh://ops:secret@127.0.0.1"),
                                                    QStringLiteral("ping")}
                                     << 2 << "endpoint.password-in-url";
    QTest::newRow("host and context") << QStringList{QStringLiteral("-H"), QStringLiteral("unix:///x"), QStringLiteral("-c"),
                                                     QStringLiteral("y"), QStringLiteral("ping")}
                                      << 2 << "usage";
    QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")} << 2 << "usage";
    QTest::newRow("bad format") << QStringList{QStringLiteral("--format"), QStringLiteral("xml"), QStringLiteral("ping")} << 2
                                << "usage";
    QTest::newRow("unknown context") << QStringList{QStringLiteral("-c"), QStringLiteral("nope"), QStringLiteral("ping")} << 2
                                     << "context.not-found";
}

void TestMcpctl::errors()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, code);
    QTemporaryDir config;
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DOCKER_CONFIG"), config.path());
    const Run r = mcpctl(args, env);
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2(r.err.contains(code.toUtf8()), r.err.constData());
    QCOMPARE(r.err.count('\n'), 1); // one line
    QVERIFY(!r.err.contains("secret"));

    const Run json = mcpctl(QStringList{QStringLiteral("--format"), QStringLiteral("json")} + args, env);
    if (!args.contains(QLatin1String("xml"))) {
        const QJsonObject error = QJsonDocument::fromJson(json.out).object().value(QLatin1String("error")).toObject();
        QVERIFY2(error.value(QLatin1String("code")).toString().startsWith(code), json.out.constData());
    }
}

void TestMcpctl::eventsAsJsonLines()
{
    const QString name = QStringLiteral("mcp-tst-mcpctl-events-%1").arg(QCoreApplication::applicationPid());
    // --since just before the container starts: the stream replays from there, so it does not
    // matter how long the subscription takes.
    const QString since = QString::number(QDateTime::currentMSecsSinceEpoch() / 1000.0 - 1.0, 'f', 3);
    QProcess events;
    events.start(QStringLiteral(MCPCTL_PATH),
                 {QStringLiteral("--host"), Testbed::instance().require(QStringLiteral("MCP_TB_UNIX_HOST")), QStringLiteral("--format"),
                  QStringLiteral("json"), QStringLiteral("events"), QStringLiteral("--filter"), QStringLiteral("container=") + name,
                  QStringLiteral("--count"), QStringLiteral("2"), QStringLiteral("--since"), since});
    QVERIFY(events.waitForStarted());
    QProcess docker;
    docker.start(QStringLiteral("docker"), {QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--rm"), QStringLiteral("--label"),
                                            QStringLiteral("mcp.test=1"), QStringLiteral("--network"), QStringLiteral("none"),
                                            QStringLiteral("--name"), name,
                                            Testbed::instance().require(QStringLiteral("MCP_TB_IMAGE_BACKEND"))});
    QVERIFY(docker.waitForFinished(60000));
    QCOMPARE(docker.exitCode(), 0);
    QVERIFY(events.waitForFinished(30000));
    QCOMPARE(events.exitCode(), 0);
    const QList<QByteArray> lines = events.readAllStandardOutput().trimmed().split('\n');
    QCOMPARE(lines.size(), 2);
    QStringList actions;
    for (const auto &line : lines) {
        const QJsonObject e = QJsonDocument::fromJson(line).object();
        QCOMPARE(e.value(QLatin1String("Actor")).toObject().value(QLatin1String("Attributes")).toObject().value(QLatin1String("name")).toString(),
                 name);
        actions << e.value(QLatin1String("Action")).toString();
    }
    QCOMPARE(actions, (QStringList{QStringLiteral("create"), QStringLiteral("start")}));
    QProcess cleanup;
    cleanup.start(QStringLiteral("docker"), {QStringLiteral("rm"), QStringLiteral("-f"), name});
    cleanup.waitForFinished(60000);
}

void TestMcpctl::watchPrintsTopologyChanges()
{
    const QString name = QStringLiteral("mcp-tst-mcpctl-watch-%1").arg(QCoreApplication::applicationPid());
    QProcess watch;
    QByteArray buffer;
    QVERIFY(startWatch(watch, {}, buffer));
    const QJsonObject first = QJsonDocument::fromJson(buffer.left(buffer.indexOf('\n'))).object();
    QVERIFY(first.value(QLatin1String("added")).isArray());

    QVERIFY(!dockerCli(QStringList{QStringLiteral("run"), QStringLiteral("-d")} + serviceLabels(QStringLiteral("watched"), QStringLiteral("8080")) +
                       QStringList{QStringLiteral("--network"), QStringLiteral("none"), QStringLiteral("--name"), name,
                                   Testbed::instance().require(QStringLiteral("MCP_TB_IMAGE_BACKEND"))})
                 .isEmpty());
    bool sawService = false;
    QVERIFY(QTest::qWaitFor(
        [&] {
            buffer += watch.readAllStandardOutput();
            for (const QByteArray &line : buffer.split('\n')) {
                const QJsonObject change = QJsonDocument::fromJson(line).object();
                for (const auto &n : change.value(QLatin1String("added")).toArray()) {
                    if (n.toObject().value(QLatin1String("id")).toString() == QLatin1String("svc:watched"))
                        sawService = true;
                }
            }
            return sawService;
        },
        30000));
    watch.kill();
    watch.waitForFinished();
    dockerCli({QStringLiteral("rm"), QStringLiteral("-f"), name});
}

// watch probes as the console does: a running instance whose health path answers 404 is
// printed as down because of the probe (its container state and HEALTHCHECK say nothing).
void TestMcpctl::watchPrintsProbeVerdicts()
{
    const QString name = QStringLiteral("mcp-tst-mcpctl-probe-%1").arg(QCoreApplication::applicationPid());
    QProcess watch;
    QByteArray buffer;
    QVERIFY(startWatch(watch, {QStringLiteral("--probe-interval"), QStringLiteral("1000")}, buffer));
    QVERIFY(!dockerCli(QStringList{QStringLiteral("run"), QStringLiteral("-d")} + serviceLabels(QStringLiteral("probed"), QStringLiteral("8080")) +
                       QStringList{QStringLiteral("--label"), QStringLiteral("mcp.health.path=/nope"), QStringLiteral("--name"), name,
                                   Testbed::instance().require(QStringLiteral("MCP_TB_IMAGE_BACKEND"))})
                 .isEmpty());
    QString reason;
    const bool down = QTest::qWaitFor(
        [&] {
            buffer += watch.readAllStandardOutput();
            for (const QByteArray &line : buffer.split('\n')) {
                const QJsonObject change = QJsonDocument::fromJson(line).object();
                for (const char *key : {"added", "updated"}) {
                    for (const auto &v : change.value(QLatin1String(key)).toArray()) {
                        const QJsonObject n = v.toObject();
                        // Down for the probe, not while it is only created or starting.
                        if (n.value(QLatin1String("name")).toString() == name && n.value(QLatin1String("health")).toString() == QLatin1String("down") &&
                            n.value(QLatin1String("healthReason")).toString().startsWith(QLatin1String("health probe")))
                            reason = n.value(QLatin1String("healthReason")).toString();
                    }
                }
            }
            return !reason.isEmpty();
        },
        30000);
    watch.kill();
    watch.waitForFinished();
    dockerCli({QStringLiteral("rm"), QStringLiteral("-f"), name});
    QVERIFY2(down, buffer.right(2000).constData());
    QVERIFY2(reason.contains(QLatin1String("404")), qPrintable(reason));
}

void TestMcpctl::doctorExitsOneOnAnError_data()
{
    QTest::addColumn<QString>("port");   // the broken container's mcp.service.port
    QTest::addColumn<bool>("stopped");   // stopped after it started
    QTest::addColumn<QString>("code");   // the error-level finding it must cause
    QTest::addColumn<QString>("subject"); // "instance" or "service"
    QTest::newRow("non-numeric port label") << QStringLiteral("http") << false << QStringLiteral("label.service.port-invalid") << QStringLiteral("instance");
    QTest::newRow("only instance stopped") << QStringLiteral("8080") << true << QStringLiteral("doctor.service-down") << QStringLiteral("service");
}

// `mcpctl doctor` exits 1 when a finding is an error and 0 when none is: a healthy service on
// a user-defined network gives none; one broken container added gives its error; removed,
// the exit status is 0 again.
void TestMcpctl::doctorExitsOneOnAnError()
{
    QFETCH(QString, port);
    QFETCH(bool, stopped);
    QFETCH(QString, code);
    QFETCH(QString, subject);
    using mcp::test::engine2Cli;
    const QStringList doctor{QStringLiteral("--host"), Testbed::instance().require(QStringLiteral("MCP_TB_ENGINE2_HOST")), QStringLiteral("doctor")};
    const QStringList doctorJson = QStringList{QStringLiteral("--format"), QStringLiteral("json")} + doctor;
    const QString image = Testbed::instance().require(QStringLiteral("MCP_TB_IMAGE_BACKEND"));
    if (engine2Cli({QStringLiteral("network"), QStringLiteral("ls"), QStringLiteral("-q"), QStringLiteral("--filter"), QStringLiteral("name=") + kDoctorNet}).isEmpty())
        QVERIFY(!engine2Cli({QStringLiteral("network"), QStringLiteral("create"), QStringLiteral("--label"), QStringLiteral("mcp.test=1"), kDoctorNet}).isEmpty());
    const QString okName = kPrefix + QStringLiteral("doctor-ok");
    if (engine2Cli({QStringLiteral("ps"), QStringLiteral("-q"), QStringLiteral("--filter"), QStringLiteral("name=") + okName}).isEmpty()) {
        engine2Cli({QStringLiteral("rm"), QStringLiteral("-f"), okName});
        QVERIFY(!engine2Cli(QStringList{QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), okName, QStringLiteral("--network"), kDoctorNet} +
                            serviceLabels(QStringLiteral("doctor-ok"), QStringLiteral("8080")) + QStringList{image})
                     .isEmpty());
    }

    // Healthy: the probe reaches its health path, nothing is an error.
    Run clean = mcpctl(doctorJson);
    QVERIFY2(clean.exitCode == 0, qPrintable(errorFindings(clean).join(QStringLiteral("; ")) + QString::fromUtf8(clean.err)));
    QVERIFY(QJsonDocument::fromJson(clean.out).object().value(QLatin1String("findings")).isArray());
    const Run cleanText = mcpctl(doctor);
    QCOMPARE(cleanText.exitCode, 0);
    QCOMPARE(cleanText.out.trimmed(), QByteArray("no findings")); // not even a warning

    const QString service = QStringLiteral("doctor-broken");
    const QString broken = kPrefix + QStringLiteral("doctor-broken");
    engine2Cli({QStringLiteral("rm"), QStringLiteral("-f"), broken}); // left by an earlier row that failed
    const QString id = engine2Cli(QStringList{QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), broken, QStringLiteral("--network"), kDoctorNet} +
                                  serviceLabels(service, port) + QStringList{image});
    QVERIFY(!id.isEmpty());
    if (stopped)
        QVERIFY(!engine2Cli({QStringLiteral("stop"), QStringLiteral("-t"), QStringLiteral("1"), broken}).isEmpty());
    const QString instance = QStringLiteral("inst:local/") + id.left(12); // node ids name the short id
    const QString expectedSubject = subject == QLatin1String("service") ? QStringLiteral("svc:") + service : instance;

    const Run bad = mcpctl(doctorJson);
    QCOMPARE(bad.exitCode, 1);
    QVERIFY2(findingsOf(bad).values(code).contains(expectedSubject), bad.out.constData());
    QVERIFY2(errorFindings(bad).contains(code + QLatin1Char(' ') + expectedSubject), bad.out.constData());
    // What the exit status is about: every error finding is the broken container's.
    for (const QString &e : errorFindings(bad))
        QVERIFY2(e.endsWith(QLatin1Char(' ') + instance) || e.endsWith(QStringLiteral(" svc:") + service), qPrintable(e));
    const Run badText = mcpctl(doctor);
    QCOMPARE(badText.exitCode, 1);
    QVERIFY2(badText.out.contains(QStringLiteral("ERROR  %1  %2").arg(code, expectedSubject).toUtf8()), badText.out.constData());
    QVERIFY(badText.out.contains("    fix: "));

    QVERIFY(!engine2Cli({QStringLiteral("rm"), QStringLiteral("-f"), broken}).isEmpty());
    const Run again = mcpctl(doctorJson);
    QVERIFY2(again.exitCode == 0, qPrintable(errorFindings(again).join(QStringLiteral("; "))));
    QVERIFY(!findingsOf(again).values(code).contains(expectedSubject));
}

// `mcpctl topology --format dot` is a Graphviz digraph with the engine's services: every
// statement a node or an edge between declared nodes; Graphviz itself reads it when it is
// installed (scripts/install-deps does not install it; scripts/bench-topology does).
void TestMcpctl::topologyAsDot()
{
    const QString name = kPrefix + QStringLiteral("dot-%1").arg(QCoreApplication::applicationPid());
    const QString id = dockerCli(QStringList{QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), name, QStringLiteral("--network"),
                                             QStringLiteral("none")} +
                                 serviceLabels(QStringLiteral("dotted"), QStringLiteral("8080")) +
                                 QStringList{QStringLiteral("--label"), QStringLiteral("mcp.service.version=v7"),
                                             Testbed::instance().require(QStringLiteral("MCP_TB_IMAGE_BACKEND"))});
    QVERIFY(!id.isEmpty());
    const Run r = mcpctl({QStringLiteral("--host"), Testbed::instance().require(QStringLiteral("MCP_TB_UNIX_HOST")), QStringLiteral("--format"),
                          QStringLiteral("dot"), QStringLiteral("--no-probe"), QStringLiteral("topology")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(r.out.startsWith("digraph topology {\n"));
    QVERIFY(r.out.endsWith("}\n"));
    const QString instance = QStringLiteral("inst:local/") + id.left(12);
    // The statements between the braces.
    const QRegularExpression nodeLine(QStringLiteral("^  \"((?:[^\"\\\\]|\\\\.)*)\" \\[label=\"((?:[^\"\\\\]|\\\\.)*)\"\\];$"));
    const QRegularExpression edgeLine(QStringLiteral("^  \"((?:[^\"\\\\]|\\\\.)*)\" -> \"((?:[^\"\\\\]|\\\\.)*)\";$"));
    QSet<QString> nodes;
    QStringList edges;
    QHash<QString, QString> labels;
    const QStringList lines = QString::fromUtf8(r.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString &line : lines.mid(1, lines.size() - 2)) {
        if (line == QLatin1String("  rankdir=LR;") || line.startsWith(QLatin1String("  node [")))
            continue;
        if (const auto m = nodeLine.match(line); m.hasMatch()) {
            nodes.insert(m.captured(1));
            labels.insert(m.captured(1), m.captured(2));
        } else if (const auto e = edgeLine.match(line); e.hasMatch()) {
            edges << e.captured(1) + QStringLiteral(" -> ") + e.captured(2);
        } else {
            QFAIL(qPrintable(QStringLiteral("not a dot statement: ") + line));
        }
    }
    for (const QString &e : std::as_const(edges))
        QVERIFY2(nodes.contains(e.section(QStringLiteral(" -> "), 0, 0)) && nodes.contains(e.section(QStringLiteral(" -> "), 1)), qPrintable(e));
    QVERIFY(nodes.contains(QStringLiteral("svc:dotted")));
    QVERIFY(nodes.contains(QStringLiteral("ver:dotted/v7")));
    QVERIFY(nodes.contains(instance));
    QVERIFY(edges.contains(QStringLiteral("svc:dotted -> ver:dotted/v7")));
    QVERIFY(edges.contains(QStringLiteral("ver:dotted/v7 -> ") + instance));
    QCOMPARE(labels.value(instance), name + QStringLiteral("\\nhealthy"));

    const QString graphviz = QStandardPaths::findExecutable(QStringLiteral("dot"));
    if (graphviz.isEmpty()) {
        qInfo("Graphviz dot not installed: the output was checked statement by statement only");
    } else {
        QProcess dot;
        dot.start(graphviz, {QStringLiteral("-Tsvg")});
        QVERIFY(dot.waitForStarted());
        dot.write(r.out);
        dot.closeWriteChannel();
        QVERIFY(dot.waitForFinished(60000));
        QVERIFY2(dot.exitCode() == 0, dot.readAllStandardError().constData());
        const QByteArray svg = dot.readAllStandardOutput();
        QVERIFY(svg.contains("<svg"));
        // Name and health on two lines of the box (an escaped \n would print as one line).
        QVERIFY2(svg.contains(">healthy</text>"), svg.constData());
    }
    dockerCli({QStringLiteral("rm"), QStringLiteral("-f"), id});
}

QTEST_GUILESS_MAIN(TestMcpctl)
#include "tst_mcpctl.moc"
