#pragma once

#include "graph.h"

#include <QJsonObject>

namespace mcp::topology {

// The stable JSON of `mcpctl topology --format json`:
// {"hosts":[...],"gateways":[{"name","driver","host","instances":[...]}],
//  "services":[{"name","versions":[...],"instances":[{"id","name","host","version","state",
//  "health","address","port","networks":[...]}]}],"problems":[{"code","severity","subject","message"}]}
QJsonObject topologyToJson(const Graph &graph);

// Graphviz: clusters per host, services -> versions -> instances, gateways -> instances.
QByteArray topologyToDot(const Graph &graph);

} // namespace mcp::topology

namespace mcp::topology {

// One node for a change stream: id, kind, name, host, health with reason, problem codes.
QJsonObject nodeToJson(const Node &node);
// One topology change for `mcpctl watch`: the nodes added and updated (in full), the ids
// removed, the edges added and removed.
QJsonObject deltaToJson(const Graph &graph, const GraphDelta &delta, qint64 timeMs);

} // namespace mcp::topology
