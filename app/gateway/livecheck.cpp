#include "livecheck.h"

#include "specvalidator.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSet>

namespace mcp::gateway {

namespace {
QSet<QString> networksOf(const topology::Node &n)
{
    QSet<QString> out;
    for (const auto &v : n.attributes.value(QLatin1String("networks")).toArray())
        out.insert(n.host + QLatin1Char('/') + v.toObject().value(QLatin1String("name")).toString());
    return out;
}
} // namespace

Findings liveFindings(const GatewaySpec &spec, const topology::Graph &graph)
{
    Findings out;
    const auto add = [&](const QString &code, Finding::Severity severity, const SourcePos &pos, const QString &message,
                         const QString &hint) { out << Finding{code, severity, spec.file, pos, message, hint}; };

    QList<const topology::Node *> gateways, instances;
    for (const auto &n : graph.nodes) {
        if (n.kind != topology::NodeKind::Instance)
            continue;
        if (n.attributes.value(QLatin1String("gateway")).toString() == spec.name.value)
            gateways << &n;
        else if (n.attributes.value(QLatin1String("role")).toString() == QLatin1String("service"))
            instances << &n;
    }
    QSet<QString> gatewayNets;
    QSet<int> published;
    bool publishesAny = false;
    for (const auto *g : std::as_const(gateways)) {
        gatewayNets += networksOf(*g);
        for (const auto &p : g->attributes.value(QLatin1String("published")).toArray()) {
            if (p.toObject().value(QLatin1String("hostPort")).toInt() > 0) {
                publishesAny = true;
                published.insert(p.toObject().value(QLatin1String("containerPort")).toInt());
            }
        }
    }
    if (gateways.isEmpty())
        add(QStringLiteral("live.gateway-missing"), Finding::Severity::Error, spec.name.pos,
            QCoreApplication::translate("mcp::gateway::Validation", "no container on the host carries mcp.gateway=%1").arg(spec.name.value),
            QCoreApplication::translate("mcp::gateway::Validation", "start the gateway with the labels mcp.gateway=%1 and mcp.gateway.driver=%2")
                .arg(spec.name.value, spec.driver.value));
    if (!gateways.isEmpty() && publishesAny) {
        for (const Listener &l : spec.listeners) {
            if (l.port.present && !published.contains(l.port.value))
                add(QStringLiteral("live.port-not-published"), Finding::Severity::Warning, l.port.pos,
                    QStringLiteral("the gateway container does not publish port %1 (listener `%2`): clients outside Docker "
                                   "cannot reach it")
                        .arg(l.port.value)
                        .arg(l.name.value),
                    QCoreApplication::translate("mcp::gateway::Validation", "publish it (docker run -p HOSTPORT:%1) or use a port the container publishes").arg(l.port.value));
        }
    }

    for (const Route &r : spec.routes) {
        for (const Backend &b : r.backends) {
            QList<const topology::Node *> ofService, ofVersion;
            for (const auto *n : std::as_const(instances)) {
                if (n->attributes.value(QLatin1String("service")).toString() != b.service.value)
                    continue;
                ofService << n;
                if (!b.version.present || n->attributes.value(QLatin1String("version")).toString() == b.version.value)
                    ofVersion << n;
            }
            if (ofService.isEmpty()) {
                add(QStringLiteral("live.unknown-service"), Finding::Severity::Error, b.service.pos,
                    QCoreApplication::translate("mcp::gateway::Validation", "no instance on the host carries mcp.service.name=%1").arg(b.service.value),
                    QCoreApplication::translate("mcp::gateway::Validation", "check the service name against the labels (the topology view lists them)"));
                continue;
            }
            if (ofVersion.isEmpty()) {
                add(QStringLiteral("live.unknown-version"), Finding::Severity::Error, b.version.pos,
                    QCoreApplication::translate("mcp::gateway::Validation", "no instance of %1 carries mcp.service.version=%2").arg(b.service.value, b.version.value),
                    QCoreApplication::translate("mcp::gateway::Validation", "start that version first, or fix the version name"));
                continue;
            }
            bool healthy = false, shares = gatewayNets.isEmpty();
            for (const auto *n : std::as_const(ofVersion)) {
                healthy = healthy || (n->health == topology::Health::Healthy);
                shares = shares || networksOf(*n).intersects(gatewayNets);
            }
            if (!healthy && effectiveWeight(r, b) > 0)
                add(QStringLiteral("live.no-healthy-instance"), Finding::Severity::Error, b.pos,
                    QCoreApplication::translate("mcp::gateway::Validation", "backend %1%2 of route `%3` has weight %4 but no running healthy instance")
                        .arg(b.service.value, b.version.present ? QLatin1Char(' ') + b.version.value : QString(), r.name.value)
                        .arg(effectiveWeight(r, b)),
                    QCoreApplication::translate("mcp::gateway::Validation", "fix or start its instances, or set its weight to 0 before pushing"));
            if (!shares)
                add(QStringLiteral("live.no-shared-network"), Finding::Severity::Error, b.pos,
                    QCoreApplication::translate("mcp::gateway::Validation", "no instance of %1 shares a Docker network with gateway %2").arg(b.service.value, spec.name.value),
                    QCoreApplication::translate("mcp::gateway::Validation", "docker network connect <gateway network> <instance>"));
        }
    }
    return out;
}

} // namespace mcp::gateway
