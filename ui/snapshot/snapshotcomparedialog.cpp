#include "snapshotcomparedialog.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QStandardItemModel>
#include <QTreeView>
#include <QVBoxLayout>

namespace mcp::ui {

namespace {
QString when(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString figures(const telemetry::Figures &f)
{
    if (f.requests == 0)
        return QObject::tr("no traffic");
    return QObject::tr("%1/s, %2% 5xx, p99 %3 ms").arg(f.rps, 0, 'f', 1).arg(f.errorRate * 100, 0, 'f', 1).arg(f.p99Ms, 0, 'f', 0);
}
} // namespace

SnapshotCompareDialog::SnapshotCompareDialog(const snapshot::Snapshot &before, const snapshot::Snapshot &after, const QString &beforeFile,
                                             const QString &afterFile, QWidget *parent)
    : QDialog(parent), m_diff(snapshot::compareSnapshots(before, after))
{
    setWindowTitle(tr("Compare snapshots"));
    auto *layout = new QVBoxLayout(this);
    auto *header = new QLabel(tr("<b>Before</b> %1 (%2)<br><b>After</b> %3 (%4)")
                                  .arg(QFileInfo(beforeFile).fileName().toHtmlEscaped(), when(before.toMs),
                                       QFileInfo(afterFile).fileName().toHtmlEscaped(), when(after.toMs)),
                              this);
    layout->addWidget(header);
    m_model = new QStandardItemModel(this);
    m_model->setHorizontalHeaderLabels({tr("What"), tr("Before"), tr("After")});
    const auto group = [this](const QString &title, int count) {
        auto *item = new QStandardItem(tr("%1 (%2)").arg(title).arg(count));
        QFont f = item->font();
        f.setBold(true);
        item->setFont(f);
        m_model->appendRow({item, new QStandardItem, new QStandardItem});
        return item;
    };
    const auto row = [](QStandardItem *parent, const QString &what, const QString &a, const QString &b) {
        parent->appendRow({new QStandardItem(what), new QStandardItem(a), new QStandardItem(b)});
    };
    QStandardItem *hosts = group(tr("Hosts"), int(m_diff.hosts.size()));
    for (const auto &h : m_diff.hosts)
        row(hosts, h.host, h.before, h.after);
    QStandardItem *nodes = group(tr("Nodes"), int(m_diff.nodes.size()));
    for (const auto &n : m_diff.nodes) {
        const QString what = n.change == QLatin1String("added")     ? tr("%1 %2 appeared").arg(n.kind, n.name)
                             : n.change == QLatin1String("removed") ? tr("%1 %2 is gone").arg(n.kind, n.name)
                                                                    : tr("%1 %2 changed health").arg(n.kind, n.name);
        row(nodes, what, n.before, n.after);
    }
    QStandardItem *findings = group(tr("Findings"), int(m_diff.findings.size()));
    for (const auto &f : m_diff.findings)
        row(findings, QStringLiteral("%1 %2 (%3)").arg(f.severity, f.code, f.subject), f.appeared ? QString() : f.message,
            f.appeared ? f.message : tr("resolved"));
    QStandardItem *gateways = group(tr("Gateway configs"), int(m_diff.gateways.size()));
    for (const auto &g : m_diff.gateways)
        row(gateways, g.gateway, g.before.left(12), g.after.left(12));
    QStandardItem *traffic = group(tr("Traffic, last 5 minutes"), int(m_diff.traffic.size()));
    for (const auto &t : m_diff.traffic)
        row(traffic, tr("%1 · %2 · %3 %4").arg(t.gateway, t.route, t.service, t.version), figures(t.before), figures(t.after));

    m_view = new QTreeView(this);
    m_view->setObjectName(QStringLiteral("compareView"));
    m_view->setModel(m_model);
    m_view->expandAll();
    m_view->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->resizeSection(1, 220);
    m_view->header()->resizeSection(2, 220);
    layout->addWidget(m_view, 1);
    if (m_diff.isEmpty())
        layout->addWidget(new QLabel(tr("No change in hosts, topology, findings or gateway configs."), this));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(900, 560);
}

} // namespace mcp::ui
