// The gateway spec editor in the console, against a real nginx gateway and real backends:
// table and form edits change the YAML (and only what they change) and undo as one stack;
// the validation panel follows typing and jumps to the field; a push always shows the diff
// first, runs step by step, refreshes the diff on a conflict; the history rolls back with
// one click; the spec a gateway runs opens from the graph. Screenshots of the editor with
// errors highlighted, the diff dialog and the history are saved.
#include "support/testbed.h"
#include "support/gui.h"

#include "gateway/auditlog.h"
#include "gateway/deployedroutes.h"
#include "gateway/pushplan.h"
#include "hosts/hostconnection.h"
#include "hosts/hostfleet.h"
#include "hosts/hostregistry.h"
#include "topology/graphbuilder.h"
#include "topology/topologymodel.h"

#include "gateway/auditmodel.h"
#include "gateway/backendstablemodel.h"
#include "gateway/findingsmodel.h"
#include "gateway/historydialog.h"
#include "gateway/pushdialog.h"
#include "gateway/routeform.h"
#include "gateway/routestablemodel.h"
#include "gateway/specdocument.h"
#include "gateway/speceditorwindow.h"
#include "gateway/validationpanel.h"
#include "gateway/yamleditor.h"
#include "mainwindow.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextDocument>
#include <QTreeView>
#include <QtTest>

using namespace mcp;

namespace {

const QString kNet = QStringLiteral("mcp-tst-editor");
const QString kGateway = QStringLiteral("editor-edge");

QString dockerCli(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral("docker"), args);
    if (!p.waitForFinished(120000) || p.exitCode() != 0) {
        qWarning() << "docker" << args << p.readAllStandardError();
        return {};
    }
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

void cleanup()
{
    const QString ids = dockerCli({QStringLiteral("ps"), QStringLiteral("-aq"), QStringLiteral("--filter"), QStringLiteral("name=mcp-tst-editor-")});
    if (!ids.isEmpty())
        dockerCli(QStringList{QStringLiteral("rm"), QStringLiteral("-f")} + ids.split(QLatin1Char('\n')));
    dockerCli({QStringLiteral("network"), QStringLiteral("rm"), kNet});
}

void saveScreenshot(QWidget *w, const QString &name)
{
    MCP_SAVE_SCREENSHOT(w, name);
}

const char *kSpec = R"(apiVersion: mcp/v1
kind: GatewayConfig
metadata:
  name: editor-edge      # mcp.gateway=editor-edge
spec:
  driver: nginx
  listeners:
    - {name: http, port: 8080}
  routes:
    # the application, split between two versions
    - name: app
      match: {pathPrefix: /cgi-bin}
      backends:
        - {service: editor-app, version: v1, weight: 90}
        - {service: editor-app, version: v2, weight: 10}
      timeouts: {connect: 2s, read: 10s}
    - name: probe
      match: {pathPrefix: /health}
      backends:
        - {service: editor-app, version: v1}
)";

bool hasFinding(const gateway::Findings &findings, const QString &code)
{
    for (const auto &f : findings)
        if (f.code == code)
            return true;
    return false;
}

} // namespace

class TestSpecEditor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void tableAndFormEditTheYaml();
    void validationFollowsTypingAndJumps();
    void pushShowsTheDiffFirst();
    void conflictRefreshesTheDiff();
    void historyRollsBackWithOneClick();
    void deployedSpecOpensFromTheGraph();

private:
    QString text() const { return m_editor->document()->text()->toPlainText(); }
    bool waitForReading(const std::function<bool()> &condition);

    QTemporaryDir m_dir;
    QString m_specPath;
    std::unique_ptr<hosts::HostRegistry> m_registry;
    std::unique_ptr<ui::MainWindow> m_window;
    QPointer<ui::SpecEditorWindow> m_editor;
    std::unique_ptr<QAbstractItemModelTester> m_routesTester, m_backendsTester;
    QString m_firstVersion, m_secondVersion;
};

void TestSpecEditor::initTestCase()
{
    QVERIFY(m_dir.isValid());
    qRegisterMetaType<ui::PushDialog *>();
    qputenv("MCP_AUDIT_LOG", m_dir.filePath(QStringLiteral("audit.jsonl")).toUtf8());
    cleanup();
    QVERIFY(!dockerCli({QStringLiteral("network"), QStringLiteral("create"), QStringLiteral("--label"), QStringLiteral("mcp.test=1"), kNet}).isEmpty());
    for (const QString &v : {QStringLiteral("v1"), QStringLiteral("v2")})
        QVERIFY(!dockerCli({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), QStringLiteral("mcp-tst-editor-") + v,
                            QStringLiteral("--network"), kNet, QStringLiteral("--label"), QStringLiteral("mcp.test=1"), QStringLiteral("--label"),
                            QStringLiteral("mcp.service.name=editor-app"), QStringLiteral("--label"), QStringLiteral("mcp.service.port=8080"),
                            QStringLiteral("--label"), QStringLiteral("mcp.service.version=") + v, QStringLiteral("-e"), QStringLiteral("VERSION=") + v,
                            test::Testbed::instance().require(QStringLiteral("MCP_TB_IMAGE_BACKEND"))})
                     .isEmpty());
    QVERIFY(!dockerCli({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), QStringLiteral("mcp-tst-editor-gw"),
                        QStringLiteral("--network"), kNet, QStringLiteral("--label"), QStringLiteral("mcp.test=1"), QStringLiteral("--label"),
                        QStringLiteral("mcp.gateway=") + kGateway, QStringLiteral("--label"), QStringLiteral("mcp.gateway.driver=nginx"),
                        test::Testbed::instance().require(QStringLiteral("MCP_TB_IMAGE_NGINX"))})
                 .isEmpty());

    m_specPath = m_dir.filePath(QStringLiteral("edge.yaml"));
    QFile f(m_specPath);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(kSpec);
    f.close();

    m_registry = std::make_unique<hosts::HostRegistry>();
    hosts::HostConfig bed;
    bed.name = QStringLiteral("bed");
    bed.url = test::Testbed::instance().require(QStringLiteral("MCP_TB_UNIX_HOST"));
    bed.persistent = false;
    QVERIFY(m_registry->add(bed));
    m_window = std::make_unique<ui::MainWindow>(m_registry.get());
    m_window->start();
    QVERIFY(QTest::qWaitFor(
        [&] {
            const auto &nodes = m_window->topologyModel()->graph().nodes;
            return nodes.contains(topology::gatewayNodeId(kGateway)) &&
                   nodes.contains(topology::versionNodeId(QStringLiteral("editor-app"), QStringLiteral("v2")));
        },
        30000));

    m_editor = m_window->openSpecEditor();
    m_editor->resize(1360, 860);
    m_routesTester = std::make_unique<QAbstractItemModelTester>(m_editor->routesModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_backendsTester = std::make_unique<QAbstractItemModelTester>(m_editor->routeForm()->backendsModel(),
                                                                  QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(m_editor->openFile(m_specPath));
    QVERIFY2(m_editor->document()->findings().isEmpty(), qPrintable(m_editor->document()->findings().value(0).toString()));
}

void TestSpecEditor::cleanupTestCase()
{
    m_routesTester.reset();
    m_backendsTester.reset();
    if (m_editor)
        m_editor->document()->text()->setModified(false);
    m_window.reset();
    m_registry.reset();
    cleanup();
}

bool TestSpecEditor::waitForReading(const std::function<bool()> &condition)
{
    return QTest::qWaitFor(condition, 10000);
}

void TestSpecEditor::tableAndFormEditTheYaml()
{
    auto *routes = m_editor->routesModel();
    QCOMPARE(routes->rowCount(), 2);
    QCOMPARE(routes->data(routes->index(0, ui::RoutesTableModel::BackendsColumn), Qt::DisplayRole).toString(),
             QStringLiteral("editor-app v1 90 · editor-app v2 10"));
    const QString original = text();

    // In the table: the second route's prefix.
    QVERIFY(routes->setData(routes->index(1, ui::RoutesTableModel::PathColumn), QStringLiteral("/healthz"), Qt::EditRole));
    QVERIFY(text().contains(QLatin1String("match: {pathPrefix: /healthz}")));
    QCOMPARE(m_editor->document()->spec().routes[1].pathPrefix.value, QStringLiteral("/healthz"));

    // In the form: the first route's backends.
    m_editor->routesView()->setCurrentIndex(routes->index(0, 0));
    QCOMPARE(m_editor->routeForm()->route(), 0);
    auto *backends = m_editor->routeForm()->backendsModel();
    QCOMPARE(backends->rowCount(), 2);
    QVERIFY(backends->setData(backends->index(0, ui::BackendsTableModel::WeightColumn), QStringLiteral("80"), Qt::EditRole));
    QVERIFY(backends->setData(backends->index(1, ui::BackendsTableModel::WeightColumn), QStringLiteral("20"), Qt::EditRole));
    QVERIFY(text().contains(QLatin1String("{service: editor-app, version: v1, weight: 80}")));
    QVERIFY(text().contains(QLatin1String("{service: editor-app, version: v2, weight: 20}")));
    QVERIFY(text().contains(QLatin1String("# the application, split between two versions")));
    QVERIFY(m_editor->document()->findings().isEmpty());
    // The form shows what the YAML says.
    QCOMPARE(m_editor->routeForm()->field(QStringLiteral("timeouts.read"))->text(), QStringLiteral("10s"));
    QCOMPARE(m_editor->routeForm()->field(QStringLiteral("match.pathPrefix"))->text(), QStringLiteral("/cgi-bin"));
    QVERIFY(m_editor->isWindowModified());

    // One undo stack: three edits, three undos, back to the file; redo brings them again.
    auto *doc = m_editor->document()->text();
    const QString edited = text();
    for (int i = 0; i < 3; ++i)
        doc->undo();
    if (text() != original)
        qWarning().noquote() << "after undo:\n" << text() << "\nexpected:\n" << original;
    QCOMPARE(text(), original);
    for (int i = 0; i < 3; ++i)
        doc->redo();
    QCOMPARE(text(), edited);
    m_editor->document()->reparseNow();
    QCOMPARE(m_editor->document()->spec().routes[0].backends[1].weight.value, 20);

    // Saved to disk as shown (and the title loses its modified mark).
    QVERIFY(m_editor->saveTo(m_specPath));
    QFile f(m_specPath);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(f.readAll()), edited);
    QVERIFY(!m_editor->isWindowModified());
}

void TestSpecEditor::validationFollowsTypingAndJumps()
{
    m_editor->show();
    auto *yaml = m_editor->yamlEditor();
    // Type over a weight in the YAML: the sum is no longer 100.
    const int at = int(text().indexOf(QLatin1String("weight: 20"))) + 8;
    QVERIFY(at > 8);
    QTextCursor c(m_editor->document()->text());
    c.setPosition(at);
    c.setPosition(at + 2, QTextCursor::KeepAnchor);
    yaml->setTextCursor(c);
    yaml->setFocus();
    QTest::keyClicks(yaml, QStringLiteral("30"));
    QVERIFY(waitForReading([&] { return hasFinding(m_editor->document()->findings(), QStringLiteral("spec.weight-sum")); }));
    auto *backends = m_editor->routeForm()->backendsModel();
    QCOMPARE(backends->data(backends->index(1, ui::BackendsTableModel::WeightColumn), ui::BackendsTableModel::SeverityRole).toInt(),
             int(gateway::Finding::Severity::Error));
    auto *routes = m_editor->routesModel();
    QCOMPARE(routes->data(routes->index(0, ui::RoutesTableModel::ProblemsColumn), Qt::DisplayRole).toString(), QStringLiteral("1 error(s)"));
    QVERIFY(!m_editor->pushAction()->isEnabled());

    // A duration typed into the form is marked on its field.
    QLineEdit *read = m_editor->routeForm()->field(QStringLiteral("timeouts.read"));
    read->setFocus();
    read->selectAll();
    QTest::keyClicks(read, QStringLiteral("10 seconds"));
    QTest::keyClick(read, Qt::Key_Return);
    QVERIFY(text().contains(QLatin1String("read: \"10 seconds\"")));
    QVERIFY(hasFinding(m_editor->document()->findings(), QStringLiteral("spec.duration")));
    QCOMPARE(read->property("severity").toString(), QStringLiteral("error"));
    QVERIFY(read->toolTip().contains(QLatin1String("10 seconds")));

    // The panel lists both, worst first; activating one jumps to its route, field and line.
    auto *findings = m_editor->validationPanel()->model();
    QCOMPARE(findings->rowCount(), 2);
    QVERIFY(m_editor->validationPanel()->summary().startsWith(QLatin1String("2 error(s)")));
    int durationRow = -1;
    for (int r = 0; r < findings->rowCount(); ++r)
        if (findings->finding(r).code == QLatin1String("spec.duration"))
            durationRow = r;
    QVERIFY(durationRow >= 0);
    m_editor->routesView()->setCurrentIndex(routes->index(1, 0)); // somewhere else first
    QCOMPARE(m_editor->routeForm()->route(), 1);
    Q_EMIT m_editor->validationPanel()->view()->activated(findings->index(durationRow, ui::FindingsModel::MessageColumn));
    QCOMPARE(m_editor->routesView()->currentIndex().row(), 0);
    QCOMPARE(m_editor->routeForm()->route(), 0);
    QCOMPARE(yaml->textCursor().blockNumber() + 1, findings->finding(durationRow).pos.line);
    QTest::qWait(50);
    saveScreenshot(m_editor, QStringLiteral("spec-editor-errors"));

    // Fixed through the form again: clean.
    read->setFocus();
    read->selectAll();
    QTest::keyClicks(read, QStringLiteral("10s"));
    QTest::keyClick(read, Qt::Key_Return);
    QVERIFY(backends->setData(backends->index(1, ui::BackendsTableModel::WeightColumn), QStringLiteral("20"), Qt::EditRole));
    QVERIFY2(m_editor->document()->findings().isEmpty(), qPrintable(m_editor->document()->findings().value(0).toString()));
    QCOMPARE(read->property("severity").toString(), QString());
}

void TestSpecEditor::pushShowsTheDiffFirst()
{
    m_editor->setLiveHost(QStringLiteral("bed"));
    QVERIFY2(waitForReading([&] { return m_editor->document()->plan().ready; }),
             qPrintable(m_editor->document()->findings().value(0).toString()));
    QVERIFY(m_editor->pushAction()->isEnabled());
    ui::PushDialog *dialog = m_editor->startPush();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitFor([&] { return dialog->previewReady(); }, 30000));
    // Nothing ran before: every line is new, and nothing was pushed yet.
    QVERIFY(dialog->diffView()->toPlainText().contains(QLatin1String("+")));
    QVERIFY(dialog->diffView()->toPlainText().contains(QLatin1String("weight=")));
    QVERIFY(gateway::readAudit(10).isEmpty());
    saveScreenshot(dialog, QStringLiteral("push-diff-dialog"));

    QSignalSpy finished(dialog, &ui::PushDialog::pushFinished);
    QTest::mouseClick(dialog->pushButton(), Qt::LeftButton);
    QVERIFY(finished.wait(60000));
    QVERIFY2(dialog->succeeded(), qPrintable(dialog->resultLabel()->text()));
    QCOMPARE(dialog->outcome().newVersion, m_editor->document()->plan().config.version);
    QStringList steps;
    for (int i = 0; i < dialog->stepsList()->count(); ++i)
        steps << dialog->stepsList()->item(i)->text();
    QVERIFY2(steps.filter(QStringLiteral("Gateway's own config check")).size() == 1, qPrintable(steps.join(QLatin1Char('|'))));
    QVERIFY2(steps.last().startsWith(QLatin1String("Verify")), qPrintable(steps.join(QLatin1Char('|'))));
    QVERIFY(!dialog->pushButton()->isEnabled());
    saveScreenshot(dialog, QStringLiteral("push-done-dialog"));
    const QJsonArray audit = gateway::readAudit(10);
    QCOMPARE(audit.size(), 1);
    QCOMPARE(audit[0].toObject().value(QLatin1String("to")).toString(), dialog->outcome().newVersion);
    QCOMPARE(audit[0].toObject().value(QLatin1String("host")).toString(),
             test::Testbed::instance().require(QStringLiteral("MCP_TB_UNIX_HOST")));
    m_firstVersion = dialog->outcome().newVersion;
    dialog->close();
}

void TestSpecEditor::conflictRefreshesTheDiff()
{
    auto *backends = m_editor->routeForm()->backendsModel();
    m_editor->routesView()->setCurrentIndex(m_editor->routesModel()->index(0, 0));
    QVERIFY(backends->setData(backends->index(0, ui::BackendsTableModel::WeightColumn), QStringLiteral("50"), Qt::EditRole));
    QVERIFY(backends->setData(backends->index(1, ui::BackendsTableModel::WeightColumn), QStringLiteral("50"), Qt::EditRole));
    QVERIFY(waitForReading([&] { return m_editor->document()->plan().ready; }));
    ui::PushDialog *dialog = m_editor->startPush();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitFor([&] { return dialog->previewReady(); }, 30000));
    QVERIFY(dialog->diffView()->toPlainText().contains(QLatin1String("-")));

    // Someone else pushes another change after the diff was made.
    QString other = text();
    other.replace(QLatin1String("weight: 50}"), QLatin1String("weight: 50}")); // same weights...
    other.replace(QLatin1String("read: 10s"), QLatin1String("read: 11s"));     // ...another timeout
    const topology::Graph graph = m_window->topologyModel()->hostGraph(QStringLiteral("bed"));
    const gateway::PushPlan plan = gateway::planPush(other.toUtf8(), m_specPath, &graph);
    QVERIFY(plan.ready);
    gateway::GatewayPush theirs(m_window->fleet()->connection(QStringLiteral("bed"))->client(), kGateway, plan.config);
    QSignalSpy theirsDone(&theirs, &gateway::GatewayPush::finished);
    theirs.start();
    QVERIFY(theirsDone.wait(60000));
    QVERIFY(theirs.outcome().ok);

    // Ours is refused, nothing changes, and the diff is made again against theirs.
    QSignalSpy finished(dialog, &ui::PushDialog::pushFinished);
    QSignalSpy previewed(dialog, &ui::PushDialog::previewed);
    QTest::mouseClick(dialog->pushButton(), Qt::LeftButton);
    QVERIFY(finished.wait(60000));
    QVERIFY(!dialog->succeeded());
    QCOMPARE(dialog->outcome().error.code, QStringLiteral("push.conflict"));
    QVERIFY(dialog->resultLabel()->text().contains(QLatin1String("Someone else pushed")));
    QVERIFY(previewed.wait(30000));
    QVERIFY(dialog->diffView()->toPlainText().contains(QLatin1String("11s")));
    // Pushing now, knowingly, succeeds.
    QTest::mouseClick(dialog->pushButton(), Qt::LeftButton);
    QVERIFY(finished.wait(60000));
    QVERIFY2(dialog->succeeded(), qPrintable(dialog->resultLabel()->text()));
    QCOMPARE(dialog->outcome().previousVersion, plan.config.version);
    m_secondVersion = dialog->outcome().newVersion;
    dialog->close();
}

void TestSpecEditor::historyRollsBackWithOneClick()
{
    ui::HistoryDialog history(m_registry.get(), m_window->fleet(), m_editor);
    history.resize(1100, 420);
    history.show();
    auto *model = history.model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model->rowCount(), 3); // push, conflict, push (the test's own push is not audited)
    QCOMPARE(model->entry(0).value(QLatin1String("to")).toString(), m_secondVersion);
    QCOMPARE(model->entry(1).value(QLatin1String("kind")).toString(), QStringLiteral("conflict"));
    QCOMPARE(model->data(model->index(1, ui::AuditModel::ResultColumn), Qt::DisplayRole).toString(), QStringLiteral("failed at conflict"));
    history.view()->setCurrentIndex(model->index(0, 0));
    QVERIFY(history.rollbackButton()->isEnabled());
    saveScreenshot(&history, QStringLiteral("push-history"));

    QSignalSpy opened(&history, &ui::HistoryDialog::rollbackDialogOpened);
    QTest::mouseClick(history.rollbackButton(), Qt::LeftButton);
    QVERIFY(opened.wait(30000));
    auto *dialog = opened.first().first().value<ui::PushDialog *>();
    QVERIFY(QTest::qWaitFor([&] { return dialog->previewReady(); }, 30000));
    QVERIFY(dialog->diffView()->toPlainText().contains(QLatin1String("11s")) ||
            dialog->diffView()->toPlainText().contains(QLatin1String("11000")));
    QSignalSpy finished(dialog, &ui::PushDialog::pushFinished);
    QTest::mouseClick(dialog->pushButton(), Qt::LeftButton);
    QVERIFY(finished.wait(60000));
    QVERIFY2(dialog->succeeded(), qPrintable(dialog->resultLabel()->text()));
    QCOMPARE(dialog->outcome().previousVersion, m_secondVersion);
    QVERIFY(dialog->outcome().newVersion != m_secondVersion);
    QCOMPARE(model->rowCount(), 4);
    QCOMPARE(model->entry(0).value(QLatin1String("kind")).toString(), QStringLiteral("rollback"));
    dialog->close();
}

void TestSpecEditor::deployedSpecOpensFromTheGraph()
{
    auto *deployed = m_window->fleet()->deployedRoutes(QStringLiteral("bed"));
    QVERIFY(deployed);
    QSignalSpy refreshed(deployed, &gateway::DeployedRoutes::refreshed);
    deployed->refreshNow();
    QVERIFY(refreshed.wait(30000));
    QCOMPARE(m_window->deployedSpecHost(kGateway), QStringLiteral("bed"));
    ui::SpecEditorWindow *editor = m_window->openDeployedSpec(kGateway);
    QVERIFY(editor);
    QCOMPARE(editor->document()->spec().name.value, kGateway);
    QCOMPARE(editor->document()->liveHost(), QStringLiteral("bed"));
    QCOMPARE(editor->document()->text()->toPlainText().toUtf8(), deployed->deployedSpec(kGateway));
    QVERIFY(editor->document()->filePath().isEmpty());
    QVERIFY(!editor->isWindowModified());
    editor->close();
}

QTEST_MAIN(TestSpecEditor)
#include "tst_spec_editor.moc"
