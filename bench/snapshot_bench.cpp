// Incident snapshot export of a busy host, on demand (./scripts/bench-snapshot): a
// 2,000-instance topology (as listed by a real engine: the same generator shape as the
// topology benchmark), 15 minutes of telemetry on 240 edges (every 10-second slot filled,
// as a gateway under steady traffic leaves it), a timeline with 300 changes, 256 events and
// 50 unhealthy instances' logs; then what an export does after collecting: the graph and
// chart SVGs, their PNGs, the report, the redaction sweep, the zip. And reading it back.
#include "benchhost.h"
#include "svgraster.h"
#include "snapshot/snapshotfile.h"
#include "snapshot/ziparchive.h"
#include "topology/graphbuilder.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QGuiApplication>
#include <QJsonArray>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace mcp;

namespace {

topology::HostSnapshot makeHost(int n, int flipped)
{
    return bench::syntheticHost(n, [flipped](int i) { return i < flipped ? (i % 2 == 0) : (i % 97 != 0); });
}

double ms(QElapsedTimer &t)
{
    const double v = t.nsecsElapsed() / 1e6;
    t.restart();
    return v;
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const int n = argc > 1 ? std::atoi(argv[1]) : 2000;
    const qint64 now = 1'790'000'000'000;
    const qint64 from = now - 15 * 60000;

    QElapsedTimer t;
    t.start();
    snapshot::Snapshot s;
    s.createdBy = QStringLiteral("bench");
    s.createdMs = now;
    s.fromMs = from;
    s.toMs = now;
    s.hosts << snapshot::SnapshotHost{QStringLiteral("bench"), QStringLiteral("unix:///x"), QStringLiteral("connected"), {}, QStringLiteral("unix socket")};
    s.timeline.baseTimeMs = from;
    s.timeline.base = topology::buildGraph({makeHost(n, 0)});
    // 300 changes: one more instance flips each time.
    topology::Graph previous = s.timeline.base;
    for (int c = 1; c <= 300; ++c) {
        const topology::Graph next = topology::buildGraph({makeHost(n, c)});
        const topology::GraphDelta d = topology::diffGraphs(previous, next);
        snapshot::TopologyFrame f;
        f.timeMs = from + c * 2500;
        for (const QString &id : d.addedNodes + d.updatedNodes)
            f.nodes << next.nodes.value(id);
        f.removedNodes = d.removedNodes;
        for (const QString &id : d.addedEdges)
            f.addedEdges << next.edges.value(id);
        f.removedEdges = d.removedEdges;
        s.timeline.frames << f;
        previous = next;
    }
    const double buildMs = ms(t);
    telemetry::TelemetryStore store;
    for (int e = 0; e < 240; ++e) {
        const telemetry::EdgeKey key{QStringLiteral("edge"), QStringLiteral("r%1").arg(e / 12), QStringLiteral("svc%1").arg(e / 12, 3, 10, QLatin1Char('0')),
                                     e % 2 ? QStringLiteral("v2") : QStringLiteral("v1"), QStringLiteral("i%1").arg(e)};
        for (qint64 ts = from; ts < now; ts += 250) // 4 requests/s per edge, ~960/s in all
            store.add(key, ts, ts % 9973 == 0 ? 502 : 200, false, 3.0 + double(ts % 211));
    }
    s.telemetry = store.toJson();
    for (int i = 0; i < 256; ++i)
        s.events.append(QJsonObject{{QStringLiteral("Type"), QStringLiteral("container")}, {QStringLiteral("Action"), QStringLiteral("die")},
                                    {QStringLiteral("timeNano"), (from + i * 3000) * 1000000},
                                    {QStringLiteral("Actor"), QJsonObject{{QStringLiteral("ID"), QStringLiteral("x%1").arg(i)}}},
                                    {QStringLiteral("host"), QStringLiteral("bench")}});
    QByteArray lines;
    for (int l = 0; l < 200; ++l)
        lines += "2026-12-01T18:00:00.000Z GET /api/orders 200 3ms upstream=10.0.0.1:8080\n";
    for (int i = 0; i < 50; ++i)
        s.logs << snapshot::SnapshotLog{QStringLiteral("bench"), QStringLiteral("svc-%1").arg(i), QStringLiteral("down"), lines};
    const double inputMs = ms(t);

    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("bench.mcpsnap"));
    snapshot::WriteOptions options;
    options.rasterize = [](const QByteArray &svg, int maxPixels) { return raster::svgToPng(svg, maxPixels); };
    QElapsedTimer total;
    total.start();
    const QList<snapshot::ZipEntry> entries = snapshot::snapshotEntries(s, options);
    const double entriesMs = ms(t);
    if (!snapshot::writeZip(file, entries).ok())
        return 1;
    const double zipMs = ms(t);
    const double writeMs = total.nsecsElapsed() / 1e6;
    auto back = snapshot::readSnapshot(file);
    const double readMs = ms(t);
    if (!back.ok())
        return 1;
    qint64 png = 0, svg = 0;
    for (const auto &e : entries) {
        if (e.path == QLatin1String("graph.png"))
            png = e.data.size();
        if (e.path == QLatin1String("graph.svg"))
            svg = e.data.size();
    }
    std::printf("instances %d: %lld nodes, %lld topology changes, %d telemetry edges\n", n, qint64(back->graph().nodes.size()),
                qint64(back->timeline.frames.size()), int(s.telemetry.size()));
    std::printf("  (inputs: graphs %.0f ms, telemetry and logs %.0f ms; not part of an export)\n", buildMs, inputMs);
    std::printf("  entries (SVGs, PNGs, report, JSON, redaction sweep): %8.0f ms\n", entriesMs);
    std::printf("  zip and atomic write:                               %8.0f ms\n", zipMs);
    std::printf("  export after collecting, in all:                    %8.0f ms  (file %.1f MiB; graph.svg %.1f MiB, graph.png %.1f MiB)\n",
                writeMs, QFileInfo(file).size() / 1048576.0, svg / 1048576.0, png / 1048576.0);
    std::printf("  read back:                                          %8.0f ms\n", readMs);
    return 0;
}
