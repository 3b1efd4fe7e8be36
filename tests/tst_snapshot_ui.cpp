// The console's side of incident snapshots, on the real engine with the demo stack: the
// export dialog collects from the live hosts with a progress bar and writes the file off
// the GUI thread; the snapshot opens read-only with a time slider that replays the captured
// window (a container stopped during it is running at the start and exited at the end);
// two snapshots compare. Screenshots of the dialog, the replay (start and end) and the
// comparison go to MCP_SCREENSHOT_DIR.
#include "support/testbed.h"
#include "support/gui.h"

#include "hosts/hostregistry.h"
#include "mainwindow.h"
#include "snapshot/snapshotcomparedialog.h"
#include "snapshot/snapshotexportdialog.h"
#include "snapshot/snapshotfile.h"
#include "snapshot/snapshotwindow.h"
#include "snapshot/topologyhistory.h"
#include "topology/topologymodel.h"
#include "topology/topologyview.h"
#include "traffic/trafficchart.h"

#include <QDir>
#include <QMessageBox>
#include <QProcess>
#include <QProgressBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTranslator>
#include <QtTest>

using namespace mcp;
using mcp::test::demoStack;

namespace {

bool dockerCli(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral("docker"), QStringList{QStringLiteral("-H"), test::Testbed::instance().require(QStringLiteral("MCP_TB_UNIX_HOST"))} + args);
    return p.waitForFinished(60000) && p.exitCode() == 0;
}

void saveScreenshot(QWidget *w, const QString &name)
{
    MCP_SAVE_SCREENSHOT(w, name);
}

const topology::Node *instanceNamed(const topology::Graph &g, const QString &name)
{
    for (const auto &n : g.nodes)
        if (n.kind == topology::NodeKind::Instance && n.name == name)
            return &n;
    return nullptr;
}

QString stateOf(const topology::Graph &g, const QString &name)
{
    const auto *n = instanceNamed(g, name);
    return n ? n->attributes.value(QLatin1String("state")).toString() : QString();
}

const QString kStopped = QStringLiteral("mcp-demo-users-v1-2");

} // namespace

class TestSnapshotUi : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void exportDialogWritesTheFile();
    void replayWithTheTimeSlider();
    void compareTwoSnapshots();
    void chineseWindowAndDialog();

private:
    QString exportTo(const QString &name, bool screenshot);

    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<hosts::HostRegistry> m_registry;
    std::unique_ptr<ui::MainWindow> m_window;
    QString m_first;
    qint64 m_stoppedAtMs = 0;
    qint64 m_exitedSeenMs = 0;
};

void TestSnapshotUi::initTestCase()
{
    QVERIFY(m_dir.isValid());
    qputenv("MCP_AUDIT_LOG", m_dir.filePath(QStringLiteral("audit.jsonl")).toUtf8());
    QVERIFY(demoStack(QStringLiteral("up")));
    m_settings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    m_registry = std::make_unique<hosts::HostRegistry>(m_settings.get());
    hosts::HostConfig local;
    local.name = QStringLiteral("local");
    local.url = test::Testbed::instance().require(QStringLiteral("MCP_TB_UNIX_HOST"));
    QVERIFY(m_registry->add(local));
    m_window = std::make_unique<ui::MainWindow>(m_registry.get());
    m_window->resize(1440, 900);
    m_window->show();
    m_window->start();
    topology::TopologyModel *model = m_window->topologyModel();
    QVERIFY(QTest::qWaitFor([&] { return stateOf(model->graph(), kStopped) == QLatin1String("running"); }, 60000));
    // Something happens during the captured window: an instance stops.
    QTest::qWait(1500);
    m_stoppedAtMs = QDateTime::currentMSecsSinceEpoch();
    QVERIFY(dockerCli({QStringLiteral("stop"), QStringLiteral("-t"), QStringLiteral("1"), kStopped}));
    QVERIFY(QTest::qWaitFor([&] { return stateOf(model->graph(), kStopped) == QLatin1String("exited"); }, 30000));
    m_exitedSeenMs = QDateTime::currentMSecsSinceEpoch();
    QVERIFY(m_window->topologyHistory()->frameCount() >= 1);
}

void TestSnapshotUi::cleanupTestCase()
{
    m_window.reset();
    dockerCli({QStringLiteral("start"), kStopped});
    demoStack(QStringLiteral("down"));
}

QString TestSnapshotUi::exportTo(const QString &name, bool screenshot)
{
    ui::SnapshotExportDialog *dialog = m_window->openSnapshotExport();
    const QString file = m_dir.filePath(name);
    dialog->setFile(file);
    QSignalSpy exported(dialog, &ui::SnapshotExportDialog::exported);
    dialog->exportNow();
    if (!dialog->isBusy() && exported.isEmpty())
        return {};
    if (!exported.wait(120000))
        return {};
    if (!exported.first().at(1).value<Status>().ok())
        return {};
    if (screenshot) {
        QTest::qWait(50);
        saveScreenshot(dialog, QStringLiteral("snapshot-export"));
    }
    if (dialog->progressBar()->value() != dialog->progressBar()->maximum() || !dialog->statusText().startsWith(QLatin1String("Wrote ")))
        return {};
    dialog->close();
    return file;
}

void TestSnapshotUi::exportDialogWritesTheFile()
{
    m_first = exportTo(QStringLiteral("first.mcpsnap"), true);
    QVERIFY(!m_first.isEmpty());
    auto s = snapshot::readSnapshot(m_first);
    QVERIFY2(s.ok(), qPrintable(s.errorText()));
    QVERIFY(s->createdBy.startsWith(QLatin1String("mcp-console ")));
    QCOMPARE(s->hosts.size(), 1);
    QCOMPARE(s->hosts.first().state, QStringLiteral("connected"));
    QVERIFY(s->timeline.frames.size() >= 1);
    QCOMPARE(stateOf(s->graph(), kStopped), QStringLiteral("exited"));
    QCOMPARE(s->gateways.size(), 2); // edge and internal
    auto entries = snapshot::readZip(m_first);
    QVERIFY(entries.ok());
    QVERIFY(entries->contains(QStringLiteral("graph.png")));
    QVERIFY(entries->contains(QStringLiteral("index.html")));
}

void TestSnapshotUi::replayWithTheTimeSlider()
{
    QVERIFY(!m_first.isEmpty());
    QSignalSpy opened(m_window.get(), &ui::MainWindow::snapshotOpened);
    m_window->openSnapshot(m_first);
    QVERIFY(opened.wait(30000));
    auto *window = m_window->findChildren<ui::SnapshotWindow *>().value(0);
    QVERIFY(window);
    window->resize(1440, 900);
    QVERIFY(QTest::qWaitForWindowExposed(window));
    // Opened at the moment of capture, read-only: the stopped instance is exited.
    QCOMPARE(window->shownTime(), window->snapshot().toMs);
    QCOMPARE(stateOf(window->shownGraph(), kStopped), QStringLiteral("exited"));
    QVERIFY(window->shownGraph().nodes == window->snapshot().graph().nodes);
    window->setOverlayMode(ui::OverlayMode::Health);
    window->topologyView()->fitAll();
    QTest::qWait(100);
    saveScreenshot(window, QStringLiteral("snapshot-replay-end"));
    const int eventsAtEnd = window->eventRowsShown();

    // The slider at the start of the window: the oldest graph the console had recorded
    // (it started only seconds ago), and fewer events than at the end.
    window->timeSlider()->setValue(0);
    QCOMPARE(window->shownTime(), window->snapshot().fromMs);
    QVERIFY(window->shownGraph().nodes == window->snapshot().timeline.base.nodes);
    QVERIFY(window->eventRowsShown() < eventsAtEnd || eventsAtEnd == 0);
    // Keyboard: End goes back to the capture.
    window->timeSlider()->setFocus();
    QTest::keyClick(window->timeSlider(), Qt::Key_End);
    QCOMPARE(stateOf(window->shownGraph(), kStopped), QStringLiteral("exited"));
    // Just before the stop: the instance runs; the moment after: it has exited.
    window->showTime(m_stoppedAtMs - 1);
    QCOMPARE(stateOf(window->shownGraph(), kStopped), QStringLiteral("running"));
    QTest::qWait(100);
    saveScreenshot(window, QStringLiteral("snapshot-replay-before-stop"));
    window->showTime(m_exitedSeenMs);
    QCOMPARE(stateOf(window->shownGraph(), kStopped), QStringLiteral("exited"));
    window->showTime(m_stoppedAtMs - 1);
    window->topologyView()->fitAll();
    QTest::qWait(100);
    saveScreenshot(window, QStringLiteral("snapshot-replay-before-stop-fit"));
    window->close();
}

void TestSnapshotUi::compareTwoSnapshots()
{
    QVERIFY(!m_first.isEmpty());
    topology::TopologyModel *model = m_window->topologyModel();
    QVERIFY(dockerCli({QStringLiteral("start"), kStopped}));
    QVERIFY(QTest::qWaitFor([&] { return stateOf(model->graph(), kStopped) == QLatin1String("running"); }, 30000));
    const QString second = exportTo(QStringLiteral("second.mcpsnap"), false);
    QVERIFY(!second.isEmpty());

    QSignalSpy opened(m_window.get(), &ui::MainWindow::snapshotOpened);
    m_window->openSnapshot(second);
    QVERIFY(opened.wait(30000));
    ui::SnapshotWindow *window = nullptr;
    for (auto *w : m_window->findChildren<ui::SnapshotWindow *>())
        if (w->isVisible())
            window = w;
    QVERIFY(window);
    window->compareWith(m_first);
    auto *dialog = window->findChild<ui::SnapshotCompareDialog *>();
    QVERIFY(dialog);
    bool named = false;
    for (const auto &n : dialog->diff().nodes)
        named = named || (n.name == kStopped && n.change == QLatin1String("health"));
    QVERIFY2(named, "the instance that came back is in the comparison");
    QVERIFY(dialog->model()->rowCount() >= 5);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    saveScreenshot(dialog, QStringLiteral("snapshot-compare"));
    dialog->close();
    window->close();

    // A file that is not a snapshot: a clear message, no window.
    const QString junk = m_dir.filePath(QStringLiteral("junk.mcpsnap"));
    QFile f(junk);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("not a zip");
    f.close();
    QSignalSpy again(m_window.get(), &ui::MainWindow::snapshotOpened);
    m_window->openSnapshot(junk);
    QVERIFY(QTest::qWaitFor([&] { return m_window->findChild<QMessageBox *>() != nullptr; }, 10000));
    QVERIFY(again.isEmpty());
    m_window->findChild<QMessageBox *>()->close();
}

// The operators this is for read Chinese first: the main window with the demo stack and the
// export dialog in zh_CN (translations embedded under :/i18n, as the console loads them).
void TestSnapshotUi::chineseWindowAndDialog()
{
    QTranslator zh;
    QVERIFY(zh.load(QLocale(QStringLiteral("zh_CN")), QStringLiteral("mcp_console"), QStringLiteral("_"), QStringLiteral(":/i18n")));
    QCoreApplication::installTranslator(&zh);
    {
        ui::MainWindow window(m_registry.get());
        window.resize(1440, 900);
        window.show();
        window.start();
        QVERIFY(QTest::qWaitFor([&] { return window.topologyModel()->graph().nodes.size() > 10; }, 30000));
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTest::qWait(500);
        window.topologyView()->fitAll();
        QTest::qWait(100);
        saveScreenshot(&window, QStringLiteral("main-window-zh_CN"));
        ui::SnapshotExportDialog *dialog = window.openSnapshotExport();
        QCOMPARE(dialog->windowTitle(), QStringLiteral("导出事故快照"));
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        saveScreenshot(dialog, QStringLiteral("snapshot-export-zh_CN"));
        dialog->close();
    }
    QCoreApplication::removeTranslator(&zh);
}

QTEST_MAIN(TestSnapshotUi)
#include "tst_snapshot_ui.moc"
