#include "endpoint/contextlist.h"
#include "endpoint/endpointresolver.h"

#include <QtTest>

using mcp::endpoint::ContextStore;
using mcp::endpoint::EndpointResolver;

// Checks our reading of the Docker CLI against the real clients installed here (20.10 in
// /usr/bin, 28.x in /usr/local/bin): they write a context store into a temporary
// DOCKER_CONFIG, and `docker context ls` says which context each scenario selects. No
// engine is needed: context create/use/ls never connect. Rows for a missing client skip.
class TestDockerContextCompat : public QObject
{
    Q_OBJECT
private slots:
    void storeLayout_data();
    void storeLayout();
    void sameChoiceAsCli_data();
    void sameChoiceAsCli();

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    static QProcessEnvironment baseEnv(const QTemporaryDir &dir);
    static Run docker(const QString &binary, const QTemporaryDir &dir, const QStringList &args,
                      const QStringList &env = {});
    // gw1 (tcp, described, made current), gwssh, and gwtls with a CA and client pair when
    // openssl is there to make them. Returns false, with the failing command in a warning.
    static bool makeStore(const QString &binary, const QTemporaryDir &dir, bool *withTls);
    static void addBinaryRows(const std::function<void(const QString &)> &addRows);
};

namespace {
QString cfgOf(const QTemporaryDir &dir)
{
    return dir.filePath(QStringLiteral("cfg"));
}

EndpointResolver resolverFor(const QProcessEnvironment &env, const QString &hostFlag = {},
                             const QString &contextFlag = {})
{
    EndpointResolver::Input input;
    input.environment = env;
    input.hostFlag = hostFlag;
    input.contextFlag = contextFlag;
    return EndpointResolver(std::move(input));
}
} // namespace

QProcessEnvironment TestDockerContextCompat::baseEnv(const QTemporaryDir &dir)
{
    QProcessEnvironment env; // nothing from the runner's DOCKER_* reaches either side
    env.insert(QStringLiteral("HOME"), dir.path());
    env.insert(QStringLiteral("DOCKER_CONFIG"), cfgOf(dir));
    env.insert(QStringLiteral("PATH"), QStringLiteral("/usr/bin:/bin"));
    return env;
}

TestDockerContextCompat::Run TestDockerContextCompat::docker(const QString &binary, const QTemporaryDir &dir,
                                                             const QStringList &args, const QStringList &env)
{
    QProcessEnvironment penv = baseEnv(dir);
    for (const QString &kv : env)
        penv.insert(kv.section(QLatin1Char('='), 0, 0), kv.section(QLatin1Char('='), 1));
    QProcess p;
    p.setProcessEnvironment(penv);
    p.start(binary, args);
    Run run;
    if (!p.waitForFinished(30000)) {
        p.kill();
        p.waitForFinished();
        run.err = QStringLiteral("timed out");
        return run;
    }
    run.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    run.out = QString::fromUtf8(p.readAllStandardOutput());
    run.err = QString::fromUtf8(p.readAllStandardError());
    return run;
}

bool TestDockerContextCompat::makeStore(const QString &binary, const QTemporaryDir &dir, bool *withTls)
{
    const auto must = [&](const QStringList &args) {
        const Run r = docker(binary, dir, args);
        if (r.exitCode != 0)
            qWarning().noquote() << binary << args.join(QLatin1Char(' ')) << "failed:" << r.err;
        return r.exitCode == 0;
    };
    if (!must({"context", "create", "gw1", "--description", "Gateway one", "--docker",
               "host=tcp://127.0.0.1:1"}) ||
        !must({"context", "create", "gwssh", "--docker", "host=ssh://ops@gw:2222"}) ||
        !must({"context", "use", "gw1"}))
        return false;

    // The CLI checks the PEM files it stores, so they must be real: a throw-away EC pair.
    *withTls = false;
    const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    if (openssl.isEmpty())
        return true;
    const QString key = dir.filePath(QStringLiteral("key.pem")),
                  cert = dir.filePath(QStringLiteral("cert.pem"));
    QProcess gen;
    gen.setStandardOutputFile(QProcess::nullDevice());
    gen.setStandardErrorFile(QProcess::nullDevice()); // openssl's progress dots
    gen.start(openssl, {"req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                        "-subj", "/CN=compat", "-days", "1", "-keyout", key, "-out", cert});
    if (!gen.waitForFinished(30000) || gen.exitCode() != 0)
        return true;
    *withTls = must({"context", "create", "gwtls", "--docker",
                     QStringLiteral("host=tcp://127.0.0.1:2,ca=%1,cert=%1,key=%2").arg(cert, key)});
    return *withTls;
}

void TestDockerContextCompat::addBinaryRows(const std::function<void(const QString &)> &addRows)
{
    for (const char *binary : {"/usr/bin/docker", "/usr/local/bin/docker"}) {
        if (QFileInfo(QString::fromLatin1(binary)).isExecutable())
            addRows(QString::fromLatin1(binary));
    }
}

void TestDockerContextCompat::storeLayout_data()
{
    QTest::addColumn<QString>("binary");
    addBinaryRows([](const QString &b) { QTest::newRow(qPrintable(b)) << b; });
}

void TestDockerContextCompat::storeLayout()
{
    QFETCH(QString, binary);
    QTemporaryDir dir;
    bool withTls = false;
    QVERIFY(makeStore(binary, dir, &withTls));

    // Our sha256 directory naming finds what the CLI wrote.
    const ContextStore store(cfgOf(dir));
    QVERIFY2(QFileInfo::exists(store.metaFile(QStringLiteral("gw1"))), qPrintable(store.metaFile("gw1")));
    const auto gw1 = store.load(QStringLiteral("gw1"));
    QVERIFY2(gw1.ok(), qPrintable(gw1.ok() ? QString() : gw1.error().toString()));
    QCOMPARE(gw1->description, QStringLiteral("Gateway one"));
    QCOMPARE(gw1->host, QStringLiteral("tcp://127.0.0.1:1"));

    // `docker context use` wrote config.json; we read it the same way.
    const auto ep = resolverFor(baseEnv(dir)).resolve();
    QVERIFY2(ep.ok(), qPrintable(ep.ok() ? QString() : ep.error().toString()));
    QCOMPARE(ep->contextName, QStringLiteral("gw1"));
    QCOMPARE(ep->origin, QStringLiteral("config currentContext"));
    QCOMPARE(ep->url(), QStringLiteral("tcp://127.0.0.1:1"));

    if (!withTls)
        QSKIP("no openssl to make TLS material; layout of tls/ not checked");
    const auto tls = resolverFor(baseEnv(dir), {}, QStringLiteral("gwtls")).resolve();
    QVERIFY2(tls.ok(), qPrintable(tls.ok() ? QString() : tls.error().toString()));
    QVERIFY(tls->tls.enabled);
    const QString tlsDir = store.tlsDir(QStringLiteral("gwtls"));
    QCOMPARE(tls->tls.caFile, tlsDir + QStringLiteral("/ca.pem"));
    QCOMPARE(tls->tls.certFile, tlsDir + QStringLiteral("/cert.pem"));
    QCOMPARE(tls->tls.keyFile, tlsDir + QStringLiteral("/key.pem"));
    QFile ca(tls->tls.caFile), original(dir.filePath(QStringLiteral("cert.pem")));
    QVERIFY(ca.open(QIODevice::ReadOnly) && original.open(QIODevice::ReadOnly));
    QCOMPARE(ca.readAll(), original.readAll());
}

void TestDockerContextCompat::sameChoiceAsCli_data()
{
    QTest::addColumn<QString>("binary");
    QTest::addColumn<QString>("hostFlag");
    QTest::addColumn<QString>("contextFlag");
    QTest::addColumn<QStringList>("env");

    addBinaryRows([](const QString &b) {
        const QString none;
        const QString host = QStringLiteral("DOCKER_HOST=tcp://10.0.0.1:2375");
        const auto row = [&](const char *name) -> QTestData & {
            return QTest::addRow("%s %s", qPrintable(b), name) << b;
        };
        row("config-current") << none << none << QStringList();
        row("DOCKER_CONTEXT") << none << none << QStringList{"DOCKER_CONTEXT=gwssh"};
        row("DOCKER_CONTEXT=default") << none << none << QStringList{"DOCKER_CONTEXT=default"};
        row("DOCKER_HOST-beats-DOCKER_CONTEXT") << none << none << QStringList{host, "DOCKER_CONTEXT=gwssh"};
        row("--context-beats-DOCKER_HOST") << none << "gwssh" << QStringList{host};
        row("--host-beats-DOCKER_CONTEXT")
            << "tcp://10.0.0.2:2375" << none << QStringList{"DOCKER_CONTEXT=gwssh"};
        row("--host-and---context") << "tcp://10.0.0.2:2375"
                                    << "gwssh" << QStringList();
    });
}

void TestDockerContextCompat::sameChoiceAsCli()
{
    QFETCH(QString, binary);
    QFETCH(QString, hostFlag);
    QFETCH(QString, contextFlag);
    QFETCH(QStringList, env);

    QTemporaryDir dir;
    bool withTls = false;
    QVERIFY(makeStore(binary, dir, &withTls));

    QStringList args;
    if (!hostFlag.isEmpty())
        args << QStringLiteral("--host") << hostFlag;
    if (!contextFlag.isEmpty())
        args << QStringLiteral("--context") << contextFlag;
    args << QStringLiteral("context") << QStringLiteral("ls") << QStringLiteral("--format")
         << QStringLiteral("{{.Name}}|{{.Current}}|{{.DockerEndpoint}}");
    const Run cli = docker(binary, dir, args, env);

    QProcessEnvironment penv = baseEnv(dir);
    for (const QString &kv : env)
        penv.insert(kv.section(QLatin1Char('='), 0, 0), kv.section(QLatin1Char('='), 1));
    const auto ours = mcp::endpoint::listContexts(resolverFor(penv, hostFlag, contextFlag));

    if (cli.exitCode != 0) { // the conflict row: both refuse
        QVERIFY2(!ours.ok(), qPrintable(cli.err));
        QCOMPARE(ours.error().kind, mcp::ErrorKind::Usage);
        return;
    }
    QVERIFY2(ours.ok(), qPrintable(ours.ok() ? QString() : ours.error().toString()));
    QStringList mine;
    for (const auto &e : *ours)
        mine << QStringLiteral("%1|%2|%3").arg(e.name, e.isCurrent ? "true" : "false", e.endpointUrl);
    QCOMPARE(mine, cli.out.trimmed().split(QLatin1Char('\n')));

    // And resolve() lands on the context the CLI marks current.
    const auto ep = resolverFor(penv, hostFlag, contextFlag).resolve();
    QVERIFY2(ep.ok(), qPrintable(ep.ok() ? QString() : ep.error().toString()));
    QVERIFY(cli.out.contains(ep->contextName + QStringLiteral("|true|") + ep->url()));
}

QTEST_GUILESS_MAIN(TestDockerContextCompat)
#include "tst_docker_context_compat.moc"
