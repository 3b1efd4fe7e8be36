#include "snapshotwindow.h"

#include "snapshotcomparedialog.h"

#include "snapshot/snapshotfile.h"
#include "telemetry/trafficoverlay.h"
#include "topology/detailspanel.h"
#include "topology/doctor.h"
#include "topology/legendwidget.h"
#include "topology/topologyscene.h"
#include "topology/topologyview.h"
#include "traffic/trafficchart.h"

#include <QComboBox>
#include <QDateTime>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QMessageBox>
#include <QSlider>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>

namespace mcp::ui {

namespace {
constexpr qint64 kStepMs = 10000; // the telemetry's slot: finer steps would show nothing new

QString timeText(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}
} // namespace

SnapshotWindow::SnapshotWindow(snapshot::Snapshot snapshot, const QString &file, QWidget *parent)
    : QMainWindow(parent), m_snapshot(std::move(snapshot)), m_file(file), m_store(m_snapshot.store())
{
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(tr("Snapshot %1 (read-only)").arg(QFileInfo(file).fileName()));
    resize(1280, 800);

    m_scene = new TopologyScene(this);
    m_scene->setGroupBy(topology::GroupBy::Host);
    m_view = new TopologyView(m_scene, this);
    m_view->setObjectName(QStringLiteral("snapshotGraph"));
    setCentralWidget(m_view);

    auto *tools = addToolBar(tr("Replay"));
    tools->setObjectName(QStringLiteral("replayToolBar"));
    tools->addWidget(new QLabel(tr("Time:"), tools));
    m_slider = new QSlider(Qt::Horizontal, tools);
    m_slider->setObjectName(QStringLiteral("timeSlider"));
    const qint64 span = std::max<qint64>(0, m_snapshot.toMs - m_snapshot.fromMs);
    m_slider->setRange(0, int(span / kStepMs));
    m_slider->setPageStep(6); // a minute
    m_slider->setMinimumWidth(360);
    m_slider->setToolTip(tr("The moment to show: graph, overlays and charts as they were (←/→ 10 s, PgUp/PgDn 1 min)"));
    tools->addWidget(m_slider);
    m_timeLabel = new QLabel(tools);
    m_timeLabel->setObjectName(QStringLiteral("timeLabel"));
    m_timeLabel->setMinimumWidth(150);
    tools->addWidget(m_timeLabel);
    tools->addSeparator();
    m_overlay = new QComboBox(tools);
    m_overlay->addItem(tr("Health"), int(OverlayMode::Health));
    m_overlay->addItem(tr("Traffic"), int(OverlayMode::Traffic));
    m_overlay->addItem(tr("Errors"), int(OverlayMode::Errors));
    m_overlay->addItem(tr("Latency"), int(OverlayMode::Latency));
    tools->addWidget(m_overlay);
    m_legend = new LegendWidget(tools);
    tools->addWidget(m_legend);
    tools->addSeparator();
    tools->addAction(tr("Fit"), m_view, &TopologyView::fitAll);
    tools->addAction(tr("Compare with…"), this, [this] {
        const QString other = QFileDialog::getOpenFileName(this, tr("Compare with snapshot"), QFileInfo(m_file).absolutePath(),
                                                           tr("Incident snapshots (*.mcpsnap)"));
        if (!other.isEmpty())
            compareWith(other);
    });

    // Right: details of the selection, findings, events.
    auto *dock = new QDockWidget(tr("Snapshot"), this);
    dock->setObjectName(QStringLiteral("snapshotDock"));
    auto *tabs = new QTabWidget(dock);
    m_details = new DetailsPanel(tabs);
    tabs->addTab(m_details, tr("Details"));
    m_findings = new QStandardItemModel(this);
    auto *findingsView = new QTableView(tabs);
    findingsView->setObjectName(QStringLiteral("findingsView"));
    findingsView->setModel(m_findings);
    findingsView->horizontalHeader()->setStretchLastSection(true);
    findingsView->verticalHeader()->hide();
    findingsView->setWordWrap(true);
    tabs->addTab(findingsView, tr("Findings"));
    m_events = new QStandardItemModel(this);
    m_eventsView = new QTableView(tabs);
    m_eventsView->setObjectName(QStringLiteral("eventsView"));
    m_eventsView->setModel(m_events);
    m_eventsView->horizontalHeader()->setStretchLastSection(true);
    m_eventsView->verticalHeader()->hide();
    tabs->addTab(m_eventsView, tr("Events"));
    dock->setWidget(tabs);
    addDockWidget(Qt::RightDockWidgetArea, dock);
    resizeDocks({dock}, {380}, Qt::Horizontal);

    // Bottom: a route's versions over the window, up to the chosen moment.
    auto *chartDock = new QDockWidget(tr("Traffic"), this);
    chartDock->setObjectName(QStringLiteral("snapshotChartDock"));
    auto *chartBox = new QWidget(chartDock);
    auto *chartLayout = new QVBoxLayout(chartBox);
    chartLayout->setContentsMargins(4, 4, 4, 4);
    m_route = new QComboBox(chartBox);
    m_route->setObjectName(QStringLiteral("routeBox"));
    const QList<std::pair<QString, QString>> routes = m_store.routes();
    for (const auto &[g, r] : routes)
        m_route->addItem(tr("%1 · route %2").arg(g, r), QStringList{g, r});
    if (routes.isEmpty())
        m_route->addItem(tr("No traffic in this snapshot"));
    chartLayout->addWidget(m_route);
    m_chart = new TrafficChart(chartBox);
    chartLayout->addWidget(m_chart, 1);
    chartDock->setWidget(chartBox);
    addDockWidget(Qt::BottomDockWidgetArea, chartDock);
    resizeDocks({chartDock}, {260}, Qt::Vertical);

    connect(m_slider, &QSlider::valueChanged, this, [this](int step) { showTime(m_snapshot.fromMs + step * kStepMs); });
    connect(m_overlay, &QComboBox::currentIndexChanged, this, [this] { setOverlayMode(OverlayMode(m_overlay->currentData().toInt())); });
    connect(m_route, &QComboBox::currentIndexChanged, this, &SnapshotWindow::selectRoute);
    connect(m_view, &TopologyView::nodeSelected, this, [this](const QString &id) {
        const auto it = m_graph.nodes.constFind(id);
        m_details->showNode(it == m_graph.nodes.constEnd() ? nullptr : &*it);
    });

    fillFindings();
    fillEvents();
    selectRoute(0);
    showTime(m_snapshot.toMs); // open at the moment of capture (the slider follows)
    m_view->fitAll();
}

SnapshotWindow::~SnapshotWindow()
{
    m_view->disconnect(this);
}

void SnapshotWindow::showTime(qint64 timeMs)
{
    timeMs = std::clamp(timeMs, m_snapshot.fromMs, std::max(m_snapshot.fromMs, m_snapshot.toMs));
    m_timeMs = timeMs;
    const int step = int((timeMs - m_snapshot.fromMs) / kStepMs);
    if (m_slider->value() != step) {
        const QSignalBlocker block(m_slider);
        m_slider->setValue(step);
    }
    const topology::Graph next = m_snapshot.timeline.graphAt(timeMs);
    const topology::GraphDelta delta = topology::diffGraphs(m_graph, next);
    m_graph = next;
    m_scene->sync(m_graph, delta);
    m_timeLabel->setText(timeText(timeMs));
    refreshOverlay();
    m_chart->refresh(m_store, timeMs);
    // Events up to the moment stand out; later ones are greyed.
    for (int r = 0; r < m_events->rowCount(); ++r) {
        const bool past = m_events->item(r, 0)->data(Qt::UserRole).toLongLong() <= timeMs;
        for (int c = 0; c < m_events->columnCount(); ++c)
            m_events->item(r, c)->setForeground(past ? palette().text() : palette().placeholderText());
    }
}

int SnapshotWindow::eventRowsShown() const
{
    int n = 0;
    for (int r = 0; r < m_events->rowCount(); ++r)
        n += m_events->item(r, 0)->data(Qt::UserRole).toLongLong() <= m_timeMs;
    return n;
}

void SnapshotWindow::setOverlayMode(OverlayMode mode)
{
    if (m_overlay->currentData().toInt() != int(mode))
        m_overlay->setCurrentIndex(m_overlay->findData(int(mode)));
    m_legend->setMode(mode);
    refreshOverlay();
}

void SnapshotWindow::refreshOverlay()
{
    const auto mode = OverlayMode(m_overlay->currentData().toInt());
    m_scene->setOverlay(mode, mode == OverlayMode::Health ? telemetry::TrafficOverlay{}
                                                          : telemetry::trafficOverlay(m_graph, m_store, 60, m_timeMs));
}

void SnapshotWindow::selectRoute(int index)
{
    const QStringList key = m_route->itemData(index).toStringList();
    QList<TrafficChart::Line> lines;
    if (key.size() == 2)
        for (const auto &[service, version] : m_store.versionsOf(key[0], key[1]))
            lines << TrafficChart::Line{service + u'/' + version, telemetry::EdgeKey{key[0], key[1], service, version, QString()}};
    m_chart->setLines(lines);
    m_chart->refresh(m_store, m_timeMs ? m_timeMs : m_snapshot.toMs);
}

void SnapshotWindow::fillFindings()
{
    m_findings->setHorizontalHeaderLabels({tr("Severity"), tr("Code"), tr("Subject"), tr("What")});
    for (const auto &p : topology::allFindings(m_snapshot.graph()))
        m_findings->appendRow({new QStandardItem(topology::severityName(p.severity)), new QStandardItem(p.code), new QStandardItem(p.subject),
                               new QStandardItem(p.message)});
    for (const auto &g : m_snapshot.gateways)
        for (const auto &v : g.findings) {
            const QJsonObject f = v.toObject();
            m_findings->appendRow({new QStandardItem(f.value(QLatin1String("severity")).toString()),
                                   new QStandardItem(f.value(QLatin1String("code")).toString()),
                                   new QStandardItem(tr("%1 spec line %2").arg(g.name).arg(f.value(QLatin1String("line")).toInt())),
                                   new QStandardItem(f.value(QLatin1String("message")).toString())});
        }
}

void SnapshotWindow::fillEvents()
{
    m_events->setHorizontalHeaderLabels({tr("Time"), tr("Host"), tr("Event"), tr("Container")});
    for (const auto &v : m_snapshot.events) {
        const QJsonObject e = v.toObject();
        const qint64 ms = e.value(QLatin1String("timeNano")).toInteger() / 1000000;
        const QJsonObject actor = e.value(QLatin1String("Actor")).toObject();
        auto *time = new QStandardItem(QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("HH:mm:ss")));
        time->setData(ms, Qt::UserRole);
        m_events->appendRow({time, new QStandardItem(e.value(QLatin1String("host")).toString()),
                             new QStandardItem(e.value(QLatin1String("Type")).toString() + u' ' + e.value(QLatin1String("Action")).toString()),
                             new QStandardItem(actor.value(QLatin1String("Attributes")).toObject().value(QLatin1String("name")).toString())});
    }
    m_eventsView->resizeColumnsToContents();
}

void SnapshotWindow::compareWith(const QString &otherFile)
{
    auto other = snapshot::readSnapshot(otherFile);
    if (!other) {
        QMessageBox::warning(this, tr("Compare snapshots"), tr("Cannot open %1: %2").arg(otherFile, other.error().text()));
        return;
    }
    // Older first, whichever was opened.
    const bool thisFirst = m_snapshot.toMs <= other->toMs;
    auto *dialog = new SnapshotCompareDialog(thisFirst ? m_snapshot : *other, thisFirst ? *other : m_snapshot,
                                             thisFirst ? m_file : otherFile, thisFirst ? otherFile : m_file, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

} // namespace mcp::ui
