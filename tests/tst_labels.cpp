// The discovery contract: what each label variant means and which problem a broken one gives.
#include "topology/labels.h"

#include <QtTest>

using namespace mcp::topology;

class TestLabels : public QObject
{
    Q_OBJECT
private slots:
    void read_data();
    void read();
    void suggest();
};

void TestLabels::read_data()
{
    QTest::addColumn<QJsonObject>("labels");
    QTest::addColumn<bool>("isService");
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("version");
    QTest::addColumn<QString>("healthPath");
    QTest::addColumn<QStringList>("problems");

    const auto L = [](std::initializer_list<std::pair<const char *, const char *>> kv) {
        QJsonObject o;
        for (const auto &[k, v] : kv)
            o.insert(QLatin1String(k), QLatin1String(v));
        return o;
    };
    QTest::newRow("complete") << L({{"mcp.service.name", "users"}, {"mcp.service.port", "8080"}, {"mcp.service.version", "v2"},
                                    {"mcp.health.path", "/healthz"}})
                              << true << "users" << 8080 << "v2" << "/healthz" << QStringList{};
    QTest::newRow("defaults") << L({{"mcp.service.name", "users"}, {"mcp.service.port", "8080"}}) << true << "users" << 8080
                              << "default" << "/health" << QStringList{};
    QTest::newRow("no labels") << QJsonObject{} << false << "" << 0 << "default" << "/health" << QStringList{};
    QTest::newRow("port missing") << L({{"mcp.service.name", "users"}}) << true << "users" << 0 << "default" << "/health"
                                  << QStringList{QStringLiteral("label.service.port-missing")};
    QTest::newRow("port not numeric") << L({{"mcp.service.name", "users"}, {"mcp.service.port", "http"}}) << true << "users" << 0
                                      << "default" << "/health" << QStringList{QStringLiteral("label.service.port-invalid")};
    QTest::newRow("port out of range") << L({{"mcp.service.name", "users"}, {"mcp.service.port", "70000"}}) << true << "users"
                                       << 0 << "default" << "/health" << QStringList{QStringLiteral("label.service.port-invalid")};
    QTest::newRow("port not exposed") << L({{"mcp.service.name", "users"}, {"mcp.service.port", "9090"}}) << true << "users"
                                      << 9090 << "default" << "/health"
                                      << QStringList{QStringLiteral("label.service.port-not-exposed")};
    QTest::newRow("name missing") << L({{"mcp.service.port", "8080"}}) << true << "" << 8080 << "default" << "/health"
                                  << QStringList{QStringLiteral("label.service.name-missing")};
    QTest::newRow("typo in name") << L({{"mcp.servce.name", "users"}, {"mcp.service.port", "8080"}}) << true << "users" << 8080
                                  << "default" << "/health" << QStringList{QStringLiteral("label.unknown")};
    QTest::newRow("typo only") << L({{"mcp.servce.name", "users"}}) << true << "users" << 0 << "default" << "/health"
                               << QStringList{QStringLiteral("label.unknown"), QStringLiteral("label.service.port-missing")};
    QTest::newRow("relative health path") << L({{"mcp.service.name", "users"}, {"mcp.service.port", "8080"}, {"mcp.health.path", "health"}})
                                          << true << "users" << 8080 << "default" << "/health"
                                          << QStringList{QStringLiteral("label.health.path-invalid")};
    QTest::newRow("publish ip") << L({{"mcp.service.name", "users"}, {"mcp.service.port", "8080"}, {"mcp.publish.ip", "10.0.0.5"}})
                                << true << "users" << 8080 << "default" << "/health" << QStringList{};
    QTest::newRow("publish ip not an address") << L({{"mcp.service.name", "users"}, {"mcp.service.port", "8080"}, {"mcp.publish.ip", "lan"}})
                                               << true << "users" << 8080 << "default" << "/health"
                                               << QStringList{QStringLiteral("label.publish.ip-invalid")};
    QTest::newRow("publish ip typo") << L({{"mcp.service.name", "users"}, {"mcp.service.port", "8080"}, {"mcp.publsh.ip", "10.0.0.5"}})
                                     << true << "users" << 8080 << "default" << "/health" << QStringList{QStringLiteral("label.unknown")};
    QTest::newRow("test fixture labels are not typos") << L({{"mcp.test", "1"}, {"mcp.testbed.recipe", "x"}}) << false << "" << 0
                                                       << "default" << "/health" << QStringList{};
}

void TestLabels::read()
{
    QFETCH(QJsonObject, labels);
    QFETCH(bool, isService);
    QFETCH(QString, name);
    QFETCH(int, port);
    QFETCH(QString, version);
    QFETCH(QString, healthPath);
    QFETCH(QStringList, problems);

    const LabelReading r = readLabels(labels, QSet<int>{8080});
    QCOMPARE(r.isService, isService);
    QCOMPARE(r.serviceName, name);
    QCOMPARE(r.servicePort, port);
    QCOMPARE(r.version, version);
    QCOMPARE(r.healthPath, healthPath);
    QStringList codes;
    for (const auto &p : r.problems) {
        codes << p.code;
        QVERIFY(!p.message.isEmpty());
        QVERIFY(!p.fix.isEmpty());
    }
    codes.sort();
    problems.sort();
    QCOMPARE(codes, problems);
}

void TestLabels::suggest()
{
    QCOMPARE(suggestLabel(QStringLiteral("mcp.servce.name")), QStringLiteral("mcp.service.name"));
    QCOMPARE(suggestLabel(QStringLiteral("mcp.service.prot")), QStringLiteral("mcp.service.port"));
    QCOMPARE(suggestLabel(QStringLiteral("mcp.gateway.drvier")), QStringLiteral("mcp.gateway.driver"));
    QCOMPARE(suggestLabel(QStringLiteral("mcp.completely.different")), QString());
}

QTEST_GUILESS_MAIN(TestLabels)
#include "tst_labels.moc"
