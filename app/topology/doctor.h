#pragma once

#include "graph.h"

namespace mcp::topology {

// The pitfalls an operator of Docker-hosted gateways meets again and again, found from the
// topology alone (no probes): each finding has a stable code, the node it is about, a plain
// explanation and the fix. Findings that need an active probe (a port nobody listens on, a
// health path answering 404) come from the health prober.
//
// Codes: doctor.no-shared-network, doctor.instance-unhealthy, doctor.instance-stopped,
// doctor.service-down, doctor.route-down, doctor.default-bridge-no-dns, doctor.duplicate-ip,
// doctor.host-network-port-collision, doctor.published-all-interfaces,
// doctor.published-unexpected-ip, doctor.event-gap.
QList<Problem> diagnose(const Graph &graph);

// diagnose() in two parts, so that GraphBuilder can keep the first one per container:
// - what an instance's own facts tell (HEALTHCHECK, restart loop, stopped, the probe's
//   findings, default bridge, published on every interface);
QList<Problem> instanceFindings(const Node &instance);
// - what needs the other nodes (no shared network with a gateway, duplicate IP, host
//   network port collision, service or route down, event-stream gap), from each instance's facts
//   read once (doctorFactsOf).
struct DoctorFacts
{
    QString id, name, host, state;
    bool service = false, gateway = false;
    QStringList networks, addresses; // parallel: the address on each network
    bool hostNetwork = false;
    int port = 0; // mcp.service.port
};
DoctorFacts doctorFactsOf(const Node &instance);
QList<Problem> crossFindings(const Graph &graph, const QList<const DoctorFacts *> &instances);

// Label problems plus the doctor's findings, sorted like Graph::problems().
QList<Problem> allFindings(const Graph &graph);

} // namespace mcp::topology
