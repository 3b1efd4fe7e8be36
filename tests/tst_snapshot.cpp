// Incident snapshots of the test bed's demo stack, made the way an operator makes them:
// `mcpctl snapshot` against the real engine, after a real push (with a TLS certificate whose
// key is a real openssl key) and real traffic through the nginx gateway. Secrets are planted
// where they leak in practice: a container's environment, its log lines (an Authorization
// header, a password in a query), a comment in the spec, the gateway's private key file; the
// archive is then grepped for every one of them. Reopening must give the same topology as
// `mcpctl topology` printed for the same state; the report must render in headless Chromium.
// In-process: the console's path (TopologyHistory + collector) replays a container's stop.
#include "support/testbed.h"

#include "docker/dockerclient.h"
#include "endpoint/endpoint.h"
#include "hosts/containerinventory.h"
#include "hosts/hostconnection.h"
#include "hosts/connectorfactory.h"
#include "snapshot/redactor.h"
#include "snapshot/snapshotcollector.h"
#include "snapshot/snapshotcompare.h"
#include "snapshot/snapshotfile.h"
#include "snapshot/ziparchive.h"
#include "topology/graphjson.h"
#include "topology/topologyjson.h"
#include "topology/topologymodel.h"

#include <QDateTime>
#include <QDir>
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

const QStringList kPlanted{QStringLiteral("planted-db-pass-4e1f"), QStringLiteral("planted-api-token-9c2b"),
                           QStringLiteral("planted-session-3a7d"), QStringLiteral("planted-bearer-7f3e0d1c"),
                           QStringLiteral("planted-log-pass-2b9a"), QStringLiteral("planted-spec-token-1d2c")};

QString host()
{
    return Testbed::instance().require(QStringLiteral("MCP_TB_UNIX_HOST"));
}

QString run(const QString &program, const QStringList &args, const QString &dir = {}, int *exitCode = nullptr, int timeoutMs = 180000)
{
    QProcess p;
    if (!dir.isEmpty())
        p.setWorkingDirectory(dir);
    p.start(program, args);
    if (!p.waitForFinished(timeoutMs))
        qWarning() << program << args << "timed out";
    if (exitCode)
        *exitCode = p.exitCode();
    if (p.exitCode() != 0)
        qWarning() << program << args << p.readAllStandardError();
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

QString dockerCli(const QStringList &args)
{
    return run(QStringLiteral("docker"), QStringList{QStringLiteral("-H"), host()} + args);
}

QString mcpctl(const QStringList &args, int *exitCode = nullptr)
{
    return run(QStringLiteral(MCPCTL_PATH), args + QStringList{QStringLiteral("--host"), host()}, {}, exitCode);
}

QString demoStack(const QString &verb)
{
    return run(qEnvironmentVariable("MCP_SOURCE_DIR") + QStringLiteral("/scripts/demo-stack"), {verb});
}

// The first place two JSON values differ ("" when equal), for a readable failure.
QString firstDifference(const QJsonValue &a, const QJsonValue &b, const QString &path = QStringLiteral("$"))
{
    if (a.type() != b.type())
        return path + QStringLiteral(": types differ");
    if (a.isObject()) {
        const QJsonObject x = a.toObject(), y = b.toObject();
        QStringList keys = x.keys() + y.keys();
        keys.removeDuplicates();
        for (const QString &k : keys)
            if (const QString d = firstDifference(x.value(k), y.value(k), path + u'.' + k); !d.isEmpty())
                return d;
        return {};
    }
    if (a.isArray()) {
        const QJsonArray x = a.toArray(), y = b.toArray();
        if (x.size() != y.size())
            return path + QStringLiteral(": %1 vs %2 elements").arg(x.size()).arg(y.size());
        for (qsizetype i = 0; i < x.size(); ++i)
            if (const QString d = firstDifference(x.at(i), y.at(i), path + QStringLiteral("[%1]").arg(i)); !d.isEmpty())
                return d;
        return {};
    }
    return a == b ? QString() : path + QStringLiteral(": ") + a.toVariant().toString() + QStringLiteral(" vs ") + b.toVariant().toString();
}

// The demo stack's part of `mcpctl topology` JSON: its gateways and services, and the
// problems of their nodes (other tests' containers may share the engine).
QJsonObject demoPart(const QJsonObject &topology)
{
    static const QStringList names{QStringLiteral("edge"), QStringLiteral("internal"), QStringLiteral("users"), QStringLiteral("orders"),
                                   QStringLiteral("payments"), QStringLiteral("leaky")};
    QJsonObject out;
    QStringList ids;
    for (const char *key : {"gateways", "services"}) {
        QJsonArray kept;
        for (const auto &v : topology.value(QLatin1String(key)).toArray()) {
            if (!names.contains(v.toObject().value(QLatin1String("name")).toString()))
                continue;
            kept.append(v);
            for (const auto &i : v.toObject().value(QLatin1String("instances")).toArray())
                ids << i.toObject().value(QLatin1String("id")).toString().left(12);
        }
        out.insert(QLatin1String(key), kept);
    }
    QJsonArray problems;
    for (const auto &v : topology.value(QLatin1String("problems")).toArray()) {
        const QString subject = v.toObject().value(QLatin1String("subject")).toString();
        if (std::any_of(ids.begin(), ids.end(), [&](const QString &id) { return subject.endsWith(id); }) ||
            std::any_of(names.begin(), names.end(), [&](const QString &n) { return subject.endsWith(u':' + n) || subject.contains(u':' + n + u'/'); })) {
            problems.append(v);
        }
    }
    out.insert(QStringLiteral("problems"), problems);
    // The engine's status text is relative ("Exited (3) 12 seconds ago"): it ages between
    // two readings of the same state.
    static const QRegularExpression ago(QStringLiteral("(\\d+|About an?|Less than a) \\w+ ago"));
    return QJsonDocument::fromJson(QString::fromUtf8(QJsonDocument(out).toJson()).replace(ago, QStringLiteral("some time ago")).toUtf8()).object();
}

template <typename T>
T await(QFuture<T> f)
{
    QTRY_VERIFY_WITH_TIMEOUT(f.isFinished(), 30000);
    return f.result();
}

} // namespace

class TestSnapshot : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void redactorTakesSecretsOut();
    void graphAndTelemetryRoundTrip();
    void initTestCase();
    void cleanupTestCase();
    void demoStackSnapshotHasEveryPartAndNoSecret();
    void reopenedTopologyIsTheSame();
    void reportRendersInChromium();
    void consoleHistoryReplaysAStop();
    void badFilesAreRefusedClearly();

private:
    QTemporaryDir m_dir;
    QString m_file;
    QByteArray m_keyLine; // a line from the middle of the gateway's private key
    QMap<QString, QByteArray> m_entries;
};

// The patterns alone, on text shaped like what leaks.
void TestSnapshot::redactorTakesSecretsOut()
{
    snapshot::Redactor r;
    const QByteArray text = "GET /login?user=ann&password=hunter2&x=1 HTTP/1.1\n"
                            "Authorization: Bearer abc.def.ghi-1234567890\n"
                            "db url postgres://app:s3cret@db:5432/app\n"
                            "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n"
                            "{\"api_key\": \"k-777\", \"keyFile\": \"certs/a.key\"}\n";
    const QByteArray out = r.text(QStringLiteral("a.log"), text);
    for (const char *secret : {"hunter2", "abc.def.ghi-1234567890", "s3cret", "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC", "k-777"})
        QVERIFY2(!out.contains(secret), out.constData());
    QVERIFY(out.contains("user=ann"));
    QVERIFY(out.contains("certs/a.key")); // a path to a key is not a key
    QVERIFY(out.contains("-----BEGIN PRIVATE KEY-----"));
    // Redacting twice changes nothing and counts nothing new.
    const int records = int(r.records().size());
    QCOMPARE(r.text(QStringLiteral("a.log"), out), out);
    QCOMPARE(int(r.records().size()), records);

    QJsonObject inspect{{QStringLiteral("Config"),
                         QJsonObject{{QStringLiteral("Env"), QJsonArray{QStringLiteral("DB_PASSWORD=x1"), QStringLiteral("GITHUB_TOKEN=x2"),
                                                                        QStringLiteral("AWS_SECRET_ACCESS_KEY=x3"), QStringLiteral("PATH=/bin"),
                                                                        QStringLiteral("VERSION=v1")}}}}};
    const QJsonObject c = r.container(QStringLiteral("c.json"), inspect);
    const QJsonArray env = c.value(QLatin1String("Config")).toObject().value(QLatin1String("Env")).toArray();
    QCOMPARE(env.at(0).toString(), QStringLiteral("DB_PASSWORD=<redacted>"));
    QCOMPARE(env.at(1).toString(), QStringLiteral("GITHUB_TOKEN=<redacted>"));
    QCOMPARE(env.at(2).toString(), QStringLiteral("AWS_SECRET_ACCESS_KEY=<redacted>"));
    QCOMPARE(env.at(3).toString(), QStringLiteral("PATH=/bin"));
    QCOMPARE(env.at(4).toString(), QStringLiteral("VERSION=v1"));
    QStringList whats;
    for (const auto &rec : r.records())
        whats << rec.what;
    QVERIFY(whats.contains(QStringLiteral("environment variable DB_PASSWORD")));
    QVERIFY(whats.contains(QStringLiteral("private key")));
}

// The exact record: a graph and a telemetry store read back equal to what was written.
void TestSnapshot::graphAndTelemetryRoundTrip()
{
    topology::Graph g;
    topology::Node n;
    n.id = QStringLiteral("inst:local/abc");
    n.kind = topology::NodeKind::Instance;
    n.name = QStringLiteral("users-1");
    n.health = topology::Health::Degraded;
    n.healthReason = QStringLiteral("probe 404");
    n.attributes = QJsonObject{{QStringLiteral("port"), 8080}, {QStringLiteral("networks"), QJsonArray{QStringLiteral("a")}}};
    n.problems << topology::Problem{QStringLiteral("doctor.health-path-404"), topology::Severity::Warning, n.id, QStringLiteral("m"), QStringLiteral("f")};
    g.addNode(n);
    topology::Node v = n;
    v.id = QStringLiteral("ver:users/v1");
    v.kind = topology::NodeKind::Version;
    v.problems.clear();
    g.addNode(v);
    g.addEdge(v.id, n.id, topology::EdgeKind::Serves);
    const auto back = topology::graphFromJson(QJsonDocument::fromJson(QJsonDocument(topology::graphToJson(g)).toJson()).object());
    QVERIFY(back.ok());
    QVERIFY(back->nodes == g.nodes);
    QVERIFY(back->edges == g.edges);

    telemetry::TelemetryStore store;
    const qint64 t0 = 1'700'000'000'000;
    for (int i = 0; i < 5000; ++i)
        store.add(telemetry::EdgeKey{QStringLiteral("edge"), QStringLiteral("users"), QStringLiteral("users"), i % 10 ? QStringLiteral("v1") : QStringLiteral("v2"),
                                     QStringLiteral("users-1")},
                  t0 + i * 100, i % 37 == 0 ? 502 : 200, i % 74 == 0, 2.0 + (i % 97));
    const auto copy = telemetry::TelemetryStore::fromJson(QJsonDocument::fromJson(QJsonDocument(store.toJson()).toJson()).array());
    for (const QString &version : {QStringLiteral("v1"), QStringLiteral("v2")}) {
        const telemetry::EdgeKey p{QStringLiteral("edge"), QStringLiteral("users"), QString(), version, QString()};
        const auto a = store.figures(p, 900, t0 + 500000), b = copy.figures(p, 900, t0 + 500000);
        QCOMPARE(b.requests, a.requests);
        QCOMPARE(b.errors, a.errors);
        QCOMPARE(b.gatewayErrors, a.gatewayErrors);
        QCOMPARE(b.p99Ms, a.p99Ms);
        QCOMPARE(b.p50Ms, a.p50Ms);
        QCOMPARE(copy.series(p, 900, t0 + 500000).size(), store.series(p, 900, t0 + 500000).size());
    }
}

void TestSnapshot::initTestCase()
{
    QVERIFY(Testbed::instance().isLoaded());
    QVERIFY(m_dir.isValid());
    qputenv("MCP_AUDIT_LOG", m_dir.filePath(QStringLiteral("audit.jsonl")).toUtf8());
    QVERIFY(demoStack(QStringLiteral("up")).contains(QLatin1String("demo stack up")));
    dockerCli({QStringLiteral("rm"), QStringLiteral("-f"), QStringLiteral("mcp-tst-snap-leaky")});
    // A service instance that leaks: secrets in its environment and its log, then it dies.
    QVERIFY(!dockerCli({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), QStringLiteral("mcp-tst-snap-leaky"), QStringLiteral("--network"),
                     QStringLiteral("mcp-demo"), QStringLiteral("--label"), QStringLiteral("mcp.demo=1"), QStringLiteral("--label"),
                     QStringLiteral("mcp.service.name=leaky"), QStringLiteral("--label"), QStringLiteral("mcp.service.port=8080"), QStringLiteral("-e"),
                     QStringLiteral("DB_PASSWORD=planted-db-pass-4e1f"), QStringLiteral("-e"), QStringLiteral("API_TOKEN=planted-api-token-9c2b"),
                     QStringLiteral("-e"), QStringLiteral("SESSION_SECRET=planted-session-3a7d"),
                     Testbed::instance().require(QStringLiteral("MCP_TB_IMAGE_BACKEND")), QStringLiteral("sh"), QStringLiteral("-c"),
                     QStringLiteral("echo 'GET /v1/orders Authorization: Bearer planted-bearer-7f3e0d1c'; echo 'login failed for password=planted-log-pass-2b9a'; exit 3")})
                 .isEmpty());

    // A real key and certificate for the gateway's https listener.
    int rc = 0;
    run(QStringLiteral("openssl"), {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"), QStringLiteral("-nodes"),
                                    QStringLiteral("-keyout"), QStringLiteral("edge.key"), QStringLiteral("-out"), QStringLiteral("edge.pem"), QStringLiteral("-days"),
                                    QStringLiteral("90"), QStringLiteral("-subj"), QStringLiteral("/CN=shop.example.com"), QStringLiteral("-addext"),
                                    QStringLiteral("subjectAltName=DNS:shop.example.com")},
        m_dir.path(), &rc);
    QCOMPARE(rc, 0);
    QFile key(m_dir.filePath(QStringLiteral("edge.key")));
    QVERIFY(key.open(QIODevice::ReadOnly));
    m_keyLine = key.readAll().split('\n').value(5).trimmed();
    QVERIFY(m_keyLine.size() >= 60);

    QFile spec(m_dir.filePath(QStringLiteral("edge.yaml")));
    QVERIFY(spec.open(QIODevice::WriteOnly));
    spec.write("# shop edge; the metrics api token=planted-spec-token-1d2c (never do this)\n"
               "apiVersion: mcp/v1\nkind: GatewayConfig\nmetadata: {name: edge}\nspec:\n  driver: nginx\n"
               "  listeners:\n    - {name: http, port: 80}\n    - {name: https, port: 8443, protocol: https, certificate: shop}\n"
               "  certificates:\n    - {name: shop, certFile: edge.pem, keyFile: edge.key}\n"
               "  routes:\n    - name: users\n      match: {pathPrefix: /cgi-bin, hosts: [shop.example.com]}\n"
               "      backends:\n        - {service: users, version: v1, weight: 80}\n        - {service: users, version: v2, weight: 20}\n"
               "    - name: users-any\n      match: {pathPrefix: /cgi-bin}\n      backends:\n        - {service: users, version: v1, weight: 80}\n"
               "        - {service: users, version: v2, weight: 20}\n");
    spec.close();
    // The demo's orders-2 is unhealthy by HEALTHCHECK; wait for it so the state is settled.
    QTRY_VERIFY_WITH_TIMEOUT(dockerCli({QStringLiteral("inspect"), QStringLiteral("-f"), QStringLiteral("{{.State.Health.Status}}"), QStringLiteral("mcp-demo-orders-2")}) ==
                                 QLatin1String("unhealthy"),
                             60000);
    const QString pushed = mcpctl({QStringLiteral("push"), spec.fileName(), QStringLiteral("--format"), QStringLiteral("json")}, &rc);
    QVERIFY2(rc == 0, qPrintable(pushed));
    // Traffic through the gateway's published port.
    run(QStringLiteral("hey"), {QStringLiteral("-n"), QStringLiteral("300"), QStringLiteral("-c"), QStringLiteral("4"), QStringLiteral("-disable-keepalive"),
                                QStringLiteral("http://127.0.0.1:18080/cgi-bin/app")});
    m_file = m_dir.filePath(QStringLiteral("demo.mcpsnap"));
}

void TestSnapshot::cleanupTestCase()
{
    dockerCli({QStringLiteral("rm"), QStringLiteral("-f"), QStringLiteral("mcp-tst-snap-leaky")});
    demoStack(QStringLiteral("down"));
}

void TestSnapshot::demoStackSnapshotHasEveryPartAndNoSecret()
{
    int rc = -1;
    // The demo's two gateways (other tests' gateways may share the engine).
    const QString out = mcpctl({QStringLiteral("snapshot"), QStringLiteral("--gateway"), QStringLiteral("edge"), QStringLiteral("--gateway"),
                                QStringLiteral("internal"), QStringLiteral("-o"), m_file, QStringLiteral("--format"), QStringLiteral("json")},
                               &rc);
    QVERIFY2(rc == 0, qPrintable(out));
    auto entries = snapshot::readZip(m_file);
    QVERIFY2(entries.ok(), qPrintable(entries.errorText()));
    m_entries = *entries;
    const QStringList paths = m_entries.keys();

    const QJsonObject manifest = QJsonDocument::fromJson(m_entries.value(QStringLiteral("manifest.json"))).object();
    QCOMPARE(manifest.value(QLatin1String("format")).toString(), QStringLiteral("mcpsnap"));
    QCOMPARE(manifest.value(QLatin1String("version")).toInt(), 1);
    QVERIFY(manifest.value(QLatin1String("createdBy")).toString().startsWith(QLatin1String("mcpctl ")));
    const QJsonObject window = manifest.value(QLatin1String("window")).toObject();
    QCOMPARE(qint64(window.value(QLatin1String("toMs")).toDouble() - window.value(QLatin1String("fromMs")).toDouble()), qint64(15 * 60000));
    // Every part the issue lists.
    for (const char *part : {"manifest.json", "topology/graph.json", "topology/timeline.json", "topology/topology.json", "telemetry/edges.json",
                             "events.json", "findings/doctor.json", "findings/validation.json", "audit.json", "gateways/edge/spec.yaml",
                             "gateways/edge/rendered/etc/nginx/nginx.conf", "gateways/edge/rendered/etc/nginx/conf.d/mcp-gateway.conf",
                             "gateways/edge/rendered/etc/nginx/mcp/version", "graph.svg", "graph.png", "index.html"})
        QVERIFY2(m_entries.contains(QLatin1String(part)),
                 qPrintable(QLatin1String(part) + QStringLiteral(" missing; notes: ") +
                            QString::fromUtf8(QJsonDocument(manifest.value(QLatin1String("notes")).toArray()).toJson(QJsonDocument::Compact))));
    QVERIFY(std::any_of(paths.begin(), paths.end(), [](const QString &p) { return p.startsWith(QLatin1String("charts/edge--users")) && p.endsWith(QLatin1String(".png")); }));
    QVERIFY(std::any_of(paths.begin(), paths.end(), [](const QString &p) { return p.startsWith(QLatin1String("charts/")) && p.endsWith(QLatin1String(".svg")); }));
    QVERIFY(m_entries.value(QStringLiteral("graph.png")).startsWith("\x89PNG"));
    // Logs of the gateway and of the dead instance, with its inspect.
    QVERIFY(std::any_of(paths.begin(), paths.end(), [](const QString &p) { return p.startsWith(QLatin1String("logs/")) && p.endsWith(QLatin1String("/mcp-demo-edge.log")); }));
    QVERIFY(std::any_of(paths.begin(), paths.end(), [](const QString &p) { return p.endsWith(QLatin1String("/mcp-tst-snap-leaky.log")); }));
    QVERIFY(std::any_of(paths.begin(), paths.end(), [](const QString &p) { return p.endsWith(QLatin1String("/mcp-demo-orders-2.log")); }));
    QVERIFY(std::any_of(paths.begin(), paths.end(), [](const QString &p) { return p.startsWith(QLatin1String("containers/")) && p.endsWith(QLatin1String("/mcp-tst-snap-leaky.json")); }));
    // The key file never made it in; its certificate did.
    QVERIFY(!std::any_of(paths.begin(), paths.end(), [](const QString &p) { return p.endsWith(QLatin1String(".key")); }));
    QVERIFY(std::any_of(paths.begin(), paths.end(), [](const QString &p) { return p.startsWith(QLatin1String("gateways/edge/rendered/")) && p.endsWith(QLatin1String(".pem")); }));

    // Contents: events of the window, the push in the audit log, findings, telemetry.
    const QJsonArray events = QJsonDocument::fromJson(m_entries.value(QStringLiteral("events.json"))).array();
    QVERIFY(std::any_of(events.begin(), events.end(), [](const QJsonValue &e) {
        return e.toObject().value(QLatin1String("Action")).toString() == QLatin1String("die") &&
               e.toObject().value(QLatin1String("Actor")).toObject().value(QLatin1String("Attributes")).toObject().value(QLatin1String("name")).toString() ==
                   QLatin1String("mcp-tst-snap-leaky");
    }));
    const QJsonArray audit = QJsonDocument::fromJson(m_entries.value(QStringLiteral("audit.json"))).array();
    QVERIFY(!audit.isEmpty());
    QCOMPARE(audit.last().toObject().value(QLatin1String("gateway")).toString(), QStringLiteral("edge"));
    const QByteArray doctor = m_entries.value(QStringLiteral("findings/doctor.json"));
    QVERIFY(doctor.contains("label.unknown"));          // the demo's typo
    QVERIFY(doctor.contains("doctor.instance-stopped")); // the leaky one died
    const QJsonArray validation = QJsonDocument::fromJson(m_entries.value(QStringLiteral("findings/validation.json"))).array();
    QCOMPARE(validation.size(), 2); // edge and internal
    QVERIFY(m_entries.value(QStringLiteral("findings/validation.json")).contains("live.port-not-published")); // 8443 is not published
    const QJsonArray edges = QJsonDocument::fromJson(m_entries.value(QStringLiteral("telemetry/edges.json"))).array();
    QVERIFY(!edges.isEmpty());
    auto snap = snapshot::readSnapshot(m_file);
    QVERIFY2(snap.ok(), qPrintable(snap.errorText()));
    const telemetry::Figures f = snap->store().figures(telemetry::EdgeKey{QStringLiteral("edge"), QStringLiteral("users-any"), {}, {}, {}}, 900, snap->toMs);
    QCOMPARE(f.requests, std::uint64_t(300)); // every request hey sent, counted once
    const telemetry::Figures v2 = snap->store().figures(telemetry::EdgeKey{QStringLiteral("edge"), QStringLiteral("users-any"), {}, QStringLiteral("v2"), {}}, 900, snap->toMs);
    QVERIFY2(v2.requests >= 30 && v2.requests <= 90, qPrintable(QString::number(v2.requests))); // 20% of 300, loosely

    // No secret anywhere in the archive (any entry, any encoding we write: text and zip).
    QFile raw(m_file);
    QVERIFY(raw.open(QIODevice::ReadOnly));
    const QByteArray archive = raw.readAll();
    for (auto it = m_entries.constBegin(); it != m_entries.constEnd(); ++it) {
        for (const QString &secret : kPlanted)
            QVERIFY2(!it.value().contains(secret.toUtf8()), qPrintable(it.key() + QStringLiteral(" holds ") + secret));
        QVERIFY2(!it.value().contains(m_keyLine), qPrintable(it.key() + QStringLiteral(" holds the private key")));
        QVERIFY2(!it.value().contains("PRIVATE KEY-----\nMII"), qPrintable(it.key()));
    }
    for (const QString &secret : kPlanted)
        QVERIFY(!archive.contains(secret.toUtf8()));
    // ... and the manifest says what was taken out.
    QStringList redacted;
    for (const auto &v : manifest.value(QLatin1String("redactions")).toArray())
        redacted << v.toObject().value(QLatin1String("what")).toString();
    for (const char *what : {"environment variable DB_PASSWORD", "environment variable API_TOKEN", "environment variable SESSION_SECRET",
                             "private key file left out", "authorization or cookie header", "password, token or secret value"})
        QVERIFY2(redacted.contains(QLatin1String(what)), qPrintable(redacted.join(QStringLiteral(" | "))));
}

// Reopening reproduces the topology exactly: the graph read back equals its exact record,
// and its stable JSON equals what `mcpctl topology` prints for the same, unchanged state.
void TestSnapshot::reopenedTopologyIsTheSame()
{
    QVERIFY(!m_entries.isEmpty());
    auto snap = snapshot::readSnapshot(m_file);
    QVERIFY(snap.ok());
    const auto exact = topology::graphFromJson(QJsonDocument::fromJson(m_entries.value(QStringLiteral("topology/graph.json"))).object());
    QVERIFY(exact.ok());
    QVERIFY(snap->graph().nodes == exact->nodes);
    QVERIFY(snap->graph().edges == exact->edges);
    QCOMPARE(QJsonDocument::fromJson(m_entries.value(QStringLiteral("topology/topology.json"))).object(), topology::topologyToJson(snap->graph()));

    // The same state, asked again without probes on both sides (probe latencies differ per run).
    const QString a = m_dir.filePath(QStringLiteral("again.mcpsnap"));
    int rc = -1;
    mcpctl({QStringLiteral("--no-probe"), QStringLiteral("snapshot"), QStringLiteral("-o"), a}, &rc);
    QCOMPARE(rc, 0);
    const QJsonObject live = QJsonDocument::fromJson(mcpctl({QStringLiteral("--no-probe"), QStringLiteral("topology"), QStringLiteral("--format"), QStringLiteral("json")}).toUtf8()).object();
    auto again = snapshot::readSnapshot(a);
    QVERIFY(again.ok());
    const QJsonObject reopened = demoPart(topology::topologyToJson(again->graph()));
    QVERIFY(reopened.value(QLatin1String("services")).toArray().size() >= 4);
    QVERIFY2(reopened == demoPart(live), qPrintable(firstDifference(reopened, demoPart(live))));

    // Compare: stop a v2 instance, snapshot again, the difference names it.
    dockerCli({QStringLiteral("stop"), QStringLiteral("-t"), QStringLiteral("1"), QStringLiteral("mcp-demo-users-v2-1")});
    const QString b = m_dir.filePath(QStringLiteral("after.mcpsnap"));
    mcpctl({QStringLiteral("--no-probe"), QStringLiteral("snapshot"), QStringLiteral("-o"), b}, &rc);
    QCOMPARE(rc, 0);
    const QJsonObject diff = QJsonDocument::fromJson(mcpctl({QStringLiteral("snapshot"), QStringLiteral("compare"), a, b, QStringLiteral("--format"), QStringLiteral("json")}).toUtf8()).object();
    const QJsonArray nodes = diff.value(QLatin1String("nodes")).toArray();
    QVERIFY2(std::any_of(nodes.begin(), nodes.end(), [](const QJsonValue &v) {
                 return v.toObject().value(QLatin1String("name")).toString() == QLatin1String("mcp-demo-users-v2-1") &&
                        v.toObject().value(QLatin1String("change")).toString() == QLatin1String("health");
             }),
             QJsonDocument(diff).toJson().constData());
    dockerCli({QStringLiteral("start"), QStringLiteral("mcp-demo-users-v2-1")});
}

// index.html opens with no network: headless Chromium from Debian renders it to a PNG.
void TestSnapshot::reportRendersInChromium()
{
    QVERIFY(!m_entries.isEmpty());
    const QByteArray html = m_entries.value(QStringLiteral("index.html"));
    QVERIFY(html.contains("<svg"));
    QVERIFY(!html.contains("http://") || !html.contains("src=\"http")); // nothing fetched from a network
    QVERIFY(!html.contains("<script src") && !html.contains("<link "));
    const QString page = m_dir.filePath(QStringLiteral("report/index.html"));
    QDir().mkpath(m_dir.filePath(QStringLiteral("report")));
    QFile f(page);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(html);
    f.close();
    const QString shot = QStringLiteral(MCP_SCREENSHOT_DIR) + QStringLiteral("/snapshot-report.png");
    QDir().mkpath(QStringLiteral(MCP_SCREENSHOT_DIR));
    QFile::remove(shot);
    int rc = -1;
    run(QStringLiteral("chromium"),
        {QStringLiteral("--headless"), QStringLiteral("--no-sandbox"), QStringLiteral("--disable-gpu"), QStringLiteral("--disable-quic"),
         QStringLiteral("--no-first-run"), QStringLiteral("--disable-background-networking"), QStringLiteral("--disable-component-update"),
         QStringLiteral("--disable-sync"), QStringLiteral("--user-data-dir=") + m_dir.filePath(QStringLiteral("chromium")),
         QStringLiteral("--window-size=1280,2400"), QStringLiteral("--screenshot=") + shot, QUrl::fromLocalFile(page).toString()},
        {}, &rc, 120000);
    QVERIFY(QFileInfo::exists(shot));
    QVERIFY(QFileInfo(shot).size() > 20000); // a page, not a blank
}

// The console's path: a live model with its history; a container stops while it records;
// the snapshot replays the moment before (running) and after (exited).
void TestSnapshot::consoleHistoryReplaysAStop()
{
    auto endpoint = endpoint::Endpoint::parse(host());
    QVERIFY(endpoint.ok());
    hosts::HostConnection connection(QStringLiteral("local"), *endpoint, hosts::makeConnector(*endpoint, {}));
    hosts::ContainerInventory inventory(&connection);
    topology::TopologyModel model;
    model.addHost(&connection, &inventory);
    snapshot::TopologyHistory history(&model);
    QSignalSpy resynced(&inventory, &hosts::ContainerInventory::resynced);
    connection.start();
    QVERIFY(resynced.wait(30000));
    QTRY_VERIFY_WITH_TIMEOUT(model.graph().nodes.size() > 5, 10000);
    const auto instanceOf = [&](const topology::Graph &g) -> topology::Node {
        for (const auto &n : g.nodes)
            if (n.name == QLatin1String("mcp-demo-users-v1-2"))
                return n;
        return {};
    };
    QCOMPARE(instanceOf(model.graph()).attributes.value(QLatin1String("state")).toString(), QStringLiteral("running"));
    QTest::qWait(20);
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    QTest::qWait(20);
    dockerCli({QStringLiteral("stop"), QStringLiteral("-t"), QStringLiteral("1"), QStringLiteral("mcp-demo-users-v1-2")});
    QTRY_COMPARE_WITH_TIMEOUT(instanceOf(model.graph()).attributes.value(QLatin1String("state")).toString(), QStringLiteral("exited"), 20000);
    QVERIFY(history.frameCount() >= 1);

    snapshot::SnapshotCollector::Input input;
    snapshot::SnapshotCollector::Host h;
    h.info.name = QStringLiteral("local");
    h.info.state = QStringLiteral("connected");
    h.client = connection.client();
    input.hosts << h;
    input.timeline = history.timeline();
    const topology::Graph atCapture = model.graph();
    input.hostGraph = [&](const QString &name) { return model.hostGraph(name); };
    input.toMs = QDateTime::currentMSecsSinceEpoch();
    input.fromMs = input.toMs - 15 * 60000;
    input.createdBy = QStringLiteral("tst_snapshot");
    snapshot::SnapshotCollector collector(input);
    QSignalSpy finished(&collector, &snapshot::SnapshotCollector::finished);
    QSignalSpy progress(&collector, &snapshot::SnapshotCollector::progress);
    collector.start();
    QVERIFY(finished.wait(60000));
    QVERIFY(progress.size() >= 3);
    const QString file = m_dir.filePath(QStringLiteral("console.mcpsnap"));
    QVERIFY(snapshot::writeSnapshot(file, collector.snapshot(), {}).ok());
    auto snap = snapshot::readSnapshot(file);
    QVERIFY(snap.ok());
    QVERIFY(snap->graph().nodes == atCapture.nodes); // reopened exactly as the model held it
    QVERIFY(snap->graph().edges == atCapture.edges);
    QCOMPARE(instanceOf(snap->timeline.graphAt(before)).attributes.value(QLatin1String("state")).toString(), QStringLiteral("running"));
    QCOMPARE(instanceOf(snap->timeline.graphAt(snap->toMs)).attributes.value(QLatin1String("state")).toString(), QStringLiteral("exited"));
    // Written without a rasterizer: no PNGs, and the manifest says so.
    auto entries = snapshot::readZip(file);
    QVERIFY(entries.ok());
    QVERIFY(!entries->contains(QStringLiteral("graph.png")));
    QVERIFY(entries->value(QStringLiteral("manifest.json")).contains("written without a rasterizer"));
    connection.stop();
    dockerCli({QStringLiteral("start"), QStringLiteral("mcp-demo-users-v1-2")});
}

void TestSnapshot::badFilesAreRefusedClearly()
{
    const QString junk = m_dir.filePath(QStringLiteral("junk.mcpsnap"));
    QFile f(junk);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("this is not a zip");
    f.close();
    auto r = snapshot::readSnapshot(junk);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, QStringLiteral("snapshot.open"));
    // A zip from the future.
    const QString future = m_dir.filePath(QStringLiteral("future.mcpsnap"));
    QVERIFY(snapshot::writeZip(future, {{QStringLiteral("manifest.json"), "{\"format\":\"mcpsnap\",\"version\":99}"}}).ok());
    r = snapshot::readSnapshot(future);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, QStringLiteral("snapshot.version"));
    QVERIFY(r.error().detail.contains(QLatin1String("version 99")));
    int rc = -1;
    run(QStringLiteral(MCPCTL_PATH), {QStringLiteral("snapshot"), QStringLiteral("show"), junk}, {}, &rc);
    QCOMPARE(rc, 2);
}

QTEST_GUILESS_MAIN(TestSnapshot)
#include "tst_snapshot.moc"
