// `mcpctl certs check` on real certificates made with the openssl command at test time (a
// root CA, an intermediate, leaves): a good chain passes and is described (serial,
// fingerprint, key, validity); every bad one gets its stable code: expired, expiring (and the
// threshold), lifetime over 398 days, wrong key, encrypted key, leaf without intermediate,
// reversed chain, untrusted (no CA named), wrong SAN and the wildcard edge cases, 1024-bit
// RSA, SHA-1, damaged and non-PEM files; an unreadable file is exit 2. Encrypted keys (PKCS#8
// and traditional, made by openssl): loadPrivateKey opens them with the right passphrase
// only (cert.key-passphrase otherwise) into an unencrypted key that pairs with the
// certificate, and the check accepts them with it. certificateOnlyChange: which HAProxy
// pushes the runtime API can apply (only served certificate contents differ).
#include "certs/certificatecheck.h"
#include "certs/privatekey.h"
#include "gateway/pusher.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

namespace {

// CA -> intermediate -> leaves, with openssl (x509 -req for relative validity, `ca` for
// explicit past dates).
const char *kMakeCerts = R"SH(set -e
cat > ca.ext <<'E'
basicConstraints=critical,CA:TRUE
keyUsage=critical,keyCertSign,cRLSign
E
printf 'subjectAltName=DNS:api.example.com,DNS:*.shop.example.com\n' > api.ext
printf 'subjectAltName=DNS:other.example.org\n' > other.ext
q() { "$@" >/dev/null 2>&1; }
q openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 3650 -subj '/CN=Test Root CA'
q openssl req -newkey rsa:2048 -nodes -keyout int.key -out int.csr -subj '/CN=Test Intermediate'
q openssl x509 -req -in int.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out int.pem -days 1825 -extfile ca.ext
leaf() { # name keyspec digest days ext
  q openssl req -newkey "$2" -nodes -keyout "$1.key" -out "$1.csr" -subj "/CN=$1"
  q openssl x509 -req -in "$1.csr" -CA int.pem -CAkey int.key -CAcreateserial -out "$1.leaf" -days "$4" "-$3" -extfile "$5"
  cat "$1.leaf" int.pem > "$1.pem"
}
leaf edge rsa:2048 sha256 365 api.ext
leaf soon rsa:2048 sha256 10 api.ext
leaf long rsa:2048 sha256 500 api.ext
leaf othername rsa:2048 sha256 365 other.ext
leaf weak rsa:1024 sha256 365 api.ext
leaf sha1 rsa:2048 sha1 365 api.ext
leaf ec ec:<(openssl ecparam -name prime256v1) sha256 365 api.ext
cat int.pem edge.leaf > reversed.pem
cat edge.leaf > leafonly.pem
q openssl pkey -in edge.key -aes256 -passout pass:secret -out encrypted.key
q openssl rsa -in edge.key -aes128 -traditional -passout pass:secret -out encrypted-traditional.key
printf '[ca]\ndefault_ca=tca\n[tca]\ndir=.\ndatabase=index.txt\nserial=serial\nnew_certs_dir=.\ncertificate=int.pem\nprivate_key=int.key\ndefault_md=sha256\npolicy=any\ncopy_extensions=copy\nunique_subject=no\n[any]\ncommonName=supplied\n' > ca.conf
: > index.txt; echo 1000 > serial
q openssl req -newkey rsa:2048 -nodes -keyout expired.key -out expired.csr -subj /CN=expired -addext subjectAltName=DNS:api.example.com
q openssl ca -batch -config ca.conf -in expired.csr -out expired.leaf -startdate 20200101000000Z -enddate 20200201000000Z -notext
cat expired.leaf int.pem > expired.pem
# Damaged: a base64 body cut in the middle. Not PEM at all: text.
{ head -c 300 edge.leaf; printf '\n-----END CERTIFICATE-----\n'; } > damaged.pem
echo 'this is not a certificate' > text.pem
)SH";

} // namespace

class TestCerts : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void goodChainIsDescribed();
    void findings_data();
    void findings();
    void wildcards_data();
    void wildcards();
    void unreadableFileIsExitTwo();
    void loadKeyWithPassphrase_data();
    void loadKeyWithPassphrase();
    void checkWithPassphrase_data();
    void checkWithPassphrase();
    void certificateOnlyChange_data();
    void certificateOnlyChange();

private:
    QByteArray read(const QString &name) const
    {
        QFile f(path(name));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    QJsonObject check(const QStringList &args, int *exitCode);
    QString path(const QString &name) const { return m_dir.filePath(name); }
    QTemporaryDir m_dir;
};

void TestCerts::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QProcess sh;
    sh.setWorkingDirectory(m_dir.path());
    sh.start(QStringLiteral("bash"), {QStringLiteral("-c"), QString::fromUtf8(kMakeCerts)});
    QVERIFY(sh.waitForFinished(120000));
    QVERIFY2(sh.exitCode() == 0, sh.readAllStandardError().constData());
}

QJsonObject TestCerts::check(const QStringList &args, int *exitCode)
{
    QProcess p;
    p.start(QStringLiteral(MCPCTL_PATH), QStringList{QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("certs"), QStringLiteral("check")} + args);
    p.waitForFinished(60000);
    *exitCode = p.exitCode();
    return QJsonDocument::fromJson(p.readAllStandardOutput()).object();
}

void TestCerts::goodChainIsDescribed()
{
    int exitCode = -1;
    const QJsonObject r = check({path(QStringLiteral("edge.pem")), QStringLiteral("--key"), path(QStringLiteral("edge.key")), QStringLiteral("--hosts"),
                                 QStringLiteral("api.example.com,a.shop.example.com"), QStringLiteral("--ca"), path(QStringLiteral("ca.pem"))},
                                &exitCode);
    QCOMPARE(exitCode, 0);
    QVERIFY2(r.value(QLatin1String("findings")).toArray().isEmpty(), QJsonDocument(r).toJson().constData());
    const QJsonObject c = r.value(QLatin1String("certificates")).toArray().first().toObject();
    QCOMPARE(c.value(QLatin1String("commonName")).toString(), QStringLiteral("edge"));
    QCOMPARE(c.value(QLatin1String("subjectAltNames")).toArray().size(), 2);
    QCOMPARE(c.value(QLatin1String("keyType")).toString(), QStringLiteral("RSA"));
    QCOMPARE(c.value(QLatin1String("keyBits")).toInt(), 2048);
    QCOMPARE(c.value(QLatin1String("signatureAlgorithm")).toString(), QStringLiteral("sha256WithRSAEncryption"));
    QCOMPARE(c.value(QLatin1String("chain")).toArray().size(), 2);
    QVERIFY(c.value(QLatin1String("daysLeft")).toInt() >= 363 && c.value(QLatin1String("daysLeft")).toInt() <= 365);
    // The serial and fingerprint are the ones openssl reports for the same file.
    QProcess x;
    x.start(QStringLiteral("openssl"), {QStringLiteral("x509"), QStringLiteral("-in"), path(QStringLiteral("edge.pem")), QStringLiteral("-noout"),
                                        QStringLiteral("-serial"), QStringLiteral("-fingerprint"), QStringLiteral("-sha256")});
    QVERIFY(x.waitForFinished(30000));
    const QString facts = QString::fromUtf8(x.readAllStandardOutput());
    QVERIFY2(facts.contains(QStringLiteral("serial=") + c.value(QLatin1String("serial")).toString()), qPrintable(facts));
    QVERIFY2(facts.contains(c.value(QLatin1String("sha256")).toString()), qPrintable(facts));
    // EC P-256 is strong enough.
    check({path(QStringLiteral("ec.pem")), QStringLiteral("--key"), path(QStringLiteral("ec.key")), QStringLiteral("--ca"), path(QStringLiteral("ca.pem"))},
          &exitCode);
    QCOMPARE(exitCode, 0);
    // No private key material in what the command prints.
    QProcess text;
    text.start(QStringLiteral(MCPCTL_PATH), {QStringLiteral("certs"), QStringLiteral("check"), path(QStringLiteral("edge.pem")), QStringLiteral("--key"),
                                             path(QStringLiteral("othername.key")), QStringLiteral("--ca"), path(QStringLiteral("ca.pem"))});
    QVERIFY(text.waitForFinished(30000));
    const QByteArray printed = text.readAllStandardOutput() + text.readAllStandardError();
    QVERIFY(printed.contains("cert.key-mismatch"));
    QVERIFY(!printed.contains("PRIVATE KEY"));
    QFile key(path(QStringLiteral("othername.key")));
    QVERIFY(key.open(QIODevice::ReadOnly));
    const QList<QByteArray> keyLines = key.readAll().split('\n');
    QVERIFY(!printed.contains(keyLines.at(1)));
}

void TestCerts::findings_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("severity");
    QTest::addColumn<int>("exitCode");
    const QString ca = QStringLiteral("--ca");
    const auto p = [this](const char *n) { return path(QLatin1String(n)); };
    QTest::newRow("expired") << QStringList{p("expired.pem"), ca, p("ca.pem")} << "cert.expired" << "error" << 1;
    QTest::newRow("expiring") << QStringList{p("soon.pem"), ca, p("ca.pem")} << "cert.expiring" << "warning" << 0;
    QTest::newRow("lifetime") << QStringList{p("long.pem"), ca, p("ca.pem")} << "cert.lifetime" << "warning" << 0;
    QTest::newRow("wrong key") << QStringList{p("edge.pem"), QStringLiteral("--key"), p("soon.key"), ca, p("ca.pem")} << "cert.key-mismatch" << "error" << 1;
    QTest::newRow("encrypted key") << QStringList{p("edge.pem"), QStringLiteral("--key"), p("encrypted.key"), ca, p("ca.pem")} << "cert.key-encrypted"
                                   << "error" << 1;
    QTest::newRow("not a key") << QStringList{p("edge.pem"), QStringLiteral("--key"), p("edge.pem"), ca, p("ca.pem")} << "cert.key-unusable" << "error" << 1;
    QTest::newRow("missing intermediate") << QStringList{p("leafonly.pem"), ca, p("ca.pem")} << "cert.chain-incomplete" << "error" << 1;
    QTest::newRow("reversed chain") << QStringList{p("reversed.pem"), ca, p("ca.pem")} << "cert.chain-order" << "error" << 1;
    QTest::newRow("untrusted") << QStringList{p("edge.pem")} << "cert.untrusted" << "error" << 1;
    QTest::newRow("wrong SAN") << QStringList{p("othername.pem"), QStringLiteral("--hosts"), QStringLiteral("api.example.com"), ca, p("ca.pem")}
                               << "cert.san-mismatch" << "error" << 1;
    QTest::newRow("1024-bit RSA") << QStringList{p("weak.pem"), ca, p("ca.pem")} << "cert.weak-key" << "error" << 1;
    QTest::newRow("SHA-1") << QStringList{p("sha1.pem"), ca, p("ca.pem")} << "cert.sha1-signature" << "error" << 1;
    QTest::newRow("damaged PEM") << QStringList{p("damaged.pem")} << "cert.parse" << "error" << 1;
    QTest::newRow("not PEM") << QStringList{p("text.pem")} << "cert.parse" << "error" << 1;
}

void TestCerts::findings()
{
    QFETCH(QStringList, args);
    QFETCH(QString, code);
    QFETCH(QString, severity);
    QFETCH(int, exitCode);
    int exit = -1;
    const QJsonObject r = check(args, &exit);
    QCOMPARE(exit, exitCode);
    const QJsonArray findings = r.value(QLatin1String("findings")).toArray();
    QJsonObject hit;
    for (const auto &f : findings)
        if (f.toObject().value(QLatin1String("code")).toString() == code)
            hit = f.toObject();
    QVERIFY2(!hit.isEmpty(), QJsonDocument(r).toJson().constData());
    QCOMPARE(hit.value(QLatin1String("severity")).toString(), severity);
    QVERIFY(!hit.value(QLatin1String("message")).toString().isEmpty());
    QVERIFY(!hit.value(QLatin1String("hint")).toString().isEmpty());
    QCOMPARE(hit.value(QLatin1String("file")).toString(), args.first());
    if (code == QLatin1String("cert.parse") && args.first().endsWith(QLatin1String("damaged.pem")))
        QVERIFY2(hit.value(QLatin1String("message")).toString().contains(QLatin1String("does not parse")), qPrintable(hit.value(QLatin1String("message")).toString()));
    if (code == QLatin1String("cert.expiring")) { // the threshold is the operator's
        const QJsonObject quiet = check(args + QStringList{QStringLiteral("--expiring-days"), QStringLiteral("5")}, &exit);
        QVERIFY(quiet.value(QLatin1String("findings")).toArray().isEmpty());
    }
}

void TestCerts::wildcards_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<bool>("covered");
    QTest::newRow("exact") << "api.example.com" << true;
    QTest::newRow("one label under the wildcard") << "a.shop.example.com" << true;
    QTest::newRow("the wildcard's own base") << "shop.example.com" << false;
    QTest::newRow("two labels under the wildcard") << "a.b.shop.example.com" << false;
    QTest::newRow("a route wildcard the same") << "*.shop.example.com" << true;
    QTest::newRow("a wider route wildcard") << "*.example.com" << false;
    QTest::newRow("case does not matter") << "API.Example.COM" << true;
}

// Wildcards match as browsers do: one whole left-most label.
void TestCerts::wildcards()
{
    QFETCH(QString, host);
    QFETCH(bool, covered);
    int exit = -1;
    const QJsonObject r = check({path(QStringLiteral("edge.pem")), QStringLiteral("--hosts"), host, QStringLiteral("--ca"), path(QStringLiteral("ca.pem"))}, &exit);
    QCOMPARE(exit, covered ? 0 : 1);
    QCOMPARE(r.value(QLatin1String("findings")).toArray().isEmpty(), covered);
}

void TestCerts::unreadableFileIsExitTwo()
{
    int exit = -1;
    check({path(QStringLiteral("nope.pem"))}, &exit);
    QCOMPARE(exit, 2);
    check({}, &exit);
    QCOMPARE(exit, 2);
}

void TestCerts::loadKeyWithPassphrase_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QByteArray>("passphrase");
    QTest::addColumn<bool>("encrypted");
    QTest::addColumn<QString>("code"); // empty: opens
    QTest::newRow("pkcs8, right passphrase") << "encrypted.key" << QByteArray("secret") << true << QString();
    QTest::newRow("pkcs8, wrong passphrase") << "encrypted.key" << QByteArray("wrong") << true << "cert.key-passphrase";
    QTest::newRow("pkcs8, no passphrase") << "encrypted.key" << QByteArray() << true << "cert.key-passphrase";
    QTest::newRow("traditional, right passphrase") << "encrypted-traditional.key" << QByteArray("secret") << true << QString();
    QTest::newRow("traditional, wrong passphrase") << "encrypted-traditional.key" << QByteArray("nope") << true << "cert.key-passphrase";
    QTest::newRow("unencrypted, any passphrase") << "edge.key" << QByteArray("ignored") << false << QString();
    QTest::newRow("not a key") << "text.pem" << QByteArray("secret") << false << "cert.key-unusable";
}

void TestCerts::loadKeyWithPassphrase()
{
    QFETCH(QString, key);
    QFETCH(QByteArray, passphrase);
    QFETCH(bool, encrypted);
    QFETCH(QString, code);
    const QByteArray pem = read(key);
    QVERIFY(!pem.isEmpty());
    QCOMPARE(mcp::certs::isEncryptedKey(pem), encrypted);
    const mcp::Result<QByteArray> opened = mcp::certs::loadPrivateKey(pem, passphrase);
    if (!code.isEmpty()) {
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, code);
        QVERIFY(!opened.error().detail.contains(QString::fromLatin1(passphrase)) || passphrase.isEmpty());
        return;
    }
    QVERIFY2(opened.ok(), qPrintable(opened.errorText()));
    QVERIFY(opened->startsWith("-----BEGIN PRIVATE KEY-----")); // unencrypted PKCS#8
    QVERIFY(!mcp::certs::isEncryptedKey(*opened));
    // The decrypted key is the certificate's: the check pairs them.
    mcp::certs::CheckSubject subject;
    subject.certPath = path(QStringLiteral("edge.pem"));
    subject.certPem = read(QStringLiteral("edge.pem"));
    subject.keyPath = QStringLiteral("(decrypted in memory)");
    subject.keyPem = *opened;
    for (const auto &f : mcp::certs::checkCertificatePem(subject, {}))
        QVERIFY2(!f.code.startsWith(QLatin1String("cert.key")), qPrintable(f.message));
}

void TestCerts::checkWithPassphrase_data()
{
    QTest::addColumn<QString>("cert");
    QTest::addColumn<QByteArray>("passphrase");
    QTest::addColumn<QString>("code"); // the key finding expected; empty: none
    QTest::newRow("right passphrase") << "edge.pem" << QByteArray("secret") << QString();
    QTest::newRow("wrong passphrase") << "edge.pem" << QByteArray("wrong") << "cert.key-passphrase";
    QTest::newRow("no passphrase") << "edge.pem" << QByteArray() << "cert.key-encrypted";
    QTest::newRow("right passphrase, another certificate") << "soon.pem" << QByteArray("secret") << "cert.key-mismatch";
}

void TestCerts::checkWithPassphrase()
{
    QFETCH(QString, cert);
    QFETCH(QByteArray, passphrase);
    QFETCH(QString, code);
    mcp::certs::CheckSubject subject;
    subject.certPath = path(cert);
    subject.certPem = read(cert);
    subject.keyPath = path(QStringLiteral("encrypted.key"));
    subject.keyPem = read(QStringLiteral("encrypted.key"));
    subject.keyPassphrase = passphrase;
    QStringList keyCodes;
    for (const auto &f : mcp::certs::checkCertificatePem(subject, {})) {
        if (f.code.startsWith(QLatin1String("cert.key")))
            keyCodes << f.code;
        QVERIFY(passphrase.isEmpty() || !f.message.contains(QString::fromLatin1(passphrase)));
    }
    QCOMPARE(keyCodes, code.isEmpty() ? QStringList() : QStringList{code});
    QVERIFY(subject.keyPassphrase.count('\0') == subject.keyPassphrase.size()); // wiped
}

void TestCerts::certificateOnlyChange_data()
{
    using Files = QMap<QString, QByteArray>;
    QTest::addColumn<QString>("driver");
    QTest::addColumn<Files>("newFiles"); // over the running ones below
    QTest::addColumn<QStringList>("changed");
    const QString cfg = QStringLiteral("/etc/haproxy/haproxy.cfg"), tls = QStringLiteral("/etc/haproxy/mcp/certs/tls.pem");
    const QString spare = QStringLiteral("/etc/haproxy/mcp/certs/spare.pem");
    QTest::newRow("the served certificate") << "haproxy" << Files{{tls, "new pem"}} << QStringList{tls};
    QTest::newRow("nothing but the version") << "haproxy" << Files{} << QStringList{};
    QTest::newRow("the config too") << "haproxy" << Files{{tls, "new pem"}, {cfg, "version NEW\nbind :8443 ssl crt x\ntimeout 3s\n"}} << QStringList{};
    QTest::newRow("a certificate no listener loads") << "haproxy" << Files{{spare, "new spare"}} << QStringList{};
    QTest::newRow("a new file") << "haproxy" << Files{{tls, "new pem"}, {QStringLiteral("/etc/haproxy/mcp/certs/other.pem"), "x"}} << QStringList{};
    QTest::newRow("nginx") << "nginx" << Files{{tls, "new pem"}} << QStringList{};
}

void TestCerts::certificateOnlyChange()
{
    using Files = QMap<QString, QByteArray>;
    QFETCH(QString, driver);
    QFETCH(Files, newFiles);
    QFETCH(QStringList, changed);
    const QString cfg = QStringLiteral("/etc/haproxy/haproxy.cfg"), state = QStringLiteral("/etc/haproxy/mcp");
    const Files running{{cfg, "version OLD\nbind :8443 ssl crt x\n"},
                        {state + QStringLiteral("/certs/tls.pem"), "old pem"},
                        {state + QStringLiteral("/certs/spare.pem"), "old spare"},
                        {state + QStringLiteral("/version"), "OLD\n"},
                        {state + QStringLiteral("/spec.yaml"), "old spec"}};
    mcp::gateway::RenderedConfig config;
    config.driver = driver;
    config.version = QStringLiteral("NEW");
    config.mainFile = cfg;
    config.stateDir = state;
    config.files = running;
    config.files[cfg] = "version NEW\nbind :8443 ssl crt x\n";
    config.files[state + QStringLiteral("/version")] = "NEW\n";
    config.files[state + QStringLiteral("/spec.yaml")] = "new spec";
    for (auto it = newFiles.begin(); it != newFiles.end(); ++it)
        config.files[it.key()] = it.value();
    config.tlsListeners = {{8443, state + QStringLiteral("/certs/tls.pem")}};
    QCOMPARE(mcp::gateway::certificateOnlyChange(config, running, QStringLiteral("OLD")), changed);
    QVERIFY(mcp::gateway::certificateOnlyChange(config, running, QString()).isEmpty()); // never pushed: reload
}

QTEST_GUILESS_MAIN(TestCerts)
#include "tst_certs.moc"
