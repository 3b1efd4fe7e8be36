#pragma once

#include "graph.h"

#include "common/result.h"

#include <QJsonObject>

namespace mcp::topology {

// The whole graph as JSON, every field of every node and edge, so that reading it back
// gives a graph equal to the one written (an incident snapshot reopens exactly). Unlike
// topologyToJson (the stable, shorter shape for scripts), this is an exact record:
// {"nodes":[{id,kind,name,host,group,health,healthReason,attributes,problems:[...]}],
//  "edges":[{from,to,kind}]}, nodes and edges sorted by id so the file is reproducible.
QJsonObject graphToJson(const Graph &graph);
Result<Graph> graphFromJson(const QJsonObject &json);

// {code, severity, subject, message, fix}: a problem as every JSON output writes it.
QJsonObject problemToJson(const Problem &problem);
QJsonObject nodeToFullJson(const Node &node);
Result<Node> nodeFromFullJson(const QJsonObject &json);
QJsonObject edgeToJson(const Edge &edge);
Result<Edge> edgeFromJson(const QJsonObject &json);

} // namespace mcp::topology
