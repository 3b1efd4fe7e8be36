#include "snapshotfile.h"

#include "chartsvg.h"
#include "graphsvg.h"
#include "redactor.h"
#include "reporthtml.h"

#include "telemetry/trafficoverlay.h"
#include "topology/doctor.h"
#include "topology/graphjson.h"
#include "topology/topologyjson.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSet>

namespace mcp::snapshot {

namespace {

constexpr const char *kFormat = "mcpsnap";

QByteArray pretty(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}
QByteArray pretty(const QJsonArray &a)
{
    return QJsonDocument(a).toJson(QJsonDocument::Indented);
}
QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QString iso(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toUTC().toString(Qt::ISODateWithMs);
}

// A file name part from a free name (gateway, route, container): no slashes or dots to climb.
QString safe(const QString &name)
{
    QString s;
    for (const QChar c : name)
        s += c.isLetterOrNumber() || c == u'-' || c == u'_' ? c : u'_';
    return s.isEmpty() ? QStringLiteral("_") : s;
}

bool isText(const QString &path)
{
    return !path.endsWith(QLatin1String(".png"));
}

QJsonArray problemsJson(const QList<topology::Problem> &problems)
{
    QJsonArray out;
    for (const auto &p : problems)
        out.append(topology::problemToJson(p));
    return out;
}

Error malformed(const QString &file, const QString &what)
{
    return Error::make(ErrorKind::Config, QStringLiteral("snapshot.malformed"), Message(QT_TRANSLATE_NOOP("mcp::Errors", "%1: %2"), {file, what}));
}

} // namespace

QList<SnapshotChart> snapshotCharts(const Snapshot &snapshot, const telemetry::TelemetryStore &store)
{
    QList<SnapshotChart> out;
    const struct
    {
        ChartMetric metric;
        const char *suffix, *label, *unit;
    } metrics[] = {{ChartMetric::Rate, "rps", "requests/s", "requests/s"},
                   {ChartMetric::ErrorRate, "errors", "5xx rate", "% of requests"},
                   {ChartMetric::P99, "p99", "p99 latency", "ms"}};
    for (const auto &[gw, route] : store.routes()) {
        for (const auto &m : metrics) {
            const QString title = QStringLiteral("%1 · route %2 · %3").arg(gw, route, QLatin1String(m.label));
            const auto lines = routeLines(store, gw, route, m.metric, snapshot.fromMs, snapshot.toMs);
            out << SnapshotChart{QStringLiteral("charts/%1--%2-%3").arg(safe(gw), safe(route), QLatin1String(m.suffix)), title,
                                 chartToSvg(title, QLatin1String(m.unit), lines, snapshot.fromMs, snapshot.toMs)};
        }
    }
    return out;
}

QList<ZipEntry> snapshotEntries(const Snapshot &s, const WriteOptions &options)
{
    QList<ZipEntry> entries;
    QJsonArray contents;
    const auto add = [&](const QString &path, const QByteArray &data, const QString &what) {
        entries << ZipEntry{path, data};
        contents.append(QJsonObject{{QStringLiteral("path"), path}, {QStringLiteral("what"), what}});
    };
    const topology::Graph graph = s.graph();
    const QJsonArray doctor = problemsJson(topology::allFindings(graph));

    add(QStringLiteral("topology/graph.json"), compact(topology::graphToJson(graph)), QStringLiteral("the topology at capture, every node and edge (exact)"));
    add(QStringLiteral("topology/timeline.json"), compact(s.timeline.toJson()), QStringLiteral("the topology over the window: start graph and every change"));
    add(QStringLiteral("topology/topology.json"), pretty(topology::topologyToJson(graph)), QStringLiteral("the topology as mcpctl topology --format json prints it"));
    add(QStringLiteral("telemetry/edges.json"), QJsonDocument(s.telemetry).toJson(QJsonDocument::Compact),
        QStringLiteral("per edge gateway/route/service/version/instance: 10-second slots with counters and latency histograms"));
    add(QStringLiteral("events.json"), pretty(s.events), QStringLiteral("the engines' events in the window"));
    add(QStringLiteral("findings/doctor.json"), pretty(doctor), QStringLiteral("label problems and doctor findings"));
    QJsonArray validation;
    for (const auto &g : s.gateways)
        validation.append(QJsonObject{{QStringLiteral("gateway"), g.name}, {QStringLiteral("host"), g.host}, {QStringLiteral("findings"), g.findings}});
    add(QStringLiteral("findings/validation.json"), pretty(validation), QStringLiteral("each gateway's spec checked against the topology"));
    add(QStringLiteral("audit.json"), pretty(s.audit), QStringLiteral("audit log entries of the window"));
    for (const auto &g : s.gateways) {
        const QString dir = QStringLiteral("gateways/%1").arg(safe(g.name));
        if (!g.specText.isEmpty())
            add(dir + QStringLiteral("/spec.yaml"), g.specText, QStringLiteral("the spec gateway %1 runs").arg(g.name));
        for (auto it = g.files.constBegin(); it != g.files.constEnd(); ++it) {
            QString path = it.key();
            path.replace(QLatin1String(".."), QLatin1String("__"));
            add(dir + QStringLiteral("/rendered") + (path.startsWith(u'/') ? path : u'/' + path), it.value(),
                QStringLiteral("a rendered file gateway %1 runs").arg(g.name));
        }
    }
    for (const auto &l : s.logs)
        add(QStringLiteral("logs/%1/%2.log").arg(safe(l.host), safe(l.container)), l.text,
            QStringLiteral("last log lines of %1 (%2)").arg(l.container, l.reason));
    for (auto it = s.containers.constBegin(); it != s.containers.constEnd(); ++it)
        add(QStringLiteral("containers/%1/%2.json").arg(safe(it.key().section(u'/', 0, 0)), safe(it.key().section(u'/', 1))), pretty(it.value()),
            QStringLiteral("inspect of %1 (secret-looking environment values redacted)").arg(it.key()));

    // Pictures: the graph with the traffic overlay of the last minute, and the charts.
    const telemetry::TelemetryStore store = s.store();
    const telemetry::TrafficOverlay overlay = telemetry::trafficOverlay(graph, store, 60, s.toMs);
    GraphSvgOptions svgOptions;
    svgOptions.groupBy = options.groupBy;
    svgOptions.overlay = &overlay;
    svgOptions.title = QStringLiteral("Topology at %1").arg(iso(s.toMs));
    const QByteArray graphSvg = graphToSvg(graph, svgOptions);
    add(QStringLiteral("graph.svg"), graphSvg, QStringLiteral("the graph (health, traffic of the last minute)"));
    const QList<SnapshotChart> charts = snapshotCharts(s, store);
    for (const auto &c : charts)
        add(c.name + QStringLiteral(".svg"), c.svg, c.title);
    QJsonArray notes = s.notes;
    if (options.rasterize) {
        const QByteArray png = options.rasterize(graphSvg, 4096);
        if (!png.isEmpty())
            add(QStringLiteral("graph.png"), png, QStringLiteral("the graph as a picture"));
        for (const auto &c : charts)
            if (const QByteArray p = options.rasterize(c.svg, 1280); !p.isEmpty())
                add(c.name + QStringLiteral(".png"), p, c.title);
    } else {
        notes.append(QJsonObject{{QStringLiteral("what"), QStringLiteral("png")}, {QStringLiteral("why"), QStringLiteral("written without a rasterizer")}});
    }
    add(QStringLiteral("index.html"), reportHtml(s, graphSvg, charts, doctor), QStringLiteral("the report: open in any browser, no network needed"));

    // The last sweep: whatever slipped past the collector is redacted here.
    Redactor sweep;
    for (ZipEntry &e : entries)
        if (isText(e.path))
            e.data = sweep.text(e.path, e.data);
    QJsonArray redactions = s.redactions;
    for (const auto &r : sweep.recordsJson())
        redactions.append(r);

    QJsonArray hosts, gateways;
    for (const auto &h : s.hosts)
        hosts.append(QJsonObject{{QStringLiteral("name"), h.name},
                                 {QStringLiteral("url"), h.url},
                                 {QStringLiteral("state"), h.state},
                                 {QStringLiteral("stateReason"), h.stateReason},
                                 {QStringLiteral("transport"), h.transport}});
    for (const auto &g : s.gateways)
        gateways.append(QJsonObject{{QStringLiteral("name"), g.name},
                                    {QStringLiteral("host"), g.host},
                                    {QStringLiteral("driver"), g.driver},
                                    {QStringLiteral("containers"), QJsonArray::fromStringList(g.containers)},
                                    {QStringLiteral("configVersion"), g.configVersion}});
    QJsonArray logs;
    for (const auto &l : s.logs)
        logs.append(QJsonObject{{QStringLiteral("host"), l.host},
                                {QStringLiteral("container"), l.container},
                                {QStringLiteral("reason"), l.reason},
                                {QStringLiteral("path"), QStringLiteral("logs/%1/%2.log").arg(safe(l.host), safe(l.container))}});
    int instances = 0;
    for (const auto &n : graph.nodes)
        instances += n.kind == topology::NodeKind::Instance;
    const QJsonObject manifest{
        {QStringLiteral("format"), QLatin1String(kFormat)},
        {QStringLiteral("version"), Snapshot::kFormatVersion},
        {QStringLiteral("createdAt"), iso(s.createdMs)},
        {QStringLiteral("createdMs"), s.createdMs},
        {QStringLiteral("createdBy"), s.createdBy},
        {QStringLiteral("window"), QJsonObject{{QStringLiteral("fromMs"), s.fromMs},
                                               {QStringLiteral("toMs"), s.toMs},
                                               {QStringLiteral("from"), iso(s.fromMs)},
                                               {QStringLiteral("to"), iso(s.toMs)}}},
        {QStringLiteral("hosts"), hosts},
        {QStringLiteral("gateways"), gateways},
        {QStringLiteral("logs"), logs},
        {QStringLiteral("counts"), QJsonObject{{QStringLiteral("nodes"), int(graph.nodes.size())},
                                               {QStringLiteral("instances"), instances},
                                               {QStringLiteral("topologyChanges"), int(s.timeline.frames.size())},
                                               {QStringLiteral("events"), int(s.events.size())},
                                               {QStringLiteral("findings"), int(doctor.size())},
                                               {QStringLiteral("auditEntries"), int(s.audit.size())},
                                               {QStringLiteral("logs"), int(s.logs.size())},
                                               {QStringLiteral("telemetryEdges"), int(s.telemetry.size())}}},
        {QStringLiteral("contents"), contents},
        {QStringLiteral("redactions"), redactions},
        {QStringLiteral("notes"), notes}};
    entries.prepend(ZipEntry{QStringLiteral("manifest.json"), pretty(manifest)});
    return entries;
}

Status writeSnapshot(const QString &file, const Snapshot &snapshot, const WriteOptions &options)
{
    return writeZip(file, snapshotEntries(snapshot, options));
}

Result<Snapshot> snapshotFromEntries(const QMap<QString, QByteArray> &entries, const QString &file)
{
    const auto json = [&](const QString &path) -> QJsonDocument { return QJsonDocument::fromJson(entries.value(path)); };
    if (!entries.contains(QStringLiteral("manifest.json")))
        return malformed(file, QStringLiteral("no manifest.json: not an incident snapshot"));
    const QJsonObject m = json(QStringLiteral("manifest.json")).object();
    if (m.value(QLatin1String("format")).toString() != QLatin1String(kFormat))
        return malformed(file, QStringLiteral("manifest.json does not say format \"mcpsnap\""));
    const int version = m.value(QLatin1String("version")).toInt();
    if (version < 1 || version > Snapshot::kFormatVersion)
        return Error::make(ErrorKind::Config, QStringLiteral("snapshot.version"),
                           Message(QT_TRANSLATE_NOOP("mcp::Errors", "%1: snapshot format version %2; this build reads up to version %3"), {file, version, Snapshot::kFormatVersion}));
    Snapshot s;
    s.createdBy = m.value(QLatin1String("createdBy")).toString();
    s.createdMs = qint64(m.value(QLatin1String("createdMs")).toDouble());
    const QJsonObject window = m.value(QLatin1String("window")).toObject();
    s.fromMs = qint64(window.value(QLatin1String("fromMs")).toDouble());
    s.toMs = qint64(window.value(QLatin1String("toMs")).toDouble());
    for (const auto &v : m.value(QLatin1String("hosts")).toArray()) {
        const QJsonObject h = v.toObject();
        const auto f = [&](const char *k) { return h.value(QLatin1String(k)).toString(); };
        s.hosts << SnapshotHost{f("name"), f("url"), f("state"), f("stateReason"), f("transport")};
    }
    auto timeline = TopologyTimeline::fromJson(json(QStringLiteral("topology/timeline.json")).object());
    if (!timeline)
        return malformed(file, timeline.error().detail);
    s.timeline = std::move(*timeline);
    s.telemetry = json(QStringLiteral("telemetry/edges.json")).array();
    s.events = json(QStringLiteral("events.json")).array();
    s.audit = json(QStringLiteral("audit.json")).array();
    s.redactions = m.value(QLatin1String("redactions")).toArray();
    s.notes = m.value(QLatin1String("notes")).toArray();
    QHash<QString, QJsonArray> findings;
    for (const auto &v : json(QStringLiteral("findings/validation.json")).array())
        findings.insert(v.toObject().value(QLatin1String("gateway")).toString(), v.toObject().value(QLatin1String("findings")).toArray());
    for (const auto &v : m.value(QLatin1String("gateways")).toArray()) {
        const QJsonObject o = v.toObject();
        SnapshotGateway g;
        g.name = o.value(QLatin1String("name")).toString();
        g.host = o.value(QLatin1String("host")).toString();
        g.driver = o.value(QLatin1String("driver")).toString();
        g.configVersion = o.value(QLatin1String("configVersion")).toString();
        for (const auto &c : o.value(QLatin1String("containers")).toArray())
            g.containers << c.toString();
        const QString dir = QStringLiteral("gateways/%1/").arg(safe(g.name));
        g.specText = entries.value(dir + QStringLiteral("spec.yaml"));
        const QString rendered = dir + QStringLiteral("rendered");
        for (auto it = entries.constBegin(); it != entries.constEnd(); ++it)
            if (it.key().startsWith(rendered + u'/'))
                g.files.insert(it.key().mid(rendered.size()), it.value());
        g.findings = findings.value(g.name);
        s.gateways << g;
    }
    for (const auto &v : m.value(QLatin1String("logs")).toArray()) {
        const QJsonObject o = v.toObject();
        const auto f = [&](const char *k) { return o.value(QLatin1String(k)).toString(); };
        s.logs << SnapshotLog{f("host"), f("container"), f("reason"), entries.value(f("path"))};
    }
    for (auto it = entries.constBegin(); it != entries.constEnd(); ++it) {
        const QStringList parts = it.key().split(u'/');
        if (parts.size() == 3 && parts[0] == QLatin1String("containers") && parts[2].endsWith(QLatin1String(".json")))
            s.containers.insert(parts[1] + u'/' + parts[2].chopped(5), QJsonDocument::fromJson(it.value()).object());
    }
    return s;
}

Result<Snapshot> readSnapshot(const QString &file)
{
    auto entries = readZip(file);
    if (!entries)
        return entries.error();
    return snapshotFromEntries(*entries, file);
}

} // namespace mcp::snapshot
