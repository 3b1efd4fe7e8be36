#include "endpoint/contextlist.h"
#include "endpoint/endpointresolver.h"

#include <QtTest>

using mcp::ErrorKind;
using mcp::endpoint::ContextStore;
using mcp::endpoint::EndpointResolver;

// Every test row gets a fresh temporary tree: <root>/cfg is the Docker config dir, holding a
// context store built here the way `docker context create` lays it out (that layout is
// checked against the real client in tst_docker_context_compat), <root>/certs a
// DOCKER_CERT_PATH. Paths in the data tables are relative to <root>; "$ROOT" in an
// environment value is replaced by it.
class TestEndpointResolver : public QObject
{
    Q_OBJECT
private slots:
    void init();

    void precedence_data();
    void precedence();
    void tls_data();
    void tls();
    void rejects_data();
    void rejects();
    void contextIdIsSha256OfName();
    void defaultConfigDirFollowsEnvironment();
    void listContexts();
    void listContextsConflict();

private:
    QString root() const { return m_root->path(); }
    QString cfg() const { return m_root->filePath(QStringLiteral("cfg")); }
    void write(const QString &relative, const QByteArray &content);
    void addContext(const QString &name, const QString &host, bool skipTlsVerify = false,
                    const QString &description = QString());
    EndpointResolver resolver(const QString &hostFlag, const QString &contextFlag,
                              const QStringList &env) const;

    std::unique_ptr<QTemporaryDir> m_root;
};

namespace {
// Where the fixture puts a context's TLS file, relative to the root.
QString tlsFile(const QString &context, const QString &file)
{
    return QStringLiteral("cfg/contexts/tls/%1/docker/%2").arg(ContextStore::contextId(context), file);
}
QString metaFile(const QString &context)
{
    return QStringLiteral("cfg/contexts/meta/%1/meta.json").arg(ContextStore::contextId(context));
}
} // namespace

void TestEndpointResolver::init()
{
    m_root = std::make_unique<QTemporaryDir>();
    QVERIFY(m_root->isValid());
    addContext(QStringLiteral("flagctx"), QStringLiteral("tcp://flag.example:2375"));
    addContext(QStringLiteral("envctx"), QStringLiteral("ssh://ops@env.example"));
    addContext(QStringLiteral("cfgctx"), QStringLiteral("unix:///run/cfg.sock"), false,
               QStringLiteral("From config"));
    addContext(QStringLiteral("gwtls"), QStringLiteral("tcp://tls.example:2376"));
    addContext(QStringLiteral("gwskip"), QStringLiteral("tcp://skip.example:2376"), true);
    addContext(QStringLiteral("gwssh"),
               QStringLiteral("ssh://ops@ssh.example:2222/run/user/1000/docker.sock"), true);
    addContext(QStringLiteral("gwunix"), QStringLiteral("unix:///run/gw.sock"));
}

void TestEndpointResolver::write(const QString &relative, const QByteArray &content)
{
    const QString path = m_root->filePath(relative);
    QVERIFY(QDir().mkpath(QFileInfo(path).path()));
    QFile file(path);
    QVERIFY2(file.open(QIODevice::WriteOnly | QIODevice::Truncate), qPrintable(path));
    file.write(content);
}

void TestEndpointResolver::addContext(const QString &name, const QString &host, bool skipTlsVerify,
                                      const QString &description)
{
    QJsonObject metadata;
    if (!description.isEmpty())
        metadata[QStringLiteral("Description")] = description;
    const QJsonObject docker{{QStringLiteral("Host"), host},
                             {QStringLiteral("SkipTLSVerify"), skipTlsVerify}};
    const QJsonObject meta{{QStringLiteral("Name"), name},
                           {QStringLiteral("Metadata"), metadata},
                           {QStringLiteral("Endpoints"), QJsonObject{{QStringLiteral("docker"), docker}}}};
    write(metaFile(name), QJsonDocument(meta).toJson(QJsonDocument::Compact));
}

EndpointResolver TestEndpointResolver::resolver(const QString &hostFlag, const QString &contextFlag,
                                                const QStringList &env) const
{
    EndpointResolver::Input input;
    input.hostFlag = hostFlag;
    input.contextFlag = contextFlag;
    input.environment = QProcessEnvironment(); // nothing leaks in from the test runner
    input.environment.insert(QStringLiteral("HOME"), root());
    input.environment.insert(QStringLiteral("DOCKER_CONFIG"), cfg());
    for (const QString &kv : env) {
        const qsizetype eq = kv.indexOf(QLatin1Char('='));
        input.environment.insert(kv.left(eq),
                                 QString(kv.mid(eq + 1)).replace(QLatin1String("$ROOT"), root()));
    }
    return EndpointResolver(std::move(input));
}

void TestEndpointResolver::precedence_data()
{
    QTest::addColumn<QString>("hostFlag");
    QTest::addColumn<QString>("contextFlag");
    QTest::addColumn<QStringList>("env");
    QTest::addColumn<QString>("currentContext"); // config.json; empty: no config.json
    QTest::addColumn<QString>("context");
    QTest::addColumn<QString>("origin");
    QTest::addColumn<QString>("url");

    const QString none;
    const QString sock = QStringLiteral("unix:///var/run/docker.sock");
    QTest::newRow("nothing-set") << none << none << QStringList() << none << "default"
                                 << "default" << sock;
    QTest::newRow("config-current") << none << none << QStringList() << "cfgctx"
                                    << "cfgctx"
                                    << "config currentContext"
                                    << "unix:///run/cfg.sock";
    QTest::newRow("config-current-default") << none << none << QStringList() << "default"
                                            << "default"
                                            << "config currentContext" << sock;
    QTest::newRow("DOCKER_CONTEXT-beats-config")
        << none << none << QStringList{"DOCKER_CONTEXT=envctx"} << "cfgctx"
        << "envctx"
        << "DOCKER_CONTEXT"
        << "ssh://ops@env.example";
    QTest::newRow("DOCKER_CONTEXT=default-beats-config")
        << none << none << QStringList{"DOCKER_CONTEXT=default"} << "cfgctx"
        << "default"
        << "DOCKER_CONTEXT" << sock;
    QTest::newRow("DOCKER_HOST-beats-DOCKER_CONTEXT-and-config")
        << none << none << QStringList{"DOCKER_HOST=tcp://10.0.0.5:2375", "DOCKER_CONTEXT=envctx"} << "cfgctx"
        << "default"
        << "DOCKER_HOST"
        << "tcp://10.0.0.5:2375";
    QTest::newRow("empty-DOCKER_HOST-is-unset") << none << none << QStringList{"DOCKER_HOST="} << "cfgctx"
                                                << "cfgctx"
                                                << "config currentContext"
                                                << "unix:///run/cfg.sock";
    QTest::newRow("--host-beats-env")
        << "tcp://flaghost:2376" << none
        << QStringList{"DOCKER_HOST=tcp://10.0.0.5:2375", "DOCKER_CONTEXT=envctx"} << "cfgctx"
        << "default"
        << "--host"
        << "tcp://flaghost:2376";
    QTest::newRow("--context-beats-everything")
        << none << "flagctx" << QStringList{"DOCKER_HOST=tcp://10.0.0.5:2375", "DOCKER_CONTEXT=envctx"}
        << "cfgctx"
        << "flagctx"
        << "--context"
        << "tcp://flag.example:2375";
    // The default context still takes DOCKER_HOST, whoever chose it (as the CLI).
    QTest::newRow("--context-default-uses-DOCKER_HOST")
        << none << "default" << QStringList{"DOCKER_HOST=ssh://me@h"} << none << "default"
        << "--context"
        << "ssh://me@h";
    QTest::newRow("--host-bare-path-is-unix") << "/run/alt.sock" << none << QStringList() << none << "default"
                                              << "--host"
                                              << "unix:///run/alt.sock";
    QTest::newRow("--host-bare-hostport-is-tcp")
        << "gw.example:2375" << none << QStringList() << none << "default"
        << "--host"
        << "tcp://gw.example:2375";
    QTest::newRow("DOCKER_HOST-unix-empty-path")
        << none << none << QStringList{"DOCKER_HOST=unix://"} << none << "default"
        << "DOCKER_HOST" << sock;
    QTest::newRow("context-ssh-with-socket") << none << "gwssh" << QStringList() << none << "gwssh"
                                             << "--context"
                                             << "ssh://ops@ssh.example:2222/run/user/1000/docker.sock";
    QTest::newRow("context-unix") << none << none << QStringList{"DOCKER_CONTEXT=gwunix"} << none << "gwunix"
                                  << "DOCKER_CONTEXT"
                                  << "unix:///run/gw.sock";
}

void TestEndpointResolver::precedence()
{
    QFETCH(QString, hostFlag);
    QFETCH(QString, contextFlag);
    QFETCH(QStringList, env);
    QFETCH(QString, currentContext);
    QFETCH(QString, context);
    QFETCH(QString, origin);
    QFETCH(QString, url);

    if (!currentContext.isEmpty())
        write(QStringLiteral("cfg/config.json"),
              QJsonDocument(QJsonObject{{QStringLiteral("auths"), QJsonObject()},
                                        {QStringLiteral("currentContext"), currentContext}})
                  .toJson());

    const auto ep = resolver(hostFlag, contextFlag, env).resolve();
    QVERIFY2(ep.ok(), qPrintable(ep.ok() ? QString() : ep.error().toString()));
    QCOMPARE(ep->contextName, context);
    QCOMPARE(ep->origin, origin);
    QCOMPARE(ep->url(), url);
    QVERIFY(!ep->tls.enabled);
}

void TestEndpointResolver::tls_data()
{
    QTest::addColumn<QStringList>("files"); // created, relative to the root
    QTest::addColumn<QStringList>("env");
    QTest::addColumn<QString>("contextFlag");
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("enabled");
    QTest::addColumn<QString>("ca"); // relative to the root; empty: none
    QTest::addColumn<QString>("cert");
    QTest::addColumn<QString>("key");

    const QString none;
    const QStringList certs{"certs/ca.pem", "certs/cert.pem", "certs/key.pem"};
    const QString ca = tlsFile("gwtls", "ca.pem"), cert = tlsFile("gwtls", "cert.pem"),
                  key = tlsFile("gwtls", "key.pem");

    QTest::newRow("context-full-tls") << QStringList{ca, cert, key} << QStringList() << "gwtls"
                                      << "tcp://tls.example:2376" << true << ca << cert << key;
    QTest::newRow("context-no-files-is-plain-tcp")
        << QStringList() << QStringList() << "gwtls"
        << "tcp://tls.example:2376" << false << none << none << none;
    // As the CLI: client pair without ca.pem means TLS checked against the system CAs.
    QTest::newRow("context-pair-without-ca") << QStringList{cert, key} << QStringList() << "gwtls"
                                             << "tcp://tls.example:2376" << true << none << cert << key;
    QTest::newRow("context-half-pair-ignored") << QStringList{ca, cert} << QStringList() << "gwtls"
                                               << "tcp://tls.example:2376" << true << ca << none << none;
    // SkipTLSVerify with a CA: we verify anyway.
    QTest::newRow("context-skipverify-with-ca-is-verified")
        << QStringList{tlsFile("gwskip", "ca.pem")} << QStringList() << "gwskip"
        << "tcp://skip.example:2376" << true << tlsFile("gwskip", "ca.pem") << none << none;
    // TLS settings mean nothing to sockets and SSH tunnels, SkipTLSVerify included.
    QTest::newRow("context-unix-ignores-tls")
        << QStringList{tlsFile("gwunix", "ca.pem")} << QStringList() << "gwunix"
        << "unix:///run/gw.sock" << false << none << none << none;
    QTest::newRow("context-ssh-ignores-skipverify")
        << QStringList() << QStringList() << "gwssh"
        << "ssh://ops@ssh.example:2222/run/user/1000/docker.sock" << false << none << none << none;

    QTest::newRow("env-verify-cert-path")
        << certs
        << QStringList{"DOCKER_HOST=tcp://gw.example:2376", "DOCKER_TLS_VERIFY=1",
                       "DOCKER_CERT_PATH=$ROOT/certs"}
        << none << "tcp://gw.example:2376" << true << certs[0] << certs[1] << certs[2];
    // Any non-empty DOCKER_TLS_VERIFY turns verification on in the CLI, "0" too.
    QTest::newRow("env-verify-0-still-verifies")
        << certs
        << QStringList{"DOCKER_HOST=tcp://gw.example:2376", "DOCKER_TLS_VERIFY=0",
                       "DOCKER_CERT_PATH=$ROOT/certs"}
        << none << "tcp://gw.example:2376" << true << certs[0] << certs[1] << certs[2];
    QTest::newRow("env-verify-defaults-to-config-dir-and-tls-port")
        << QStringList{"cfg/ca.pem", "cfg/cert.pem", "cfg/key.pem"} << QStringList{"DOCKER_TLS_VERIFY=1"}
        << none << "tcp://localhost:2376" << true << "cfg/ca.pem"
        << "cfg/cert.pem"
        << "cfg/key.pem";
    QTest::newRow("env-verify-ca-only")
        << QStringList{"certs/ca.pem"}
        << QStringList{"DOCKER_HOST=tcp://gw.example:2376", "DOCKER_TLS_VERIFY=1",
                       "DOCKER_CERT_PATH=$ROOT/certs"}
        << none << "tcp://gw.example:2376" << true << certs[0] << none << none;
    // The CLI would skip verification (DOCKER_TLS) or send plaintext (DOCKER_CERT_PATH alone).
    QTest::newRow("env-cert-path-without-verify-is-verified")
        << certs << QStringList{"DOCKER_HOST=tcp://gw.example:2376", "DOCKER_CERT_PATH=$ROOT/certs"} << none
        << "tcp://gw.example:2376" << true << certs[0] << certs[1] << certs[2];
    QTest::newRow("env-tls-without-verify-is-verified")
        << certs
        << QStringList{"DOCKER_HOST=tcp://gw.example:2376", "DOCKER_TLS=1", "DOCKER_CERT_PATH=$ROOT/certs"}
        << none << "tcp://gw.example:2376" << true << certs[0] << certs[1] << certs[2];
    QTest::newRow("env-cert-path-unix-host-no-tls")
        << QStringList() << QStringList{"DOCKER_CERT_PATH=$ROOT/certs"} << none
        << "unix:///var/run/docker.sock" << false << none << none << none;
    QTest::newRow("env-verify-ignored-by-context")
        << QStringList() << QStringList{"DOCKER_TLS_VERIFY=1", "DOCKER_CERT_PATH=$ROOT/certs"} << "gwtls"
        << "tcp://tls.example:2376" << false << none << none << none;
}

void TestEndpointResolver::tls()
{
    QFETCH(QStringList, files);
    QFETCH(QStringList, env);
    QFETCH(QString, contextFlag);
    QFETCH(QString, url);
    QFETCH(bool, enabled);
    QFETCH(QString, ca);
    QFETCH(QString, cert);
    QFETCH(QString, key);

    for (const QString &f : files)
        write(f, "-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n");
    const auto abs = [this](const QString &rel) { return rel.isEmpty() ? QString() : m_root->filePath(rel); };

    const auto ep = resolver(QString(), contextFlag, env).resolve();
    QVERIFY2(ep.ok(), qPrintable(ep.ok() ? QString() : ep.error().toString()));
    QCOMPARE(ep->url(), url);
    QCOMPARE(ep->tls.enabled, enabled);
    QCOMPARE(ep->tls.caFile, abs(ca));
    QCOMPARE(ep->tls.certFile, abs(cert));
    QCOMPARE(ep->tls.keyFile, abs(key));
}

void TestEndpointResolver::rejects_data()
{
    QTest::addColumn<QString>("hostFlag");
    QTest::addColumn<QString>("contextFlag");
    QTest::addColumn<QStringList>("env");
    QTest::addColumn<QString>("file"); // written before resolving, relative to the root
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QStringList>("mentions"); // in the detail, "$ROOT" replaced

    const QString none;
    const int usage = int(ErrorKind::Usage), config = int(ErrorKind::Config);
    const QString metaRoot = QStringLiteral("$ROOT/cfg/contexts/meta");

    QTest::newRow("--host-and---context") << "tcp://h:1"
                                          << "flagctx" << QStringList() << none << QByteArray() << usage
                                          << "context.conflict" << QStringList{"--host", "--context"};
    QTest::newRow("unknown---context") << none << "nope" << QStringList() << none << QByteArray() << config
                                       << "context.not-found" << QStringList{"\"nope\"", metaRoot};
    QTest::newRow("unknown-DOCKER_CONTEXT")
        << none << none << QStringList{"DOCKER_CONTEXT=gone"} << none << QByteArray() << config
        << "context.not-found" << QStringList{"\"gone\"", metaRoot};
    QTest::newRow("unknown-config-current")
        << none << none << QStringList() << "cfg/config.json" << QByteArray(R"({"currentContext": "lost"})")
        << config << "context.not-found" << QStringList{"\"lost\"", metaRoot};
    QTest::newRow("malformed-config.json") << none << none << QStringList() << "cfg/config.json"
                                           << QByteArray("{\n  \"currentContext\": \"x\",,\n}") << config
                                           << "config.malformed" << QStringList{"$ROOT/cfg/config.json:2:"};
    QTest::newRow("config.json-not-an-object")
        << none << none << QStringList() << "cfg/config.json" << QByteArray("[1]") << config
        << "config.malformed" << QStringList{"$ROOT/cfg/config.json"};
    QTest::newRow("malformed-meta.json")
        << none << "envctx" << QStringList() << metaFile("envctx")
        << QByteArray(R"({"Name": "envctx", "Endpoints": )") << config << "context.malformed"
        << QStringList{"$ROOT/" + metaFile("envctx") + ":1:"};
    QTest::newRow("meta.json-without-docker-endpoint")
        << none << "envctx" << QStringList() << metaFile("envctx")
        << QByteArray(R"({"Name":"envctx","Endpoints":{}})") << config << "context.no-docker-endpoint"
        << QStringList{"$ROOT/" + metaFile("envctx")};
    QTest::newRow("meta.json-host-not-a-string")
        << none << "envctx" << QStringList() << metaFile("envctx")
        << QByteArray(R"({"Name":"envctx","Endpoints":{"docker":{"Host":7}}})") << config
        << "context.malformed" << QStringList{"$ROOT/" + metaFile("envctx"), "Host"};
    QTest::newRow("context-bad-host")
        << none << "envctx" << QStringList() << metaFile("envctx")
        << QByteArray(R"({"Name":"envctx","Endpoints":{"docker":{"Host":"ftp://x"}}})") << config
        << "endpoint.scheme" << QStringList{"\"envctx\"", "ftp"};
    QTest::newRow("bad-DOCKER_HOST") << none << none << QStringList{"DOCKER_HOST=ftp://x"} << none
                                     << QByteArray() << usage << "endpoint.scheme"
                                     << QStringList{"DOCKER_HOST"};

    // Verify-or-refuse where the CLI would not verify the server.
    QTest::newRow("skipverify-context-without-ca")
        << none << "gwskip" << QStringList() << none << QByteArray() << config << "tls.verify-required"
        << QStringList{"SkipTLSVerify", "always verifies", "$ROOT/" + tlsFile("gwskip", "ca.pem"),
                       "docker context update"};
    QTest::newRow("skipverify-context-with-pair-but-no-ca")
        << none << "gwskip" << QStringList() << tlsFile("gwskip", "cert.pem") << QByteArray("x") << config
        << "tls.verify-required" << QStringList{"always verifies"};
    QTest::newRow("cert-path-without-verify-no-ca")
        << none << none << QStringList{"DOCKER_HOST=tcp://gw:2376", "DOCKER_CERT_PATH=$ROOT/certs"}
        << "certs/cert.pem" << QByteArray("x") << config << "tls.verify-required"
        << QStringList{"DOCKER_CERT_PATH", "$ROOT/certs/ca.pem", "DOCKER_TLS_VERIFY=1", "always verifies"};
    QTest::newRow("DOCKER_TLS-without-verify-no-ca")
        << none << none << QStringList{"DOCKER_HOST=tcp://gw:2376", "DOCKER_TLS=1"} << none << QByteArray()
        << config << "tls.verify-required" << QStringList{"DOCKER_TLS ", "$ROOT/cfg/ca.pem"};
    QTest::newRow("verify-without-ca")
        << "tcp://gw:2376" << none << QStringList{"DOCKER_TLS_VERIFY=1", "DOCKER_CERT_PATH=$ROOT/certs"}
        << none << QByteArray() << config << "tls.ca-missing"
        << QStringList{"DOCKER_TLS_VERIFY", "$ROOT/certs/ca.pem"};
}

void TestEndpointResolver::rejects()
{
    QFETCH(QString, hostFlag);
    QFETCH(QString, contextFlag);
    QFETCH(QStringList, env);
    QFETCH(QString, file);
    QFETCH(QByteArray, content);
    QFETCH(int, kind);
    QFETCH(QString, code);
    QFETCH(QStringList, mentions);

    if (!file.isEmpty())
        write(file, content);
    const auto ep = resolver(hostFlag, contextFlag, env).resolve();
    QVERIFY2(!ep.ok(), qPrintable(ep.ok() ? ep->url() : QString()));
    QCOMPARE(ep.error().code, code);
    QCOMPARE(int(ep.error().kind), kind);
    for (QString m : mentions) {
        m.replace(QLatin1String("$ROOT"), root());
        QVERIFY2(ep.error().detail.contains(m),
                 qPrintable(QStringLiteral("'%1' not in: %2").arg(m, ep.error().detail)));
    }
}

void TestEndpointResolver::contextIdIsSha256OfName()
{
    // Values from `echo -n NAME | sha256sum`, the directory names the Docker CLI uses.
    QCOMPARE(ContextStore::contextId(QStringLiteral("gw1")),
             QStringLiteral("548bde871843b762a33793b6314e939e85d9144b072300a9a545118f5ca75ac1"));
    QCOMPARE(ContextStore::contextId(QStringLiteral("default")),
             QStringLiteral("37a8eec1ce19687d132fe29051dca629d164e2c4958ba141d5f4133a33f0688f"));
}

void TestEndpointResolver::defaultConfigDirFollowsEnvironment()
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("HOME"), QStringLiteral("/home/ops"));
    QCOMPARE(EndpointResolver::defaultConfigDir(env), QStringLiteral("/home/ops/.docker"));
    env.insert(QStringLiteral("DOCKER_CONFIG"), QStringLiteral("/etc/mcp/docker"));
    QCOMPARE(EndpointResolver::defaultConfigDir(env), QStringLiteral("/etc/mcp/docker"));
}

void TestEndpointResolver::listContexts()
{
    write(QStringLiteral("cfg/config.json"), R"({"currentContext": "cfgctx"})");
    write(tlsFile("gwtls", "ca.pem"), "x");
    write(QStringLiteral("cfg/contexts/meta/brokenid/meta.json"), "{oops");

    const auto list = mcp::endpoint::listContexts(resolver(QString(), QString(), {"DOCKER_HOST="}));
    QVERIFY2(list.ok(), qPrintable(list.ok() ? QString() : list.error().toString()));

    QHash<QString, mcp::endpoint::ContextEntry> byName;
    QStringList readable;
    for (const auto &e : *list) {
        byName.insert(e.name, e);
        if (!e.error)
            readable << e.name;
    }
    QCOMPARE(list->front().name, QStringLiteral("default"));
    QCOMPARE(list->size(), size_t(9));

    const auto &def = byName[QStringLiteral("default")];
    QCOMPARE(def.description, QStringLiteral("Current DOCKER_HOST based configuration"));
    QCOMPARE(def.endpointUrl, QStringLiteral("unix:///var/run/docker.sock"));
    QVERIFY(!def.isCurrent);

    const auto &current = byName[QStringLiteral("cfgctx")];
    QVERIFY(current.isCurrent);
    QCOMPARE(current.description, QStringLiteral("From config"));
    QCOMPARE(current.endpointUrl, QStringLiteral("unix:///run/cfg.sock"));
    for (const auto &e : *list)
        QCOMPARE(e.isCurrent, e.name == QLatin1String("cfgctx"));

    QCOMPARE(byName[QStringLiteral("gwtls")].endpointUrl, QStringLiteral("tcp://tls.example:2376"));
    QCOMPARE(byName[QStringLiteral("gwssh")].endpointUrl,
             QStringLiteral("ssh://ops@ssh.example:2222/run/user/1000/docker.sock"));

    // A context we would refuse shows why, with its host as written.
    const auto &skip = byName[QStringLiteral("gwskip")];
    QVERIFY(skip.error);
    QCOMPARE(skip.error->code, QStringLiteral("tls.verify-required"));
    QCOMPARE(skip.endpointUrl, QStringLiteral("tcp://skip.example:2376"));

    // An unreadable meta.json is listed under its directory, with the file in the error.
    const auto &broken = byName[QStringLiteral("brokenid")];
    QVERIFY(broken.error);
    QCOMPARE(broken.error->code, QStringLiteral("context.malformed"));
    QVERIFY(broken.error->detail.contains(
        m_root->filePath(QStringLiteral("cfg/contexts/meta/brokenid/meta.json"))));

    // Store contexts follow "default", sorted by name.
    QCOMPARE(readable, (QStringList{"default", "cfgctx", "envctx", "flagctx", "gwssh", "gwtls", "gwunix"}));

    // DOCKER_HOST moves the current marker (and the URL) to "default".
    const auto overridden =
        mcp::endpoint::listContexts(resolver(QString(), QString(), {"DOCKER_HOST=tcp://h:1"}));
    QVERIFY(overridden.ok());
    QVERIFY(overridden->front().isCurrent);
    QCOMPARE(overridden->front().endpointUrl, QStringLiteral("tcp://h:1"));
}

void TestEndpointResolver::listContextsConflict()
{
    const auto list =
        mcp::endpoint::listContexts(resolver(QStringLiteral("tcp://h:1"), QStringLiteral("envctx"), {}));
    QVERIFY(!list.ok());
    QCOMPARE(list.error().code, QStringLiteral("context.conflict"));
}

QTEST_GUILESS_MAIN(TestEndpointResolver)
#include "tst_endpoint_resolver.moc"
