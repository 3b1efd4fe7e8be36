#include "graphbuilder.h"

#include "doctor.h"
#include "instancepart.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QMap>

namespace mcp::topology {

QString hostNodeId(const QString &host) { return QStringLiteral("host:") + host; }
QString networkNodeId(const QString &host, const QString &network) { return QStringLiteral("net:%1/%2").arg(host, network); }
QString gatewayNodeId(const QString &gateway) { return QStringLiteral("gw:") + gateway; }
QString serviceNodeId(const QString &service) { return QStringLiteral("svc:") + service; }
QString versionNodeId(const QString &service, const QString &version) { return QStringLiteral("ver:%1/%2").arg(service, version); }
QString routeNodeId(const QString &gateway, const QString &route)
{
    return QStringLiteral("route:") + gateway + QLatin1Char('/') + route;
}

QString instanceNodeId(const QString &host, const QString &containerId)
{
    return QStringLiteral("inst:%1/%2").arg(host, containerId.left(12));
}

namespace {

// A parent's health from its children's: all healthy, some, none, or nothing to judge.
void rollUp(Node &parent, const QList<const Node *> &children, const QString &what)
{
    if (children.isEmpty()) {
        parent.health = Health::Unknown;
        parent.healthReason = QStringLiteral("no %1").arg(what);
        return;
    }
    int healthy = 0;
    for (const Node *c : children)
        healthy += c->health == Health::Healthy ? 1 : 0;
    parent.attributes.insert(QStringLiteral("instances"), int(children.size()));
    parent.attributes.insert(QStringLiteral("healthyInstances"), healthy);
    if (healthy == children.size()) {
        parent.health = Health::Healthy;
        parent.healthReason = QStringLiteral("%1 of %1 %2 healthy").arg(healthy).arg(what);
    } else if (healthy > 0) {
        parent.health = Health::Degraded;
        parent.healthReason = QStringLiteral("%1 of %2 %3 healthy").arg(healthy).arg(children.size()).arg(what);
    } else {
        parent.health = Health::Down;
        parent.healthReason = QStringLiteral("no healthy %1 (%2 down)").arg(what).arg(children.size());
    }
}

// "8080 on 2 instance(s), 9090 on 1 instance(s)": the ports in use but `except`.
QString portUse(const QMap<int, QStringList> &ports, int except)
{
    QStringList out;
    for (auto p = ports.constBegin(); p != ports.constEnd(); ++p) {
        if (p.key() != except)
            out << QCoreApplication::translate("mcp::topology::Labels", "%1 on %2 instance(s)").arg(p.key()).arg(p.value().size());
    }
    return out.join(QStringLiteral(", "));
}

// A service's port conflict told on the instances whose label is the likely mistake, next
// to the service's own problem: when one port is on more instances than any other, every
// instance with another port (an error, with that port as the fix); when two or more ports
// tie for the most, every instance (a warning: nothing tells which label is right). It is
// a fact across instances, so it is added here, over all parts, and never kept in a part:
// an instance whose own entry did not change still gains or loses it when another one
// changes, and the diff sees that node updated.
void addInstancePortConflicts(Graph &g, const QString &service, const QMap<int, QStringList> &ports)
{
    qsizetype most = 0;
    int common = 0; // the port on the most instances; 0 when several tie for it
    for (auto p = ports.constBegin(); p != ports.constEnd(); ++p) {
        if (p.value().size() > most) {
            most = p.value().size();
            common = p.key();
        } else if (p.value().size() == most) {
            common = 0;
        }
    }
    for (auto p = ports.constBegin(); p != ports.constEnd(); ++p) {
        if (p.key() == common)
            continue;
        const QString others = portUse(ports, p.key());
        for (const QString &instId : p.value()) {
            const auto inst = g.nodes.find(instId);
            if (inst == g.nodes.end())
                continue;
            inst->problems << Problem{
                QStringLiteral("service.port-conflict"), common ? Severity::Error : Severity::Warning, {},
                QCoreApplication::translate("mcp::topology::Labels", "%1 has mcp.service.port=%2, but other instances of %3 have %4")
                    .arg(inst->name)
                    .arg(p.key())
                    .arg(service, others),
                common ? QCoreApplication::translate("mcp::topology::Labels",
                                                     "set mcp.service.port=%1 as most instances of %2 have it, if the service listens on %1")
                             .arg(common)
                             .arg(service)
                       : QCoreApplication::translate("mcp::topology::Labels",
                                                     "no port is on most instances of %1: find the port the service listens on and give every instance of it that mcp.service.port")
                             .arg(service)};
        }
    }
}

// The whole graph from the hosts and each host's instance parts (one per listed container,
// in the same order as `hosts`).
Graph assemble(const QList<HostSnapshot> &hosts, const QList<const QHash<QString, InstancePart> *> &parts)
{
    Graph g;
    qsizetype instances = 0;
    for (const auto *hostParts : parts)
        instances += hostParts->size();
    g.nodes.reserve(instances + 64);
    g.edges.reserve(instances * 2 + 64);
    QMap<QString, QList<QString>> versionInstances; // version id -> instance ids
    QMap<QString, QSet<QString>> serviceVersions;
    QMap<QString, QMap<int, QStringList>> servicePorts; // service -> port -> instance ids
    QMap<QString, QList<QString>> gatewayInstances;
    QMap<QString, QString> gatewayDrivers;

    for (qsizetype i = 0; i < hosts.size(); ++i) {
        const HostSnapshot &host = hosts[i];
        Node h;
        h.id = hostNodeId(host.name);
        h.kind = NodeKind::Host;
        h.name = host.name;
        h.host = host.name;
        h.attributes = QJsonObject{{QStringLiteral("url"), host.url},
                                   {QStringLiteral("state"), host.state},
                                   {QStringLiteral("transport"), host.transport},
                                   {QStringLiteral("resyncs"), host.resyncs}};
        if (host.state == QLatin1String("connected")) {
            h.health = Health::Healthy;
            h.healthReason = QStringLiteral("connected");
        } else if (host.state == QLatin1String("degraded")) {
            h.health = Health::Degraded;
            h.healthReason = host.stateReason;
        } else if (host.state == QLatin1String("unreachable")) {
            h.health = Health::Down;
            h.healthReason = host.stateReason;
        } else {
            h.healthReason = host.state;
        }
        g.addNode(h);

        for (const InstancePart &part : *parts[i]) {
            if (!part.ours)
                continue;
            for (qsizetype n = 0; n < part.networks.size(); ++n) {
                const QString &netId = part.networkIds[n];
                if (!g.nodes.contains(netId)) {
                    Node net;
                    net.id = netId;
                    net.kind = NodeKind::Network;
                    net.name = part.networks[n];
                    net.host = host.name;
                    net.health = Health::Healthy;
                    g.addNode(net);
                    g.addEdge(netId, h.id, EdgeKind::OnHost);
                }
            }
            for (const auto &[id, edge] : part.edges)
                g.edges.insert(id, edge);
            const QString &instId = part.node.id;
            if (part.isGateway()) {
                gatewayInstances[part.gateway] << instId;
                if (!part.gatewayDriver.isEmpty())
                    gatewayDrivers[part.gateway] = part.gatewayDriver;
            } else if (part.isService()) {
                versionInstances[part.versionId] << instId;
                serviceVersions[part.service].insert(part.version);
                if (part.port > 0)
                    servicePorts[part.service][part.port] << instId;
            }
            g.nodes.insert(instId, part.node);
        }
    }

    // Services and versions, with their roll-ups.
    for (auto it = serviceVersions.constBegin(); it != serviceVersions.constEnd(); ++it) {
        const QString &service = it.key();
        Node svc;
        svc.id = serviceNodeId(service);
        svc.kind = NodeKind::Service;
        svc.name = service;
        QList<const Node *> versionNodes;
        QList<Node> versions;
        QStringList versionNames(it.value().begin(), it.value().end());
        versionNames.sort();
        for (const QString &version : versionNames) {
            Node ver;
            ver.id = versionNodeId(service, version);
            ver.kind = NodeKind::Version;
            ver.name = version;
            ver.attributes = QJsonObject{{QStringLiteral("service"), service}};
            QList<const Node *> instances;
            for (const QString &instId : versionInstances.value(ver.id))
                instances << &g.nodes[instId];
            rollUp(ver, instances, QStringLiteral("instances"));
            versions << ver;
            g.addEdge(svc.id, ver.id, EdgeKind::Contains);
        }
        for (const Node &v : versions)
            g.addNode(v);
        for (const QString &version : versionNames)
            versionNodes << &g.nodes[versionNodeId(service, version)];
        // Health over instances, not versions: one bad version of two is "degraded".
        QList<const Node *> allInstances;
        for (const QString &version : versionNames) {
            for (const QString &instId : versionInstances.value(versionNodeId(service, version)))
                allInstances << &g.nodes[instId];
        }
        svc.attributes = QJsonObject{{QStringLiteral("versions"), QJsonArray::fromStringList(versionNames)}};
        rollUp(svc, allInstances, QStringLiteral("instances"));
        const auto ports = servicePorts.value(service);
        if (ports.size() > 1) {
            svc.problems << Problem{QStringLiteral("service.port-conflict"), Severity::Error, {},
                                    QCoreApplication::translate("mcp::topology::Labels", "instances of %1 disagree on mcp.service.port: %2")
                                        .arg(service, portUse(ports, 0)),
                                    QCoreApplication::translate("mcp::topology::Labels", "give every instance of a service the same port label")};
            addInstancePortConflicts(g, service, ports);
        }
        g.addNode(svc);
    }

    // Gateways.
    for (auto it = gatewayInstances.constBegin(); it != gatewayInstances.constEnd(); ++it) {
        Node gw;
        gw.id = gatewayNodeId(it.key());
        gw.kind = NodeKind::Gateway;
        gw.name = it.key();
        gw.attributes = QJsonObject{{QStringLiteral("driver"), gatewayDrivers.value(it.key())}};
        QList<const Node *> instances;
        for (const QString &instId : it.value())
            instances << &g.nodes[instId];
        rollUp(gw, instances, QStringLiteral("gateway containers"));
        g.addNode(gw);
    }

    // Routes, from the specs the gateways run: gateway -> route -> version (or service).
    QSet<QString> seenGateways;
    for (const HostSnapshot &host : hosts) {
        for (auto it = host.routes.constBegin(); it != host.routes.constEnd(); ++it) {
            const QString gwId = gatewayNodeId(it.key());
            if (!g.nodes.contains(gwId) || seenGateways.contains(it.key()))
                continue;
            seenGateways.insert(it.key());
            g.nodes[gwId].attributes.insert(QStringLiteral("configVersion"), it->value(QLatin1String("version")));
            for (const auto &rv : it->value(QLatin1String("routes")).toArray()) {
                const QJsonObject r = rv.toObject();
                Node route;
                route.id = routeNodeId(it.key(), r.value(QLatin1String("name")).toString());
                route.kind = NodeKind::Route;
                route.name = r.value(QLatin1String("name")).toString();
                route.attributes = r;
                route.attributes.insert(QStringLiteral("gateway"), it.key());
                QList<const Node *> targets;
                for (const auto &bv : r.value(QLatin1String("backends")).toArray()) {
                    const QJsonObject b = bv.toObject();
                    const QString service = b.value(QLatin1String("service")).toString();
                    const QString version = b.value(QLatin1String("version")).toString();
                    const QString target = version.isEmpty() ? serviceNodeId(service) : versionNodeId(service, version);
                    if (!g.nodes.contains(target)) {
                        route.problems << Problem{QStringLiteral("route.backend-missing"), Severity::Error, {},
                                                  QStringLiteral("route %1 sends %2% to %3%4, which has no instance")
                                                      .arg(route.name)
                                                      .arg(b.value(QLatin1String("weight")).toInt())
                                                      .arg(service, version.isEmpty() ? QString() : QLatin1Char(' ') + version),
                                                  QStringLiteral("start it, or push a spec without it")};
                        continue;
                    }
                    g.addEdge(route.id, target, EdgeKind::Serves);
                    if (b.value(QLatin1String("weight")).toInt() > 0)
                        targets << &g.nodes[target];
                }
                rollUp(route, targets, QStringLiteral("weighted backends"));
                g.addEdge(gwId, route.id, EdgeKind::Contains);
                g.addNode(route);
            }
        }
    }
    // The doctor's findings, by the node they are about: each instance's own (kept with its
    // part) and those that need the whole graph.
    QList<const DoctorFacts *> facts;
    facts.reserve(instances);
    for (const auto *hostParts : parts) {
        for (const InstancePart &part : *hostParts) {
            if (!part.ours)
                continue;
            facts << &part.doctor;
            if (!part.findings.isEmpty())
                g.findings[part.node.id] += part.findings;
        }
    }
    for (Problem &p : crossFindings(g, facts))
        g.findings[p.subject] << std::move(p);
    return g;
}

} // namespace

Graph buildGraph(const QList<HostSnapshot> &hosts)
{
    GraphBuilder builder;
    return builder.build(hosts);
}

GraphBuilder::GraphBuilder() = default;
GraphBuilder::~GraphBuilder() = default;
GraphBuilder::GraphBuilder(GraphBuilder &&) noexcept = default;
GraphBuilder &GraphBuilder::operator=(GraphBuilder &&) noexcept = default;

Graph GraphBuilder::build(const QList<HostSnapshot> &hosts)
{
    QHash<QString, QHash<QString, InstancePart>> next;
    QList<const QHash<QString, InstancePart> *> parts;
    m_made = m_kept = 0;
    for (const HostSnapshot &host : hosts) {
        QHash<QString, InstancePart> &hostParts = next[host.name]; // host names are unique
        QHash<QString, InstancePart> before = m_parts.take(host.name);
        hostParts.reserve(host.containers.size());
        for (auto it = host.containers.constBegin(); it != host.containers.constEnd(); ++it) {
            const QJsonObject probe = host.probes.value(it.key());
            auto old = before.find(it.key());
            // Unchanged entries share their data with the last build's (QJsonObject compares
            // shared data in O(1)); a re-listed but equal entry compares field by field.
            if (old != before.end() && old->entry == *it && old->probe == probe) {
                hostParts.emplace(it.key(), std::move(*old));
                ++m_kept;
            } else {
                hostParts.emplace(it.key(), makeInstancePart(host.name, *it, probe));
                ++m_made;
            }
        }
    }
    m_parts = std::move(next);
    for (const HostSnapshot &host : hosts) // after the last insert: no rehash moves them
        parts << &*m_parts.constFind(host.name);
    return assemble(hosts, parts);
}

} // namespace mcp::topology
