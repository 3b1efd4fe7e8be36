#include "common/buildinfo.h"
#include "commands.h"
#include "livetopology.h"

#include "docker/dockerclient.h"
#include "gateway/specreader.h"
#include "hosts/hostconnection.h"
#include "hosts/hoststate.h"
#include "snapshot/snapshotcollector.h"
#include "snapshot/snapshotcompare.h"
#include "snapshot/snapshotfile.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>

#include <cstdio>

namespace mcp::cli {

namespace {

Error usage(const QString &detail)
{
    return Error::make(ErrorKind::Usage, QStringLiteral("usage"), detail);
}

const char *const kSnapshotUsage =
    "usage: mcpctl snapshot [--gateway NAME]... [--window 15m] -o FILE.mcpsnap\n"
    "       mcpctl snapshot show FILE.mcpsnap\n"
    "       mcpctl snapshot compare BEFORE.mcpsnap AFTER.mcpsnap";

int show(const QStringList &args, const Output &out)
{
    if (args.size() != 1)
        return out.fail(usage(QString::fromLatin1(kSnapshotUsage)));
    auto s = snapshot::readSnapshot(args.first());
    if (!s)
        return out.fail(s.error());
    const topology::Graph g = s->graph();
    if (out.isJson()) {
        QJsonArray hosts;
        for (const auto &h : s->hosts)
            hosts.append(QJsonObject{{QStringLiteral("name"), h.name}, {QStringLiteral("state"), h.state}});
        out.jsonPretty(QJsonObject{{QStringLiteral("createdBy"), s->createdBy},
                                   {QStringLiteral("createdMs"), s->createdMs},
                                   {QStringLiteral("fromMs"), s->fromMs},
                                   {QStringLiteral("toMs"), s->toMs},
                                   {QStringLiteral("hosts"), hosts},
                                   {QStringLiteral("nodes"), int(g.nodes.size())},
                                   {QStringLiteral("topologyChanges"), int(s->timeline.frames.size())},
                                   {QStringLiteral("events"), int(s->events.size())},
                                   {QStringLiteral("gateways"), int(s->gateways.size())},
                                   {QStringLiteral("logs"), int(s->logs.size())},
                                   {QStringLiteral("redactions"), s->redactions}});
        return ExitOk;
    }
    out.line(QStringLiteral("snapshot by %1 at %2, window %3 to %4")
                 .arg(s->createdBy, QDateTime::fromMSecsSinceEpoch(s->createdMs).toUTC().toString(Qt::ISODate),
                      QDateTime::fromMSecsSinceEpoch(s->fromMs).toUTC().toString(Qt::ISODate),
                      QDateTime::fromMSecsSinceEpoch(s->toMs).toUTC().toString(Qt::ISODate)));
    for (const auto &h : s->hosts)
        out.line(QStringLiteral("host %1  %2  %3").arg(h.name, h.state, h.url));
    out.line(QStringLiteral("%1 nodes, %2 topology changes, %3 events, %4 gateways, %5 logs, %6 redactions")
                 .arg(g.nodes.size())
                 .arg(s->timeline.frames.size())
                 .arg(s->events.size())
                 .arg(s->gateways.size())
                 .arg(s->logs.size())
                 .arg(s->redactions.size()));
    return ExitOk;
}

int compare(const QStringList &args, const Output &out)
{
    if (args.size() != 2)
        return out.fail(usage(QString::fromLatin1(kSnapshotUsage)));
    auto a = snapshot::readSnapshot(args.at(0));
    if (!a)
        return out.fail(a.error());
    auto b = snapshot::readSnapshot(args.at(1));
    if (!b)
        return out.fail(b.error());
    const snapshot::SnapshotDiff d = snapshot::compareSnapshots(*a, *b);
    if (out.isJson()) {
        out.jsonPretty(d.toJson());
        return ExitOk;
    }
    for (const auto &h : d.hosts)
        out.line(QStringLiteral("host %1: %2 -> %3").arg(h.host, h.before, h.after));
    for (const auto &n : d.nodes)
        out.line(QStringLiteral("%1 %2 %3: %4 -> %5").arg(n.change, n.kind, n.name, n.before, n.after));
    for (const auto &f : d.findings)
        out.line(QStringLiteral("finding %1 %2 %3 on %4").arg(f.appeared ? QStringLiteral("appeared") : QStringLiteral("resolved"), f.severity, f.code, f.subject));
    for (const auto &g : d.gateways)
        out.line(QStringLiteral("gateway %1 config %2 -> %3").arg(g.gateway, g.before.left(12), g.after.left(12)));
    if (d.isEmpty())
        out.line(QStringLiteral("no change in topology, findings or gateway configs"));
    return ExitOk;
}

} // namespace

// `mcpctl snapshot -o FILE`: the topology (with one round of probes), the last 15 minutes of
// events, access-log telemetry, logs of gateways and unhealthy instances, specs and
// rendered configs, findings and audit entries, into one redacted .mcpsnap file.
int runSnapshot(const GlobalOptions &options, const Output &out, const snapshot::Rasterizer &rasterize)
{
    const QStringList &args = options.arguments;
    if (!args.isEmpty() && args.first() == QLatin1String("show"))
        return show(args.mid(1), out);
    if (!args.isEmpty() && args.first() == QLatin1String("compare"))
        return compare(args.mid(1), out);
    QString file;
    QStringList gateways;
    qint64 windowMs = 15 * 60000;
    for (int i = 0; i < args.size(); ++i) {
        const QString a = args.at(i);
        const bool hasNext = i + 1 < args.size();
        if ((a == QLatin1String("-o") || a == QLatin1String("--output")) && hasNext) {
            file = args.at(++i);
        } else if (a == QLatin1String("--gateway") && hasNext) {
            gateways << args.at(++i);
        } else if (a == QLatin1String("--window") && hasNext) {
            const auto ms = gateway::parseDurationMs(args.at(++i));
            if (!ms || *ms < 10000 || *ms > 15 * 60000)
                return out.fail(usage(QStringLiteral("--window takes a duration from 10s to 15m, not '%1'").arg(args.at(i))));
            windowMs = *ms;
        } else {
            return out.fail(usage(QStringLiteral("snapshot: unknown argument '%1'\n%2").arg(a, QString::fromLatin1(kSnapshotUsage))));
        }
    }
    if (file.isEmpty())
        return out.fail(usage(QString::fromLatin1(kSnapshotUsage)));

    QElapsedTimer timer;
    timer.start();
    LiveTopology live;
    if (const Status loaded = live.load(options); !loaded)
        return out.fail(loaded.error());
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    snapshot::SnapshotCollector::Input input;
    snapshot::SnapshotCollector::Host host;
    host.info = snapshot::SnapshotHost{live.host().name(), live.url(), hosts::hostStateName(live.host().state()),
                                       live.host().lastError().detail, live.host().pathDescription()};
    host.client = live.host().client();
    input.hosts << host;
    input.timeline.baseTimeMs = now;
    input.timeline.base = live.graph();
    input.fromMs = now - windowMs;
    input.toMs = now;
    input.gateways = gateways;
    input.createdBy = QStringLiteral("mcpctl %1 (%2)").arg(QStringLiteral(MCP_VERSION), buildRevision());
    snapshot::SnapshotCollector collector(input);
    QObject::connect(&collector, &snapshot::SnapshotCollector::finished, &collector, [] { QCoreApplication::exit(0); });
    collector.start();
    QCoreApplication::exec();

    snapshot::WriteOptions write;
    write.rasterize = rasterize;
    if (const Status written = snapshot::writeSnapshot(file, collector.snapshot(), write); !written)
        return out.fail(written.error());
    const snapshot::Snapshot &s = collector.snapshot();
    if (out.isJson()) {
        out.jsonPretty(QJsonObject{{QStringLiteral("file"), file},
                                   {QStringLiteral("nodes"), int(s.graph().nodes.size())},
                                   {QStringLiteral("events"), int(s.events.size())},
                                   {QStringLiteral("gateways"), int(s.gateways.size())},
                                   {QStringLiteral("logs"), int(s.logs.size())},
                                   {QStringLiteral("redactions"), s.redactions},
                                   {QStringLiteral("notes"), s.notes},
                                   {QStringLiteral("ms"), timer.elapsed()}});
    } else {
        out.line(QStringLiteral("wrote %1: %2 nodes, %3 events, %4 gateways, %5 logs, %6 redactions (%7 ms)")
                     .arg(file)
                     .arg(s.graph().nodes.size())
                     .arg(s.events.size())
                     .arg(s.gateways.size())
                     .arg(s.logs.size())
                     .arg(s.redactions.size())
                     .arg(timer.elapsed()));
        for (const auto &n : s.notes)
            out.line(QStringLiteral("  not collected: %1 %2").arg(n.toObject().value(QLatin1String("what")).toString(),
                                                                   n.toObject().value(QLatin1String("why")).toString()));
    }
    return ExitOk;
}

} // namespace mcp::cli
