#include "instancepart.h"

#include "containerfacts.h"
#include "graphbuilder.h"
#include "labels.h"

#include <QJsonArray>

namespace mcp::topology {

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

void addEdge(InstancePart &part, const QString &from, const QString &to, EdgeKind kind)
{
    Edge e{from, to, kind};
    part.edges.append({e.id(), e});
}

} // namespace

InstancePart makeInstancePart(const QString &hostName, const QJsonObject &entry, const QJsonObject &probe)
{
    InstancePart part;
    part.entry = entry;
    part.probe = probe;
    const ContainerFacts f = ContainerFacts::fromListEntry(entry);
    LabelReading labels = readLabels(f.labels, f.exposedPorts);
    if (!labels.isService && !labels.isGateway && labels.problems.isEmpty())
        return part; // not ours to show
    part.ours = true;

    Node &inst = part.node;
    inst.id = instanceNodeId(hostName, f.id);
    inst.kind = NodeKind::Instance;
    inst.name = f.name;
    inst.host = hostName;
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
    if (f.restartCount >= 0)
        inst.attributes.insert(QStringLiteral("restartCount"), f.restartCount);
    inst.attributes.insert(QStringLiteral("labels"), f.labels); // details panel, label: search
    inst.problems = labels.problems;
    if (labels.isService)
        applyProbe(inst, probe);

    for (const auto &n : f.networks) {
        part.networks << n.network;
        part.networkIds << networkNodeId(hostName, n.network);
        addEdge(part, inst.id, part.networkIds.last(), EdgeKind::AttachedTo);
    }

    if (labels.isGateway && !labels.gatewayName.isEmpty()) {
        inst.attributes.insert(QStringLiteral("gateway"), labels.gatewayName);
        inst.attributes.insert(QStringLiteral("driver"), labels.gatewayDriver);
        part.gateway = labels.gatewayName;
        part.gatewayDriver = labels.gatewayDriver;
        addEdge(part, gatewayNodeId(part.gateway), inst.id, EdgeKind::Serves);
    } else if (labels.isService && !labels.serviceName.isEmpty()) {
        inst.attributes.insert(QStringLiteral("service"), labels.serviceName);
        inst.attributes.insert(QStringLiteral("version"), labels.version);
        inst.attributes.insert(QStringLiteral("port"), labels.servicePort);
        inst.attributes.insert(QStringLiteral("healthPath"), labels.healthPath);
        inst.attributes.insert(QStringLiteral("publishIp"), labels.publishIp);
        part.service = labels.serviceName;
        part.version = labels.version;
        part.port = labels.servicePort;
        part.versionId = versionNodeId(part.service, part.version);
        addEdge(part, part.versionId, inst.id, EdgeKind::Serves);
    }
    part.findings = instanceFindings(inst);
    part.doctor = doctorFactsOf(inst);
    return part;
}

} // namespace mcp::topology
