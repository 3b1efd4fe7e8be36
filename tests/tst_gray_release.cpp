// The gray-release panel in the console against a real HAProxy gateway with real traffic:
// a slider dragged through 50 positions in 2 s makes at most 3 gateway changes and ends
// on the released value; the canary view draws each version's series; the latency overlay
// labels the graph; a canary that fails 30% of its requests is rolled back by the guard and
// the operator sees the alert. Screenshots: canary-view, latency-overlay, rollback-alert.
#include "support/testbed.h"
#include "support/gui.h"

#include "docker/dockerclient.h"
#include "gateway/auditlog.h"
#include "gateway/deployedroutes.h"
#include "gateway/deployedspec.h"
#include "gateway/pusher.h"
#include "gateway/render.h"
#include "gateway/specreader.h"
#include "gateway/weightcoalescer.h"
#include "gateway/weightedit.h"
#include "hosts/hostconnection.h"
#include "hosts/hostfleet.h"
#include "hosts/hostregistry.h"
#include "mainwindow.h"
#include "telemetry/hosttraffic.h"
#include "topology/legendwidget.h"
#include "topology/topologymodel.h"
#include "topology/topologyview.h"
#include "traffic/grayreleasepanel.h"
#include "traffic/trafficchart.h"
#include "traffic/trafficwindow.h"
#include "topology/graphbuilder.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QTemporaryDir>
#include <QtTest>

using namespace mcp;
using mcp::test::Testbed;

namespace {

const QString kNet = QStringLiteral("mcp-tst-gray");
const QString kGateway = QStringLiteral("gray-hap");

QString dockerCli(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral("docker"), QStringList{QStringLiteral("-H"), Testbed::instance().require(QStringLiteral("MCP_TB_UNIX_HOST"))} + args);
    if (!p.waitForFinished(120000) || p.exitCode() != 0) {
        qWarning() << "docker" << args << p.readAllStandardError();
        return {};
    }
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

void cleanup()
{
    const QString ids = dockerCli({QStringLiteral("ps"), QStringLiteral("-aq"), QStringLiteral("--filter"), QStringLiteral("name=mcp-tst-gray-")});
    if (!ids.isEmpty())
        dockerCli(QStringList{QStringLiteral("rm"), QStringLiteral("-f")} + ids.split(QLatin1Char('\n')));
    dockerCli({QStringLiteral("network"), QStringLiteral("rm"), kNet});
}

void saveScreenshot(QWidget *w, const QString &name)
{
    MCP_SAVE_SCREENSHOT(w, name);
}

} // namespace

class TestGrayRelease : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void rebalanceKeepsTheSum();
    void dragMakesFewChanges();
    void canaryViewOverlayAndRollback();

private:
    QMap<QString, int> deployedWeights();

    QTemporaryDir m_home;
    std::unique_ptr<hosts::HostRegistry> m_registry;
    std::unique_ptr<ui::MainWindow> m_window;
    QString m_gatewayIp;
};

void TestGrayRelease::initTestCase()
{
    qputenv("MCP_AUDIT_LOG", m_home.filePath(QStringLiteral("audit.jsonl")).toUtf8());
    cleanup();
    QVERIFY(!dockerCli({QStringLiteral("network"), QStringLiteral("create"), QStringLiteral("--label"), QStringLiteral("mcp.test=1"), kNet}).isEmpty());
    gateway::EndpointMap endpoints;
    for (const QString &v : {QStringLiteral("v1"), QStringLiteral("v2")}) {
        const QString name = QStringLiteral("mcp-tst-gray-") + v;
        QStringList args{QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), name, QStringLiteral("--network"), kNet,
                         QStringLiteral("--label"), QStringLiteral("mcp.test=1"), QStringLiteral("--label"), QStringLiteral("mcp.service.name=gray-app"),
                         QStringLiteral("--label"), QStringLiteral("mcp.service.port=8080"), QStringLiteral("--label"),
                         QStringLiteral("mcp.service.version=") + v, QStringLiteral("-e"), QStringLiteral("VERSION=") + v};
        if (v == QLatin1String("v2")) // the canary: slower, and a third of its answers fail
            args << QStringLiteral("-e") << QStringLiteral("FAIL_PERCENT=30") << QStringLiteral("-e") << QStringLiteral("DELAY_MS=60");
        QVERIFY(!dockerCli(args << Testbed::instance().require(QStringLiteral("MCP_TB_IMAGE_BACKEND"))).isEmpty());
        const QString ip = dockerCli({QStringLiteral("inspect"), QStringLiteral("-f"),
                                      QStringLiteral("{{(index .NetworkSettings.Networks \"%1\").IPAddress}}").arg(kNet), name});
        endpoints[QStringLiteral("gray-app/") + v] << gateway::InstanceEndpoint{name, ip, 8080, v};
        endpoints[QStringLiteral("gray-app")] << gateway::InstanceEndpoint{name, ip, 8080, v};
    }
    QVERIFY(!dockerCli({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), QStringLiteral("mcp-tst-gray-gw"), QStringLiteral("--network"),
                        kNet, QStringLiteral("--label"), QStringLiteral("mcp.test=1"), QStringLiteral("--label"), QStringLiteral("mcp.gateway=") + kGateway,
                        QStringLiteral("--label"), QStringLiteral("mcp.gateway.driver=haproxy"),
                        Testbed::instance().require(QStringLiteral("MCP_TB_IMAGE_HAPROXY"))})
                 .isEmpty());
    m_gatewayIp = dockerCli({QStringLiteral("inspect"), QStringLiteral("-f"),
                             QStringLiteral("{{(index .NetworkSettings.Networks \"%1\").IPAddress}}").arg(kNet), QStringLiteral("mcp-tst-gray-gw")});
    const QByteArray spec = QStringLiteral("apiVersion: mcp/v1\nkind: GatewayConfig\nmetadata: {name: %1}\nspec:\n  driver: haproxy\n"
                                           "  listeners:\n    - {name: http, port: 8080}\n  routes:\n    - name: app\n"
                                           "      match: {pathPrefix: /cgi-bin}\n      backends:\n"
                                           "        - {service: gray-app, version: v1, weight: 100}\n"
                                           "        - {service: gray-app, version: v2, weight: 0}\n"
                                           "      rollout: {stable: v1, canary: v2, maxErrorRate: 5%, maxP99Ratio: 3.0, window: 30s, minRequests: 40}\n")
                                .arg(kGateway)
                                .toUtf8();
    const gateway::SpecReading reading = gateway::readSpecText(spec, QStringLiteral("gray.yaml"));
    QVERIFY(reading.findings.isEmpty());

    m_registry = std::make_unique<hosts::HostRegistry>();
    hosts::HostConfig local;
    local.name = QStringLiteral("local");
    local.url = Testbed::instance().require(QStringLiteral("MCP_TB_UNIX_HOST"));
    QVERIFY(m_registry->add(local));
    m_window = std::make_unique<ui::MainWindow>(m_registry.get());
    m_window->resize(1600, 1000);
    m_window->show();
    m_window->start();
    auto *client = m_window->fleet()->connection(QStringLiteral("local"))->client();
    gateway::GatewayPush push(client, kGateway, gateway::renderConfig(reading.spec, spec, endpoints));
    QSignalSpy pushed(&push, &gateway::GatewayPush::finished);
    push.start();
    QVERIFY(pushed.wait(60000));
    QVERIFY2(push.outcome().ok, qPrintable(push.outcome().error.detail));
    m_window->fleet()->deployedRoutes(QStringLiteral("local"))->refreshNow();
    auto *panel = m_window->openGrayRelease(QStringLiteral("local"), kGateway, QStringLiteral("app"));
    QVERIFY(QTest::qWaitFor([&] { return panel->selectRoute(QStringLiteral("local"), kGateway, QStringLiteral("app")); }, 30000));
    QCOMPARE(panel->canary(), QStringLiteral("v2"));
}

void TestGrayRelease::cleanupTestCase()
{
    m_window.reset();
    m_registry.reset();
    cleanup();
}

QMap<QString, int> TestGrayRelease::deployedWeights()
{
    QMap<QString, int> out;
    QObject context;
    bool done = false;
    gateway::fetchDeployedSpec(m_window->fleet()->connection(QStringLiteral("local"))->client(), kGateway, &context,
                               [&](Result<gateway::DeployedSpec> d) {
                                   done = true;
                                   if (d)
                                       for (const gateway::Route &r : gateway::readSpecText(d->text, QStringLiteral("d")).spec.routes)
                                           for (const auto &[v, w] : gateway::routeWeights(r))
                                               out.insert(v, w);
                               });
    QTest::qWaitFor([&] { return done; }, 30000);
    return out;
}

void TestGrayRelease::rebalanceKeepsTheSum()
{
    using W = QList<std::pair<QString, int>>;
    QCOMPARE(gateway::rebalance(W{{QStringLiteral("v1"), 90}, {QStringLiteral("v2"), 10}}, QStringLiteral("v2"), 25),
             (W{{QStringLiteral("v1"), 75}, {QStringLiteral("v2"), 25}}));
    // Three versions: the others keep their proportion (60:20 -> 45:15 when the third takes 40).
    QCOMPARE(gateway::rebalance(W{{QStringLiteral("a"), 60}, {QStringLiteral("b"), 20}, {QStringLiteral("c"), 20}}, QStringLiteral("c"), 40),
             (W{{QStringLiteral("a"), 45}, {QStringLiteral("b"), 15}, {QStringLiteral("c"), 40}}));
    // Remainders: 100 - 33 = 67 over two equal others -> 34 + 33.
    const W r = gateway::rebalance(W{{QStringLiteral("a"), 50}, {QStringLiteral("b"), 50}, {QStringLiteral("c"), 0}}, QStringLiteral("c"), 33);
    int sum = 0;
    for (const auto &[k, w] : r)
        sum += w;
    QCOMPARE(sum, 100);
    // All others at 0: they share equally.
    QCOMPARE(gateway::rebalance(W{{QStringLiteral("a"), 0}, {QStringLiteral("b"), 100}}, QStringLiteral("b"), 60),
             (W{{QStringLiteral("a"), 40}, {QStringLiteral("b"), 60}}));
}

// 50 positions in 2 s: at most 3 gateway changes, ending on the released value; keyboard
// and step buttons go out as released values.
void TestGrayRelease::dragMakesFewChanges()
{
    auto *panel = m_window->grayReleasePanel();
    QSlider *canary = panel->slider(QStringLiteral("v2"));
    QSlider *stable = panel->slider(QStringLiteral("v1"));
    QVERIFY(canary && stable);
    const int before = panel->coalescer()->changesStarted();
    const int auditBefore = int(gateway::readAudit(1000).size());
    canary->setSliderDown(true);
    for (int i = 1; i <= 50; ++i) {
        canary->setValue(i);
        QCOMPARE(stable->value(), 100 - i); // paired: the weights always sum to 100
        QTest::qWait(40);
    }
    canary->setSliderDown(false); // released at 50
    QVERIFY(QTest::qWaitFor([&] { return !panel->coalescer()->busy() && panel->coalescer()->applied().value(QStringLiteral("v2")) == 50; }, 30000));
    QTest::qWait(1500); // nothing more goes out
    const int changes = panel->coalescer()->changesStarted() - before;
    qInfo("50 slider positions in 2 s: %d gateway changes", changes);
    QVERIFY(changes >= 1 && changes <= 3);
    QCOMPARE(int(gateway::readAudit(1000).size()) - auditBefore, changes);
    QCOMPARE(deployedWeights(), (QMap<QString, int>{{QStringLiteral("v1"), 50}, {QStringLiteral("v2"), 50}}));

    // Keyboard: Page Down takes 10 off the canary, a released value at once.
    canary->setFocus();
    QTest::keyClick(canary, Qt::Key_PageDown);
    QCOMPARE(canary->value(), 40);
    QVERIFY(QTest::qWaitFor([&] { return !panel->coalescer()->busy() && panel->coalescer()->applied().value(QStringLiteral("v2")) == 40; }, 30000));
    // A step button.
    auto *step = panel->findChild<QPushButton *>(QStringLiteral("step25"));
    QVERIFY(step);
    QTest::qWait(1100);
    step->click();
    QVERIFY(QTest::qWaitFor([&] { return !panel->coalescer()->busy() && panel->coalescer()->applied().value(QStringLiteral("v2")) == 25; }, 30000));
    QCOMPARE(deployedWeights().value(QStringLiteral("v2")), 25);
    const QJsonObject last = gateway::readAudit(1).first().toObject();
    QCOMPARE(last.value(QLatin1String("method")).toString(), QStringLiteral("runtime"));
    QCOMPARE(last.value(QLatin1String("weightsTo")).toObject().value(QLatin1String("v2")).toInt(), 25);
}

void TestGrayRelease::canaryViewOverlayAndRollback()
{
    auto *panel = m_window->grayReleasePanel();
    telemetry::HostTraffic *traffic = m_window->fleet()->traffic(QStringLiteral("local"));
    QVERIFY(traffic);
    QSignalSpy rolledBack(traffic->guard(), &telemetry::RolloutGuard::rolledBack);
    // Traffic at a steady rate (25% to the failing canary) until the guard acts.
    QProcess hey;
    hey.start(QStringLiteral("hey"), {QStringLiteral("-z"), QStringLiteral("60s"), QStringLiteral("-c"), QStringLiteral("4"), QStringLiteral("-q"),
                                      QStringLiteral("10"), QStringLiteral("-disable-keepalive"),
                                      QStringLiteral("http://%1:8080/cgi-bin/app").arg(m_gatewayIp)});
    QVERIFY(hey.waitForStarted());
    // The canary view fills while the release runs.
    panel->chart()->setMetric(ui::TrafficChart::Metric::P99);
    QVERIFY(QTest::qWaitFor([&] { return panel->chart()->pointCount() >= 2; }, 30000));
    m_window->setOverlayMode(ui::OverlayMode::Latency);
    QCOMPARE(m_window->legend()->mode(), ui::OverlayMode::Latency);
    // The bad canary trips the guard (30% errors > 5%, once it has 40 requests).
    QSignalSpy failed(traffic->guard(), &telemetry::RolloutGuard::rollbackFailed);
    const auto state = [&] {
        QStringList out;
        for (const auto &r : traffic->guard()->routes())
            out << QStringLiteral("%1/%2 canary %3 weight %4: %5 requests, %6 errors, enough %7, breached %8 (%9)")
                       .arg(r.gateway, r.route, r.canary)
                       .arg(r.canaryWeight)
                       .arg(r.canaryFigures.requests)
                       .arg(r.canaryFigures.errorRate)
                       .arg(r.verdict.enoughData)
                       .arg(r.verdict.breached)
                       .arg(r.verdict.reason);
        for (const auto &f : failed)
            out << QStringLiteral("rollback failed: %1").arg(f.at(3).value<Error>().detail);
        return out.join(QLatin1String(" | "));
    };
    QVERIFY2(QTest::qWaitFor([&] { return !rolledBack.isEmpty(); }, 60000), qPrintable(state()));
    QCOMPARE(rolledBack.first().at(0).toString(), kGateway);
    QVERIFY(QTest::qWaitFor([&] { return panel->alertLabel()->isVisible(); }, 10000));
    QVERIFY(panel->alertLabel()->text().contains(QLatin1String("error rate")));
    hey.terminate();
    QVERIFY(hey.state() == QProcess::NotRunning || hey.waitForFinished(30000));
    QCOMPARE(deployedWeights(), (QMap<QString, int>{{QStringLiteral("v1"), 100}, {QStringLiteral("v2"), 0}}));
    const QJsonObject record = gateway::readAudit(1).first().toObject();
    QCOMPARE(record.value(QLatin1String("kind")).toString(), QStringLiteral("auto-rollback"));
    // The panel follows what the gateway runs now.
    QVERIFY(QTest::qWaitFor([&] { return panel->slider(QStringLiteral("v2")) && panel->slider(QStringLiteral("v2"))->value() == 0; }, 30000));

    m_window->refreshOverlay();
    QTest::qWait(300);
    saveScreenshot(panel, QStringLiteral("canary-view"));
    saveScreenshot(m_window.get(), QStringLiteral("rollback-alert"));
    // A service's own window: one series per version, from the same access logs.
    ui::TrafficWindow *charts = m_window->openTrafficCharts(topology::serviceNodeId(QStringLiteral("gray-app")));
    QVERIFY(charts);
    QCOMPARE(charts->lineCount(), 2);
    charts->chart()->setMetric(ui::TrafficChart::Metric::ErrorRate);
    QVERIFY(charts->chart()->pointCount() >= 2);
    QTest::qWait(200);
    saveScreenshot(charts, QStringLiteral("service-traffic"));
    charts->close();

    m_window->openGrayRelease(QString(), QString(), QString());
    m_window->topologyView()->fitAll();
    QTest::qWait(100);
    saveScreenshot(m_window->topologyView(), QStringLiteral("latency-overlay"));
}

QTEST_MAIN(TestGrayRelease)
#include "tst_gray_release.moc"
