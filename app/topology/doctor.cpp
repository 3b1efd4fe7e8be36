#include "doctor.h"

#include "healthreasontext.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QMap>
#include <QSet>

#include <algorithm>

namespace mcp::topology {

namespace {

QSet<QString> networksOf(const Node &n)
{
    QSet<QString> out;
    for (const auto &v : n.attributes.value(QLatin1String("networks")).toArray())
        out.insert(v.toObject().value(QLatin1String("name")).toString());
    return out;
}

Problem finding(const QString &code, Severity severity, const QString &subject, const QString &message, const QString &fix)
{
    return Problem{code, severity, subject, message, fix};
}

bool isRole(const Node &n, const char *role)
{
    return n.kind == NodeKind::Instance && n.attributes.value(QLatin1String("role")).toString() == QLatin1String(role);
}

} // namespace

QList<Problem> instanceFindings(const Node &n)
{
    QList<Problem> out;
    if (!isRole(n, "service"))
        return out;
    const QString state = n.attributes.value(QLatin1String("state")).toString();
    const QSet<QString> nets = networksOf(n);
    if (state == QLatin1String("running") && n.attributes.value(QLatin1String("healthcheck")).toString() == QLatin1String("unhealthy"))
        out << finding(QStringLiteral("doctor.instance-unhealthy"), Severity::Error, n.id,
                       QCoreApplication::translate("mcp::topology::Doctor", "%1 is running but its Docker HEALTHCHECK fails").arg(n.name),
                       QCoreApplication::translate("mcp::topology::Doctor", "read the health log (docker inspect %1) and the container's logs; the gateway should not send it traffic")
                           .arg(n.name));
    else if (state == QLatin1String("restarting"))
        out << finding(QStringLiteral("doctor.restart-loop"), Severity::Error, n.id,
                       QCoreApplication::translate("mcp::topology::Doctor", "%1 keeps restarting (%2): its process exits and the restart policy starts it again")
                           .arg(n.name, n.attributes.value(QLatin1String("status")).toString()),
                       QStringLiteral("read its last logs (docker logs %1) for why the process exits; fix the cause before "
                                      "the gateway sends it traffic")
                           .arg(n.name));
    else if (state != QLatin1String("running") && state != QLatin1String("created"))
        out << finding(QStringLiteral("doctor.instance-stopped"), Severity::Warning, n.id,
                       QCoreApplication::translate("mcp::topology::Doctor", "%1 is %2").arg(n.name, n.attributes.value(QLatin1String("status")).toString()),
                       QCoreApplication::translate("mcp::topology::Doctor", "start it again or remove it, and look at its last logs for why it stopped"));

    // What the active probe found from the gateway's side.
    const QJsonObject probe = n.attributes.value(QLatin1String("probe")).toObject();
    const QString outcome = probe.value(QLatin1String("outcome")).toString();
    const QString path = n.attributes.value(QLatin1String("healthPath")).toString();
    const int port = n.attributes.value(QLatin1String("port")).toInt();
    const QString vantage = probe.value(QLatin1String("vantage")).toString();
    if (state == QLatin1String("running") && outcome == QLatin1String("http-error") &&
        probe.value(QLatin1String("status")).toInt() == 404)
        out << finding(QStringLiteral("doctor.health-path-404"), Severity::Error, n.id,
                       QCoreApplication::translate("mcp::topology::Doctor", "the health path %1 of %2 answers 404 (probed from %3)").arg(path, n.name, vantage),
                       QCoreApplication::translate("mcp::topology::Doctor", "set the label mcp.health.path to the path the service really serves its health on"));
    else if (state == QLatin1String("running") && outcome == QLatin1String("timeout"))
        out << finding(QStringLiteral("doctor.health-timeout"), Severity::Error, n.id,
                       QCoreApplication::translate("mcp::topology::Doctor", "the health path %1 of %2 does not answer in time (%3, probed from %4)")
                           .arg(path, n.name, probe.value(QLatin1String("detail")).toString(), vantage),
                       QCoreApplication::translate("mcp::topology::Doctor", "check that the service is not overloaded or blocked, and that the health check is cheap"));
    else if (state == QLatin1String("running") && outcome == QLatin1String("refused") &&
             probe.value(QLatin1String("listening")).toString() == QLatin1String("loopback"))
        out << finding(QStringLiteral("doctor.listens-on-loopback"), Severity::Error, n.id,
                       QStringLiteral("%1 listens on port %2 only on 127.0.0.1 inside its container: nothing outside the "
                                      "container, no gateway included, can reach it")
                           .arg(n.name)
                           .arg(port),
                       QCoreApplication::translate("mcp::topology::Doctor", "make the service bind 0.0.0.0 (or ::) instead of 127.0.0.1/localhost"));
    else if (state == QLatin1String("running") && outcome == QLatin1String("refused") &&
             probe.value(QLatin1String("listening")).toString() == QLatin1String("other-ports")) {
        QStringList ports;
        for (const auto &p : probe.value(QLatin1String("listeningPorts")).toArray())
            ports << QString::number(p.toInt());
        out << finding(QStringLiteral("doctor.port-mismatch"), Severity::Error, n.id,
                       ports.isEmpty()
                           ? QCoreApplication::translate("mcp::topology::Doctor", "the label mcp.service.port of %1 says %2, but nothing listens in the container")
                                 .arg(n.name)
                                 .arg(port)
                           : QCoreApplication::translate("mcp::topology::Doctor", "the label mcp.service.port of %1 says %2, but the process listens on %3")
                                 .arg(n.name)
                                 .arg(port)
                                 .arg(ports.join(QStringLiteral(", "))),
                       ports.isEmpty() ? QCoreApplication::translate("mcp::topology::Doctor", "check that the service started; read its logs")
                                       : QCoreApplication::translate("mcp::topology::Doctor", "set mcp.service.port to %1").arg(ports.first()));
    } else if (state == QLatin1String("running") && outcome == QLatin1String("refused"))
        out << finding(QStringLiteral("doctor.port-not-listening"), Severity::Error, n.id,
                       QStringLiteral("nothing accepts connections on %1:%2 of %3 (probed from %4): the label "
                                      "mcp.service.port does not match the port the process listens on, or it listens "
                                      "only on 127.0.0.1 inside the container")
                           .arg(n.attributes.value(QLatin1String("address")).toString())
                           .arg(port)
                           .arg(n.name, vantage),
                       QStringLiteral("make mcp.service.port the port the service listens on, and have it bind 0.0.0.0, "
                                      "not 127.0.0.1"));

    if (nets.contains(QStringLiteral("bridge")))
        out << finding(QStringLiteral("doctor.default-bridge-no-dns"), Severity::Warning, n.id,
                       QStringLiteral("%1 is on Docker's default bridge, which has no DNS: gateways can reach it only by IP, "
                                      "and the IP changes on every restart")
                           .arg(n.name),
                       QCoreApplication::translate("mcp::topology::Doctor", "attach the service and its gateways to a user-defined network (docker network create)"));

    // Published ports belong on the address the service expects (mcp.publish.ip, by default
    // 127.0.0.1: the gateway fronts the service); every interface is the worst case.
    QString expected = n.attributes.value(QLatin1String("publishIp")).toString();
    if (expected.isEmpty())
        expected = QString::fromLatin1(kDefaultPublishIp);
    for (const auto &v : n.attributes.value(QLatin1String("published")).toArray()) {
        const QJsonObject p = v.toObject();
        const QString ip = p.value(QLatin1String("hostIp")).toString();
        if (ip.isEmpty() || ip == expected)
            continue;
        const int containerPort = p.value(QLatin1String("containerPort")).toInt();
        const int hostPort = p.value(QLatin1String("hostPort")).toInt();
        if (ip == QLatin1String("0.0.0.0") || ip == QLatin1String("::"))
            out << finding(QStringLiteral("doctor.published-all-interfaces"), Severity::Warning, n.id,
                           QCoreApplication::translate("mcp::topology::Doctor", "%1 publishes port %2 on every interface of the host (%3:%4), bypassing the gateway")
                               .arg(n.name)
                               .arg(containerPort)
                               .arg(ip)
                               .arg(hostPort),
                           QCoreApplication::translate("mcp::topology::Doctor", "publish on 127.0.0.1 only (-p 127.0.0.1:PORT:PORT) or not at all; let the gateway front it"));
        else
            out << finding(QStringLiteral("doctor.published-unexpected-ip"), Severity::Warning, n.id,
                           QCoreApplication::translate("mcp::topology::Doctor", "%1 publishes port %2 on %3:%4, not on %5 where its published ports are expected")
                               .arg(n.name)
                               .arg(containerPort)
                               .arg(ip)
                               .arg(hostPort)
                               .arg(expected),
                           QCoreApplication::translate("mcp::topology::Doctor", "publish it on %1 (-p %1:PORT:PORT), or set the label mcp.publish.ip to the address it is meant to use")
                               .arg(expected));
    }
    return out;
}

DoctorFacts doctorFactsOf(const Node &n)
{
    DoctorFacts f;
    f.id = n.id;
    f.name = n.name;
    f.host = n.host;
    f.state = n.attributes.value(QLatin1String("state")).toString();
    const QString role = n.attributes.value(QLatin1String("role")).toString();
    f.service = role == QLatin1String("service");
    f.gateway = role == QLatin1String("gateway");
    for (const auto &v : n.attributes.value(QLatin1String("networks")).toArray()) {
        const QJsonObject net = v.toObject();
        f.networks << net.value(QLatin1String("name")).toString();
        f.addresses << net.value(QLatin1String("address")).toString();
    }
    f.hostNetwork = n.attributes.value(QLatin1String("networkMode")).toString() == QLatin1String("host");
    f.port = n.attributes.value(QLatin1String("port")).toInt();
    return f;
}

QList<Problem> crossFindings(const Graph &g, const QList<const DoctorFacts *> &instances)
{
    QList<Problem> out;
    QHash<QString, QList<const DoctorFacts *>> gatewaysByHost; // running gateways
    QHash<QString, QSet<QString>> gatewayNetworks;             // by gateway instance id
    for (const DoctorFacts *f : instances) {
        if (f->gateway && f->state == QLatin1String("running")) {
            gatewaysByHost[f->host] << f;
            gatewayNetworks.insert(f->id, QSet<QString>(f->networks.cbegin(), f->networks.cend()));
        }
    }
    QHash<QString, QStringList> addressUse;  // host/network/ip -> instance ids
    QHash<QString, QStringList> hostPortUse; // host/port -> instances on the host network
    addressUse.reserve(instances.size());
    for (const DoctorFacts *f : instances) {
        for (qsizetype i = 0; i < f->networks.size(); ++i) {
            if (!f->addresses[i].isEmpty())
                addressUse[f->host + QLatin1Char('/') + f->networks[i] + QLatin1Char('/') + f->addresses[i]] << f->id;
        }
        if (!f->service)
            continue;
        if (f->hostNetwork && f->port > 0)
            hostPortUse[f->host + QLatin1Char('/') + QString::number(f->port)] << f->id;
        const auto gateways = gatewaysByHost.value(f->host);
        if (!gateways.isEmpty() && f->state == QLatin1String("running") && !f->networks.contains(QStringLiteral("host"))) {
            bool shared = false;
            for (const DoctorFacts *gw : gateways) {
                const QSet<QString> &gwNets = *gatewayNetworks.constFind(gw->id);
                shared = shared || gwNets.contains(QStringLiteral("host")) ||
                         std::any_of(f->networks.cbegin(), f->networks.cend(), [&](const QString &net) { return gwNets.contains(net); });
            }
            if (!shared) {
                QStringList gwNames;
                for (const DoctorFacts *gw : gateways)
                    gwNames << gw->name;
                gwNames.sort(); // whatever order the instances came in
                out << finding(QStringLiteral("doctor.no-shared-network"), Severity::Error, f->id,
                               QCoreApplication::translate("mcp::topology::Doctor", "%1 shares no Docker network with any gateway on %2 (%3): no gateway can reach it")
                                   .arg(f->name, f->host, gwNames.join(QStringLiteral(", "))),
                               QCoreApplication::translate("mcp::topology::Doctor", "docker network connect <gateway network> %1").arg(f->name));
            }
        }
    }

    for (const auto &n : g.nodes) {
        if (n.kind == NodeKind::Host && n.attributes.value(QLatin1String("resyncs")).toInt() > 1)
            out << finding(QStringLiteral("doctor.event-gap"), Severity::Info, n.id,
                           QCoreApplication::translate("mcp::topology::Doctor", "the event stream of %1 was interrupted; the state was re-listed and reconciled").arg(n.name),
                           QCoreApplication::translate("mcp::topology::Doctor", "nothing to do; frequent gaps point at an unstable connection to the host"));
    }
    for (const auto &n : g.nodes) {
        if (n.kind == NodeKind::Route && n.health == Health::Down)
            out << finding(QStringLiteral("doctor.route-down"), Severity::Error, n.id,
                           QCoreApplication::translate("mcp::topology::Doctor", "route %1 of gateway %2 has no healthy instance behind it: %3")
                               .arg(n.name, n.attributes.value(QLatin1String("gateway")).toString(), healthReasonText(n.healthReason)),
                           QCoreApplication::translate("mcp::topology::Doctor", "start or fix an instance of a backend it weights, or push a spec that sends its traffic to one that is healthy"));
        if (n.kind == NodeKind::Service && n.health == Health::Down)
            out << finding(QStringLiteral("doctor.service-down"), Severity::Error, n.id,
                           QCoreApplication::translate("mcp::topology::Doctor", "service %1 has no healthy instance: %2").arg(n.name, healthReasonText(n.healthReason)),
                           QCoreApplication::translate("mcp::topology::Doctor", "start or fix an instance; routes to it will answer 502/503 until then"));
    }
    // Shared uses in the order of their keys and with their ids sorted, so that the findings
    // (and the node each is about: the first id) do not depend on the order nodes come in.
    const auto shared = [](const QHash<QString, QStringList> &use) {
        QMap<QString, QStringList> out;
        for (auto it = use.constBegin(); it != use.constEnd(); ++it) {
            if (it->size() > 1) {
                QStringList ids = *it;
                ids.sort();
                out.insert(it.key(), ids);
            }
        }
        return out;
    };
    const QMap<QString, QStringList> sharedAddresses = shared(addressUse), sharedHostPorts = shared(hostPortUse);
    for (auto it = sharedAddresses.constBegin(); it != sharedAddresses.constEnd(); ++it) {
        if (it.value().size() > 1)
            out << finding(QStringLiteral("doctor.duplicate-ip"), Severity::Error, it.value().first(),
                           QCoreApplication::translate("mcp::topology::Doctor", "%1 containers share the address %2: %3")
                               .arg(it.value().size())
                               .arg(it.key().section(QLatin1Char('/'), 1))
                               .arg(it.value().join(QStringLiteral(", "))),
                           QCoreApplication::translate("mcp::topology::Doctor", "remove fixed --ip settings that collide, or recreate the network"));
    }
    for (auto it = sharedHostPorts.constBegin(); it != sharedHostPorts.constEnd(); ++it) {
        if (it.value().size() > 1)
            out << finding(QStringLiteral("doctor.host-network-port-collision"), Severity::Error, it.value().first(),
                           QCoreApplication::translate("mcp::topology::Doctor", "%1 containers on the host network of %2 claim port %3: only one can bind it (%4)")
                               .arg(it.value().size())
                               .arg(it.key().section(QLatin1Char('/'), 0, 0), it.key().section(QLatin1Char('/'), 1))
                               .arg(it.value().join(QStringLiteral(", "))),
                           QCoreApplication::translate("mcp::topology::Doctor", "give each a different port, or use bridge networking"));
    }
    return out;
}

QList<Problem> diagnose(const Graph &g)
{
    QList<Problem> out;
    QList<DoctorFacts> facts;
    for (const auto &n : g.nodes) {
        if (n.kind != NodeKind::Instance)
            continue;
        out << instanceFindings(n);
        facts << doctorFactsOf(n);
    }
    QList<const DoctorFacts *> instances;
    for (const DoctorFacts &f : facts)
        instances << &f;
    return out + crossFindings(g, instances);
}

QList<Problem> allFindings(const Graph &graph)
{
    QList<Problem> out = graph.problems() + diagnose(graph);
    std::stable_sort(out.begin(), out.end(), [](const Problem &a, const Problem &b) {
        if (a.severity != b.severity)
            return a.severity > b.severity;
        return a.subject < b.subject;
    });
    return out;
}

} // namespace mcp::topology
