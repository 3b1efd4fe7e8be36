// Access-log processing, a driver run by scripts/bench-telemetry:
//  1. throughput on one core: the same generated nginx access log (the JSON the driver
//     configures, N lines over 20 routes x 3 versions x 4 instances, 3% 5xx) through the
//     console's parser and store, and through GoAccess (Debian's goaccess, pinned to the
//     same core with taskset, its JSON log format), in lines/s and as a ratio;
//  2. memory: 10 million lines into one store, its resident growth per edge.
//
//   mcp-bench-telemetry [--lines N] [--memory-lines N] [--goaccess PATH]
#include "telemetry/accesslogparser.h"
#include "telemetry/telemetrystore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <cstdio>
#include <sys/resource.h>

using namespace mcp::telemetry;

namespace {

constexpr int kRoutes = 20, kVersions = 3, kInstances = 4;

QByteArray line(QRandomGenerator &rng, qint64 second)
{
    const int route = int(rng.bounded(kRoutes)), version = int(rng.bounded(kVersions)), instance = int(rng.bounded(kInstances));
    const bool failed = rng.bounded(100) < 3;
    const double ms = 2.0 + rng.bounded(40.0) + (rng.bounded(100) == 0 ? rng.bounded(800.0) : 0.0);
    const QDateTime t = QDateTime::fromSecsSinceEpoch(1795000000 + second, Qt::UTC);
    return QStringLiteral("{\"time\":\"%1+00:00\",\"requestId\":\"%2\",\"route\":\"r%3\",\"method\":\"GET\",\"uri\":\"/r%3/item/%4\","
                          "\"status\":%5,\"upstream\":\"172.20.%6.%7:8080\",\"upstreamStatus\":\"%5\",\"version\":\"v%8\","
                          "\"requestTime\":%9,\"upstreamTime\":\"%10\",\"configVersion\":\"0123456789abcdef\"}\n")
        .arg(t.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")))
        .arg(rng.generate64(), 16, 16, QLatin1Char('0'))
        .arg(route)
        .arg(rng.bounded(10000))
        .arg(failed ? 500 : 200)
        .arg(route)
        .arg(10 + version * kInstances + instance)
        .arg(version + 1)
        .arg(ms / 1000.0, 0, 'f', 3)
        .arg((ms - 0.5) / 1000.0, 0, 'f', 3)
        .toUtf8();
}

long maxRssKiB()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss;
}

// What GatewayTraffic does per line, without the Docker stream: parse, resolve, add.
qint64 feed(TelemetryStore &store, const QByteArray &data)
{
    qint64 n = 0;
    qsizetype start = 0;
    while (start < data.size()) {
        qsizetype end = data.indexOf('\n', start);
        if (end < 0)
            end = data.size();
        const auto r = parseAccessLine(QByteArrayView(data.constData() + start, end - start));
        start = end + 1;
        if (!r)
            continue;
        EdgeKey edge{QStringLiteral("edge"), QString::fromUtf8(r->route), QStringLiteral("svc"), QString::fromUtf8(r->version),
                     QString::fromUtf8(r->upstream)};
        store.add(edge, r->timeMs, r->status, r->gatewayMade, r->requestMs);
        ++n;
    }
    return n;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.addOption({QStringLiteral("lines"), QStringLiteral("lines for the throughput run"), QStringLiteral("n"), QStringLiteral("2000000")});
    p.addOption({QStringLiteral("memory-lines"), QStringLiteral("lines for the memory run"), QStringLiteral("n"), QStringLiteral("10000000")});
    p.addOption({QStringLiteral("goaccess"), QStringLiteral("goaccess binary"), QStringLiteral("path"), QStringLiteral("goaccess")});
    p.process(app);
    const qint64 lines = p.value(QStringLiteral("lines")).toLongLong();
    const qint64 memoryLines = p.value(QStringLiteral("memory-lines")).toLongLong();

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("access.json"));
    {
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return 2;
        QRandomGenerator rng(42);
        for (qint64 i = 0; i < lines; ++i)
            f.write(line(rng, i / 2000)); // 2,000 requests a second of log time
    }
    QFile f(path);
    f.open(QIODevice::ReadOnly);
    const QByteArray data = f.readAll();
    std::printf("log: %lld lines, %.1f MB\n", lines, data.size() / 1e6);

    // 1. The console, one thread (this one).
    TelemetryStore store;
    QElapsedTimer t;
    t.start();
    const qint64 counted = feed(store, data);
    const double oursS = t.nsecsElapsed() / 1e9;
    std::printf("mcp-console: %lld lines in %.2f s = %.0f lines/s (%d edges)\n", counted, oursS, counted / oursS, store.edgeCount());

    // GoAccess on the same file, pinned to one core like the line above.
    QProcess goaccess;
    const QString out = dir.filePath(QStringLiteral("goaccess.json"));
    t.restart();
    goaccess.start(QStringLiteral("taskset"),
                   {QStringLiteral("-c"), QStringLiteral("0"), p.value(QStringLiteral("goaccess")), path,
                    QStringLiteral("--log-format={\"time\":\"%x\",\"route\":\"%v\",\"method\":\"%m\",\"uri\":\"%U\",\"status\":\"%s\","
                                   "\"upstream\":\"%h\",\"requestTime\":\"%T\"}"),
                    QStringLiteral("--datetime-format=%Y-%m-%dT%H:%M:%S%z"), QStringLiteral("--no-ip-validation"), QStringLiteral("-o"), out});
    goaccess.waitForFinished(-1);
    const double theirsS = t.nsecsElapsed() / 1e9;
    QFile report(out);
    const bool ok = goaccess.exitCode() == 0 && report.open(QIODevice::ReadOnly) &&
                    report.readAll().contains(QStringLiteral("\"valid_requests\": %1").arg(lines).toUtf8());
    if (!ok) {
        std::printf("goaccess failed or did not count every line: %s\n", goaccess.readAllStandardError().right(400).constData());
    } else {
        std::printf("goaccess:    %lld lines in %.2f s = %.0f lines/s\n", lines, theirsS, lines / theirsS);
        std::printf("ratio: mcp-console processes %.1fx the lines per second of goaccess (one core each)\n", theirsS / oursS);
    }

    // 2. Memory: a long run into one store.
    const long before = maxRssKiB();
    TelemetryStore big;
    QRandomGenerator rng(7);
    qint64 fed = 0;
    QByteArray chunk;
    for (qint64 i = 0; i < memoryLines; ++i) {
        chunk += line(rng, i / 10000); // 10,000 a second: 10 M lines span about 17 minutes
        if (chunk.size() > (8 << 20) || i + 1 == memoryLines) {
            fed += feed(big, chunk);
            chunk.clear();
        }
    }
    const long after = maxRssKiB();
    std::printf("memory: %lld lines into %d edges: resident growth %.1f MiB, at most %.0f KiB per edge including parse buffers (WindowedStats is a fixed %zu KiB)\n", fed,
                big.edgeCount(), (after - before) / 1024.0, double(after - before) / std::max(1, big.edgeCount()),
                sizeof(WindowedStats) / 1024);
    return 0;
}
