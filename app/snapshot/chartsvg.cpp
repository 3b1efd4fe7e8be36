#include "chartsvg.h"

#include "graphsvg.h"

#include <QDateTime>
#include <QSet>

#include <algorithm>

namespace mcp::snapshot {

namespace {

// Okabe-Ito, in the order lines are given.
const char *const kColors[] = {"#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#000000"};

QString num(double v)
{
    return QString::number(v, 'f', 1);
}

} // namespace

QByteArray chartToSvg(const QString &title, const QString &unit, const QList<ChartLine> &lines, qint64 fromMs, qint64 toMs)
{
    constexpr double W = 640, H = 260, left = 56, right = 150, top = 34, bottom = 34;
    const double plotW = W - left - right, plotH = H - top - bottom;
    double maxY = 0;
    for (const auto &l : lines)
        for (const auto &[t, v] : l.points)
            maxY = std::max(maxY, v);
    maxY = maxY <= 0 ? 1 : maxY * 1.1;
    const double span = double(std::max<qint64>(1, toMs - fromMs));
    const auto x = [&](qint64 t) { return left + plotW * double(t - fromMs) / span; };
    const auto y = [&](double v) { return top + plotH * (1 - v / maxY); };

    QString s;
    s += QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %1 %2\" "
                        "width=\"%1\" height=\"%2\" font-family=\"DejaVu Sans, Verdana, sans-serif\">\n")
             .arg(num(W), num(H));
    s += QStringLiteral("<rect width=\"%1\" height=\"%2\" fill=\"#ffffff\"/>\n").arg(num(W), num(H));
    s += QStringLiteral("<text x=\"%1\" y=\"20\" font-size=\"13\" font-weight=\"bold\" fill=\"#202020\">%2</text>\n")
             .arg(num(left), xmlEscape(title));
    // Grid and y labels at 0, 1/2, 1 of the range.
    for (int i = 0; i <= 4; ++i) {
        const double v = maxY * i / 4;
        s += QStringLiteral("<line x1=\"%1\" x2=\"%2\" y1=\"%3\" y2=\"%3\" stroke=\"#e4e4e4\"/>"
                            "<text x=\"%4\" y=\"%5\" font-size=\"10\" fill=\"#555555\" text-anchor=\"end\">%6</text>\n")
                 .arg(num(left), num(left + plotW), num(y(v)), num(left - 6), num(y(v) + 3.5),
                      xmlEscape(QString::number(v, 'g', 3)));
    }
    s += QStringLiteral("<text x=\"12\" y=\"%1\" font-size=\"10\" fill=\"#555555\" transform=\"rotate(-90 12 %1)\" text-anchor=\"middle\">%2</text>\n")
             .arg(num(top + plotH / 2), xmlEscape(unit));
    for (int i = 0; i <= 3; ++i) {
        const qint64 t = fromMs + qint64(span * i / 3);
        s += QStringLiteral("<text x=\"%1\" y=\"%2\" font-size=\"10\" fill=\"#555555\" text-anchor=\"middle\">%3</text>\n")
                 .arg(num(x(t)), num(H - 12), QDateTime::fromMSecsSinceEpoch(t).toUTC().toString(QStringLiteral("HH:mm:ss")));
    }
    s += QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" fill=\"none\" stroke=\"#bbbbbb\"/>\n")
             .arg(num(left), num(top), num(plotW), num(plotH));
    for (int i = 0; i < lines.size(); ++i) {
        const QString color = QLatin1String(kColors[i % std::size(kColors)]);
        QStringList pts;
        for (const auto &[t, v] : lines[i].points)
            pts << num(x(t)) + u',' + num(y(v));
        if (!pts.isEmpty())
            s += QStringLiteral("<polyline fill=\"none\" stroke=\"%1\" stroke-width=\"2\" points=\"%2\"/>\n").arg(color, pts.join(u' '));
        s += QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"12\" height=\"4\" fill=\"%3\"/>"
                            "<text x=\"%4\" y=\"%5\" font-size=\"11\" fill=\"#202020\">%6</text>\n")
                 .arg(num(left + plotW + 12), num(top + 6 + i * 18), color, num(left + plotW + 30), num(top + 11 + i * 18),
                      xmlEscape(lines[i].name));
    }
    if (lines.isEmpty())
        s += QStringLiteral("<text x=\"%1\" y=\"%2\" font-size=\"12\" fill=\"#888888\" text-anchor=\"middle\">no traffic in this window</text>\n")
                 .arg(num(left + plotW / 2), num(top + plotH / 2));
    s += QStringLiteral("</svg>\n");
    return s.toUtf8();
}

QList<ChartLine> routeLines(const telemetry::TelemetryStore &store, const QString &gateway, const QString &route,
                            ChartMetric metric, qint64 fromMs, qint64 toMs)
{
    const int seconds = int(std::max<qint64>(10, (toMs - fromMs) / 1000));
    QList<ChartLine> out;
    for (const auto &[service, version] : store.versionsOf(gateway, route)) {
        ChartLine line{version.isEmpty() ? service : version, {}};
        for (const auto &[t, f] : store.series(telemetry::EdgeKey{gateway, route, service, version, QString()}, seconds, toMs)) {
            const double v = metric == ChartMetric::Rate ? f.rps : metric == ChartMetric::ErrorRate ? f.errorRate * 100 : f.p99Ms;
            line.points.append({t, v});
        }
        out << line;
    }
    return out;
}

} // namespace mcp::snapshot
