#include "snapshotcompare.h"

#include "topology/doctor.h"

#include <QJsonArray>
#include <QSet>

#include <algorithm>

namespace mcp::snapshot {

namespace {

QString healthText(const topology::Node &n)
{
    return n.healthReason.isEmpty() ? topology::healthName(n.health) : topology::healthName(n.health) + QStringLiteral(" (") + n.healthReason + u')';
}

QString findingKey(const topology::Problem &p)
{
    return p.code + u'|' + p.subject;
}

QJsonObject figuresJson(const telemetry::Figures &f)
{
    return QJsonObject{{QStringLiteral("requests"), qint64(f.requests)},
                       {QStringLiteral("rps"), f.rps},
                       {QStringLiteral("errorRate"), f.errorRate},
                       {QStringLiteral("p99Ms"), f.p99Ms}};
}

} // namespace

SnapshotDiff compareSnapshots(const Snapshot &before, const Snapshot &after)
{
    SnapshotDiff d;
    QHash<QString, QString> hostsBefore;
    for (const auto &h : before.hosts)
        hostsBefore.insert(h.name, h.state);
    for (const auto &h : after.hosts)
        if (hostsBefore.value(h.name) != h.state)
            d.hosts << SnapshotDiff::HostChange{h.name, hostsBefore.value(h.name), h.state};

    const topology::Graph a = before.graph(), b = after.graph();
    for (const auto &n : b.nodes) {
        const auto old = a.nodes.constFind(n.id);
        if (old == a.nodes.constEnd())
            d.nodes << SnapshotDiff::NodeChange{n.id, topology::nodeKindName(n.kind), n.name, QStringLiteral("added"), QString(), healthText(n)};
        else if (old->health != n.health)
            d.nodes << SnapshotDiff::NodeChange{n.id, topology::nodeKindName(n.kind), n.name, QStringLiteral("health"), healthText(*old), healthText(n)};
    }
    for (const auto &n : a.nodes)
        if (!b.nodes.contains(n.id))
            d.nodes << SnapshotDiff::NodeChange{n.id, topology::nodeKindName(n.kind), n.name, QStringLiteral("removed"), healthText(n), QString()};
    std::sort(d.nodes.begin(), d.nodes.end(), [](const auto &x, const auto &y) { return std::tie(x.kind, x.id) < std::tie(y.kind, y.id); });

    const QList<topology::Problem> fa = topology::allFindings(a), fb = topology::allFindings(b);
    QSet<QString> ka, kb;
    for (const auto &p : fa)
        ka.insert(findingKey(p));
    for (const auto &p : fb)
        kb.insert(findingKey(p));
    for (const auto &p : fb)
        if (!ka.contains(findingKey(p)))
            d.findings << SnapshotDiff::FindingChange{p.code, topology::severityName(p.severity), p.subject, p.message, true};
    for (const auto &p : fa)
        if (!kb.contains(findingKey(p)))
            d.findings << SnapshotDiff::FindingChange{p.code, topology::severityName(p.severity), p.subject, p.message, false};

    QHash<QString, QString> versionsBefore;
    for (const auto &g : before.gateways)
        versionsBefore.insert(g.name, g.configVersion);
    QSet<QString> seen;
    for (const auto &g : after.gateways) {
        seen.insert(g.name);
        if (versionsBefore.value(g.name) != g.configVersion)
            d.gateways << SnapshotDiff::GatewayChange{g.name, versionsBefore.value(g.name), g.configVersion};
    }
    for (const auto &g : before.gateways)
        if (!seen.contains(g.name))
            d.gateways << SnapshotDiff::GatewayChange{g.name, g.configVersion, QString()};

    // Traffic per route version: the last five minutes of each window.
    const telemetry::TelemetryStore sa = before.store(), sb = after.store();
    QList<std::tuple<QString, QString, QString, QString>> keys;
    for (const auto *store : {&sa, &sb})
        for (const auto &k : store->edges())
            if (!keys.contains(std::tuple{k.gateway, k.route, k.service, k.version}))
                keys.append({k.gateway, k.route, k.service, k.version});
    std::sort(keys.begin(), keys.end());
    for (const auto &[gw, route, service, version] : keys) {
        const telemetry::EdgeKey pattern{gw, route, service, version, QString()};
        d.traffic << SnapshotDiff::TrafficChange{gw, route, service, version, sa.figures(pattern, 300, before.toMs), sb.figures(pattern, 300, after.toMs)};
    }
    return d;
}

QJsonObject SnapshotDiff::toJson() const
{
    QJsonArray h, n, f, g, t;
    for (const auto &x : hosts)
        h.append(QJsonObject{{QStringLiteral("host"), x.host}, {QStringLiteral("before"), x.before}, {QStringLiteral("after"), x.after}});
    for (const auto &x : nodes)
        n.append(QJsonObject{{QStringLiteral("id"), x.id},
                             {QStringLiteral("kind"), x.kind},
                             {QStringLiteral("name"), x.name},
                             {QStringLiteral("change"), x.change},
                             {QStringLiteral("before"), x.before},
                             {QStringLiteral("after"), x.after}});
    for (const auto &x : findings)
        f.append(QJsonObject{{QStringLiteral("code"), x.code},
                             {QStringLiteral("severity"), x.severity},
                             {QStringLiteral("subject"), x.subject},
                             {QStringLiteral("message"), x.message},
                             {QStringLiteral("change"), x.appeared ? QStringLiteral("appeared") : QStringLiteral("resolved")}});
    for (const auto &x : gateways)
        g.append(QJsonObject{{QStringLiteral("gateway"), x.gateway}, {QStringLiteral("before"), x.before}, {QStringLiteral("after"), x.after}});
    for (const auto &x : traffic)
        t.append(QJsonObject{{QStringLiteral("gateway"), x.gateway},
                             {QStringLiteral("route"), x.route},
                             {QStringLiteral("service"), x.service},
                             {QStringLiteral("version"), x.version},
                             {QStringLiteral("before"), figuresJson(x.before)},
                             {QStringLiteral("after"), figuresJson(x.after)}});
    return QJsonObject{{QStringLiteral("hosts"), h}, {QStringLiteral("nodes"), n}, {QStringLiteral("findings"), f},
                       {QStringLiteral("gateways"), g}, {QStringLiteral("traffic"), t}};
}

} // namespace mcp::snapshot
