#include "reporthtml.h"

#include "graphsvg.h"

#include <QDateTime>
#include <QJsonDocument>

namespace mcp::snapshot {

namespace {

QString esc(const QString &s)
{
    return xmlEscape(s);
}

QString iso(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"));
}

// The SVG without its XML declaration, to inline in HTML.
QString inlineSvg(const QByteArray &svg)
{
    QString s = QString::fromUtf8(svg);
    if (s.startsWith(QLatin1String("<?xml")))
        s = s.mid(s.indexOf(u'\n') + 1);
    return s;
}

QString severityClass(const QString &severity)
{
    return severity == QLatin1String("error") ? QStringLiteral("sev-error")
           : severity == QLatin1String("warning") ? QStringLiteral("sev-warning")
                                                  : QStringLiteral("sev-info");
}

const char *const kStyle = R"(
body{font-family:"DejaVu Sans",Verdana,sans-serif;margin:0;color:#202020;background:#fff}
header{background:#1d3557;color:#fff;padding:18px 28px}
header h1{margin:0 0 4px;font-size:22px}
header p{margin:0;opacity:.85}
main{padding:8px 28px 40px}
h2{border-bottom:2px solid #e0e0e0;padding-bottom:4px;margin-top:28px;font-size:18px}
table{border-collapse:collapse;width:100%;font-size:13px;margin:6px 0}
th,td{border:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f3f3f3}
.sev-error{color:#fff;background:#d55e00;padding:1px 6px;border-radius:3px}
.sev-warning{color:#202020;background:#e69f00;padding:1px 6px;border-radius:3px}
.sev-info{color:#fff;background:#0072b2;padding:1px 6px;border-radius:3px}
.graph{overflow:auto;max-height:820px;border:1px solid #ddd}
.graph svg{max-width:none}
.charts{display:flex;flex-wrap:wrap;gap:12px}
pre{background:#f7f7f7;border:1px solid #e4e4e4;padding:8px;overflow:auto;max-height:360px;font-size:12px}
.state-connected{color:#009e73;font-weight:bold}.state-unreachable{color:#d55e00;font-weight:bold}
.muted{color:#666}
)";

} // namespace

QByteArray reportHtml(const Snapshot &s, const QByteArray &graphSvg, const QList<SnapshotChart> &charts, const QJsonArray &doctor)
{
    QString h;
    h += QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                        "<meta name=\"viewport\" content=\"width=device-width\">"
                        "<title>Incident snapshot %1</title><style>%2</style></head><body>\n")
             .arg(esc(iso(s.createdMs)), QLatin1String(kStyle));
    QStringList hostNames;
    for (const auto &host : s.hosts)
        hostNames << host.name;
    h += QStringLiteral("<header><h1>Incident snapshot</h1><p>%1 · window %2 to %3 · hosts: %4 · made by %5</p></header><main>\n")
             .arg(esc(iso(s.createdMs)), esc(iso(s.fromMs)), esc(iso(s.toMs)), esc(hostNames.join(QStringLiteral(", "))), esc(s.createdBy));

    // Summary: hosts, then findings (what an on-call reads first).
    h += QStringLiteral("<h2>Hosts</h2><table><tr><th>host</th><th>URL</th><th>state</th><th>transport</th></tr>\n");
    for (const auto &host : s.hosts)
        h += QStringLiteral("<tr><td>%1</td><td>%2</td><td class=\"state-%3\">%3 %4</td><td>%5</td></tr>\n")
                 .arg(esc(host.name), esc(host.url), esc(host.state), esc(host.stateReason), esc(host.transport));
    h += QStringLiteral("</table>\n");

    int errors = 0;
    for (const auto &v : doctor)
        errors += v.toObject().value(QLatin1String("severity")).toString() == QLatin1String("error");
    h += QStringLiteral("<h2>Findings (%1, %2 errors)</h2><table><tr><th>severity</th><th>code</th><th>subject</th><th>what</th><th>fix</th></tr>\n")
             .arg(doctor.size())
             .arg(errors);
    for (const auto &v : doctor) {
        const QJsonObject p = v.toObject();
        const QString sev = p.value(QLatin1String("severity")).toString();
        h += QStringLiteral("<tr><td><span class=\"%1\">%2</span></td><td>%3</td><td>%4</td><td>%5</td><td>%6</td></tr>\n")
                 .arg(severityClass(sev), esc(sev), esc(p.value(QLatin1String("code")).toString()),
                      esc(p.value(QLatin1String("subject")).toString()), esc(p.value(QLatin1String("message")).toString()),
                      esc(p.value(QLatin1String("fix")).toString()));
    }
    h += QStringLiteral("</table>\n");

    h += QStringLiteral("<h2>Topology</h2><div class=\"graph\">%1</div>\n").arg(inlineSvg(graphSvg));
    if (!charts.isEmpty()) {
        h += QStringLiteral("<h2>Traffic</h2><div class=\"charts\">\n");
        for (const auto &c : charts)
            h += QStringLiteral("<div>%1</div>\n").arg(inlineSvg(c.svg));
        h += QStringLiteral("</div>\n");
    }

    h += QStringLiteral("<h2>Gateways</h2>\n");
    if (s.gateways.isEmpty())
        h += QStringLiteral("<p class=\"muted\">No gateway.</p>\n");
    for (const auto &g : s.gateways) {
        h += QStringLiteral("<h3>%1 <span class=\"muted\">(%2 on %3, config %4, replicas %5)</span></h3>\n")
                 .arg(esc(g.name), esc(g.driver), esc(g.host), esc(g.configVersion.left(12)), esc(g.containers.join(QStringLiteral(", "))));
        if (!g.findings.isEmpty()) {
            h += QStringLiteral("<table><tr><th>severity</th><th>code</th><th>where</th><th>what</th></tr>\n");
            for (const auto &v : g.findings) {
                const QJsonObject f = v.toObject();
                const QString sev = f.value(QLatin1String("severity")).toString();
                h += QStringLiteral("<tr><td><span class=\"%1\">%2</span></td><td>%3</td><td>%4:%5</td><td>%6</td></tr>\n")
                         .arg(severityClass(sev), esc(sev), esc(f.value(QLatin1String("code")).toString()))
                         .arg(f.value(QLatin1String("line")).toInt())
                         .arg(f.value(QLatin1String("column")).toInt())
                         .arg(esc(f.value(QLatin1String("message")).toString()));
            }
            h += QStringLiteral("</table>\n");
        }
        if (!g.specText.isEmpty())
            h += QStringLiteral("<details><summary>spec.yaml</summary><pre>%1</pre></details>\n").arg(esc(QString::fromUtf8(g.specText)));
        for (auto it = g.files.constBegin(); it != g.files.constEnd(); ++it)
            h += QStringLiteral("<details><summary>%1</summary><pre>%2</pre></details>\n").arg(esc(it.key()), esc(QString::fromUtf8(it.value())));
    }

    h += QStringLiteral("<h2>Events (%1)</h2><table><tr><th>time</th><th>host</th><th>type</th><th>action</th><th>what</th></tr>\n").arg(s.events.size());
    for (const auto &v : s.events) {
        const QJsonObject e = v.toObject();
        const QJsonObject actor = e.value(QLatin1String("Actor")).toObject();
        const QString name = actor.value(QLatin1String("Attributes")).toObject().value(QLatin1String("name")).toString();
        h += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td></tr>\n")
                 .arg(esc(iso(e.value(QLatin1String("timeNano")).toInteger() / 1000000)), esc(e.value(QLatin1String("host")).toString()),
                      esc(e.value(QLatin1String("Type")).toString()), esc(e.value(QLatin1String("Action")).toString()),
                      esc(name.isEmpty() ? actor.value(QLatin1String("ID")).toString().left(12) : name));
    }
    h += QStringLiteral("</table>\n");

    h += QStringLiteral("<h2>Audit log (%1)</h2><table><tr><th>time</th><th>who</th><th>kind</th><th>gateway</th><th>result</th><th>versions</th></tr>\n").arg(s.audit.size());
    for (const auto &v : s.audit) {
        const QJsonObject a = v.toObject();
        const auto f = [&](const char *k) { return esc(a.value(QLatin1String(k)).toVariant().toString()); };
        const QString result = a.value(QLatin1String("ok")).toBool() ? QStringLiteral("ok")
                                                                      : QStringLiteral("failed %1").arg(f("failedStep"));
        h += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td><td>%6 → %7</td></tr>\n")
                 .arg(f("time"), f("user"), f("kind"), f("gateway"), esc(result), f("from").left(12), f("to").left(12));
    }
    h += QStringLiteral("</table>\n");

    h += QStringLiteral("<h2>Logs</h2>\n");
    for (const auto &l : s.logs)
        h += QStringLiteral("<details><summary>%1 on %2 <span class=\"muted\">(%3)</span></summary><pre>%4</pre></details>\n")
                 .arg(esc(l.container), esc(l.host), esc(l.reason), esc(QString::fromUtf8(l.text)));

    h += QStringLiteral("<h2>Redacted before writing</h2><table><tr><th>file</th><th>what</th><th>count</th></tr>\n");
    for (const auto &v : s.redactions) {
        const QJsonObject r = v.toObject();
        h += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td></tr>\n")
                 .arg(esc(r.value(QLatin1String("file")).toString()), esc(r.value(QLatin1String("what")).toString()))
                 .arg(r.value(QLatin1String("count")).toInt());
    }
    h += QStringLiteral("</table>\n");
    if (!s.notes.isEmpty()) {
        h += QStringLiteral("<h2>Not collected</h2><ul>\n");
        for (const auto &v : s.notes) {
            const QJsonObject n = v.toObject();
            h += QStringLiteral("<li>%1 %2: %3</li>\n")
                     .arg(esc(n.value(QLatin1String("host")).toString()), esc(n.value(QLatin1String("what")).toString()),
                          esc(n.value(QLatin1String("why")).toString()));
        }
        h += QStringLiteral("</ul>\n");
    }
    h += QStringLiteral("</main></body></html>\n");
    return h.toUtf8();
}

} // namespace mcp::snapshot
