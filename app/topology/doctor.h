#pragma once

#include "graph.h"

namespace mcp::topology {

// The pitfalls an operator of Docker-hosted gateways meets again and again, found from the
// topology alone (no probes): each finding has a stable code, the node it is about, a plain
// explanation and the fix. Findings that need an active probe (a port nobody listens on, a
// health path answering 404) come from the health prober.
//
// Codes: doctor.no-shared-network, doctor.instance-unhealthy, doctor.instance-stopped,
// doctor.service-down, doctor.default-bridge-no-dns, doctor.duplicate-ip,
// doctor.host-network-port-collision, doctor.published-all-interfaces, doctor.event-gap.
QList<Problem> diagnose(const Graph &graph);

// Label problems plus the doctor's findings, sorted like Graph::problems().
QList<Problem> allFindings(const Graph &graph);

} // namespace mcp::topology
