// What the console keeps between runs besides the hosts: the language chosen in File >
// Language (the next start uses it), the recently opened specs (newest first, no
// duplicates, at most eight), and the window's geometry and dock layout. A second window on
// the same settings file gets them back; the file holds no secret-looking value.
#include "hosts/hostconnection.h"
#include "hosts/hostfleet.h"
#include "hosts/hostlistmodel.h"
#include "hosts/hostregistry.h"
#include "hosts/hostspanel.h"
#include "support/gui.h"
#include "mainwindow.h"
#include "settings/consolesettings.h"
#include "topology/healthreasontext.h"
#include "gateway/specreader.h"
#include "gateway/weightedit.h"
#include "telemetry/rolloutjudge.h"
#include "endpoint/endpoint.h"
#include "endpoint/endpointresolver.h"
#include "transport/bytestream.h"
#include "transport/tcpconnector.h"
#include "topology/doctor.h"
#include "topology/labels.h"

#include <QAction>
#include <QDockWidget>
#include <QFile>
#include <QMenu>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>
#include <QTranslator>
#include <QtTest>

using namespace mcp;

class TestConsoleSettings : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void languageIsKeptForTheNextStart();
    void recentSpecsAreNewestFirst();
    void windowLayoutComesBack();
    void healthReasonsFollowTheLanguage();
    void findingsFollowTheLanguage();
    void errorDetailsStayEnglishAndReadTranslated();
    void transportAndEndpointErrorsReadTranslated();
    void unreachableHostReadsInChinese();

private:
    QTemporaryDir m_dir;
};

void TestConsoleSettings::languageIsKeptForTheNextStart()
{
    QSettings settings(m_dir.filePath(QStringLiteral("lang.ini")), QSettings::IniFormat);
    hosts::HostRegistry registry(&settings);
    ui::MainWindow window(&registry);
    window.setSettings(&settings);
    QMenu *menu = window.languageMenu();
    QVERIFY(menu->isEnabled());
    auto *zh = menu->findChild<QAction *>(QStringLiteral("language_zh_CN"));
    auto *system = menu->findChild<QAction *>(QStringLiteral("language_system"));
    QVERIFY(zh && system);
    QVERIFY(system->isChecked()); // nothing chosen yet: the system's
    zh->trigger();
    QCOMPARE(ui::ConsoleSettings(&settings).language(), QStringLiteral("zh_CN"));
    QSettings reread(m_dir.filePath(QStringLiteral("lang.ini")), QSettings::IniFormat);
    QCOMPARE(reread.value(QStringLiteral("ui/language")).toString(), QStringLiteral("zh_CN"));
    // A new window shows the choice.
    ui::MainWindow next(&registry);
    next.setSettings(&settings);
    QVERIFY(next.languageMenu()->findChild<QAction *>(QStringLiteral("language_zh_CN"))->isChecked());
    next.languageMenu()->findChild<QAction *>(QStringLiteral("language_system"))->trigger();
    QVERIFY(ui::ConsoleSettings(&settings).language().isEmpty());
}

void TestConsoleSettings::recentSpecsAreNewestFirst()
{
    QSettings settings(m_dir.filePath(QStringLiteral("recent.ini")), QSettings::IniFormat);
    ui::ConsoleSettings s(&settings);
    for (int i = 0; i < 10; ++i)
        s.addRecentSpec(m_dir.filePath(QStringLiteral("spec%1.yaml").arg(i)));
    s.addRecentSpec(m_dir.filePath(QStringLiteral("spec5.yaml")));
    const QStringList recent = s.recentSpecs();
    QCOMPARE(recent.size(), ui::ConsoleSettings::kMaxRecent);
    QCOMPARE(recent.first(), m_dir.filePath(QStringLiteral("spec5.yaml")));
    QCOMPARE(recent.count(m_dir.filePath(QStringLiteral("spec5.yaml"))), 1);
    QCOMPARE(recent.at(1), m_dir.filePath(QStringLiteral("spec9.yaml")));
    hosts::HostRegistry registry(&settings);
    ui::MainWindow window(&registry);
    window.setSettings(&settings);
    QCOMPARE(window.recentSpecsMenu()->actions().size(), ui::ConsoleSettings::kMaxRecent);
    QCOMPARE(window.recentSpecsMenu()->actions().first()->text(), recent.first());
}

void TestConsoleSettings::windowLayoutComesBack()
{
    const QString file = m_dir.filePath(QStringLiteral("layout.ini"));
    QSettings settings(file, QSettings::IniFormat);
    hosts::HostRegistry registry(&settings);
    {
        ui::MainWindow window(&registry);
        window.setSettings(&settings);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.resize(1111, 777);
        auto *details = window.findChild<QDockWidget *>(QStringLiteral("detailsDock"));
        QVERIFY(details);
        details->hide();
        QTest::qWait(50);
        window.close(); // saves
    }
    ui::MainWindow again(&registry);
    again.setSettings(&settings);
    again.show();
    QVERIFY(QTest::qWaitForWindowExposed(&again));
    QCOMPARE(again.size(), QSize(1111, 777));
    QVERIFY(again.findChild<QDockWidget *>(QStringLiteral("detailsDock"))->isHidden());
    // Values only: nothing in the file looks like a secret.
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray text = f.readAll().toLower();
    QVERIFY(!text.contains("password") && !text.contains("passphrase") && !text.contains("private key"));
}

// The graph keeps its reasons in English (JSON, snapshots); views show them translated.
void TestConsoleSettings::healthReasonsFollowTheLanguage()
{
    using topology::healthReasonText;
    QCOMPARE(healthReasonText(QStringLiteral("1 of 3 instances healthy")), QStringLiteral("1 of 3 instances healthy"));
    QTranslator zh;
    QVERIFY(zh.load(QLocale(QStringLiteral("zh_CN")), QStringLiteral("mcp_console"), QStringLiteral("_"), QStringLiteral(":/i18n")));
    QCoreApplication::installTranslator(&zh);
    QCOMPARE(healthReasonText(QStringLiteral("1 of 3 instances healthy")), QStringLiteral("3 个实例中 1 个健康"));
    QCOMPARE(healthReasonText(QStringLiteral("no healthy weighted backends (2 down)")), QStringLiteral("没有健康的加权后端（2 个故障）"));
    QCOMPARE(healthReasonText(QStringLiteral("running, HEALTHCHECK failing")), QStringLiteral("运行中，HEALTHCHECK 失败"));
    QCOMPARE(healthReasonText(QStringLiteral("no gateway containers")), QStringLiteral("没有网关容器"));
    // The engine's and the probe's own words stay as they said them.
    QCOMPARE(healthReasonText(QStringLiteral("Exited (3) 12 seconds ago")), QStringLiteral("Exited (3) 12 seconds ago"));
    QCOMPARE(healthReasonText(QStringLiteral("health probe from gateway edge: HTTP 404")), QStringLiteral("从 网关 edge 进行的健康探测：HTTP 404"));
    QCoreApplication::removeTranslator(&zh);
}

// Findings are made in the interface language (their codes stay): a spec's and a label's.
void TestConsoleSettings::findingsFollowTheLanguage()
{
    const QByteArray spec = "apiVersion: mcp/v9\nkind: GatewayConfig\nmetadata: {name: edge}\nspec: {driver: nginx}\n";
    const auto english = gateway::readSpecText(spec, QStringLiteral("edge.yaml"));
    QVERIFY(!english.findings.isEmpty());
    QVERIFY(english.findings.first().message.contains(QLatin1String("is not supported")));
    QTranslator zh;
    QVERIFY(zh.load(QLocale(QStringLiteral("zh_CN")), QStringLiteral("mcp_console"), QStringLiteral("_"), QStringLiteral(":/i18n")));
    QCoreApplication::installTranslator(&zh);
    const auto chinese = gateway::readSpecText(spec, QStringLiteral("edge.yaml"));
    QCOMPARE(chinese.findings.first().code, english.findings.first().code);
    QCOMPARE(chinese.findings.first().message, QStringLiteral("不支持 apiVersion `mcp/v9`"));
    const topology::LabelReading labels = topology::readLabels(QJsonObject{{QStringLiteral("mcp.servce.name"), QStringLiteral("users")}}, {});
    bool translated = false;
    for (const auto &p : labels.problems)
        translated = translated || p.message.startsWith(QStringLiteral("未知标签"));
    QVERIFY(translated);
    QCoreApplication::removeTranslator(&zh);
}

// An error's detail stays English (logs, JSON, audit records, snapshots); text() reads in the
// interface language, with the arguments in place and a nested error translated inside.
void TestConsoleSettings::errorDetailsStayEnglishAndReadTranslated()
{
    const QString spec = QStringLiteral("apiVersion: mcp/v1\nkind: GatewayConfig\nmetadata: {name: edge}\nspec:\n  driver: nginx\n"
                                        "  listeners: [{name: http, port: 8080}]\n  routes:\n    - name: app\n      match: {pathPrefix: /}\n"
                                        "      backends: [{service: users}]\n");
    static const QRegularExpression han(QStringLiteral("[\\x{4e00}-\\x{9fff}]"));
    QTranslator zh;
    QVERIFY(zh.load(QLocale(QStringLiteral("zh_CN")), QStringLiteral("mcp_console"), QStringLiteral("_"), QStringLiteral(":/i18n")));
    QCoreApplication::installTranslator(&zh);
    const auto pair = gateway::parseWeightArguments({QStringLiteral("v1%2")});
    QVERIFY(!pair);
    QCOMPARE(pair.error().detail, QStringLiteral("`v1%2` is not VERSION=WEIGHT (such as v1=90)")); // one pass: the %2 stays
    QVERIFY2(han.match(pair.error().text()).hasMatch() && pair.error().text().contains(QLatin1String("`v1%2`")), qPrintable(pair.error().text()));
    const auto route = gateway::specWithWeights(spec, QStringLiteral("nope"), {{QStringLiteral("default"), 100}});
    QVERIFY(!route);
    QCOMPARE(route.error().code, QStringLiteral("weights.unknown-route"));
    QCOMPARE(route.error().detail, QStringLiteral("the gateway has no route `nope` (it has: app)"));
    QVERIFY2(han.match(route.error().text()).hasMatch() && route.error().text().contains(QLatin1String("`nope`")), qPrintable(route.error().text()));
    // Nested, the way WeightApply reports a failed push: both layers translated, English below.
    const Error outer = Error::make(route.error().kind, route.error().code,
                                    Message(QT_TRANSLATE_NOOP("mcp::Errors", "%1 (at %2)"), {route.error(), QStringLiteral("check")}));
    QCOMPARE(outer.detail, QStringLiteral("the gateway has no route `nope` (it has: app) (at check)"));
    QVERIFY2(outer.text().startsWith(route.error().text()) && outer.text().contains(QLatin1String("check")), qPrintable(outer.text()));
    QVERIFY(outer.text() != outer.detail);
    // The rollout guard's reason: English for the audit record, zh_CN for the panel's alert.
    gateway::Rollout policy;
    policy.maxErrorRatePct = {5.0, {}, true, true};
    policy.minRequests = {10, {}, true, true};
    telemetry::Figures canary;
    canary.requests = 40;
    canary.errorRate = 0.3;
    const telemetry::RolloutVerdict verdict = telemetry::judgeRollout(policy, canary, telemetry::Figures{});
    QVERIFY(verdict.breached);
    QCOMPARE(verdict.reason, QStringLiteral("error rate 30.0% above 5%"));
    QVERIFY2(han.match(verdict.localReason).hasMatch() && verdict.localReason.contains(QLatin1String("30.0%")), qPrintable(verdict.localReason));
    QCoreApplication::removeTranslator(&zh);
    const auto again = gateway::parseWeightArguments({QStringLiteral("v1")});
    QCOMPARE(again.error().text(), again.error().detail); // no translator: English
}

// The transports' and the endpoint parser's details: English for logs and mcpctl, the
// interface language in text(), the URL or address kept, a wrapped error translated inside.
void TestConsoleSettings::transportAndEndpointErrorsReadTranslated()
{
    static const QRegularExpression han(QStringLiteral("[\\x{4e00}-\\x{9fff}]"));
    QTranslator zh;
    QVERIFY(zh.load(QLocale(QStringLiteral("zh_CN")), QStringLiteral("mcp_console"), QStringLiteral("_"), QStringLiteral(":/i18n")));
    QCoreApplication::installTranslator(&zh);

    // A refused TCP connection (nothing listens on port 1 of the loopback).
    transport::TcpConnector connector(QStringLiteral("127.0.0.1"), 1, endpoint::TlsConfig{});
    const auto stream = connector.createStream();
    QSignalSpy failed(stream.get(), &transport::ByteStream::failed);
    stream->open();
    QVERIFY(failed.count() == 1 || failed.wait());
    const auto refused = failed.first().first().value<Error>();
    QCOMPARE(refused.code, QStringLiteral("transport.refused"));
    QCOMPARE(refused.detail, QStringLiteral("connection to 127.0.0.1:1 refused"));
    QVERIFY2(han.match(refused.text()).hasMatch() && refused.text().contains(QLatin1String("127.0.0.1:1")), qPrintable(refused.text()));

    // A malformed URL, and the same URL given as --host: the resolver wraps the parser's error.
    const auto parsed = endpoint::Endpoint::parse(QStringLiteral("ftp://x"));
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().code, QStringLiteral("endpoint.scheme"));
    QCOMPARE(parsed.error().detail, QStringLiteral("'ftp://x': unsupported scheme 'ftp' (use unix://, tcp:// or ssh://)"));
    QVERIFY2(han.match(parsed.error().text()).hasMatch() && parsed.error().text().contains(QLatin1String("ftp://x")), qPrintable(parsed.error().text()));
    endpoint::EndpointResolver::Input input;
    input.hostFlag = QStringLiteral("ftp://x");
    input.configDir = m_dir.path();
    input.environment = QProcessEnvironment();
    const auto resolved = endpoint::EndpointResolver(input).resolve();
    QVERIFY(!resolved.ok());
    QCOMPARE(resolved.error().code, QStringLiteral("endpoint.scheme"));
    QCOMPARE(resolved.error().detail, QStringLiteral("--host: ") + parsed.error().detail);
    QVERIFY2(resolved.error().text().contains(parsed.error().text()) && resolved.error().text().startsWith(QLatin1String("--host")),
             qPrintable(resolved.error().text()));
    QVERIFY(resolved.error().text() != resolved.error().detail);

    QCoreApplication::removeTranslator(&zh);
    QCOMPARE(endpoint::Endpoint::parse(QStringLiteral("ftp://x")).error().text(), parsed.error().detail); // no translator: English
}

// The console in zh_CN with a host nothing listens on (127.0.0.1:1): the hosts panel says
// why in Chinese, with the address, and the window shows it (screenshot hosts-unreachable-zh_CN).
void TestConsoleSettings::unreachableHostReadsInChinese()
{
    QTranslator zh;
    QVERIFY(zh.load(QLocale(QStringLiteral("zh_CN")), QStringLiteral("mcp_console"), QStringLiteral("_"), QStringLiteral(":/i18n")));
    QCoreApplication::installTranslator(&zh);
    QSettings settings(m_dir.filePath(QStringLiteral("closed.ini")), QSettings::IniFormat);
    hosts::HostRegistry registry(&settings);
    hosts::HostConfig closed;
    closed.name = QStringLiteral("closed");
    closed.url = QStringLiteral("tcp://127.0.0.1:1");
    QVERIFY(registry.add(closed));
    ui::MainWindow window(&registry);
    window.resize(1400, 850);
    window.show();
    window.start();
    QVERIFY(QTest::qWaitFor([&] {
        const auto *c = window.fleet()->connection(QStringLiteral("closed"));
        return c && c->state() == hosts::HostState::Unreachable;
    }, 30000));
    const auto *connection = window.fleet()->connection(QStringLiteral("closed"));
    QCOMPARE(connection->lastError().code, QStringLiteral("transport.refused"));
    QVERIFY(connection->lastError().detail.contains(QLatin1String("refused"))); // English where it is kept
    static const QRegularExpression han(QStringLiteral("[\\x{4e00}-\\x{9fff}]"));
    const QString shown = window.hostsPanel()->model()->indexOfHost(QStringLiteral("closed"), ui::HostListModel::ConnectionColumn).data().toString();
    QVERIFY2(han.match(shown).hasMatch() && shown.contains(QLatin1String("127.0.0.1:1")), qPrintable(shown));
    window.hostsPanel()->setCurrentHost(QStringLiteral("closed"));
    QTest::qWait(200);
    MCP_SAVE_SCREENSHOT(&window, QStringLiteral("hosts-unreachable-zh_CN"));
    QCoreApplication::removeTranslator(&zh);
}

QTEST_MAIN(TestConsoleSettings)
#include "tst_console_settings.moc"
