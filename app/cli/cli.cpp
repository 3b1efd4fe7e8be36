#include "common/buildinfo.h"
#include "cli.h"

#include "commands.h"
#include "globaloptions.h"
#include "output.h"

#include <cstdio>

namespace mcp::cli {

namespace {

const char *const kUsage = R"(usage: mcpctl [global options] COMMAND [command options]

Commands:
  ping                 engine version, API version, OS and round-trip time
  events               follow the engine's event stream
                         --filter key=value (repeatable), --since 10m|EPOCH, --count N
  contexts             the Docker contexts and which one is current
  topology             gateways, services, versions and instances from container labels
                         (--format text|json|dot)
  watch                one line per topology change as it happens
  doctor               known pitfalls with their fixes (exit 1 when any is an error)
  validate SPEC        check a GatewayConfig spec offline (file:line:column findings; exit 1 on errors)
  render SPEC          the files the gateway driver would write (upstreams from --host when given)
  diff SPEC            what a push would change on the gateway's running config
  push SPEC [--dry-run] [--expect-version HASH] [--weights-only] [--key-passphrase-file FILE]
                       validate, render, check in the gateway, apply, reload, verify; restore on failure
                       (--weights-only: HAProxy runtime API, no reload; an encrypted key opens with
                       the first line of FILE, else a prompt on the terminal; diff takes it too)
  rollback --gateway NAME
                       push back the config that ran before the last push
  history              the local audit log of pushes, rollbacks and conflicts
  stats --gateway NAME [--window 60s]
                       per route and version: requests, rate, 5xx rate, p50/p95/p99 from the access logs
  certs check FILE... [--key FILE]... [--hosts a,b] [--ca FILE] [--expiring-days N]
                       every certificate check on PEM files (chain verified to the CA bundle or the
                       system's store; exit 1 on errors)
  certs list [--gateway NAME]
                       every TLS listener: the spec's certificate and the one served (TLS handshake
                       from inside the gateway container, per route host); mismatches flagged
  weights --gateway NAME --route ROUTE VERSION=WEIGHT...
                       set a route's traffic split on the running gateway (checked like a push;
                       HAProxy: runtime API, nginx: graceful reload; audited)

  snapshot [--gateway NAME]... [--window 15m] -o FILE
                       an incident snapshot: topology, health, telemetry, events, findings, specs
                       and rendered configs, audit entries, logs, graph and charts, an HTML report;
                       secrets redacted (see docs/snapshots.md)
  snapshot show FILE / snapshot compare BEFORE AFTER
                       what a snapshot holds; what changed between two

Global options:
  -H, --host URL       unix:///path, tcp://host:port, ssh://[user@]host[:port][/socket]
  -c, --context NAME   a Docker context (default: DOCKER_HOST, DOCKER_CONTEXT, config)
      --format FMT     text (default) or json (stable, for scripts)
      --accept-new-host-key   trust an SSH host seen for the first time
      --no-probe              topology, doctor, watch: skip the active health probes
      --probe-timeout MS      topology, doctor, watch: health probe timeout (default 3000)
      --probe-interval MS     watch: a probe round every MS (default 10000)
  -i, --identity FILE  SSH private key to try (repeatable)
      --known-hosts FILE      SSH known_hosts file (default ~/.ssh/known_hosts)
      --timeout SECONDS       per call (default 15)
      --version, --help

Exit status: 0 success, 1 the command ran and found a problem, 2 usage or connection error.
)";

} // namespace

int run(const QStringList &arguments, const Services &services)
{
    const auto parsed = GlobalOptions::parse(arguments);
    if (!parsed) {
        // The options did not parse, but a script that asked for JSON still gets JSON.
        const qsizetype f = arguments.indexOf(QStringLiteral("--format"));
        const bool json = arguments.contains(QStringLiteral("--format=json")) ||
                          (f >= 0 && f + 1 < arguments.size() && arguments.at(f + 1) == QLatin1String("json"));
        Output(json ? OutputFormat::Json : OutputFormat::Text).fail(parsed.error());
        return ExitFailure;
    }
    const GlobalOptions &options = *parsed;
    const Output out(options.format);
    if (options.version) {
        out.line(QStringLiteral("mcpctl %1 (%2)").arg(QStringLiteral(MCP_VERSION), buildRevision()));
        return ExitOk;
    }
    if (options.help || options.command.isEmpty()) {
        std::fputs(kUsage, options.help ? stdout : stderr);
        return options.help ? ExitOk : ExitFailure;
    }
    if (options.command == QLatin1String("ping"))
        return runPing(options, out);
    if (options.command == QLatin1String("events"))
        return runEvents(options, out);
    if (options.command == QLatin1String("contexts"))
        return runContexts(options, out);
    if (options.command == QLatin1String("topology") || options.command == QLatin1String("doctor"))
        return runTopology(options, out);
    if (options.command == QLatin1String("watch"))
        return runWatch(options, out);
    if (options.command == QLatin1String("validate"))
        return runValidate(options, out);
    if (options.command == QLatin1String("render"))
        return runRender(options, out);
    if (options.command == QLatin1String("push") || options.command == QLatin1String("diff"))
        return runPush(options, out);
    if (options.command == QLatin1String("rollback"))
        return runRollback(options, out);
    if (options.command == QLatin1String("history"))
        return runHistory(options, out);
    if (options.command == QLatin1String("stats"))
        return runStats(options, out);
    if (options.command == QLatin1String("certs"))
        return runCerts(options, out);
    if (options.command == QLatin1String("weights"))
        return runWeightsCommand(options, out);
    if (options.command == QLatin1String("snapshot"))
        return runSnapshot(options, out, services.rasterize);
    return out.fail(Error::make(ErrorKind::Usage, QStringLiteral("usage"),
                                QStringLiteral("unknown command '%1' (see mcpctl --help)").arg(options.command)));
}

} // namespace mcp::cli
