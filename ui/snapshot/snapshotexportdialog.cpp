#include "common/buildinfo.h"
#include "snapshotexportdialog.h"

#include "hosts/hostconnection.h"
#include "hosts/hostfleet.h"
#include "hosts/hostregistry.h"
#include "hosts/hoststate.h"
#include "svgraster.h"
#include "snapshot/snapshotcollector.h"
#include "snapshot/snapshotfile.h"
#include "snapshot/topologyhistory.h"
#include "telemetry/hosttraffic.h"
#include "topology/topologymodel.h"

#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSet>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace mcp::ui {

SnapshotExportDialog::SnapshotExportDialog(hosts::HostRegistry *registry, hosts::HostFleet *fleet, topology::TopologyModel *model,
                                           snapshot::TopologyHistory *history, QWidget *parent)
    : QDialog(parent), m_registry(registry), m_fleet(fleet), m_model(model), m_history(history)
{
    setWindowTitle(tr("Export incident snapshot"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("One file with the topology and health, the traffic of the window, events, findings, "
                                "gateway specs and the configs they run, audit entries, recent logs, the graph and charts, "
                                "and a report that opens in any browser. Secrets are redacted before anything is written."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *form = new QFormLayout;
    auto *fileRow = new QHBoxLayout;
    m_file = new QLineEdit(this);
    m_file->setObjectName(QStringLiteral("snapshotFile"));
    m_file->setText(QDir::home().filePath(QStringLiteral("incident-%1.mcpsnap").arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmm")))));
    auto *browse = new QPushButton(tr("Browse…"), this);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString f = QFileDialog::getSaveFileName(this, tr("Export incident snapshot"), m_file->text(), tr("Incident snapshots (*.mcpsnap)"));
        if (!f.isEmpty())
            setFile(f);
    });
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(browse);
    form->addRow(tr("File:"), fileRow);

    m_window = new QComboBox(this);
    m_window->addItem(tr("Last 15 minutes"), 15);
    m_window->addItem(tr("Last 5 minutes"), 5);
    m_window->addItem(tr("Last minute"), 1);
    form->addRow(tr("Window:"), m_window);

    m_gateway = new QComboBox(this);
    m_gateway->setObjectName(QStringLiteral("snapshotGateway"));
    m_gateway->addItem(tr("All gateways"), QString());
    QStringList gateways;
    for (const auto &n : model->graph().nodes)
        if (n.kind == topology::NodeKind::Gateway)
            gateways << n.name;
    std::sort(gateways.begin(), gateways.end());
    for (const QString &g : gateways)
        m_gateway->addItem(g, g);
    form->addRow(tr("Gateways:"), m_gateway);
    layout->addLayout(form);

    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_progress->setTextVisible(true);
    layout->addWidget(m_progress);
    m_status = new QLabel(tr("Ready."), this);
    m_status->setObjectName(QStringLiteral("snapshotStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);

    m_buttons = new QDialogButtonBox(this);
    QPushButton *exportButton = m_buttons->addButton(tr("Export"), QDialogButtonBox::AcceptRole);
    exportButton->setObjectName(QStringLiteral("exportButton"));
    m_buttons->addButton(QDialogButtonBox::Close);
    connect(exportButton, &QPushButton::clicked, this, &SnapshotExportDialog::exportNow);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);
    resize(560, sizeHint().height());
}

SnapshotExportDialog::~SnapshotExportDialog() = default;

void SnapshotExportDialog::setFile(const QString &file)
{
    m_file->setText(file.endsWith(QLatin1String(".mcpsnap")) ? file : file + QStringLiteral(".mcpsnap"));
}

QString SnapshotExportDialog::statusText() const
{
    return m_status->text();
}

void SnapshotExportDialog::exportNow()
{
    if (m_busy)
        return;
    const QFileInfo target(m_file->text());
    if (m_file->text().trimmed().isEmpty() || !target.absoluteDir().exists()) {
        m_status->setText(tr("Choose a file in an existing folder."));
        return;
    }
    m_busy = true;
    m_buttons->button(QDialogButtonBox::Close)->setEnabled(false);
    m_startedMs = QDateTime::currentMSecsSinceEpoch();

    snapshot::SnapshotCollector::Input input;
    const qint64 windowMs = qint64(m_window->currentData().toInt()) * 60000;
    input.toMs = m_startedMs;
    input.fromMs = m_startedMs - windowMs;
    input.timeline = m_history->timeline(windowMs);
    input.hostGraph = [model = m_model](const QString &host) { return model->hostGraph(host); };
    if (const QString g = m_gateway->currentData().toString(); !g.isEmpty())
        input.gateways << g;
    input.createdBy = QStringLiteral("mcp-console %1 (%2)").arg(QStringLiteral(MCP_VERSION), buildRevision());
    for (const hosts::HostConfig &config : m_registry->hosts()) {
        snapshot::SnapshotCollector::Host h;
        h.info.name = config.name;
        hosts::HostConnection *c = m_fleet->connection(config.name);
        if (c) {
            h.info.url = c->endpoint().url();
            h.info.state = hosts::hostStateName(c->state());
            h.info.stateReason = c->lastError().detail;
            h.info.transport = c->pathDescription();
            if (c->state() == hosts::HostState::Connected || c->state() == hosts::HostState::Degraded)
                h.client = c->client();
        } else {
            h.info.state = QStringLiteral("unreachable");
            h.info.stateReason = m_fleet->configError(config.name) ? m_fleet->configError(config.name)->detail : QString();
        }
        if (const telemetry::HostTraffic *traffic = m_fleet->traffic(config.name))
            h.traffic = &traffic->store();
        input.hosts << h;
    }
    m_collector = std::make_unique<snapshot::SnapshotCollector>(std::move(input));
    connect(m_collector.get(), &snapshot::SnapshotCollector::progress, this, [this](int done, int total, const QString &step) {
        // One more step than the collector counts: writing the file.
        m_progress->setRange(0, total + 1);
        m_progress->setValue(done);
        m_status->setText(tr("Collecting: %1").arg(step));
    });
    connect(m_collector.get(), &snapshot::SnapshotCollector::finished, this, &SnapshotExportDialog::writeFile);
    m_status->setText(tr("Collecting…"));
    m_collector->start();
}

void SnapshotExportDialog::writeFile()
{
    m_status->setText(tr("Writing %1…").arg(QDir::toNativeSeparators(m_file->text())));
    // The pictures, the report and the zip on a worker thread: the snapshot is a copy.
    const snapshot::Snapshot s = m_collector->snapshot();
    const QString file = m_file->text();
    auto *watcher = new QFutureWatcher<std::pair<Status, qint64>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        const auto [status, bytes] = watcher->result();
        finish(status, bytes);
    });
    watcher->setFuture(QtConcurrent::run([s, file] {
        snapshot::WriteOptions options;
        options.rasterize = [](const QByteArray &svg, int maxPixels) { return raster::svgToPng(svg, maxPixels); };
        const Status st = snapshot::writeSnapshot(file, s, options);
        return std::pair<Status, qint64>(st, QFileInfo(file).size());
    }));
}

void SnapshotExportDialog::finish(const Status &status, qint64 bytes)
{
    m_busy = false;
    m_buttons->button(QDialogButtonBox::Close)->setEnabled(true);
    m_progress->setValue(m_progress->maximum());
    if (status) {
        const snapshot::Snapshot &s = m_collector->snapshot();
        m_status->setText(tr("Wrote %1 (%2) in %3 s: %4 nodes, %5 events, %6 gateways, %7 log files; %8 kinds of secrets redacted.")
                              .arg(QDir::toNativeSeparators(m_file->text()), QLocale().formattedDataSize(bytes))
                              .arg((QDateTime::currentMSecsSinceEpoch() - m_startedMs) / 1000.0, 0, 'f', 1)
                              .arg(s.graph().nodes.size())
                              .arg(s.events.size())
                              .arg(s.gateways.size())
                              .arg(s.logs.size())
                              .arg(s.redactions.size()));
    } else {
        m_status->setText(tr("Export failed: %1").arg(status.error().text()));
    }
    Q_EMIT exported(m_file->text(), status);
}

} // namespace mcp::ui
