#include "commands.h"

#include "discover.h"
#include "session.h"

#include "docker/dockerclient.h"
#include "gateway/weightapply.h"
#include "gateway/weightedit.h"
#include "hosts/connectorfactory.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace mcp::cli {

namespace {

QString toText(const QMap<QString, int> &weights)
{
    QStringList parts;
    for (auto it = weights.cbegin(); it != weights.cend(); ++it)
        parts << QStringLiteral("%1=%2").arg(it.key()).arg(it.value());
    return parts.join(QLatin1Char(' '));
}

} // namespace

// `mcpctl weights --gateway NAME --route ROUTE v1=90 v2=10`: the gray-release panel's change
// from scripts (the same WeightApply: checks, runtime API or reload, audit record).
int runWeightsCommand(const GlobalOptions &options, const Output &out)
{
    QString gatewayName, route;
    QStringList pairs;
    for (int i = 0; i < options.arguments.size(); ++i) {
        const QString a = options.arguments.at(i);
        const bool hasNext = i + 1 < options.arguments.size();
        if (a == QLatin1String("--gateway") && hasNext)
            gatewayName = options.arguments.at(++i);
        else if (a == QLatin1String("--route") && hasNext)
            route = options.arguments.at(++i);
        else if (!a.startsWith(QLatin1String("--")))
            pairs << a;
        else
            return out.fail(Error::make(ErrorKind::Usage, QStringLiteral("usage"),
                                        QStringLiteral("weights: unknown argument '%1' (takes --gateway NAME --route ROUTE v1=90 v2=10)").arg(a)));
    }
    if (gatewayName.isEmpty() || route.isEmpty())
        return out.fail(Error::make(ErrorKind::Usage, QStringLiteral("usage"),
                                    QStringLiteral("usage: mcpctl weights --gateway NAME --route ROUTE VERSION=WEIGHT...")));
    const auto weights = gateway::parseWeightArguments(pairs);
    if (!weights)
        return out.fail(weights.error());

    auto graph = snapshotGraph(options);
    if (!graph)
        return out.fail(graph.error());
    auto endpoint = resolveEndpoint(options);
    if (!endpoint)
        return out.fail(endpoint.error());
    auto connector = hosts::makeConnector(*endpoint, connectOptions(options));
    docker::DockerClient client(connector.get());
    gateway::WeightApply::Request request;
    request.hostUrl = endpoint->url();
    request.gateway = gatewayName;
    request.route = route;
    request.weights = *weights;
    gateway::WeightApply apply(&client, *graph, request);
    QObject::connect(&apply, &gateway::WeightApply::finished, &apply, [] { QCoreApplication::exit(0); });
    apply.start();
    QCoreApplication::exec();
    const gateway::WeightApply::Outcome &o = apply.outcome();
    if (out.isJson()) {
        QJsonObject result{{QStringLiteral("ok"), o.ok},
                           {QStringLiteral("gateway"), gatewayName},
                           {QStringLiteral("route"), route},
                           {QStringLiteral("method"), o.method},
                           {QStringLiteral("from"), gateway::weightsJson(o.from)},
                           {QStringLiteral("to"), gateway::weightsJson(o.to)},
                           {QStringLiteral("fromVersion"), o.fromVersion},
                           {QStringLiteral("toVersion"), o.toVersion},
                           {QStringLiteral("replicas"), QJsonArray::fromStringList(o.replicas)}};
        if (!o.ok)
            result.insert(QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), o.error.code}, {QStringLiteral("message"), o.error.detail}});
        out.jsonPretty(result);
    } else if (!o.ok) {
        std::fprintf(stderr, "mcpctl: weights: %s [%s]\n", qPrintable(o.error.detail), qPrintable(o.error.code));
    } else if (o.method == QLatin1String("none")) {
        out.line(QStringLiteral("%1/%2 already runs %3").arg(gatewayName, route, toText(o.to)));
    } else {
        out.line(QStringLiteral("%1/%2: %3 -> %4 (%5 on %6; config %7 -> %8)")
                     .arg(gatewayName, route, toText(o.from), toText(o.to),
                          o.method == QLatin1String("runtime") ? QStringLiteral("runtime API, no reload") : QStringLiteral("graceful reload"),
                          o.replicas.join(QStringLiteral(", ")), o.fromVersion, o.toVersion));
    }
    if (!o.ok)
        return o.error.kind == ErrorKind::Transport || o.error.kind == ErrorKind::Usage ? ExitFailure : ExitProblem;
    return ExitOk;
}

} // namespace mcp::cli
