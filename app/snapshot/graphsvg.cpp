#include "graphsvg.h"

#include "topology/bundlerouting.h"

#include <QJsonArray>
#include <QRectF>

#include <algorithm>
#include <cmath>

namespace mcp::snapshot {

using topology::Health;
using topology::Node;
using topology::NodeKind;

namespace {

constexpr double kWidth = topology::kNodeWidth;
constexpr double kHeight = topology::kNodeHeight;

QString num(double v)
{
    return QString::number(v, 'f', 1);
}

QString subtitle(const Node &n)
{
    const auto &a = n.attributes;
    switch (n.kind) {
    case NodeKind::Gateway: return QStringLiteral("gateway · %1").arg(a.value(QLatin1String("driver")).toString());
    case NodeKind::Service: return QStringLiteral("service · %1").arg(n.healthReason);
    case NodeKind::Version: return QStringLiteral("version · %1").arg(n.healthReason);
    case NodeKind::Route: {
        QStringList split;
        for (const auto &b : a.value(QLatin1String("backends")).toArray()) {
            const QJsonObject o = b.toObject();
            const QString v = o.value(QLatin1String("version")).toString();
            split << QStringLiteral("%1 %2").arg(v.isEmpty() ? o.value(QLatin1String("service")).toString() : v)
                         .arg(o.value(QLatin1String("weight")).toInt());
        }
        return QStringLiteral("route · %1 · %2").arg(a.value(QLatin1String("pathPrefix")).toString(), split.join(QStringLiteral(" / ")));
    }
    case NodeKind::Instance: {
        const QString addr = a.value(QLatin1String("address")).toString();
        const int port = a.value(QLatin1String("port")).toInt();
        return port > 0 ? QStringLiteral("%1:%2 · %3").arg(addr).arg(port).arg(a.value(QLatin1String("state")).toString())
                        : QStringLiteral("%1 · %2").arg(addr, a.value(QLatin1String("state")).toString());
    }
    default: return topology::nodeKindName(n.kind);
    }
}

// A bundle as the view draws it: a neutral trunk to a bus beside the targets, and a tick in
// each target's health colour.
QString bundleSvg(const topology::Graph &graph, const topology::BundleRoute &b)
{
    QString d = QStringLiteral("M%1 %2").arg(num(b.start.x()), num(b.start.y()));
    for (const topology::TrunkPiece &p : b.trunk)
        d += p.straight ? QStringLiteral(" L%1 %2").arg(num(p.to.x()), num(p.to.y()))
                        : QStringLiteral(" C%1 %2 %3 %4 %5 %6")
                              .arg(num(p.c1.x()), num(p.c1.y()), num(p.c2.x()), num(p.c2.y()), num(p.to.x()), num(p.to.y()));
    QString s = QStringLiteral("<g class=\"bundle\" fill=\"none\"><title>%1: %2 connection(s), drawn as one bundle</title>")
                    .arg(xmlEscape(b.source))
                    .arg(b.total);
    s += QStringLiteral("<path d=\"%1\" stroke=\"#80868e\" stroke-opacity=\"0.75\" stroke-width=\"2.4\"/>").arg(d);
    s += QStringLiteral("<path d=\"M%1 %2 L%1 %3\" stroke=\"#80868e\" stroke-opacity=\"0.75\" stroke-width=\"2.4\"/>")
             .arg(num(b.busX), num(b.top), num(b.bottom));
    for (qsizetype i = 0; i < b.targets.size(); ++i)
        s += QStringLiteral("<path d=\"M%1 %2 L%3 %2\" stroke=\"%4\" stroke-opacity=\"0.75\" stroke-width=\"1.4\"/>")
                 .arg(num(b.busX), num(b.targetPoints[i].y()), num(b.targetPoints[i].x()),
                      healthColorName(graph.nodes.value(b.targets[i]).health));
    return s + QStringLiteral("</g>\n");
}

QString elide(const QString &s, int chars)
{
    return s.size() <= chars ? s : s.left(chars - 1) + QChar(0x2026);
}

QString glyph(Health h, double cx, double cy)
{
    const QString c = healthColorName(h);
    const double r = 7;
    switch (h) {
    case Health::Healthy:
        return QStringLiteral("<circle cx=\"%1\" cy=\"%2\" r=\"7\" fill=\"%3\" stroke=\"#333\" stroke-width=\"0.8\"/>").arg(num(cx), num(cy), c);
    case Health::Degraded:
        return QStringLiteral("<path d=\"M%1 %2 L%3 %4 L%5 %4 Z\" fill=\"%6\" stroke=\"#333\" stroke-width=\"0.8\"/>")
            .arg(num(cx), num(cy - r), num(cx + r), num(cy + r * 0.8), num(cx - r), c);
    case Health::Down:
        return QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"14\" height=\"14\" fill=\"#f3c2a0\" stroke=\"%3\" stroke-width=\"2.2\"/>"
                              "<path d=\"M%4 %5 L%6 %7 M%6 %5 L%4 %7\" stroke=\"%3\" stroke-width=\"2.2\"/>")
            .arg(num(cx - r), num(cy - r), c, num(cx - r * 0.6), num(cy - r * 0.6), num(cx + r * 0.6), num(cy + r * 0.6));
    case Health::Unknown:
        return QStringLiteral("<circle cx=\"%1\" cy=\"%2\" r=\"7\" fill=\"none\" stroke=\"%3\" stroke-width=\"2.2\"/>"
                              "<circle cx=\"%1\" cy=\"%2\" r=\"3.2\" fill=\"none\" stroke=\"%3\" stroke-width=\"2.2\"/>")
            .arg(num(cx), num(cy), c);
    }
    return {};
}

QString errorColor(double rate)
{
    if (rate >= 0.05)
        return QStringLiteral("#d55e00");
    if (rate >= 0.01)
        return QStringLiteral("#e69f00");
    return QStringLiteral("#0072b2");
}

} // namespace

QString healthColorName(Health health)
{
    switch (health) {
    case Health::Healthy: return QStringLiteral("#009e73");
    case Health::Degraded: return QStringLiteral("#e69f00");
    case Health::Down: return QStringLiteral("#d55e00");
    case Health::Unknown: return QStringLiteral("#888888");
    }
    return QStringLiteral("#888888");
}

QString xmlEscape(const QString &text)
{
    QString s = text.toHtmlEscaped();
    s.replace(u'\'', QLatin1String("&#39;"));
    return s;
}

QByteArray graphToSvg(const topology::Graph &graph, const GraphSvgOptions &options)
{
    const topology::LayoutResult layout = topology::layeredLayout(graph, options.groupBy);
    QRectF bounds;
    for (const QPointF &p : layout.positions)
        bounds |= QRectF(p, QSizeF(kWidth, kHeight));
    for (const auto &lane : layout.lanes)
        bounds |= lane.rect;
    const double titleBand = options.title.isEmpty() ? 0 : 36;
    bounds = bounds.adjusted(-24, -24 - titleBand, 24, 24);
    if (layout.positions.isEmpty())
        bounds = QRectF(0, -titleBand, 480, 120 + titleBand);

    QString s;
    s.reserve(int(graph.nodes.size()) * 700 + 4096);
    s += QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"%1 %2 %3 %4\" width=\"%3\" height=\"%4\" "
                        "font-family=\"DejaVu Sans, Verdana, sans-serif\">\n")
             .arg(num(bounds.x()), num(bounds.y()), num(bounds.width()), num(bounds.height()));
    s += QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" fill=\"#fafafa\"/>\n")
             .arg(num(bounds.x()), num(bounds.y()), num(bounds.width()), num(bounds.height()));
    if (!options.title.isEmpty())
        s += QStringLiteral("<text x=\"%1\" y=\"%2\" font-size=\"16\" font-weight=\"bold\" fill=\"#202020\">%3</text>\n")
                 .arg(num(bounds.x() + 24), num(bounds.y() + 30), xmlEscape(options.title));
    for (const auto &lane : layout.lanes) {
        s += QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" rx=\"8\" fill=\"#f0f0f0\" stroke=\"#d0d0d0\"/>\n"
                            "<text x=\"%5\" y=\"%6\" font-size=\"13\" font-weight=\"bold\" fill=\"#505050\">%7</text>\n")
                 .arg(num(lane.rect.x()), num(lane.rect.y()), num(lane.rect.width()), num(lane.rect.height()),
                      num(lane.rect.x() + 12), num(lane.rect.y() + 22), xmlEscape(lane.title));
    }

    // Edges under the nodes, in a stable order; big fan-outs as the view's bundles.
    const topology::BundleRouting bundles = topology::routeBundles(graph, layout.positions);
    QStringList edgeIds = graph.edges.keys();
    std::sort(edgeIds.begin(), edgeIds.end());
    s += QStringLiteral("<g fill=\"none\">\n");
    for (const QString &id : edgeIds) {
        const topology::Edge &e = graph.edges[id];
        if (!layout.positions.contains(e.from) || !layout.positions.contains(e.to) || bundles.bundledEdges.contains(id))
            continue;
        const topology::EdgeShape shape =
            topology::edgeShape(layout.positions.value(e.from), layout.positions.value(e.to), graph.nodes.value(e.to).kind);
        const QPointF a = shape.from, b = shape.to;
        double width = 1.2;
        QString color = QStringLiteral("#9a9a9a");
        QString label;
        if (options.overlay) {
            const auto f = options.overlay->edges.constFind(id);
            if (f != options.overlay->edges.constEnd() && f->requests > 0) {
                const double maxRps = std::max(options.overlay->maxRps, 0.001);
                width = 1.5 + 8.0 * std::sqrt(f->rps / maxRps);
                color = errorColor(f->errorRate);
                label = QStringLiteral("%1/s · p99 %2 ms").arg(QString::number(f->rps, 'f', 1), QString::number(f->p99Ms, 'f', 0));
            }
        }
        // A curve between columns, or a tree connector down to a version under its service.
        const QString d = shape.tree ? QStringLiteral("M%1 %2 L%1 %3 L%4 %3").arg(num(a.x()), num(a.y()), num(b.y()), num(b.x()))
                                     : QStringLiteral("M%1 %2 C%3 %2 %4 %5 %6 %5 L%7 %5")
                                           .arg(num(a.x()), num(a.y()), num(shape.c1.x()), num(shape.c2.x()), num(b.y()),
                                                num(shape.entry.x()), num(b.x()));
        s += QStringLiteral("<path d=\"%1\" stroke=\"%2\" stroke-width=\"%3\"/>\n").arg(d, color, num(width));
        if (!label.isEmpty() && !shape.tree)
            s += QStringLiteral("<text x=\"%1\" y=\"%2\" font-size=\"10\" fill=\"%3\" text-anchor=\"middle\">%4</text>\n")
                     .arg(num((a.x() + b.x()) / 2), num((a.y() + b.y()) / 2 - 5), color, xmlEscape(label));
    }
    s += QStringLiteral("</g>\n");
    for (const topology::BundleRoute &b : bundles.bundles)
        s += bundleSvg(graph, b);

    QStringList nodeIds = layout.positions.keys();
    std::sort(nodeIds.begin(), nodeIds.end());
    for (const QString &id : nodeIds) {
        const Node &n = graph.nodes[id];
        const QPointF p = layout.positions.value(id);
        const QString c = healthColorName(n.health);
        s += QStringLiteral("<g transform=\"translate(%1 %2)\"><title>%3</title>").arg(num(p.x()), num(p.y()), xmlEscape(n.id + QStringLiteral(": ") + n.healthReason));
        // White under a pale tint of the health colour: readable text, calm at a glance.
        s += QStringLiteral("<rect width=\"%1\" height=\"%2\" rx=\"6\" fill=\"#ffffff\" stroke=\"%3\" stroke-width=\"1.2\"/>")
                 .arg(num(kWidth), num(kHeight), c);
        if (n.kind != NodeKind::Instance)
            s += QStringLiteral("<rect width=\"%1\" height=\"%2\" rx=\"6\" fill=\"%3\" fill-opacity=\"0.2\"/>").arg(num(kWidth), num(kHeight), c);
        s += QStringLiteral("<rect width=\"8\" height=\"%1\" rx=\"3\" fill=\"%2\"/>").arg(num(kHeight), c);
        s += glyph(n.health, 22, kHeight / 2);
        s += QStringLiteral("<text x=\"36\" y=\"17\" font-size=\"12.5\"%1 fill=\"#202020\">%2</text>")
                 .arg(n.kind == NodeKind::Instance ? QString() : QStringLiteral(" font-weight=\"bold\""), xmlEscape(elide(n.name, 24)));
        QString badge;
        if (options.overlay) {
            const auto f = options.overlay->nodes.constFind(id);
            if (f != options.overlay->nodes.constEnd() && f->requests > 0)
                badge = QStringLiteral("p99 %1 ms").arg(QString::number(f->p99Ms, 'f', 0));
        }
        s += QStringLiteral("<text x=\"36\" y=\"33\" font-size=\"10.5\" fill=\"#555555\">%1</text>")
                 .arg(xmlEscape(elide(subtitle(n), badge.isEmpty() ? 30 : 17)));
        if (!badge.isEmpty())
            s += QStringLiteral("<rect x=\"%1\" y=\"23\" width=\"74\" height=\"14\" rx=\"7\" fill=\"#0072b2\"/>"
                                "<text x=\"%2\" y=\"34\" font-size=\"9.5\" font-weight=\"bold\" fill=\"#ffffff\" text-anchor=\"middle\">%3</text>")
                     .arg(num(kWidth - 79), num(kWidth - 42), xmlEscape(badge));
        if (!n.problems.isEmpty())
            s += QStringLiteral("<rect x=\"%1\" y=\"5\" width=\"19\" height=\"16\" rx=\"3\" fill=\"#d55e00\"/>"
                                "<text x=\"%2\" y=\"17\" font-size=\"11\" font-weight=\"bold\" fill=\"#ffffff\" text-anchor=\"middle\">!</text>")
                     .arg(num(kWidth - 24), num(kWidth - 14.5));
        s += QStringLiteral("</g>\n");
    }
    s += QStringLiteral("</svg>\n");
    return s.toUtf8();
}

} // namespace mcp::snapshot
