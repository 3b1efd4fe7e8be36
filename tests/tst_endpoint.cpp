#include "endpoint/endpoint.h"

#include <QtTest>

using mcp::endpoint::Endpoint;

class TestEndpoint : public QObject
{
    Q_OBJECT
private slots:
    void parse_data();
    void parse();
    void rejects_data();
    void rejects();
};

void TestEndpoint::parse_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("socket");
    QTest::addColumn<QString>("canonical");

    using K = Endpoint::Kind;
    QTest::newRow("unix") << "unix:///var/run/docker.sock" << int(K::Unix) << "" << 0 << "" << "/var/run/docker.sock"
                          << "unix:///var/run/docker.sock";
    QTest::newRow("tcp") << "tcp://127.0.0.1:2376" << int(K::Tcp) << "127.0.0.1" << 2376 << "" << ""
                         << "tcp://127.0.0.1:2376";
    QTest::newRow("tcp-default-port") << "tcp://docker.example" << int(K::Tcp) << "docker.example" << 2375 << ""
                                      << "" << "tcp://docker.example:2375";
    QTest::newRow("ssh-full") << "ssh://ops@gw1.example:2222/run/user/1000/docker.sock" << int(K::Ssh)
                              << "gw1.example" << 2222 << "ops" << "/run/user/1000/docker.sock"
                              << "ssh://ops@gw1.example:2222/run/user/1000/docker.sock";
    QTest::newRow("ssh-host-only") << "ssh://gw1" << int(K::Ssh) << "gw1" << 0 << "" << "" << "ssh://gw1";
}

void TestEndpoint::parse()
{
    QFETCH(QString, url);
    QFETCH(int, kind);
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, user);
    QFETCH(QString, socket);
    QFETCH(QString, canonical);

    const auto ep = Endpoint::parse(url);
    QVERIFY2(ep.ok(), qPrintable(ep.errorText()));
    QCOMPARE(int(ep->kind), kind);
    QCOMPARE(ep->host, host);
    QCOMPARE(ep->port, port);
    QCOMPARE(ep->user, user);
    QCOMPARE(ep->socketPath, socket);
    QCOMPARE(ep->url(), canonical);
}

void TestEndpoint::rejects_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("code");
    QTest::newRow("empty") << "" << "endpoint.empty";
    QTest::newRow("password") << "ssh://ops:hunter2@gw1" << "endpoint.password-in-url";
    QTest::newRow("scheme") << "ftp://gw1" << "endpoint.scheme";
    QTest::newRow("unix-no-path") << "unix://" << "endpoint.malformed";
    QTest::newRow("tcp-with-path") << "tcp://h:1/x" << "endpoint.malformed";
}

void TestEndpoint::rejects()
{
    QFETCH(QString, url);
    QFETCH(QString, code);
    const auto ep = Endpoint::parse(url);
    QVERIFY(!ep.ok());
    QCOMPARE(ep.error().code, code);
    QCOMPARE(ep.error().kind, mcp::ErrorKind::Usage);
    // The password never shows up in the message.
    QVERIFY(!ep.error().detail.contains(QLatin1String("hunter2")));
}

QTEST_GUILESS_MAIN(TestEndpoint)
#include "tst_endpoint.moc"
