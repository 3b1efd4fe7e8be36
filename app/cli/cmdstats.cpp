#include "commands.h"

#include "discover.h"
#include "session.h"

#include "common/tarwriter.h"
#include "common/whenready.h"
#include "docker/dockerclient.h"
#include "gateway/deployedspec.h"
#include "gateway/discovery.h"
#include "gateway/pusher.h"
#include "gateway/specreader.h"
#include "gateway/specvalidator.h"
#include "gateway/weights.h"
#include "hosts/connectorfactory.h"
#include "telemetry/gatewaytraffic.h"
#include "telemetry/haproxyruntime.h"
#include "telemetry/rolloutjudge.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>

namespace mcp::cli {

namespace {

Error usage(const QString &detail)
{
    return Error::make(ErrorKind::Usage, QStringLiteral("usage"), detail);
}

// The spec the gateway runs (what the last push left in its first running container), its
// driver and its running containers.
struct DeployedGateway
{
    std::optional<gateway::GatewaySpec> spec;
    QString driver;
    QStringList containerIds;
};

DeployedGateway deployedGateway(docker::DockerClient &client, const QString &gatewayName)
{
    DeployedGateway out;
    QObject context;
    gateway::fetchDeployedSpec(&client, gatewayName, &context, [&](Result<gateway::DeployedSpec> d) {
        if (d) {
            out.driver = d->driver;
            out.containerIds = d->containerIds;
            if (!d->text.isEmpty()) {
                const gateway::SpecReading r = gateway::readSpecText(d->text, gatewayName + QStringLiteral(" (deployed)"));
                if (r.parsed)
                    out.spec = r.spec;
            }
        }
        QCoreApplication::exit(0);
    });
    QCoreApplication::exec();
    return out;
}

// HAProxy's own view of every replica (show info / show stat): dropped log lines summed.
std::optional<telemetry::HaproxyRuntime> haproxyRuntime(docker::DockerClient &client, const QStringList &containerIds)
{
    std::optional<telemetry::HaproxyRuntime> sum;
    QObject context;
    int pending = int(containerIds.size());
    for (const QString &id : containerIds)
        telemetry::readHaproxyRuntime(&client, id, &context, [&](Result<telemetry::HaproxyRuntime> r) {
            if (r) {
                if (!sum)
                    sum = telemetry::HaproxyRuntime{};
                sum->droppedLogs += r->droppedLogs;
                sum->servers += r->servers;
            }
            if (--pending == 0)
                QCoreApplication::exit(0);
        });
    if (pending > 0)
        QCoreApplication::exec();
    return sum;
}

QJsonArray serversJson(const telemetry::HaproxyRuntime &runtime, const QString &route, const QString &version)
{
    QJsonArray out;
    const QString proxy = QStringLiteral("be_") + gateway::configId(route);
    const QString suffix = QLatin1Char('_') + gateway::configId(version.isEmpty() ? QStringLiteral("any") : version);
    for (const telemetry::HaproxyServerStat &s : runtime.servers)
        if (s.proxy == proxy && s.server.startsWith(QLatin1Char('s')) && s.server.endsWith(suffix))
            out.append(QJsonObject{{QStringLiteral("server"), s.server},
                                   {QStringLiteral("address"), s.address},
                                   {QStringLiteral("status"), s.status},
                                   {QStringLiteral("check"), s.checkStatus},
                                   {QStringLiteral("weight"), s.weight},
                                   {QStringLiteral("sessions"), s.sessions},
                                   {QStringLiteral("responseMs"), s.responseMs}});
    return out;
}

} // namespace

// `mcpctl stats --gateway NAME [--window 60s] [--format json]`: per route and version, the
// figures the gray-release analysis uses, from the gateway's own access logs over the
// window (requests, rate, 5xx rate with gateway-made ones apart, latency quantiles).
int runStats(const GlobalOptions &options, const Output &out)
{
    QString gatewayName;
    qint64 windowMs = 60000;
    QString windowText = QStringLiteral("60s");
    for (int i = 0; i < options.arguments.size(); ++i) {
        const QString a = options.arguments.at(i);
        const bool hasNext = i + 1 < options.arguments.size();
        if (a == QLatin1String("--gateway") && hasNext) {
            gatewayName = options.arguments.at(++i);
        } else if (a == QLatin1String("--window") && hasNext) {
            windowText = options.arguments.at(++i);
            const auto ms = gateway::parseDurationMs(windowText);
            if (!ms || *ms < 1000 || *ms > 15 * 60000)
                return out.fail(usage(QStringLiteral("--window takes a duration from 1s to 15m (60s, 5m), not '%1'").arg(windowText)));
            windowMs = *ms;
        } else {
            return out.fail(usage(QStringLiteral("stats: unknown argument '%1' (takes --gateway NAME, --window 60s)").arg(a)));
        }
    }
    if (gatewayName.isEmpty())
        return out.fail(usage(QStringLiteral("usage: mcpctl stats --gateway NAME [--window 60s]")));

    auto graph = snapshotGraph(options);
    if (!graph)
        return out.fail(graph.error());
    const gateway::EndpointMap endpoints = gateway::endpointsFromGraph(*graph, gatewayName);
    auto endpoint = resolveEndpoint(options);
    if (!endpoint)
        return out.fail(endpoint.error());
    auto connector = hosts::makeConnector(*endpoint, connectOptions(options));
    docker::DockerClient client(connector.get());
    const DeployedGateway deployed = deployedGateway(client, gatewayName);
    const auto &spec = deployed.spec;

    telemetry::TelemetryStore store;
    telemetry::GatewayTraffic traffic(&client, gatewayName, &store);
    traffic.setDeployment(spec ? *spec : gateway::GatewaySpec{}, endpoints);
    std::optional<Error> failure;
    QObject::connect(&traffic, &telemetry::GatewayTraffic::finished, &traffic, [] { QCoreApplication::exit(0); });
    QObject::connect(&traffic, &telemetry::GatewayTraffic::failed, &traffic, [&](const Error &e) {
        failure = e;
        QCoreApplication::exit(0);
    });
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    traffic.start((nowMs - windowMs) * 1000000LL, false);
    QCoreApplication::exec();
    if (failure)
        return out.fail(*failure);
    // Source 2 on HAProxy: server states and checks, and the log lines it dropped (it writes
    // its log without blocking, so a full pipe loses lines: the counts are low by that many).
    const std::optional<telemetry::HaproxyRuntime> runtime =
        deployed.driver == QLatin1String("haproxy") ? haproxyRuntime(client, deployed.containerIds) : std::nullopt;

    const int seconds = int(windowMs / 1000);
    // Routes in spec order with their backends' weights; versions seen only in the logs too.
    QList<std::pair<QString, QList<std::tuple<QString, QString, int>>>> routes;
    if (spec)
        for (const gateway::Route &r : spec->routes) {
            QList<std::tuple<QString, QString, int>> versions;
            for (const gateway::Backend &b : r.backends)
                versions.append({b.service.value, b.version.value, gateway::effectiveWeight(r, b)});
            routes.append({r.name.value, versions});
        }
    qint64 unrouted = 0; // requests no route matched (and the console's own /.mcp/version checks)
    for (const telemetry::EdgeKey &e : store.edges()) {
        if (e.route.isEmpty()) {
            unrouted += qint64(store.figures(e, seconds, nowMs).requests);
            continue;
        }
        auto it = std::find_if(routes.begin(), routes.end(), [&](const auto &r) { return r.first == e.route; });
        if (it == routes.end()) {
            routes.append({e.route, {}});
            it = routes.end() - 1;
        }
        const bool known = std::any_of(it->second.cbegin(), it->second.cend(), [&](const auto &v) {
            return std::get<0>(v) == e.service && (std::get<1>(v) == e.version || std::get<1>(v).isEmpty());
        });
        if (!known)
            it->second.append({e.service, e.version, 0});
    }
    QJsonArray routesJson;
    for (const auto &[route, versions] : routes) {
        QJsonArray versionsJson;
        for (const auto &[service, version, weight] : versions) {
            const telemetry::Figures f = store.figures(telemetry::EdgeKey{gatewayName, route, service, version, QString()}, seconds, nowMs);
            QJsonObject row = telemetry::figuresJson(f);
            row.insert(QStringLiteral("service"), service);
            row.insert(QStringLiteral("version"), version);
            row.insert(QStringLiteral("weight"), weight);
            versionsJson.append(row);
            if (runtime) {
                QJsonObject last = versionsJson.last().toObject();
                last.insert(QStringLiteral("servers"), serversJson(*runtime, route, version));
                versionsJson.replace(versionsJson.size() - 1, last);
            }
        }
        routesJson.append(QJsonObject{{QStringLiteral("name"), route}, {QStringLiteral("versions"), versionsJson}});
    }
    if (out.isJson()) {
        QJsonObject result{{QStringLiteral("gateway"), gatewayName},
                           {QStringLiteral("window"), windowText},
                           {QStringLiteral("unrouted"), unrouted},
                           {QStringLiteral("routes"), routesJson}};
        if (runtime)
            result.insert(QStringLiteral("droppedLogLines"), runtime->droppedLogs);
        out.jsonPretty(result);
        return ExitOk;
    }
    out.line(QStringLiteral("%1, last %2 (%3 requests in the logs, %4 matched no route%5)")
                 .arg(gatewayName, windowText)
                 .arg(traffic.requestsCounted())
                 .arg(unrouted)
                 .arg(spec ? QString() : QStringLiteral("; no pushed spec: weights unknown")));
    if (runtime && runtime->droppedLogs > 0)
        out.line(QStringLiteral("HAProxy dropped %1 log lines since it started (its output was full): counts are low by up to that many")
                     .arg(runtime->droppedLogs));
    out.line(QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9")
                 .arg(QStringLiteral("ROUTE"), -14)
                 .arg(QStringLiteral("SERVICE/VERSION"), -24)
                 .arg(QStringLiteral("WEIGHT"), 6)
                 .arg(QStringLiteral("REQS"), 7)
                 .arg(QStringLiteral("RPS"), 8)
                 .arg(QStringLiteral("ERR%"), 6)
                 .arg(QStringLiteral("P50"), 8)
                 .arg(QStringLiteral("P95"), 8)
                 .arg(QStringLiteral("P99"), 8));
    for (const auto &rv : routesJson) {
        const QJsonObject r = rv.toObject();
        for (const auto &vv : r.value(QLatin1String("versions")).toArray()) {
            const QJsonObject v = vv.toObject();
            const QString sv = v.value(QLatin1String("version")).toString().isEmpty()
                                   ? v.value(QLatin1String("service")).toString()
                                   : QStringLiteral("%1/%2").arg(v.value(QLatin1String("service")).toString(), v.value(QLatin1String("version")).toString());
            out.line(QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9")
                         .arg(r.value(QLatin1String("name")).toString(), -14)
                         .arg(sv, -24)
                         .arg(v.value(QLatin1String("weight")).toInt(), 6)
                         .arg(v.value(QLatin1String("requests")).toInteger(), 7)
                         .arg(v.value(QLatin1String("rps")).toDouble(), 8, 'f', 1)
                         .arg(v.value(QLatin1String("errorRate")).toDouble() * 100, 6, 'f', 1)
                         .arg(v.value(QLatin1String("p50Ms")).toDouble(), 8, 'f', 1)
                         .arg(v.value(QLatin1String("p95Ms")).toDouble(), 8, 'f', 1)
                         .arg(v.value(QLatin1String("p99Ms")).toDouble(), 8, 'f', 1));
        }
    }
    return ExitOk;
}

} // namespace mcp::cli
