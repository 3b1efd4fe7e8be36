// The GatewayConfig spec's offline checks: a valid spec passes clean; every check is
// triggered by a spec that violates it and reported at the offending file:line:column;
// certificate checks run on real certificates made with the openssl command (CA,
// intermediate, leaves: good, expired, expiring, wrong SAN, weak key, SHA-1, wrong order,
// wrong key); `mcpctl validate` prints the same findings as JSON with its exit codes.
#include "gateway/certcheck.h"
#include "gateway/specreader.h"
#include "gateway/specvalidator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace mcp::gateway;

namespace {

const char *kValid = R"(apiVersion: mcp/v1
kind: GatewayConfig
metadata:
  name: edge
spec:
  driver: nginx
  listeners:
    - {name: http,  port: 8080, protocol: http}
    - {name: https, port: 8443, protocol: https, certificate: edge-tls}
  certificates:
    - {name: edge-tls, certFile: certs/edge.pem, keyFile: certs/edge.key}
  routes:
    - name: users-admin
      match: {hosts: [api.example.com], pathPrefix: /users/admin}
      backends:
        - {service: user-api, weight: 100}
    - name: users
      listeners: [http, https]
      match: {hosts: [api.example.com], pathPrefix: /users}
      backends:
        - {service: user-api, version: v1, weight: 90}
        - {service: user-api, version: v2, weight: 10}
      timeouts: {connect: 5s, read: 10s, send: 250ms}
      retries: {attempts: 2, on: [error, timeout, http_502, http_503, http_504]}
      passiveHealth: {maxFails: 3, failTimeout: 30s}
      rollout: {stable: v1, canary: v2, maxErrorRate: 5%, maxP99Ratio: 2.0, window: 60s, minRequests: 50}
    - name: orders
      match: {pathPrefix: /orders}
      backends:
        - {service: orders}
)";

bool openssl(const QStringList &args, const QString &dir)
{
    QProcess p;
    p.setWorkingDirectory(dir);
    p.start(QStringLiteral("openssl"), args);
    if (!p.waitForFinished(60000) || p.exitCode() != 0) {
        qWarning() << "openssl" << args << p.readAllStandardError();
        return false;
    }
    return true;
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QStringList codes(const Findings &findings)
{
    QStringList out;
    for (const auto &f : findings)
        out << f.code;
    return out;
}

const Finding *findCode(const Findings &findings, const QString &code)
{
    for (const auto &f : findings) {
        if (f.code == code)
            return &f;
    }
    return nullptr;
}

} // namespace

class TestGatewaySpec : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void validSpecIsClean();
    void durations();
    void violations_data();
    void violations();
    void yamlSyntaxErrorHasPosition();
    void certificates_data();
    void certificates();
    void mcpctlValidate();

private:
    Findings check(const QByteArray &yaml, const QString &name = QStringLiteral("spec.yaml"));
    QString certs() const { return m_dir.filePath(QStringLiteral("certs")); }
    bool makeCertificates();

    QTemporaryDir m_dir;
};

void TestGatewaySpec::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(QDir().mkpath(certs()));
    QVERIFY(makeCertificates());
}

// CA -> intermediate -> leaves. The expired one is issued with `openssl ca` and explicit
// dates; the rest with `openssl x509 -req`.
bool TestGatewaySpec::makeCertificates()
{
    const QString d = certs();
    const auto ossl = [&](const QStringList &args) { return openssl(args, d); };
    if (!writeFile(d + QStringLiteral("/ca.ext"), "basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n"))
        return false;
    const auto leafExt = [&](const QString &name, const QString &san) {
        return writeFile(d + QLatin1Char('/') + name, QStringLiteral("subjectAltName=%1\n").arg(san).toUtf8());
    };
    bool ok = ossl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"), QStringLiteral("-nodes"),
                    QStringLiteral("-keyout"), QStringLiteral("ca.key"), QStringLiteral("-out"), QStringLiteral("ca.pem"), QStringLiteral("-days"),
                    QStringLiteral("3650"), QStringLiteral("-subj"), QStringLiteral("/CN=Test Root CA")}) &&
              ossl({QStringLiteral("req"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
                    QStringLiteral("int.key"), QStringLiteral("-out"), QStringLiteral("int.csr"), QStringLiteral("-subj"),
                    QStringLiteral("/CN=Test Intermediate")}) &&
              ossl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), QStringLiteral("int.csr"), QStringLiteral("-CA"),
                    QStringLiteral("ca.pem"), QStringLiteral("-CAkey"), QStringLiteral("ca.key"), QStringLiteral("-CAcreateserial"),
                    QStringLiteral("-out"), QStringLiteral("int.pem"), QStringLiteral("-days"), QStringLiteral("1825"), QStringLiteral("-extfile"),
                    QStringLiteral("ca.ext")}) &&
              leafExt(QStringLiteral("api.ext"), QStringLiteral("DNS:api.example.com,DNS:*.shop.example.com")) &&
              leafExt(QStringLiteral("other.ext"), QStringLiteral("DNS:other.example.org"));
    if (!ok)
        return false;
    // leaf NAME: key size, digest, days, SAN ext file.
    const auto leaf = [&](const QString &name, const QString &keySpec, const QString &digest, const QString &days, const QString &ext) {
        return ossl({QStringLiteral("req"), QStringLiteral("-newkey"), keySpec, QStringLiteral("-nodes"), QStringLiteral("-keyout"),
                     name + QStringLiteral(".key"), QStringLiteral("-out"), name + QStringLiteral(".csr"), QStringLiteral("-subj"),
                     QStringLiteral("/CN=") + name}) &&
               ossl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), name + QStringLiteral(".csr"), QStringLiteral("-CA"),
                     QStringLiteral("int.pem"), QStringLiteral("-CAkey"), QStringLiteral("int.key"), QStringLiteral("-CAcreateserial"),
                     QStringLiteral("-out"), name + QStringLiteral(".leaf"), QStringLiteral("-days"), days, QStringLiteral("-") + digest,
                     QStringLiteral("-extfile"), ext}) &&
               writeFile(d + QLatin1Char('/') + name + QStringLiteral(".pem"),
                         readFile(d + QLatin1Char('/') + name + QStringLiteral(".leaf")) + readFile(d + QStringLiteral("/int.pem")));
    };
    ok = leaf(QStringLiteral("edge"), QStringLiteral("rsa:2048"), QStringLiteral("sha256"), QStringLiteral("365"), QStringLiteral("api.ext")) &&
         leaf(QStringLiteral("soon"), QStringLiteral("rsa:2048"), QStringLiteral("sha256"), QStringLiteral("10"), QStringLiteral("api.ext")) &&
         leaf(QStringLiteral("othername"), QStringLiteral("rsa:2048"), QStringLiteral("sha256"), QStringLiteral("365"), QStringLiteral("other.ext")) &&
         leaf(QStringLiteral("weak"), QStringLiteral("rsa:1024"), QStringLiteral("sha256"), QStringLiteral("365"), QStringLiteral("api.ext")) &&
         leaf(QStringLiteral("sha1"), QStringLiteral("rsa:2048"), QStringLiteral("sha1"), QStringLiteral("365"), QStringLiteral("api.ext"));
    if (!ok)
        return false;
    // Wrong order: intermediate first. Leaf only: no intermediate.
    ok = writeFile(d + QStringLiteral("/reversed.pem"), readFile(d + QStringLiteral("/int.pem")) + readFile(d + QStringLiteral("/edge.leaf"))) &&
         writeFile(d + QStringLiteral("/leafonly.pem"), readFile(d + QStringLiteral("/edge.leaf")));
    // Expired: `openssl ca` takes explicit dates.
    const QString caConf = QStringLiteral(
        "[ca]\ndefault_ca=tca\n[tca]\ndir=.\ndatabase=index.txt\nserial=serial\nnew_certs_dir=.\ncertificate=int.pem\n"
        "private_key=int.key\ndefault_md=sha256\npolicy=any\ncopy_extensions=copy\nunique_subject=no\n[any]\ncommonName=supplied\n");
    ok = ok && writeFile(d + QStringLiteral("/ca.conf"), caConf.toUtf8()) && writeFile(d + QStringLiteral("/index.txt"), "") &&
         writeFile(d + QStringLiteral("/serial"), "1000\n") &&
         ossl({QStringLiteral("req"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
               QStringLiteral("expired.key"), QStringLiteral("-out"), QStringLiteral("expired.csr"), QStringLiteral("-subj"),
               QStringLiteral("/CN=expired"), QStringLiteral("-addext"), QStringLiteral("subjectAltName=DNS:api.example.com")}) &&
         ossl({QStringLiteral("ca"), QStringLiteral("-batch"), QStringLiteral("-config"), QStringLiteral("ca.conf"), QStringLiteral("-in"),
               QStringLiteral("expired.csr"), QStringLiteral("-out"), QStringLiteral("expired.leaf"), QStringLiteral("-startdate"),
               QStringLiteral("20200101000000Z"), QStringLiteral("-enddate"), QStringLiteral("20200201000000Z"), QStringLiteral("-notext")}) &&
         writeFile(d + QStringLiteral("/expired.pem"), readFile(d + QStringLiteral("/expired.leaf")) + readFile(d + QStringLiteral("/int.pem")));
    return ok;
}

Findings TestGatewaySpec::check(const QByteArray &yaml, const QString &name)
{
    const QString file = m_dir.filePath(name);
    writeFile(file, yaml);
    SpecReading r = readSpecFile(file);
    Findings all = r.findings;
    if (r.parsed)
        all << validateSpec(r.spec);
    return all;
}

void TestGatewaySpec::validSpecIsClean()
{
    const Findings f = check(kValid);
    QStringList lines;
    for (const auto &x : f)
        lines << x.toString();
    QVERIFY2(f.isEmpty(), qPrintable(lines.join(QLatin1Char('\n'))));
    const SpecReading r = readSpecFile(m_dir.filePath(QStringLiteral("spec.yaml")));
    QCOMPARE(r.spec.routes.size(), 3);
    QCOMPARE(r.spec.routes[1].backends[1].weight.value, 10);
    QCOMPARE(r.spec.routes[1].timeouts->sendMs.value, 250);
    QCOMPARE(effectiveWeight(r.spec.routes[2], r.spec.routes[2].backends[0]), 100);
    QCOMPARE(r.spec.routes[1].backends[1].weight.pos.line, 22);
}

void TestGatewaySpec::durations()
{
    QCOMPARE(parseDurationMs(QStringLiteral("250ms")), std::optional<qint64>(250));
    QCOMPARE(parseDurationMs(QStringLiteral("5s")), std::optional<qint64>(5000));
    QCOMPARE(parseDurationMs(QStringLiteral("1m")), std::optional<qint64>(60000));
    QCOMPARE(parseDurationMs(QStringLiteral("1.5s")), std::optional<qint64>(1500));
    QVERIFY(!parseDurationMs(QStringLiteral("5")));
    QVERIFY(!parseDurationMs(QStringLiteral("5 sec")));
    QVERIFY(!parseDurationMs(QStringLiteral("-5s")));
}

void TestGatewaySpec::violations_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("line");
    // Each row edits the valid spec once (first occurrence of `from`).
    QTest::newRow("typo weigth") << "version: v2, weight: 10" << "version: v2, weigth: 10" << "spec.unknown-field" << 22;
    QTest::newRow("weight not integer") << "weight: 10}" << "weight: ten}" << "spec.type" << 22;
    QTest::newRow("weights sum") << "weight: 10}" << "weight: 20}" << "spec.weight-sum" << 21;
    QTest::newRow("weight range") << "weight: 90}" << "weight: 190}" << "spec.weight-range" << 21;
    QTest::newRow("weights zero") << "weight: 90}\n        - {service: user-api, version: v2, weight: 10}"
                                  << "weight: 0}\n        - {service: user-api, version: v2, weight: 0}" << "spec.weight-all-zero" << 21;
    QTest::newRow("weight missing") << "version: v2, weight: 10}" << "version: v2}" << "spec.weight-missing" << 22;
    QTest::newRow("duplicate backend") << "version: v2, weight: 10}" << "version: v1, weight: 10}" << "spec.duplicate-backend" << 22;
    QTest::newRow("api version") << "apiVersion: mcp/v1" << "apiVersion: mcp/v2" << "spec.api-version" << 1;
    QTest::newRow("kind") << "kind: GatewayConfig" << "kind: Gateway" << "spec.kind" << 2;
    QTest::newRow("driver") << "driver: nginx" << "driver: envoy" << "spec.driver" << 6;
    QTest::newRow("duplicate listener") << "{name: https, port: 8443" << "{name: http, port: 8443" << "spec.duplicate-listener" << 9;
    QTest::newRow("duplicate port") << "port: 8443" << "port: 8080" << "spec.duplicate-port" << 9;
    QTest::newRow("port range") << "port: 8443" << "port: 70000" << "spec.listener-port" << 9;
    QTest::newRow("protocol") << "protocol: http}" << "protocol: ftp}" << "spec.listener-protocol" << 8;
    QTest::newRow("https without certificate") << ", certificate: edge-tls}" << "}" << "spec.https-without-certificate" << 9;
    QTest::newRow("unknown certificate") << "certificate: edge-tls}" << "certificate: edge-tsl}" << "spec.unknown-certificate" << 9;
    QTest::newRow("duplicate certificate") << "keyFile: certs/edge.key}\n"
                                           << "keyFile: certs/edge.key}\n    - {name: edge-tls, certFile: certs/edge.pem, keyFile: certs/edge.key}\n"
                                           << "spec.duplicate-certificate" << 12;
    QTest::newRow("unknown listener") << "listeners: [http, https]" << "listeners: [http, htps]" << "spec.unknown-listener" << 18;
    QTest::newRow("duplicate route") << "- name: orders" << "- name: users" << "spec.duplicate-route" << 27;
    QTest::newRow("path syntax") << "pathPrefix: /orders}" << "pathPrefix: orders/../x}" << "spec.path-syntax" << 28;
    QTest::newRow("host syntax") << "match: {hosts: [api.example.com], pathPrefix: /users}"
                                 << "match: {hosts: ['https://api.example.com'], pathPrefix: /users}" << "spec.host-syntax" << 19;
    QTest::newRow("duplicate match") << "match: {hosts: [api.example.com], pathPrefix: /users/admin}"
                                     << "match: {hosts: [api.example.com], pathPrefix: /users}" << "spec.duplicate-match" << 19;
    QTest::newRow("shadowed") << "match: {hosts: [api.example.com], pathPrefix: /users/admin}"
                              << "match: {pathPrefix: /}" << "spec.route-shadowed" << 17;
    QTest::newRow("duration") << "connect: 5s" << "connect: 5 seconds" << "spec.duration" << 23;
    QTest::newRow("duration zero") << "connect: 5s" << "connect: 0s" << "spec.duration-zero" << 23;
    QTest::newRow("retry condition") << "on: [error, timeout" << "on: [error, timeuot" << "spec.retry-condition" << 24;
    QTest::newRow("retry attempts") << "attempts: 2" << "attempts: 50" << "spec.retry-attempts" << 24;
    QTest::newRow("missing pathPrefix") << "match: {pathPrefix: /orders}" << "match: {}" << "spec.missing-field" << 28;
    QTest::newRow("missing name") << "metadata:\n  name: edge" << "metadata:\n  nam: edge" << "spec.unknown-field" << 4;
    QTest::newRow("no backends") << "      backends:\n        - {service: orders}" << "      backends: []" << "spec.no-backends" << 29;
    QTest::newRow("gateway name") << "name: edge" << "name: 'edge gateway'" << "spec.name" << 4;
    QTest::newRow("rollout version") << "canary: v2" << "canary: v5" << "spec.rollout-version" << 26;
    QTest::newRow("rollout same version") << "canary: v2" << "canary: v1" << "spec.rollout-version" << 26;
    QTest::newRow("rollout error rate") << "maxErrorRate: 5%" << "maxErrorRate: 150%" << "spec.rollout-limit" << 26;
    QTest::newRow("rollout not a number") << "maxErrorRate: 5%" << "maxErrorRate: five" << "spec.type" << 26;
    QTest::newRow("rollout ratio") << "maxP99Ratio: 2.0" << "maxP99Ratio: 0.5" << "spec.rollout-limit" << 26;
    QTest::newRow("rollout window") << "window: 60s" << "window: 2s" << "spec.rollout-window" << 26;
    QTest::newRow("rollout no limit") << "maxErrorRate: 5%, maxP99Ratio: 2.0, " << "" << "spec.rollout-no-limit" << 26;
    QTest::newRow("rollout typo") << "minRequests: 50" << "minRequest: 50" << "spec.unknown-field" << 26;
    QTest::newRow("certificate on http") << "protocol: http}" << "protocol: http, certificate: edge-tls}" << "spec.certificate-on-http" << 8;
}

void TestGatewaySpec::violations()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QString, code);
    QFETCH(int, line);
    QString yaml = QString::fromUtf8(kValid);
    QVERIFY2(yaml.contains(from), qPrintable(from));
    yaml.replace(yaml.indexOf(from), from.size(), to);
    const Findings f = check(yaml.toUtf8(), QStringLiteral("violation.yaml"));
    const Finding *hit = findCode(f, code);
    QVERIFY2(hit, qPrintable(codes(f).join(QLatin1Char(','))));
    QCOMPARE(hit->pos.line, line);
    QVERIFY(hit->pos.column > 0);
    QVERIFY(hit->file.endsWith(QLatin1String("violation.yaml")));
    QVERIFY(!hit->message.isEmpty());
    QVERIFY(!hit->hint.isEmpty());
    if (code == QLatin1String("spec.unknown-field") && to.contains(QLatin1String("weigth")))
        QCOMPARE(hit->hint, QStringLiteral("did you mean `weight`?"));
}

void TestGatewaySpec::yamlSyntaxErrorHasPosition()
{
    QString yaml = QString::fromUtf8(kValid);
    yaml.replace(QStringLiteral("- {name: http,  port: 8080, protocol: http}"), QStringLiteral("- {name: http,  port: 8080, protocol: http"));
    const Findings f = check(yaml.toUtf8(), QStringLiteral("broken.yaml"));
    QCOMPARE(f.size(), 1);
    QCOMPARE(f.first().code, QStringLiteral("spec.yaml-syntax"));
    QVERIFY(f.first().pos.line >= 8);
    QVERIFY(f.first().pos.column > 0);
    QVERIFY2(f.first().toString().contains(QStringLiteral("broken.yaml:%1:%2: error: YAML syntax error").arg(f.first().pos.line).arg(f.first().pos.column)), qPrintable(f.first().toString()));
}

void TestGatewaySpec::certificates_data()
{
    QTest::addColumn<QString>("cert");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("code"); // empty: clean
    QTest::newRow("good chain") << "edge.pem" << "edge.key" << "";
    QTest::newRow("expired") << "expired.pem" << "expired.key" << "cert.expired";
    QTest::newRow("expiring") << "soon.pem" << "soon.key" << "cert.expiring";
    QTest::newRow("SAN") << "othername.pem" << "othername.key" << "cert.san-mismatch";
    QTest::newRow("weak key") << "weak.pem" << "weak.key" << "cert.weak-key";
    QTest::newRow("SHA-1") << "sha1.pem" << "sha1.key" << "cert.sha1-signature";
    QTest::newRow("wrong key") << "edge.pem" << "soon.key" << "cert.key-mismatch";
    QTest::newRow("chain order") << "reversed.pem" << "int.key" << "cert.chain-order";
    QTest::newRow("leaf only") << "leafonly.pem" << "edge.key" << "cert.chain-incomplete";
    QTest::newRow("missing file") << "nope.pem" << "edge.key" << "cert.file-unreadable";
    QTest::newRow("key is not a key") << "edge.pem" << "edge.pem" << "cert.key-unusable";
}

void TestGatewaySpec::certificates()
{
    QFETCH(QString, cert);
    QFETCH(QString, key);
    QFETCH(QString, code);
    QString yaml = QString::fromUtf8(kValid);
    yaml.replace(QStringLiteral("certFile: certs/edge.pem, keyFile: certs/edge.key"),
                 QStringLiteral("certFile: certs/%1, keyFile: certs/%2").arg(cert, key));
    // The wildcard route host must be covered too.
    yaml.replace(QStringLiteral("match: {pathPrefix: /orders}"), QStringLiteral("match: {hosts: ['*.shop.example.com'], pathPrefix: /orders}"));
    const Findings f = check(yaml.toUtf8(), QStringLiteral("certs.yaml"));
    if (code.isEmpty()) {
        QVERIFY2(f.isEmpty(), qPrintable(codes(f).join(QLatin1Char(','))));
        return;
    }
    const Finding *hit = findCode(f, code);
    QVERIFY2(hit, qPrintable(codes(f).join(QLatin1Char(','))));
    QCOMPARE(hit->pos.line, 11);
    // Key material never appears in findings.
    for (const auto &x : f)
        QVERIFY(!x.message.contains(QLatin1String("PRIVATE KEY")));
}

void TestGatewaySpec::mcpctlValidate()
{
    QString yaml = QString::fromUtf8(kValid);
    yaml.replace(QStringLiteral("version: v2, weight: 10"), QStringLiteral("version: v2, weigth: 10"));
    const QString file = m_dir.filePath(QStringLiteral("cli.yaml"));
    QVERIFY(writeFile(file, yaml.toUtf8()));
    QProcess p;
    p.start(QStringLiteral(MCPCTL_PATH), {QStringLiteral("validate"), file, QStringLiteral("--format"), QStringLiteral("json")});
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 1);
    const QJsonObject out = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
    const QJsonArray findings = out.value(QLatin1String("findings")).toArray();
    QVERIFY(!findings.isEmpty());
    const QJsonObject first = findings.first().toObject();
    for (const char *key : {"code", "severity", "file", "line", "column", "path", "message", "hint"})
        QVERIFY2(first.contains(QLatin1String(key)), key);
    bool typo = false;
    for (const auto &v : findings) {
        const QJsonObject o = v.toObject();
        if (o.value(QLatin1String("code")).toString() == QLatin1String("spec.unknown-field")) {
            typo = true;
            QCOMPARE(o.value(QLatin1String("line")).toInt(), 22);
            QCOMPARE(o.value(QLatin1String("severity")).toString(), QStringLiteral("error"));
            QCOMPARE(o.value(QLatin1String("path")).toString(), QStringLiteral("spec.routes[1].backends[1].weigth"));
        }
    }
    QVERIFY(typo);

    QVERIFY(writeFile(file, QByteArray(kValid)));
    p.start(QStringLiteral(MCPCTL_PATH), {QStringLiteral("validate"), file});
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 0);
    QVERIFY(p.readAllStandardOutput().contains("valid"));

    p.start(QStringLiteral(MCPCTL_PATH), {QStringLiteral("validate"), m_dir.filePath(QStringLiteral("missing.yaml"))});
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 2);
}

QTEST_GUILESS_MAIN(TestGatewaySpec)
#include "tst_gateway_spec.moc"
