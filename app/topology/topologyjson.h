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
