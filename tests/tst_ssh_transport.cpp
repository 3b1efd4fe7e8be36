#include "support/testbed.h"
#include "transport/opensshconnector.h"
#include "transport/opensshstream.h"
#include "transport/sshautoconnector.h"
#include "transport/sshconnector.h"
#include "transport/sshknownhosts.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

using namespace mcp;
using namespace mcp::transport;

namespace {

constexpr int kWaitMs = 30000; // generous: the machine is shared; no test asserts timing

// Everything a stream did, recorded for assertions.
struct Probe
{
    explicit Probe(std::unique_ptr<transport::ByteStream> s) : stream(std::move(s))
    {
        QObject::connect(stream.get(), &ByteStream::opened, [this] { opened = true; });
        QObject::connect(stream.get(), &ByteStream::readyRead, [this] { data += stream->readAll(); });
        QObject::connect(stream.get(), &ByteStream::closed, [this] { closed = true; });
        QObject::connect(stream.get(), &ByteStream::failed, [this](const Error &e) { error = e; });
    }
    bool ended() const { return closed || error.has_value(); }
    bool pingAnswered() const { return data.contains("200 OK") && data.endsWith("\r\n\r\nOK"); }

    std::unique_ptr<ByteStream> stream;
    bool opened = false;
    bool closed = false;
    std::optional<Error> error;
    QByteArray data;
};

const QByteArray kPing = QByteArrayLiteral("GET /_ping HTTP/1.1\r\nHost: docker\r\n\r\n");

QString tb(const char *key)
{
    return test::Testbed::instance().require(QString::fromLatin1(key));
}

SshOptions baseOptions(const char *portKey = "MCP_TB_SSH_PORT")
{
    SshOptions o;
    o.host = tb("MCP_TB_SSH_HOST");
    o.port = tb(portKey).toInt();
    o.user = tb("MCP_TB_SSH_USER");
    o.identityFiles = {tb("MCP_TB_SSH_KEY_ED25519")};
    o.identitiesOnly = true; // independent of the machine's agent and ~/.ssh
    o.useAgent = false;
    o.knownHostsFile = tb("MCP_TB_SSH_KNOWN_HOSTS");
    o.configFile = QStringLiteral("none");
    return o;
}

// Opens a stream and, when it opened, sends /_ping; returns once answered or ended.
std::unique_ptr<Probe> ping(Connector &connector)
{
    auto p = std::make_unique<Probe>(connector.createStream());
    p->stream->open();
    if (!QTest::qWaitFor([&] { return p->opened || p->ended(); }, kWaitMs) || !p->opened)
        return p;
    p->stream->write(kPing);
    (void)QTest::qWaitFor([&] { return p->pingAnswered() || p->ended(); }, kWaitMs);
    return p;
}

// Opens a stream expecting failure; waits until it ended (or the generous limit).
std::unique_ptr<Probe> expectFailure(Connector &connector)
{
    auto p = std::make_unique<Probe>(connector.createStream());
    p->stream->open();
    (void)QTest::qWaitFor([&] { return p->ended(); }, kWaitMs);
    if (p->opened && !p->ended()) {
        // The OpenSSH path opens at process start; its failure follows.
        p->stream->write(kPing);
        (void)QTest::qWaitFor([&] { return p->ended(); }, kWaitMs);
    }
    return p;
}

QString knownFingerprint(const QString &knownHostsFile)
{
    QFile f(knownHostsFile);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QList<QByteArray> fields = f.readLine().trimmed().split(' ');
    return fields.size() >= 3 ? SshKnownHosts::fingerprint(QByteArray::fromBase64(fields.at(2))) : QString();
}

#define VERIFY_PING(p)                                                                                       \
    do {                                                                                                     \
        QVERIFY2(!(p)->error, qPrintable((p)->error ? (p)->error->toString() : QString()));                  \
        QVERIFY2((p)->pingAnswered(), (p)->data.constData());                                                \
    } while (0)

#define VERIFY_ERROR(p, expectedCode)                                                                        \
    do {                                                                                                     \
        QVERIFY2((p)->error.has_value(), "no error arrived (hang?)");                                        \
        QCOMPARE((p)->error->code, QStringLiteral(expectedCode));                                            \
    } while (0)

} // namespace

class TestSshTransport : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void ed25519Ping();
    void twoStreamsOneSession();
    void sessionSurvivesStreamEnd();
    void resetFailsStreamsAndReconnects();
    void hashedKnownHosts();
    void streamOutlivesConnector();
    void handshakeTimeout();
    void proxyCommandUsesOpenSsh();
    void passphraseWithProvider();
    void passphraseWithoutProvider();
    void passphraseWrong();
    void hostKeyMismatch();
    void hostKeyUnknownThenAccepted();
    void unauthorizedKey();
    void closedPort();
    void dnsFailure();
    void dialStdioFallback();
    void autoRsaFallsBackToOpenSsh();
    void autoStaysOnLibssh2();
    void openSshMismatchDoesNotFallBack();
    void autoMismatchDoesNotFallBack();
    void openSshErrorMapping_data();
    void openSshErrorMapping();

private:
    QTemporaryDir m_tmp;
};

void TestSshTransport::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    QVERIFY2(test::Testbed::instance().isLoaded(), "test bed not running: ./scripts/testbed/start");
}

void TestSshTransport::ed25519Ping()
{
    SshConnector connector(baseOptions());
    QElapsedTimer t;
    t.start();
    auto p = ping(connector);
    VERIFY_PING(p);
    const qint64 first = t.elapsed();
    QCOMPARE(connector.pathDescription(), QStringLiteral("SSH (libssh2)"));
    QCOMPARE(connector.lastHostKey().status, SshHostKeyInfo::Status::Match);
    QCOMPARE(connector.lastHostKey().keyType, QStringLiteral("ssh-ed25519"));
    t.restart();
    auto p2 = ping(connector);
    VERIFY_PING(p2);
    qInfo("libssh2: connect %lld ms, handshake %lld ms, auth %lld ms; first /_ping %lld ms, second stream "
          "%lld ms",
          connector.lastConnectMs(), connector.lastHandshakeMs(), connector.lastAuthMs(), first, t.elapsed());
}

void TestSshTransport::twoStreamsOneSession()
{
    SshConnector connector(baseOptions());
    QSignalSpy handshakes(&connector, &SshConnector::hostKeyChecked);
    Probe a(connector.createStream());
    Probe b(connector.createStream());
    a.stream->open();
    b.stream->open();
    QVERIFY(QTest::qWaitFor([&] { return (a.opened || a.ended()) && (b.opened || b.ended()); }, kWaitMs));
    QVERIFY(a.opened && b.opened);
    a.stream->write(kPing);
    b.stream->write(kPing);
    QVERIFY(QTest::qWaitFor([&] { return a.pingAnswered() && b.pingAnswered(); }, kWaitMs));
    QCOMPARE(handshakes.count(), 1); // one session carried both channels
}

void TestSshTransport::sessionSurvivesStreamEnd()
{
    SshConnector connector(baseOptions());
    QSignalSpy handshakes(&connector, &SshConnector::hostKeyChecked);
    auto p = std::make_unique<Probe>(connector.createStream());
    p->stream->open();
    QVERIFY(QTest::qWaitFor([&] { return p->opened || p->ended(); }, kWaitMs));
    // The engine closes the connection after answering "Connection: close".
    p->stream->write("GET /_ping HTTP/1.1\r\nHost: docker\r\nConnection: close\r\n\r\n");
    QVERIFY(QTest::qWaitFor([&] { return p->ended(); }, kWaitMs));
    QVERIFY(p->closed);
    QVERIFY(p->data.contains("200 OK"));
    p.reset();
    auto again = ping(connector);
    VERIFY_PING(again);
    QCOMPARE(handshakes.count(), 1);
}

void TestSshTransport::resetFailsStreamsAndReconnects()
{
    SshConnector connector(baseOptions());
    QSignalSpy handshakes(&connector, &SshConnector::hostKeyChecked);
    auto p = ping(connector);
    VERIFY_PING(p);
    connector.reset(); // what a broken session does to its streams, on demand
    QVERIFY(QTest::qWaitFor([&] { return p->ended(); }, kWaitMs));
    VERIFY_ERROR(p, "transport.reset");
    auto again = ping(connector);
    VERIFY_PING(again);
    QCOMPARE(handshakes.count(), 2); // a new session
}

void TestSshTransport::streamOutlivesConnector()
{
    auto connector = std::make_unique<SshConnector>(baseOptions());
    auto p = ping(*connector);
    VERIFY_PING(p);
    connector.reset(); // joins the worker thread; the stream must fail, not crash
    QVERIFY(QTest::qWaitFor([&] { return p->ended(); }, kWaitMs));
    VERIFY_ERROR(p, "transport.cancelled");
    p->stream->write(kPing); // harmless now
}

void TestSshTransport::hashedKnownHosts()
{
    const QString kh = m_tmp.filePath(QStringLiteral("hashed_known_hosts"));
    QFile::remove(kh);
    QVERIFY(QFile::copy(tb("MCP_TB_SSH_KNOWN_HOSTS"), kh));
    QFile::setPermissions(kh, QFile::ReadOwner | QFile::WriteOwner);
    QCOMPARE(QProcess::execute(QStringLiteral("ssh-keygen"),
                               {QStringLiteral("-q"), QStringLiteral("-H"), QStringLiteral("-f"), kh}),
             0);
    QFile f(kh);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(f.readAll().startsWith("|1|"));
    SshOptions o = baseOptions();
    o.knownHostsFile = kh;
    SshConnector connector(o);
    auto p = ping(connector);
    VERIFY_PING(p);
    QCOMPARE(connector.lastHostKey().status, SshHostKeyInfo::Status::Match);
}

void TestSshTransport::handshakeTimeout()
{
    // Accepts TCP and never says a word: the SSH banner never comes.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    SshOptions o = baseOptions();
    o.port = silent.serverPort();
    o.connectTimeoutMs = 1000;
    SshConnector connector(o);
    auto p = expectFailure(connector);
    QVERIFY2(p->error.has_value(), "no error arrived (hang?)");
    QCOMPARE(p->error->kind, ErrorKind::Timeout);
    QCOMPARE(p->error->code, QStringLiteral("timeout.ssh-handshake"));
}

void TestSshTransport::proxyCommandUsesOpenSsh()
{
    const QString config = m_tmp.filePath(QStringLiteral("ssh_config"));
    QFile f(config);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QStringLiteral("Host tb-proxied\n  HostName %1\n  Port %2\n  User %3\n"
                           "  ProxyCommand socat - TCP:%h:%p\n")
                .arg(tb("MCP_TB_SSH_HOST"), tb("MCP_TB_SSH_PORT"), tb("MCP_TB_SSH_USER"))
                .toUtf8());
    f.close();
    SshOptions o = baseOptions();
    o.host = QStringLiteral("tb-proxied");
    o.port = 0;
    o.user.clear();
    o.configFile = config;
    SshAutoConnector connector(o);
    QVERIFY(connector.usesOpenSsh()); // decided up front: libssh2 cannot follow a proxy
    QCOMPARE(connector.pathDescription(), QStringLiteral("SSH (OpenSSH client)"));
    auto p = ping(connector);
    VERIFY_PING(p);
}

void TestSshTransport::passphraseWithProvider()
{
    SshOptions o = baseOptions();
    o.identityFiles = {tb("MCP_TB_SSH_KEY_ED25519_PASS")};
    QStringList asked;
    o.passphraseProvider = [&asked](const QString &path) -> std::optional<QString> {
        asked << path;
        return tb("MCP_TB_SSH_KEY_PASSPHRASE");
    };
    SshConnector connector(o);
    auto p = ping(connector);
    VERIFY_PING(p);
    QCOMPARE(asked, QStringList{tb("MCP_TB_SSH_KEY_ED25519_PASS")});
}

void TestSshTransport::passphraseWithoutProvider()
{
    SshOptions o = baseOptions();
    o.identityFiles = {tb("MCP_TB_SSH_KEY_ED25519_PASS")};
    {
        SshConnector connector(o);
        auto p = expectFailure(connector);
        VERIFY_ERROR(p, "ssh.key.passphrase-required");
        QVERIFY(p->error->detail.contains(tb("MCP_TB_SSH_KEY_ED25519_PASS")));
    }
    o.passphraseProvider = [](const QString &) -> std::optional<QString> { return QString(); };
    SshConnector declined(o);
    auto p = expectFailure(declined);
    VERIFY_ERROR(p, "ssh.key.passphrase-required");
}

void TestSshTransport::passphraseWrong()
{
    SshOptions o = baseOptions();
    o.identityFiles = {tb("MCP_TB_SSH_KEY_ED25519_PASS")};
    o.passphraseProvider = [](const QString &) -> std::optional<QString> { return QStringLiteral("not-it"); };
    SshConnector connector(o);
    auto p = expectFailure(connector);
    VERIFY_ERROR(p, "ssh.key.bad-passphrase");
    QVERIFY(!p->error->detail.contains(QLatin1String("not-it")));
}

void TestSshTransport::hostKeyMismatch()
{
    SshOptions o = baseOptions();
    o.knownHostsFile = tb("MCP_TB_SSH_KNOWN_HOSTS_WRONG");
    SshConnector connector(o);
    auto p = expectFailure(connector);
    VERIFY_ERROR(p, "ssh.hostkey.mismatch");
    QCOMPARE(p->error->kind, ErrorKind::Ssh);
    const QString offered = knownFingerprint(tb("MCP_TB_SSH_KNOWN_HOSTS"));
    const QString known = knownFingerprint(tb("MCP_TB_SSH_KNOWN_HOSTS_WRONG"));
    QVERIFY(offered.startsWith(QLatin1String("SHA256:")) && !offered.endsWith(QLatin1Char('=')));
    QVERIFY2(p->error->detail.contains(offered), qPrintable(p->error->detail));
    QVERIFY2(p->error->detail.contains(known), qPrintable(p->error->detail));
    QVERIFY(p->error->detail.contains(QStringLiteral("[127.0.0.1]:%1").arg(o.port)));
    const SshHostKeyInfo info = connector.lastHostKey();
    QCOMPARE(info.status, SshHostKeyInfo::Status::Mismatch);
    QCOMPARE(info.fingerprint, offered);
    QCOMPARE(info.knownFingerprint, known);
}

void TestSshTransport::hostKeyUnknownThenAccepted()
{
    const QString kh = m_tmp.filePath(QStringLiteral("sub/known_hosts"));
    SshOptions o = baseOptions();
    o.knownHostsFile = kh;
    {
        SshConnector connector(o);
        auto p = expectFailure(connector);
        VERIFY_ERROR(p, "ssh.hostkey.unknown");
        const QString offered = knownFingerprint(tb("MCP_TB_SSH_KNOWN_HOSTS"));
        QVERIFY2(p->error->detail.contains(offered), qPrintable(p->error->detail));
        QCOMPARE(connector.lastHostKey().status, SshHostKeyInfo::Status::Unknown);
        QCOMPARE(connector.lastHostKey().fingerprint, offered);
        QVERIFY(!QFile::exists(kh));
    }
    o.acceptNewHostKey = true;
    {
        SshConnector connector(o);
        auto p = ping(connector);
        VERIFY_PING(p);
        QCOMPARE(connector.lastHostKey().status, SshHostKeyInfo::Status::Added);
    }
    QFile f(kh);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(f.readAll().startsWith(QStringLiteral("[127.0.0.1]:%1 ssh-ed25519 ").arg(o.port).toUtf8()));
    QCOMPARE(f.permissions() & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
             QFile::Permissions());
    // Now known: strict checking passes.
    o.acceptNewHostKey = false;
    SshConnector strict(o);
    auto p = ping(strict);
    VERIFY_PING(p);
    QCOMPARE(strict.lastHostKey().status, SshHostKeyInfo::Status::Match);
}

void TestSshTransport::unauthorizedKey()
{
    SshOptions o = baseOptions();
    o.identityFiles = {tb("MCP_TB_SSH_KEY_UNAUTHORIZED")};
    SshConnector connector(o);
    auto p = expectFailure(connector);
    VERIFY_ERROR(p, "ssh.auth.failed");
    QVERIFY(p->error->detail.contains(tb("MCP_TB_SSH_KEY_UNAUTHORIZED")));
    QVERIFY(p->error->detail.contains(QLatin1String("root@")));
}

void TestSshTransport::closedPort()
{
    SshOptions o = baseOptions();
    o.port = tb("MCP_TB_CLOSED_PORT").toInt();
    SshConnector connector(o);
    auto p = expectFailure(connector);
    VERIFY_ERROR(p, "transport.refused");
    QCOMPARE(p->error->kind, ErrorKind::Transport);
    // A failed session does not poison the connector: the next stream tries again.
    auto again = expectFailure(connector);
    VERIFY_ERROR(again, "transport.refused");
}

void TestSshTransport::dnsFailure()
{
    SshOptions o = baseOptions();
    o.host = QStringLiteral("no-such-host.invalid");
    SshConnector connector(o);
    auto p = expectFailure(connector);
    QVERIFY2(p->error.has_value(), "no error arrived");
    // Resolvers differ: a fast NXDOMAIN is transport.dns, a silent one runs into the timeout.
    QVERIFY2(p->error->code == QLatin1String("transport.dns") || p->error->kind == ErrorKind::Timeout,
             qPrintable(p->error->toString()));
}

void TestSshTransport::dialStdioFallback()
{
    SshConnector connector(baseOptions("MCP_TB_SSH_PORT_NOFWD"));
    QSignalSpy pathChanged(&connector, &SshConnector::pathChanged);
    QElapsedTimer t;
    t.start();
    auto p = ping(connector);
    VERIFY_PING(p);
    const qint64 first = t.elapsed();
    QCOMPARE(connector.pathDescription(), QStringLiteral("SSH (libssh2, dial-stdio)"));
    QCOMPARE(pathChanged.count(), 1);
    auto p2 = ping(connector); // later streams go straight to dial-stdio
    VERIFY_PING(p2);
    QCOMPARE(pathChanged.count(), 1);
    qInfo("dial-stdio: first /_ping %lld ms (incl. handshake)", first);
}

void TestSshTransport::autoRsaFallsBackToOpenSsh()
{
    SshOptions o = baseOptions();
    o.identityFiles = {tb("MCP_TB_SSH_KEY_RSA")};
    SshAutoConnector connector(o);
    QCOMPARE(connector.pathDescription(), QStringLiteral("SSH (libssh2)"));
    QElapsedTimer t;
    t.start();
    auto p = ping(connector);
    VERIFY_PING(p);
    QVERIFY(connector.usesOpenSsh());
    QVERIFY(connector.pathDescription().contains(QLatin1String("OpenSSH")));
    QVERIFY(connector.fallbackReason().contains(QLatin1String("ssh.auth.failed")));
    const qint64 first = t.elapsed();
    t.restart();
    auto p2 = ping(connector);
    VERIFY_PING(p2);
    qInfo("OpenSSH: first /_ping after libssh2 refusal %lld ms, next stream %lld ms", first, t.elapsed());
}

void TestSshTransport::autoStaysOnLibssh2()
{
    auto connector = makeSshConnector(baseOptions());
    auto p = ping(*connector);
    VERIFY_PING(p);
    QCOMPARE(connector->pathDescription(), QStringLiteral("SSH (libssh2)"));
}

void TestSshTransport::openSshMismatchDoesNotFallBack()
{
    SshOptions o = baseOptions();
    o.knownHostsFile = tb("MCP_TB_SSH_KNOWN_HOSTS_WRONG");
    OpenSshConnector connector(o);
    QCOMPARE(connector.pathDescription(), QStringLiteral("SSH (OpenSSH client)"));
    auto p = expectFailure(connector);
    VERIFY_ERROR(p, "ssh.hostkey.mismatch");
}

void TestSshTransport::autoMismatchDoesNotFallBack()
{
    SshOptions o = baseOptions();
    o.identityFiles = {tb("MCP_TB_SSH_KEY_RSA")};
    o.knownHostsFile = tb("MCP_TB_SSH_KNOWN_HOSTS_WRONG");
    SshAutoConnector connector(o);
    auto p = expectFailure(connector);
    VERIFY_ERROR(p, "ssh.hostkey.mismatch");
    QVERIFY(!connector.usesOpenSsh());
}

void TestSshTransport::openSshErrorMapping_data()
{
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QByteArray>("stderrText");
    QTest::addColumn<QString>("code");

    QTest::newRow("changed")
        << 255
        << QByteArray("@@@@@@@\r\n@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @\r\n"
                      "Host key for [127.0.0.1]:23722 has changed and you have requested "
                      "strict checking.\r\nHost key verification failed.\r\n")
        << "ssh.hostkey.mismatch";
    QTest::newRow("unknown") << 255
                             << QByteArray("No ED25519 host key is known for [127.0.0.1]:23722 and you have "
                                           "requested strict checking.\r\nHost key verification failed.\r\n")
                             << "ssh.hostkey.unknown";
    QTest::newRow("denied") << 255 << QByteArray("root@127.0.0.1: Permission denied (publickey).\r\n")
                            << "ssh.auth.failed";
    QTest::newRow("refused") << 255
                             << QByteArray(
                                    "ssh: connect to host 127.0.0.1 port 23799: Connection refused\r\n")
                             << "transport.refused";
    QTest::newRow("dns") << 255
                         << QByteArray(
                                "ssh: Could not resolve hostname x.invalid: Name or service not known\r\n")
                         << "transport.dns";
    QTest::newRow("timeout") << 255
                             << QByteArray("ssh: connect to host 10.0.0.1 port 22: Connection timed out\r\n")
                             << "timeout.connect";
    QTest::newRow("no-docker") << 127 << QByteArray("bash: line 1: docker: command not found\n")
                               << "ssh.dial-stdio.failed";
}

void TestSshTransport::openSshErrorMapping()
{
    QFETCH(int, exitCode);
    QFETCH(QByteArray, stderrText);
    QFETCH(QString, code);
    QCOMPARE(OpenSshStream::errorFromSsh(exitCode, stderrText, QStringLiteral("root@h")).code, code);
}

QTEST_GUILESS_MAIN(TestSshTransport)
#include "tst_ssh_transport.moc"
