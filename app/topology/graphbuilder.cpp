#include "graphbuilder.h"

#include "containerfacts.h"

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

// An instance's own health: container state first, then the HEALTHCHECK.
void judgeInstance(Node &node, const ContainerFacts &f)
{
    if (f.state == QLatin1String("running")) {
        if (f.healthcheck == QLatin1String("unhealthy")) {
            node.health = Health::Down;
            node.healthReason = QStringLiteral("running, HEALTHCHECK failing");
        } else if (f.healthcheck == QLatin1String("starting")) {
            node.health = Health::Degraded;
            node.healthReason = QStringLiteral("running, HEALTHCHECK starting");
        } else {
            node.health = Health::Healthy;
            node.healthReason = f.healthcheck == QLatin1String("healthy") ? QStringLiteral("running, HEALTHCHECK passing")
                                                                          : QStringLiteral("running");
        }
    } else if (f.state == QLatin1String("restarting")) {
        node.health = Health::Down;
        node.healthReason = QStringLiteral("restarting");
    } else if (f.state == QLatin1String("paused")) {
        node.health = Health::Degraded;
        node.healthReason = QStringLiteral("paused");
    } else {
        node.health = Health::Down;
        node.healthReason = f.status.isEmpty() ? f.state : f.status;
    }
}

// The active probe overrides a running instance's verdict when the health path fails from
// the gateway's vantage point: Docker may call it healthy while the traffic cannot reach it.
void applyProbe(Node &node, const QJsonObject &probes)
{
    if (probes.isEmpty())
        return;
    const QJsonObject probe = probes.value(QLatin1String("probe")).toObject();
    node.attributes.insert(QStringLiteral("probe"), probe);
    node.attributes.insert(QStringLiteral("probeHistory"), probes.value(QLatin1String("probeHistory")));
    if (node.attributes.value(QLatin1String("state")).toString() != QLatin1String("running"))
        return;
    const QString outcome = probe.value(QLatin1String("outcome")).toString();
    if (outcome == QLatin1String("ok") || outcome == QLatin1String("no-vantage"))
        return;
    node.health = Health::Down;
    node.healthReason = QStringLiteral("health probe from %1: %2")
                            .arg(probe.value(QLatin1String("vantage")).toString(), probe.value(QLatin1String("detail")).toString());
}

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

QJsonArray networksJson(const ContainerFacts &f)
{
    QJsonArray out;
    for (const auto &n : f.networks)
        out.append(QJsonObject{{QStringLiteral("name"), n.network}, {QStringLiteral("address"), n.ipAddress}});
    return out;
}

QJsonArray publishedJson(const ContainerFacts &f)
{
    QJsonArray out;
    for (const auto &p : f.published)
        out.append(QJsonObject{{QStringLiteral("containerPort"), p.containerPort},
                               {QStringLiteral("hostIp"), p.hostIp},
                               {QStringLiteral("hostPort"), p.hostPort}});
    return out;
}

} // namespace

Graph buildGraph(const QList<HostSnapshot> &hosts)
{
    Graph g;
    QMap<QString, QList<QString>> versionInstances; // version id -> instance ids
    QMap<QString, QSet<QString>> serviceVersions;
    QMap<QString, QMap<int, QStringList>> servicePorts; // service -> port -> instance ids
    QMap<QString, QList<QString>> gatewayInstances;
    QMap<QString, QString> gatewayDrivers;

    for (const HostSnapshot &host : hosts) {
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

        for (const QJsonObject &entry : host.containers) {
            const ContainerFacts f = ContainerFacts::fromListEntry(entry);
            LabelReading labels = readLabels(f.labels, f.exposedPorts);
            if (!labels.isService && !labels.isGateway && labels.problems.isEmpty())
                continue; // not ours to show

            Node inst;
            inst.id = instanceNodeId(host.name, f.id);
            inst.kind = NodeKind::Instance;
            inst.name = f.name;
            inst.host = host.name;
            inst.group = labels.composeProject;
            judgeInstance(inst, f);
            QString address;
            for (const auto &n : f.networks) {
                if (!n.ipAddress.isEmpty()) {
                    address = n.ipAddress;
                    break;
                }
            }
            inst.attributes = QJsonObject{{QStringLiteral("id"), f.id},
                                          {QStringLiteral("image"), f.image},
                                          {QStringLiteral("state"), f.state},
                                          {QStringLiteral("status"), f.status},
                                          {QStringLiteral("healthcheck"), f.healthcheck},
                                          {QStringLiteral("address"), address},
                                          {QStringLiteral("networks"), networksJson(f)},
                                          {QStringLiteral("role"), labels.isGateway ? QStringLiteral("gateway") : QStringLiteral("service")},
                                          {QStringLiteral("networkMode"), f.networkMode},
                                          {QStringLiteral("published"), publishedJson(f)}};
            if (!labels.composeService.isEmpty())
                inst.attributes.insert(QStringLiteral("composeService"), labels.composeService);
            inst.attributes.insert(QStringLiteral("labels"), f.labels); // details panel, label: search
            inst.problems = labels.problems;
            if (labels.isService)
                applyProbe(inst, host.probes.value(f.id));

            for (const auto &n : f.networks) {
                const QString netId = networkNodeId(host.name, n.network);
                if (!g.nodes.contains(netId)) {
                    Node net;
                    net.id = netId;
                    net.kind = NodeKind::Network;
                    net.name = n.network;
                    net.host = host.name;
                    net.health = Health::Healthy;
                    g.addNode(net);
                    g.addEdge(netId, h.id, EdgeKind::OnHost);
                }
                g.addEdge(inst.id, netId, EdgeKind::AttachedTo);
            }

            if (labels.isGateway && !labels.gatewayName.isEmpty()) {
                inst.attributes.insert(QStringLiteral("gateway"), labels.gatewayName);
                inst.attributes.insert(QStringLiteral("driver"), labels.gatewayDriver);
                gatewayInstances[labels.gatewayName] << inst.id;
                if (!labels.gatewayDriver.isEmpty())
                    gatewayDrivers[labels.gatewayName] = labels.gatewayDriver;
            } else if (labels.isService && !labels.serviceName.isEmpty()) {
                inst.attributes.insert(QStringLiteral("service"), labels.serviceName);
                inst.attributes.insert(QStringLiteral("version"), labels.version);
                inst.attributes.insert(QStringLiteral("port"), labels.servicePort);
                inst.attributes.insert(QStringLiteral("healthPath"), labels.healthPath);
                const QString verId = versionNodeId(labels.serviceName, labels.version);
                versionInstances[verId] << inst.id;
                serviceVersions[labels.serviceName].insert(labels.version);
                if (labels.servicePort > 0)
                    servicePorts[labels.serviceName][labels.servicePort] << inst.id;
            }
            g.addNode(inst);
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
            for (const QString &instId : versionInstances.value(ver.id)) {
                instances << &g.nodes[instId];
                g.addEdge(ver.id, instId, EdgeKind::Serves);
            }
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
            QStringList detail;
            for (auto p = ports.constBegin(); p != ports.constEnd(); ++p)
                detail << QStringLiteral("%1 on %2 instance(s)").arg(p.key()).arg(p.value().size());
            svc.problems << Problem{QStringLiteral("service.port-conflict"), Severity::Error, {},
                                    QStringLiteral("instances of %1 disagree on mcp.service.port: %2")
                                        .arg(service, detail.join(QStringLiteral(", "))),
                                    QStringLiteral("give every instance of a service the same port label")};
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
        for (const QString &instId : it.value()) {
            instances << &g.nodes[instId];
            g.addEdge(gw.id, instId, EdgeKind::Serves);
        }
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
    return g;
}

} // namespace mcp::topology
