#include "transport/sshconfig.h"

#include <QTemporaryDir>
#include <QtTest>

using mcp::transport::SshConfig;
using mcp::transport::SshHostConfig;

class TestSshConfig : public QObject
{
    Q_OBJECT
private slots:
    void patterns_data();
    void patterns();
    void resolve_data();
    void resolve();
    void identityTokens();
    void includeFiles();
    void missingFileIsEmpty();
    void matchBlocksNeverApply();
};

void TestSshConfig::patterns_data()
{
    QTest::addColumn<QString>("patterns");
    QTest::addColumn<QString>("host");
    QTest::addColumn<bool>("matches");

    QTest::newRow("exact") << "gw1"
                           << "gw1" << true;
    QTest::newRow("exact-case") << "GW1"
                                << "gw1" << true;
    QTest::newRow("other") << "gw1"
                           << "gw2" << false;
    QTest::newRow("star") << "*.example"
                          << "gw1.example" << true;
    QTest::newRow("star-all") << "*"
                              << "anything" << true;
    QTest::newRow("star-no-dot") << "*.example"
                                 << "example" << false;
    QTest::newRow("question") << "gw?"
                              << "gw7" << true;
    QTest::newRow("question-too-long") << "gw?"
                                       << "gw17" << false;
    QTest::newRow("list") << "a b c"
                          << "b" << true;
    QTest::newRow("negation-vetoes") << "*.example !bastion.example"
                                     << "bastion.example" << false;
    QTest::newRow("negation-passes") << "*.example !bastion.example"
                                     << "gw.example" << true;
    QTest::newRow("only-negation") << "!gw1"
                                   << "gw2" << false;
}

void TestSshConfig::patterns()
{
    QFETCH(QString, patterns);
    QFETCH(QString, host);
    QFETCH(bool, matches);
    QCOMPARE(SshConfig::matchesHostPatterns(patterns.split(QLatin1Char(' ')), host), matches);
}

void TestSshConfig::resolve_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("alias");
    QTest::addColumn<QString>("hostName");
    QTest::addColumn<QString>("user");
    QTest::addColumn<int>("port");
    QTest::addColumn<bool>("needsProxy");

    const QString base = QStringLiteral("Host gw1\n"
                                        "  HostName 10.0.0.1\n"
                                        "  User ops\n"
                                        "Host gw*\n"
                                        "  User fallback\n"
                                        "  Port 2222\n"
                                        "Host *\n"
                                        "  Port 22\n");
    QTest::newRow("first-value-wins") << base << "gw1"
                                      << "10.0.0.1"
                                      << "ops" << 2222 << false;
    QTest::newRow("wildcard-only") << base << "gw2"
                                   << ""
                                   << "fallback" << 2222 << false;
    QTest::newRow("catch-all") << base << "db"
                               << ""
                               << "" << 22 << false;
    QTest::newRow("equals-and-case") << "HOST=edge\n  hostname=edge.internal\n  PORT = 2200\n"
                                     << "edge"
                                     << "edge.internal"
                                     << "" << 2200 << false;
    QTest::newRow("quoted") << "Host \"q\"\n  User \"a user\"\n"
                            << "q"
                            << ""
                            << "a user" << 0 << false;
    QTest::newRow("comments") << "# Host x\nHost x # not a comment in ssh either\n  User u\n"
                              << "x"
                              << ""
                              << "u" << 0 << false;
    QTest::newRow("global-before-host") << "User everyone\nHost x\n  User late\n"
                                        << "x"
                                        << ""
                                        << "everyone" << 0 << false;
    QTest::newRow("proxyjump") << "Host inner\n  ProxyJump bastion\n"
                               << "inner"
                               << ""
                               << "" << 0 << true;
    QTest::newRow("proxyjump-none") << "Host inner\n  ProxyJump none\n"
                                    << "inner"
                                    << ""
                                    << "" << 0 << false;
    QTest::newRow("proxycommand") << "Host inner\n  ProxyCommand ssh -W %h:%p bastion\n"
                                  << "inner"
                                  << ""
                                  << "" << 0 << true;
    QTest::newRow("hostname-token") << "Host *.short\n  HostName %h.example.com\n"
                                    << "a.short"
                                    << "a.short.example.com"
                                    << "" << 0 << false;
    QTest::newRow("negated-block") << "Host * !secret\n  User pub\n"
                                   << "secret"
                                   << ""
                                   << "" << 0 << false;
}

void TestSshConfig::resolve()
{
    QFETCH(QString, text);
    QFETCH(QString, alias);
    QFETCH(QString, hostName);
    QFETCH(QString, user);
    QFETCH(int, port);
    QFETCH(bool, needsProxy);

    const SshHostConfig c =
        SshConfig::parse(text, QStringLiteral("/home/me")).resolve(alias, QStringLiteral("me"));
    QCOMPARE(c.hostName, hostName);
    QCOMPARE(c.user, user);
    QCOMPARE(c.port, port);
    QCOMPARE(c.needsProxy(), needsProxy);
}

void TestSshConfig::identityTokens()
{
    const QString text = QStringLiteral("Host gw\n"
                                        "  HostName gw.example\n"
                                        "  User ops\n"
                                        "  IdentityFile ~/.ssh/id_gw\n"
                                        "  IdentityFile %d/keys/%r@%h-%p\n"
                                        "  IdentityFile /keys/%u/100%%\n"
                                        "  IdentitiesOnly yes\n"
                                        "Host *\n"
                                        "  IdentityFile ~/.ssh/id_gw\n" // duplicate: listed once
                                        "  IdentityFile ~/.ssh/id_all\n");
    const SshHostConfig c = SshConfig::parse(text, QStringLiteral("/home/me"))
                                .resolve(QStringLiteral("gw"), QStringLiteral("me"));
    QCOMPARE(
        c.identityFiles,
        QStringList({QStringLiteral("/home/me/.ssh/id_gw"), QStringLiteral("/home/me/keys/ops@gw.example-22"),
                     QStringLiteral("/keys/me/100%"), QStringLiteral("/home/me/.ssh/id_all")}));
    QVERIFY(c.identitiesOnly);
}

void TestSshConfig::includeFiles()
{
    QTemporaryDir home;
    QVERIFY(home.isValid());
    QVERIFY(QDir(home.path()).mkpath(QStringLiteral(".ssh/conf.d")));
    auto write = [&](const QString &rel, const QByteArray &text) {
        QFile f(home.filePath(rel));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(text);
    };
    write(QStringLiteral(".ssh/config"), "Include conf.d/*.conf\n"
                                         "Host gw\n"
                                         "  Include gw-extra\n"
                                         "  User ops\n"
                                         "Host *\n"
                                         "  User nobody\n");
    write(QStringLiteral(".ssh/conf.d/10-a.conf"), "Host a\n  HostName a.example\n");
    write(QStringLiteral(".ssh/conf.d/20-b.conf"), "Host b\n  Port 2022\n");
    // Applies only to gw because it is included inside "Host gw".
    write(QStringLiteral(".ssh/gw-extra"), "Port 2200\n");

    const SshConfig config = SshConfig::load(home.filePath(QStringLiteral(".ssh/config")), home.path());
    QCOMPARE(config.files().size(), 4);
    QCOMPARE(config.resolve(QStringLiteral("a")).hostName, QStringLiteral("a.example"));
    QCOMPARE(config.resolve(QStringLiteral("b")).port, 2022);
    // The Host block opened inside 20-b.conf ended with that file: "User nobody" is not
    // captured by it, and "Host gw" after the include is honoured.
    QCOMPARE(config.resolve(QStringLiteral("b")).user, QStringLiteral("nobody"));
    QCOMPARE(config.resolve(QStringLiteral("gw")).port, 2200);
    QCOMPARE(config.resolve(QStringLiteral("gw")).user, QStringLiteral("ops"));
    QCOMPARE(config.resolve(QStringLiteral("other")).port, 0);
}

void TestSshConfig::missingFileIsEmpty()
{
    const SshConfig config = SshConfig::load(QStringLiteral("/nonexistent/ssh_config"));
    QVERIFY(config.files().isEmpty());
    QCOMPARE(config.resolve(QStringLiteral("x")).port, 0);
}

void TestSshConfig::matchBlocksNeverApply()
{
    const SshConfig config =
        SshConfig::parse(QStringLiteral("Match host x exec true\n  User m\nHost x\n  User h\n"));
    QCOMPARE(config.resolve(QStringLiteral("x")).user, QStringLiteral("h"));
    QCOMPARE(config.warnings().size(), 1);
}

QTEST_GUILESS_MAIN(TestSshConfig)
#include "tst_ssh_config.moc"
