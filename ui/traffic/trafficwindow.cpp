#include "trafficwindow.h"

#include "trafficchart.h"

#include "telemetry/hosttraffic.h"

#include <QDateTime>
#include <QJsonArray>
#include <QLabel>
#include <QVBoxLayout>

namespace mcp::ui {

TrafficWindow::TrafficWindow(telemetry::HostTraffic *traffic, const topology::Graph &graph, const topology::Node &node, QWidget *parent)
    : QWidget(parent, Qt::Window), m_traffic(traffic)
{
    setAttribute(Qt::WA_DeleteOnClose);
    resize(760, 460);
    auto *layout = new QVBoxLayout(this);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    m_chart = new TrafficChart(this);
    layout->addWidget(m_chart, 1);

    using topology::NodeKind;
    using telemetry::EdgeKey;
    QList<TrafficChart::Line> lines;
    const auto attr = [&](const char *key) { return node.attributes.value(QLatin1String(key)).toString(); };
    switch (node.kind) {
    case NodeKind::Service:
        setWindowTitle(tr("Traffic: service %1").arg(node.name));
        for (const auto &v : node.attributes.value(QLatin1String("versions")).toArray())
            lines << TrafficChart::Line{v.toString(), EdgeKey{{}, {}, node.name, v.toString(), {}}};
        break;
    case NodeKind::Version: {
        const QString service = attr("service");
        setWindowTitle(tr("Traffic: %1 version %2").arg(service, node.name));
        lines << TrafficChart::Line{tr("%1 (all instances)").arg(node.name), EdgeKey{{}, {}, service, node.name, {}}};
        for (const topology::Edge &e : graph.edges)
            if (e.from == node.id && graph.nodes.value(e.to).kind == NodeKind::Instance)
                lines << TrafficChart::Line{graph.nodes.value(e.to).name, EdgeKey{{}, {}, service, node.name, graph.nodes.value(e.to).name}};
        break;
    }
    case NodeKind::Gateway:
        setWindowTitle(tr("Traffic: gateway %1").arg(node.name));
        for (const topology::Edge &e : graph.edges)
            if (e.from == node.id && graph.nodes.value(e.to).kind == NodeKind::Route)
                lines << TrafficChart::Line{graph.nodes.value(e.to).name, EdgeKey{node.name, graph.nodes.value(e.to).name, {}, {}, {}}};
        break;
    case NodeKind::Route:
        setWindowTitle(tr("Traffic: route %1 of %2").arg(node.name, attr("gateway")));
        for (const auto &b : node.attributes.value(QLatin1String("backends")).toArray()) {
            const QJsonObject backend = b.toObject();
            const QString version = backend.value(QLatin1String("version")).toString();
            lines << TrafficChart::Line{QStringLiteral("%1 · %2%").arg(version.isEmpty() ? backend.value(QLatin1String("service")).toString() : version)
                                            .arg(backend.value(QLatin1String("weight")).toInt()),
                                        EdgeKey{attr("gateway"), node.name, backend.value(QLatin1String("service")).toString(), version, {}}};
        }
        break;
    default:
        break;
    }
    m_lines = int(lines.size());
    m_chart->setLines(lines);
    if (m_traffic)
        connect(m_traffic, &telemetry::HostTraffic::updated, this, &TrafficWindow::refresh);
    refresh();
}

void TrafficWindow::refresh()
{
    if (!m_traffic) {
        m_summary->setText(tr("The host is gone: the figures stopped."));
        return;
    }
    m_chart->refresh(m_traffic->store(), QDateTime::currentMSecsSinceEpoch());
    m_summary->setText(m_chart->pointCount() == 0
                           ? tr("No requests in the gateways' access logs of the last 15 minutes.")
                           : tr("From the gateways' access logs, per 10-second slot over the last 15 minutes."));
}

} // namespace mcp::ui
