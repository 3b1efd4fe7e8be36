#include "commands.h"
#include "livetopology.h"
#include "endpoint/endpointresolver.h"
#include "hosts/connectorfactory.h"
#include "hosts/containerinventory.h"
#include "hosts/hostconnection.h"
#include "session.h"
#include "gateway/deployedroutes.h"
#include "health/healthprober.h"
#include "topology/doctor.h"
#include "topology/graphjson.h"
#include "topology/topologyjson.h"
#include "topology/topologymodel.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QTimer>

#include <cstdio>

namespace mcp::cli {

namespace {

void printText(const Output &out, const topology::Graph &g)
{
    const QJsonObject doc = topology::topologyToJson(g);
    for (const auto &h : doc.value(QLatin1String("hosts")).toArray()) {
        const QJsonObject o = h.toObject();
        out.line(QStringLiteral("host %1  %2  %3").arg(o.value(QLatin1String("name")).toString(),
                                                        o.value(QLatin1String("state")).toString(),
                                                        o.value(QLatin1String("transport")).toString()));
    }
    for (const auto &v : doc.value(QLatin1String("gateways")).toArray()) {
        const QJsonObject gw = v.toObject();
        out.line(QStringLiteral("gateway %1 (%2)  %3").arg(gw.value(QLatin1String("name")).toString(),
                                                            gw.value(QLatin1String("driver")).toString(),
                                                            gw.value(QLatin1String("health")).toString()));
        for (const auto &i : gw.value(QLatin1String("instances")).toArray()) {
            const QJsonObject inst = i.toObject();
            out.line(QStringLiteral("  %1  %2  %3").arg(inst.value(QLatin1String("name")).toString(),
                                                         inst.value(QLatin1String("health")).toString(),
                                                         inst.value(QLatin1String("address")).toString()));
        }
    }
    for (const auto &v : doc.value(QLatin1String("services")).toArray()) {
        const QJsonObject svc = v.toObject();
        out.line(QStringLiteral("service %1  %2  (%3)").arg(svc.value(QLatin1String("name")).toString(),
                                                             svc.value(QLatin1String("health")).toString(),
                                                             svc.value(QLatin1String("healthReason")).toString()));
        for (const auto &i : svc.value(QLatin1String("instances")).toArray()) {
            const QJsonObject inst = i.toObject();
            out.line(QStringLiteral("  %1  %2  %3  %4:%5").arg(inst.value(QLatin1String("version")).toString(),
                                                                inst.value(QLatin1String("name")).toString(),
                                                                inst.value(QLatin1String("health")).toString(),
                                                                inst.value(QLatin1String("address")).toString())
                         .arg(inst.value(QLatin1String("port")).toInt()));
        }
    }
    for (const auto &v : doc.value(QLatin1String("problems")).toArray()) {
        const QJsonObject p = v.toObject();
        out.line(QStringLiteral("%1 %2 %3: %4").arg(p.value(QLatin1String("severity")).toString(),
                                                     p.value(QLatin1String("code")).toString(),
                                                     p.value(QLatin1String("subject")).toString(),
                                                     p.value(QLatin1String("message")).toString()));
    }
}

} // namespace

// `mcpctl topology`: connects, lists, builds the topology once and prints it as text, the
// stable JSON, or Graphviz dot.
int runTopology(const GlobalOptions &options, const Output &out)
{
    const bool doctor = options.command == QLatin1String("doctor");
    if (!options.arguments.isEmpty())
        return out.fail(Error::make(ErrorKind::Usage, QStringLiteral("usage"),
                                    QStringLiteral("topology takes no arguments: %1").arg(options.arguments.join(u' '))));
    LiveTopology live;
    if (const Status loaded = live.load(options); !loaded)
        return out.fail(loaded.error());
    const topology::Graph &graph = live.graph();

    if (doctor) {
        const QList<topology::Problem> findings = topology::allFindings(graph);
        bool anyError = false;
        QJsonArray rows;
        for (const auto &p : findings) {
            anyError = anyError || p.severity == topology::Severity::Error;
            if (out.isJson()) {
                rows.append(topology::problemToJson(p));
            } else {
                out.line(QStringLiteral("%1  %2  %3").arg(topology::severityName(p.severity).toUpper(), p.code, p.subject));
                out.line(QStringLiteral("    %1").arg(p.message));
                out.line(QStringLiteral("    fix: %1").arg(p.fix));
            }
        }
        if (out.isJson())
            out.jsonPretty(QJsonObject{{QStringLiteral("findings"), rows}});
        else if (findings.isEmpty())
            out.line(QStringLiteral("no findings"));
        return anyError ? ExitProblem : ExitOk;
    }

    switch (options.format) {
    case OutputFormat::Json:
        out.jsonPretty(topology::topologyToJson(graph));
        break;
    case OutputFormat::Dot: {
        const QByteArray dot = topology::topologyToDot(graph);
        std::fwrite(dot.constData(), 1, size_t(dot.size()), stdout);
        break;
    }
    case OutputFormat::Text:
        printText(out, graph);
        break;
    }
    return ExitOk;
}

} // namespace mcp::cli

namespace mcp::cli {

// `mcpctl watch`: one line per topology change as it happens (the first line is the whole
// topology as "added"). Survives a lost engine like `events` does: the host's state change
// is itself a topology change (the host node's health).
int runWatch(const GlobalOptions &options, const Output &out)
{
    if (!options.arguments.isEmpty())
        return out.fail(Error::make(ErrorKind::Usage, QStringLiteral("usage"),
                                    QStringLiteral("watch takes no arguments: %1").arg(options.arguments.join(u' '))));
    auto endpoint = resolveEndpoint(options);
    if (!endpoint)
        return out.fail(endpoint.error());
    const hosts::ConnectOptions connect = connectOptions(options);
    const QString name = endpoint->host.isEmpty() ? QStringLiteral("local") : endpoint->host;
    hosts::HostConnection host(name, *endpoint, hosts::makeConnector(*endpoint, connect));
    hosts::ContainerInventory inventory(&host);
    topology::TopologyModel model;
    model.addHost(&host, &inventory);
    // As the console: the routes the gateways run, and (unless --no-probe) the health probes
    // from their side, so that a probe's changed verdict is a printed change too.
    gateway::DeployedRoutes routes(&host, &inventory);
    model.setDeployedRoutes(&host, &routes);
    health::HealthProber prober(&host, &inventory);
    prober.setInterval(options.probeIntervalMs);
    prober.setTimeout(options.probeTimeoutMs);
    if (options.probe)
        model.setProber(&host, &prober);
    bool everConnected = false;
    int exitCode = ExitOk;
    QObject::connect(&model, &topology::TopologyModel::changed, &model, [&](const topology::GraphDelta &delta) {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        if (out.isJson()) {
            out.json(topology::deltaToJson(model.graph(), delta, now));
            return;
        }
        const auto print = [&](const char *sign, const QStringList &ids) {
            for (const auto &id : ids) {
                const auto n = model.graph().nodes.value(id);
                out.line(QStringLiteral("%1 %2 %3 %4 %5").arg(QLatin1String(sign), topology::nodeKindName(n.kind), n.id,
                                                              topology::healthName(n.health), n.healthReason));
            }
        };
        print("+", delta.addedNodes);
        print("~", delta.updatedNodes);
        for (const auto &id : delta.removedNodes)
            out.line(QStringLiteral("- %1").arg(id));
    });
    QObject::connect(&host, &hosts::HostConnection::stateChanged, &host, [&](hosts::HostState state, const Error &reason) {
        if (state == hosts::HostState::Connected)
            everConnected = true;
        else if (state == hosts::HostState::Unreachable && !everConnected) {
            exitCode = out.fail(reason);
            QCoreApplication::exit(exitCode);
        }
    });
    host.start();
    routes.start();
    if (options.probe)
        prober.start();
    const int rc = QCoreApplication::exec();
    return exitCode != ExitOk ? exitCode : rc;
}

} // namespace mcp::cli
