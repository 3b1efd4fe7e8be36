#include "commands.h"

#include "discover.h"
#include "session.h"
#include "specpassphrases.h"

#include "common/whenready.h"
#include "docker/dockerclient.h"
#include "gateway/auditlog.h"
#include "gateway/discovery.h"
#include "gateway/livecheck.h"
#include "gateway/pusher.h"
#include "gateway/pushplan.h"
#include "gateway/render.h"
#include "gateway/runtimeweights.h"
#include "gateway/specreader.h"
#include "gateway/specvalidator.h"
#include "hosts/connectorfactory.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QMetaEnum>

namespace mcp::cli {

namespace {

QString stepName(gateway::GatewayPush::Step step)
{
    return gateway::pushStepName(step);
}

struct PushArgs
{
    QString spec;
    QString gateway;
    QString expect;
    QString passphraseFile; // --key-passphrase-file: opens the spec's encrypted keys
    bool dryRun = false;
    bool weightsOnly = false;
};

Result<PushArgs> parseArgs(const QStringList &args, bool needSpec)
{
    PushArgs out;
    for (int i = 0; i < args.size(); ++i) {
        const QString a = args[i];
        if (a == QLatin1String("--dry-run"))
            out.dryRun = true;
        else if (a == QLatin1String("--weights-only"))
            out.weightsOnly = true;
        else if ((a == QLatin1String("--expect-version") || a == QLatin1String("--gateway")) && i + 1 < args.size())
            (a == QLatin1String("--gateway") ? out.gateway : out.expect) = args[++i];
        else if (a == QLatin1String("--key-passphrase-file") && i + 1 < args.size())
            out.passphraseFile = args[++i];
        else if (!a.startsWith(QLatin1Char('-')) && out.spec.isEmpty())
            out.spec = a;
        else
            return Error::make(ErrorKind::Usage, QStringLiteral("usage"), QStringLiteral("unexpected argument %1").arg(a));
    }
    if (needSpec && out.spec.isEmpty())
        return Error::make(ErrorKind::Usage, QStringLiteral("usage"), QStringLiteral("a SPEC file is required"));
    return out;
}

// Runs one push to the host and reports it; returns the exit code.
int runPipeline(const GlobalOptions &options, const Output &out, const QString &gatewayName, const gateway::RenderedConfig &config,
                const QString &expect, bool dryRun, const QString &kind)
{
    auto endpoint = resolveEndpoint(options);
    if (!endpoint)
        return out.fail(endpoint.error());
    auto connector = hosts::makeConnector(*endpoint, connectOptions(options));
    docker::DockerClient client(connector.get());
    gateway::GatewayPush push(&client, gatewayName, config, expect, dryRun);
    QObject::connect(&push, &gateway::GatewayPush::stepStarted, &push, [&](gateway::GatewayPush::Step step, const QString &replica) {
        if (!out.isJson())
            std::fprintf(stderr, "%s %s\n", qPrintable(stepName(step)), qPrintable(replica));
    });
    QObject::connect(&push, &gateway::GatewayPush::finished, &push, [] { QCoreApplication::exit(0); });
    whenReady(client.ping(), &push, [&](Result<docker::PingInfo> ping) {
        if (!ping) {
            out.fail(ping.error());
            QCoreApplication::exit(ExitFailure);
            return;
        }
        push.start();
    });
    if (QCoreApplication::exec() == ExitFailure)
        return ExitFailure;
    const auto &o = push.outcome();
    QJsonObject result{{QStringLiteral("kind"), kind},
                       {QStringLiteral("host"), endpoint->url()},
                       {QStringLiteral("gateway"), gatewayName},
                       {QStringLiteral("ok"), o.ok},
                       {QStringLiteral("dryRun"), dryRun},
                       {QStringLiteral("previousVersion"), o.previousVersion},
                       {QStringLiteral("version"), o.newVersion},
                       {QStringLiteral("replicas"), QJsonArray::fromStringList(o.replicas)},
                       {QStringLiteral("diff"), o.diff}};
    if (!o.method.isEmpty())
        result.insert(QStringLiteral("method"), o.method);
    if (!o.ok) {
        result.insert(QStringLiteral("failedStep"), stepName(o.failedStep));
        result.insert(QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), o.error.code}, {QStringLiteral("message"), o.error.detail}});
        result.insert(QStringLiteral("rolledBack"), o.rolledBack);
    }
    if (!dryRun || !o.ok)
        gateway::appendAudit(gateway::pushAuditRecord(kind, endpoint->url(), gatewayName, o, dryRun));
    if (out.isJson()) {
        out.jsonPretty(result);
    } else {
        if (!o.diff.isEmpty())
            out.line(o.diff);
        if (o.ok)
            out.line((dryRun ? QStringLiteral("dry run: %1 would go from %2 to %3").arg(gatewayName, o.previousVersion, o.newVersion)
                             : QStringLiteral("%1: %2 -> %3 on %4").arg(gatewayName, o.previousVersion.isEmpty() ? QStringLiteral("(none)") : o.previousVersion,
                                                                      o.newVersion, o.replicas.join(QStringLiteral(", ")))) +
                     (o.method == QLatin1String("runtime") ? QStringLiteral(" (certificates through the runtime API, no reload)") : QString()));
        else
            out.line(QStringLiteral("%1 failed at %2: %3%4")
                         .arg(kind, stepName(o.failedStep), o.error.detail,
                              o.rolledBack ? QStringLiteral(" (the previous config was restored)") : QString()));
    }
    return o.ok ? ExitOk : ExitProblem;
}

// `push --weights-only` on HAProxy: the runtime API, no reload.
int runWeights(const GlobalOptions &options, const Output &out, const gateway::GatewaySpec &spec, const gateway::RenderedConfig &config,
               const gateway::EndpointMap &endpoints)
{
    auto endpoint = resolveEndpoint(options);
    if (!endpoint)
        return out.fail(endpoint.error());
    auto connector = hosts::makeConnector(*endpoint, connectOptions(options));
    docker::DockerClient client(connector.get());
    gateway::RuntimeWeightChange change(&client, spec.name.value, spec, config, endpoints);
    QObject::connect(&change, &gateway::RuntimeWeightChange::finished, &change, [] { QCoreApplication::exit(0); });
    change.start();
    QCoreApplication::exec();
    const auto &o = change.outcome();
    gateway::appendAudit(QJsonObject{{QStringLiteral("kind"), QStringLiteral("weights")},
                                     {QStringLiteral("host"), endpoint->url()},
                                     {QStringLiteral("gateway"), spec.name.value},
                                     {QStringLiteral("to"), config.version},
                                     {QStringLiteral("ok"), o.ok},
                                     {QStringLiteral("error"), o.error.detail},
                                     {QStringLiteral("replicas"), QJsonArray::fromStringList(o.replicas)}});
    if (out.isJson())
        out.jsonPretty(QJsonObject{{QStringLiteral("ok"), o.ok},
                                   {QStringLiteral("version"), config.version},
                                   {QStringLiteral("replicas"), QJsonArray::fromStringList(o.replicas)},
                                   {QStringLiteral("error"), o.error.detail}});
    else
        out.line(o.ok ? QStringLiteral("%1: weights applied at run time on %2 (no reload)").arg(spec.name.value, o.replicas.join(QStringLiteral(", ")))
                      : QStringLiteral("weights failed: %1").arg(o.error.detail));
    return o.ok ? ExitOk : ExitProblem;
}

} // namespace

// `mcpctl push SPEC --host URL [--dry-run] [--expect-version HASH] [--key-passphrase-file FILE]` and `mcpctl diff SPEC`.
int runPush(const GlobalOptions &options, const Output &out)
{
    const bool diffOnly = options.command == QLatin1String("diff");
    auto args = parseArgs(options.arguments, true);
    if (!args)
        return out.fail(args.error());
    QFile f(args->spec);
    if (!f.open(QIODevice::ReadOnly))
        return out.fail(Error::make(ErrorKind::Config, QStringLiteral("spec.unreadable"), QStringLiteral("cannot read %1").arg(args->spec)));
    const QByteArray text = f.readAll();
    const auto keys = openEncryptedKeys(text, args->spec, args->passphraseFile);
    if (!keys)
        return out.fail(keys.error());
    // Offline checks first: a spec with errors never needs the host.
    const gateway::PushPlan offline = gateway::planPush(text, args->spec, nullptr, *keys);
    if (gateway::hasErrors(offline.findings)) {
        for (const auto &x : offline.findings)
            std::fprintf(stderr, "%s\n", qPrintable(x.toString()));
        return ExitProblem; // nothing reaches a gateway unvalidated
    }
    auto graph = snapshotGraph(options);
    if (!graph)
        return out.fail(graph.error());
    const gateway::PushPlan plan = gateway::planPush(text, args->spec, &*graph, *keys);
    for (const auto &x : plan.findings)
        std::fprintf(stderr, "%s\n", qPrintable(x.toString()));
    if (!plan.ready)
        return ExitProblem; // the running system contradicts the spec: nothing is pushed
    const gateway::RenderedConfig &config = plan.config;
    const auto endpoints = std::optional<gateway::EndpointMap>(plan.endpoints);
    const gateway::GatewaySpec &spec = plan.reading.spec;
    if (args->weightsOnly && !diffOnly && !args->dryRun)
        return runWeights(options, out, spec, config, *endpoints);
    return runPipeline(options, out, spec.name.value, config, args->expect, diffOnly || args->dryRun,
                       QStringLiteral("push"));
}

// `mcpctl rollback --host URL --gateway NAME`: push back what ran before the last push.
int runRollback(const GlobalOptions &options, const Output &out)
{
    auto args = parseArgs(options.arguments, false);
    if (!args)
        return out.fail(args.error());
    if (args->gateway.isEmpty())
        return out.fail(Error::make(ErrorKind::Usage, QStringLiteral("usage"), QStringLiteral("usage: mcpctl rollback --gateway NAME")));
    auto endpoint = resolveEndpoint(options);
    if (!endpoint)
        return out.fail(endpoint.error());
    auto connector = hosts::makeConnector(*endpoint, connectOptions(options));
    docker::DockerClient client(connector.get());
    Result<gateway::RenderedConfig> config = Error::make(ErrorKind::Cancelled, QStringLiteral("cancelled"), QString());
    QObject context;
    gateway::fetchPreviousConfig(&client, args->gateway, &context, [&](Result<gateway::RenderedConfig> previous) {
        config = std::move(previous);
        QCoreApplication::exit(0);
    });
    QCoreApplication::exec();
    if (!config)
        return out.fail(config.error());
    return runPipeline(options, out, args->gateway, *config, QString(), false, QStringLiteral("rollback"));
}

// `mcpctl history`: the local audit log, newest last.
int runHistory(const GlobalOptions &options, const Output &out)
{
    const QJsonArray entries = gateway::readAudit(50);
    if (out.isJson()) {
        out.jsonPretty(QJsonObject{{QStringLiteral("entries"), entries}});
        return ExitOk;
    }
    for (const auto &v : entries) {
        const QJsonObject e = v.toObject();
        out.line(QStringLiteral("%1  %2  %3 %4  %5 -> %6  %7")
                     .arg(e.value(QLatin1String("time")).toString(), e.value(QLatin1String("user")).toString(),
                          e.value(QLatin1String("kind")).toString(), e.value(QLatin1String("gateway")).toString(),
                          e.value(QLatin1String("from")).toString(), e.value(QLatin1String("to")).toString(),
                          e.value(QLatin1String("ok")).toBool() ? QStringLiteral("ok")
                                                                : QStringLiteral("FAILED at %1").arg(e.value(QLatin1String("failedStep")).toString())));
    }
    if (entries.isEmpty())
        out.line(QStringLiteral("no pushes recorded in %1").arg(gateway::auditLogPath()));
    Q_UNUSED(options)
    return ExitOk;
}

} // namespace mcp::cli
