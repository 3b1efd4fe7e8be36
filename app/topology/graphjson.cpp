#include "graphjson.h"

#include <QJsonArray>

#include <algorithm>
#include <optional>

namespace mcp::topology {

namespace {

constexpr NodeKind kKinds[] = {NodeKind::Host,    NodeKind::Network, NodeKind::Gateway, NodeKind::Route,
                               NodeKind::Service, NodeKind::Version, NodeKind::Instance};
constexpr Health kHealths[] = {Health::Unknown, Health::Healthy, Health::Degraded, Health::Down};
constexpr EdgeKind kEdgeKinds[] = {EdgeKind::Contains, EdgeKind::Serves, EdgeKind::AttachedTo, EdgeKind::OnHost};
constexpr Severity kSeverities[] = {Severity::Info, Severity::Warning, Severity::Error};

QString edgeKindName(EdgeKind kind)
{
    switch (kind) {
    case EdgeKind::Contains: return QStringLiteral("contains");
    case EdgeKind::Serves: return QStringLiteral("serves");
    case EdgeKind::AttachedTo: return QStringLiteral("attached-to");
    case EdgeKind::OnHost: return QStringLiteral("on-host");
    }
    return {};
}

template <typename E, size_t N, typename NameFn>
std::optional<E> parseName(const E (&values)[N], NameFn name, const QString &text)
{
    for (E v : values)
        if (name(v) == text)
            return v;
    return std::nullopt;
}

Error malformed(const QString &what)
{
    return Error::make(ErrorKind::Config, QStringLiteral("snapshot.malformed"), Message(QT_TRANSLATE_NOOP("mcp::Errors", "graph: %1"), {what}));
}

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

} // namespace

QJsonObject problemToJson(const Problem &p)
{
    return QJsonObject{{QStringLiteral("code"), p.code},
                       {QStringLiteral("severity"), severityName(p.severity)},
                       {QStringLiteral("subject"), p.subject},
                       {QStringLiteral("message"), p.message},
                       {QStringLiteral("fix"), p.fix}};
}

QJsonObject nodeToFullJson(const Node &node)
{
    QJsonArray problems;
    for (const Problem &p : node.problems)
        problems.append(problemToJson(p));
    return QJsonObject{{QStringLiteral("id"), node.id},
                       {QStringLiteral("kind"), nodeKindName(node.kind)},
                       {QStringLiteral("name"), node.name},
                       {QStringLiteral("host"), node.host},
                       {QStringLiteral("group"), node.group},
                       {QStringLiteral("health"), healthName(node.health)},
                       {QStringLiteral("healthReason"), node.healthReason},
                       {QStringLiteral("attributes"), node.attributes},
                       {QStringLiteral("problems"), problems}};
}

Result<Node> nodeFromFullJson(const QJsonObject &o)
{
    Node n;
    n.id = str(o, "id");
    if (n.id.isEmpty())
        return malformed(QStringLiteral("a node has no id"));
    const auto kind = parseName(kKinds, nodeKindName, str(o, "kind"));
    const auto health = parseName(kHealths, healthName, str(o, "health"));
    if (!kind || !health)
        return malformed(QStringLiteral("node %1 has an unknown kind or health").arg(n.id));
    n.kind = *kind;
    n.health = *health;
    n.name = str(o, "name");
    n.host = str(o, "host");
    n.group = str(o, "group");
    n.healthReason = str(o, "healthReason");
    n.attributes = o.value(QLatin1String("attributes")).toObject();
    for (const auto &v : o.value(QLatin1String("problems")).toArray()) {
        const QJsonObject p = v.toObject();
        const auto severity = parseName(kSeverities, severityName, str(p, "severity"));
        if (!severity)
            return malformed(QStringLiteral("node %1 has a problem of unknown severity").arg(n.id));
        n.problems << Problem{str(p, "code"), *severity, str(p, "subject"), str(p, "message"), str(p, "fix")};
    }
    return n;
}

QJsonObject edgeToJson(const Edge &edge)
{
    return QJsonObject{{QStringLiteral("from"), edge.from},
                       {QStringLiteral("to"), edge.to},
                       {QStringLiteral("kind"), edgeKindName(edge.kind)}};
}

Result<Edge> edgeFromJson(const QJsonObject &o)
{
    const auto kind = parseName(kEdgeKinds, edgeKindName, str(o, "kind"));
    Edge e{str(o, "from"), str(o, "to"), kind.value_or(EdgeKind::Contains)};
    if (!kind || e.from.isEmpty() || e.to.isEmpty())
        return malformed(QStringLiteral("an edge is incomplete"));
    return e;
}

QJsonObject graphToJson(const Graph &graph)
{
    QStringList nodeIds = graph.nodes.keys();
    std::sort(nodeIds.begin(), nodeIds.end());
    QStringList edgeIds = graph.edges.keys();
    std::sort(edgeIds.begin(), edgeIds.end());
    QJsonArray nodes, edges;
    for (const QString &id : nodeIds)
        nodes.append(nodeToFullJson(graph.nodes.value(id)));
    for (const QString &id : edgeIds)
        edges.append(edgeToJson(graph.edges.value(id)));
    return QJsonObject{{QStringLiteral("nodes"), nodes}, {QStringLiteral("edges"), edges}};
}

Result<Graph> graphFromJson(const QJsonObject &json)
{
    if (!json.value(QLatin1String("nodes")).isArray() || !json.value(QLatin1String("edges")).isArray())
        return malformed(QStringLiteral("no nodes or edges array"));
    Graph g;
    for (const auto &v : json.value(QLatin1String("nodes")).toArray()) {
        auto node = nodeFromFullJson(v.toObject());
        if (!node)
            return node.error();
        g.addNode(std::move(*node));
    }
    for (const auto &v : json.value(QLatin1String("edges")).toArray()) {
        auto edge = edgeFromJson(v.toObject());
        if (!edge)
            return edge.error();
        g.edges.insert(edge->id(), *edge);
    }
    return g;
}

} // namespace mcp::topology
