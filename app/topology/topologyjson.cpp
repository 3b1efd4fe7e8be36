#include "topologyjson.h"

#include "graphjson.h"

#include "doctor.h"

#include <QJsonArray>

#include <algorithm>

namespace mcp::topology {

namespace {

QList<const Node *> sortedNodes(const Graph &g, NodeKind kind)
{
    QList<const Node *> out;
    for (const auto &n : g.nodes) {
        if (n.kind == kind)
            out << &n;
    }
    std::sort(out.begin(), out.end(), [](const Node *a, const Node *b) { return a->id < b->id; });
    return out;
}

QStringList targets(const Graph &g, const QString &from)
{
    QStringList out;
    for (const auto &e : g.edges) {
        if (e.from == from)
            out << e.to;
    }
    out.sort();
    return out;
}

QJsonObject instanceJson(const Node &n)
{
    const QJsonObject a = n.attributes;
    QJsonArray networks;
    for (const auto &v : a.value(QLatin1String("networks")).toArray())
        networks.append(v.toObject().value(QLatin1String("name")).toString());
    QJsonObject o{{QStringLiteral("id"), a.value(QLatin1String("id")).toString()},
                  {QStringLiteral("name"), n.name},
                  {QStringLiteral("host"), n.host},
                  {QStringLiteral("state"), a.value(QLatin1String("state")).toString()},
                  {QStringLiteral("health"), healthName(n.health)},
                  {QStringLiteral("healthReason"), n.healthReason},
                  {QStringLiteral("address"), a.value(QLatin1String("address")).toString()},
                  {QStringLiteral("networks"), networks}};
    if (a.contains(QLatin1String("version")))
        o.insert(QStringLiteral("version"), a.value(QLatin1String("version")));
    if (a.contains(QLatin1String("port")))
        o.insert(QStringLiteral("port"), a.value(QLatin1String("port")));
    if (!n.group.isEmpty())
        o.insert(QStringLiteral("composeProject"), n.group);
    return o;
}

} // namespace

QJsonObject topologyToJson(const Graph &g)
{
    QJsonArray hosts;
    for (const Node *h : sortedNodes(g, NodeKind::Host)) {
        hosts.append(QJsonObject{{QStringLiteral("name"), h->name},
                                 {QStringLiteral("url"), h->attributes.value(QLatin1String("url"))},
                                 {QStringLiteral("state"), h->attributes.value(QLatin1String("state"))},
                                 {QStringLiteral("transport"), h->attributes.value(QLatin1String("transport"))},
                                 {QStringLiteral("reason"), h->health == Health::Healthy ? QString() : h->healthReason}});
    }
    QJsonArray gateways;
    for (const Node *gw : sortedNodes(g, NodeKind::Gateway)) {
        QJsonArray instances;
        QJsonArray routes;
        QStringList hostNames;
        for (const QString &id : targets(g, gw->id)) {
            const Node &inst = g.nodes[id];
            if (inst.kind == NodeKind::Route) {
                // The routes the gateway runs (from the spec a push left in it).
                routes.append(QJsonObject{{QStringLiteral("name"), inst.name},
                                          {QStringLiteral("hosts"), inst.attributes.value(QLatin1String("hosts"))},
                                          {QStringLiteral("pathPrefix"), inst.attributes.value(QLatin1String("pathPrefix"))},
                                          {QStringLiteral("health"), healthName(inst.health)},
                                          {QStringLiteral("backends"), inst.attributes.value(QLatin1String("backends"))}});
                continue;
            }
            if (inst.kind != NodeKind::Instance)
                continue;
            instances.append(instanceJson(inst));
            if (!hostNames.contains(inst.host))
                hostNames << inst.host;
        }
        gateways.append(QJsonObject{{QStringLiteral("name"), gw->name},
                                    {QStringLiteral("driver"), gw->attributes.value(QLatin1String("driver"))},
                                    {QStringLiteral("host"), hostNames.join(QLatin1Char(','))},
                                    {QStringLiteral("health"), healthName(gw->health)},
                                    {QStringLiteral("configVersion"), gw->attributes.value(QLatin1String("configVersion"))},
                                    {QStringLiteral("instances"), instances},
                                    {QStringLiteral("routes"), routes}});
    }
    QJsonArray services;
    for (const Node *svc : sortedNodes(g, NodeKind::Service)) {
        QJsonArray versions;
        QJsonArray instances;
        for (const QString &verId : targets(g, svc->id)) {
            const Node &ver = g.nodes[verId];
            versions.append(ver.name);
            for (const QString &instId : targets(g, verId))
                instances.append(instanceJson(g.nodes[instId]));
        }
        services.append(QJsonObject{{QStringLiteral("name"), svc->name},
                                    {QStringLiteral("health"), healthName(svc->health)},
                                    {QStringLiteral("healthReason"), svc->healthReason},
                                    {QStringLiteral("versions"), versions},
                                    {QStringLiteral("instances"), instances}});
    }
    QJsonArray problems;
    for (const Problem &p : allFindings(g))
        problems.append(problemToJson(p));
    return QJsonObject{{QStringLiteral("hosts"), hosts},
                       {QStringLiteral("gateways"), gateways},
                       {QStringLiteral("services"), services},
                       {QStringLiteral("problems"), problems}};
}

QByteArray topologyToDot(const Graph &g)
{
    // An explicit QByteArray: with QT_USE_QSTRINGBUILDER an auto return would dangle.
    const auto escape = [](const QString &s) -> QByteArray {
        return s.toUtf8().replace('\\', "\\\\").replace('"', "\\\"");
    };
    const auto quote = [&](const QString &s) -> QByteArray { return QByteArray("\"") + escape(s) + '"'; };
    QByteArray out = "digraph topology {\n  rankdir=LR;\n  node [shape=box, fontname=\"DejaVu Sans\"];\n";
    for (const auto &n : g.nodes) {
        if (n.kind == NodeKind::Host || n.kind == NodeKind::Network)
            continue;
        // Name and health on two lines: the \n is dot's line break, so it is added after the
        // escaping (escaped, it would print as a backslash and an n).
        out += "  " + quote(n.id) + " [label=\"" + escape(n.name) + "\\n" + escape(healthName(n.health)) +
               "\"];\n";
    }
    for (const auto &e : g.edges) {
        if (e.kind == EdgeKind::OnHost || e.kind == EdgeKind::AttachedTo)
            continue;
        out += "  " + quote(e.from) + " -> " + quote(e.to) + ";\n";
    }
    out += "}\n";
    return out;
}

} // namespace mcp::topology

namespace mcp::topology {

QJsonObject nodeToJson(const Node &n)
{
    QJsonArray problems;
    for (const auto &p : n.problems)
        problems.append(p.code);
    return QJsonObject{{QStringLiteral("id"), n.id},
                       {QStringLiteral("kind"), nodeKindName(n.kind)},
                       {QStringLiteral("name"), n.name},
                       {QStringLiteral("host"), n.host},
                       {QStringLiteral("health"), healthName(n.health)},
                       {QStringLiteral("healthReason"), n.healthReason},
                       {QStringLiteral("problems"), problems}};
}

QJsonObject deltaToJson(const Graph &graph, const GraphDelta &delta, qint64 timeMs)
{
    const auto nodes = [&](const QStringList &ids) {
        QJsonArray out;
        for (const auto &id : ids)
            out.append(nodeToJson(graph.nodes.value(id)));
        return out;
    };
    return QJsonObject{{QStringLiteral("timeMs"), timeMs},
                       {QStringLiteral("added"), nodes(delta.addedNodes)},
                       {QStringLiteral("updated"), nodes(delta.updatedNodes)},
                       {QStringLiteral("removed"), QJsonArray::fromStringList(delta.removedNodes)},
                       {QStringLiteral("edgesAdded"), QJsonArray::fromStringList(delta.addedEdges)},
                       {QStringLiteral("edgesRemoved"), QJsonArray::fromStringList(delta.removedEdges)}};
}

} // namespace mcp::topology
