#pragma once

#include "doctor.h"
#include "graph.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace mcp::topology {

// What one listed container contributes to the graph, worked out from its list entry and
// its probe alone: its instance node, the edges from it to its networks and from its
// version or gateway to it, and the facts the roll-ups group by. It depends on nothing
// else, so GraphBuilder keeps it across rebuilds and makes it again only when the entry or
// the probe changed.
struct InstancePart
{
    QJsonObject entry; // the inputs it was made from (implicitly shared with the inventory)
    QJsonObject probe;

    bool ours = false; // carries our labels (or a broken one); otherwise not shown
    Node node;
    QStringList networks, networkIds;          // the networks it is attached to: names, node ids
    QList<std::pair<QString, Edge>> edges;     // keyed by Edge::id(), made once
    QString gateway, gatewayDriver;            // a gateway's container
    QString service, version, versionId;       // a service's instance
    int port = 0;                              // its mcp.service.port (0: missing or wrong)
    QList<Problem> findings;                   // the doctor's, from this instance alone
    DoctorFacts doctor;                        // what the doctor's graph-wide checks read

    bool isGateway() const { return !gateway.isEmpty(); }
    bool isService() const { return !service.isEmpty(); }
};

InstancePart makeInstancePart(const QString &hostName, const QJsonObject &entry, const QJsonObject &probe);

} // namespace mcp::topology
