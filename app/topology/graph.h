#pragma once

#include "labels.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

namespace mcp::topology {

enum class NodeKind { Host, Network, Gateway, Route, Service, Version, Instance };
enum class Health { Unknown, Healthy, Degraded, Down };

QString nodeKindName(NodeKind kind);
QString healthName(Health health);

// One thing on the map. Ids are stable across rebuilds ("svc:users", "inst:local/3f2a...")
// so that views can update items in place instead of rebuilding the scene.
struct Node
{
    QString id;
    NodeKind kind = NodeKind::Instance;
    QString name;
    QString host;  // the Docker host it lives on (empty for cross-host nodes: services, gateways)
    QString group; // Compose project, for grouping (empty: none)
    Health health = Health::Unknown;
    QString healthReason;
    QJsonObject attributes; // kind-specific facts (state, address, port, version, driver, ...)
    QList<Problem> problems;

    bool operator==(const Node &other) const = default;
};

enum class EdgeKind { Contains, Serves, AttachedTo, OnHost };

struct Edge
{
    QString from;
    QString to;
    EdgeKind kind = EdgeKind::Contains;

    QString id() const { return from + QLatin1String("->") + to; }
    bool operator==(const Edge &other) const = default;
};

// A whole topology at one moment: nodes and edges keyed by id.
struct Graph
{
    QHash<QString, Node> nodes;
    QHash<QString, Edge> edges;
    // The doctor's findings (topology::diagnose) by the node they are about, worked out when
    // the graph is built (buildGraph, GraphBuilder), in the language of that moment. Not
    // part of a graph read back from a file: allFindings() works them out again.
    QHash<QString, QList<Problem>> findings;

    // The node as the views show it: its label problems and then the doctor's findings
    // about it, in `problems` (the badge, the details, the tables, the problem: search).
    Node withFindings(const Node &node) const
    {
        const auto it = findings.constFind(node.id);
        if (it == findings.constEnd())
            return node;
        Node shown = node;
        shown.problems += *it;
        return shown;
    }

    void addNode(Node node) { nodes.insert(node.id, std::move(node)); }
    void addEdge(const QString &from, const QString &to, EdgeKind kind)
    {
        Edge e{from, to, kind};
        edges.insert(e.id(), e);
    }
    // Every node's problems with their subject set, sorted by severity then subject.
    QList<Problem> problems() const;
};

// What changed between two graphs (ids only). A node whose doctor findings changed counts
// as updated, even when the node itself did not (a gateway that left its network changes
// the findings of the instances it can no longer reach).
struct GraphDelta
{
    QStringList addedNodes, updatedNodes, removedNodes;
    QStringList addedEdges, removedEdges;
    bool isEmpty() const
    {
        return addedNodes.isEmpty() && updatedNodes.isEmpty() && removedNodes.isEmpty() && addedEdges.isEmpty() &&
               removedEdges.isEmpty();
    }
};

GraphDelta diffGraphs(const Graph &before, const Graph &after);

} // namespace mcp::topology

Q_DECLARE_METATYPE(mcp::topology::GraphDelta)
