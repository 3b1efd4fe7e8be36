#include "graph.h"

#include <algorithm>

namespace mcp::topology {

QString nodeKindName(NodeKind kind)
{
    switch (kind) {
    case NodeKind::Host: return QStringLiteral("host");
    case NodeKind::Network: return QStringLiteral("network");
    case NodeKind::Gateway: return QStringLiteral("gateway");
    case NodeKind::Route: return QStringLiteral("route");
    case NodeKind::Service: return QStringLiteral("service");
    case NodeKind::Version: return QStringLiteral("version");
    case NodeKind::Instance: return QStringLiteral("instance");
    }
    return {};
}

QString healthName(Health health)
{
    switch (health) {
    case Health::Unknown: return QStringLiteral("unknown");
    case Health::Healthy: return QStringLiteral("healthy");
    case Health::Degraded: return QStringLiteral("degraded");
    case Health::Down: return QStringLiteral("down");
    }
    return {};
}

QList<Problem> Graph::problems() const
{
    QList<Problem> out;
    for (const auto &node : nodes) {
        for (Problem p : node.problems) {
            p.subject = node.id;
            out << p;
        }
    }
    std::sort(out.begin(), out.end(), [](const Problem &a, const Problem &b) {
        if (a.severity != b.severity)
            return a.severity > b.severity;
        if (a.subject != b.subject)
            return a.subject < b.subject;
        return a.code < b.code;
    });
    return out;
}

GraphDelta diffGraphs(const Graph &before, const Graph &after)
{
    GraphDelta d;
    for (auto it = after.nodes.constBegin(); it != after.nodes.constEnd(); ++it) {
        const auto old = before.nodes.constFind(it.key());
        if (old == before.nodes.constEnd())
            d.addedNodes << it.key();
        else if (!(*old == *it) || before.findings.value(it.key()) != after.findings.value(it.key()))
            d.updatedNodes << it.key();
    }
    for (auto it = before.nodes.constBegin(); it != before.nodes.constEnd(); ++it) {
        if (!after.nodes.contains(it.key()))
            d.removedNodes << it.key();
    }
    for (auto it = after.edges.constBegin(); it != after.edges.constEnd(); ++it) {
        if (!before.edges.contains(it.key()))
            d.addedEdges << it.key();
    }
    for (auto it = before.edges.constBegin(); it != before.edges.constEnd(); ++it) {
        if (!after.edges.contains(it.key()))
            d.removedEdges << it.key();
    }
    return d;
}

} // namespace mcp::topology
