// Event-to-output latency: `mcpctl watch --format json` against `docker events` on the same
// engine, in the same run. Both run as child processes reading the same events; the driver
// starts and stops a labelled container through the Engine API N times and, for each
// action, measures how long after the action's reply each process printed a line naming
// the container. docker events prints the raw event; mcpctl watch prints the topology
// change the event caused (after re-listing the container and rebuilding the graph), so
// the ratio is the price of turning an event into a topology delta.
//
//   mcp-bench-watch --mcpctl PATH [--docker PATH] [--host unix:///var/run/docker.sock]
//                   [--image IMAGE] [-n 20]
#include "common/whenready.h"
#include "driver.h"
#include "docker/dockerclient.h"
#include "transport/unixconnector.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace mcp;

namespace {

// A child process whose stdout lines are stamped with the driver's clock on arrival.
class LineWatcher
{
public:
    LineWatcher(const QString &program, const QStringList &args, const QElapsedTimer &clock) : m_clock(clock)
    {
        m_process.setProgram(program);
        m_process.setArguments(args);
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        QObject::connect(&m_process, &QProcess::readyReadStandardOutput, &m_process, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            m_buffer += m_process.readAllStandardOutput();
            qsizetype nl;
            while ((nl = m_buffer.indexOf('\n')) >= 0) {
                m_lines.append({now, m_buffer.left(nl)});
                m_buffer.remove(0, nl + 1);
            }
        });
        m_process.start();
    }
    ~LineWatcher()
    {
        m_process.kill();
        m_process.waitForFinished(3000);
    }
    bool started() { return m_process.waitForStarted(5000); }
    // Arrival time (ns on the driver's clock) of the first line after `since` containing
    // `needle`, or -1.
    qint64 firstAfter(qint64 since, const QByteArray &needle) const
    {
        for (const auto &[at, line] : m_lines) {
            if (at >= since && line.contains(needle))
                return at;
        }
        return -1;
    }
    int lineCount() const { return int(m_lines.size()); }

private:
    const QElapsedTimer &m_clock;
    QProcess m_process;
    QByteArray m_buffer;
    QList<std::pair<qint64, QByteArray>> m_lines;
};

using mcp::bench::wait;

void spin(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

struct Stats : bench::Spread
{
    int missing = 0;
};

Stats stats(const QList<double> &v, int missing)
{
    Stats s;
    static_cast<bench::Spread &>(s) = bench::spreadOf(v);
    s.missing = missing;
    return s;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    QCommandLineOption mcpctlOpt(QStringLiteral("mcpctl"), QStringLiteral("mcpctl binary"), QStringLiteral("path"));
    QCommandLineOption dockerOpt(QStringLiteral("docker"), QStringLiteral("docker CLI"), QStringLiteral("path"),
                                 QStringLiteral("docker"));
    QCommandLineOption hostOpt(QStringLiteral("host"), QStringLiteral("engine (unix socket)"), QStringLiteral("url"),
                               QStringLiteral("unix:///var/run/docker.sock"));
    QCommandLineOption imageOpt(QStringLiteral("image"), QStringLiteral("image to run"), QStringLiteral("image"),
                                QStringLiteral("mcp-test/backend:1"));
    QCommandLineOption countOpt(QStringLiteral("n"), QStringLiteral("actions (start and stop alternate)"),
                                QStringLiteral("n"), QStringLiteral("20"));
    parser.addOptions({mcpctlOpt, dockerOpt, hostOpt, imageOpt, countOpt});
    parser.process(app);
    const QString host = parser.value(hostOpt);
    const QString socket = QString(host).remove(QStringLiteral("unix://"));
    const int n = parser.value(countOpt).toInt();

    transport::UnixConnector connector(socket);
    docker::DockerClient client(&connector);
    if (!wait(client.ping())) {
        std::fprintf(stderr, "engine at %s does not answer\n", qPrintable(host));
        return 2;
    }
    const QString name = QStringLiteral("mcp-bench-watch-%1").arg(QCoreApplication::applicationPid());
    const auto created = wait(client.createContainer(
        name, QJsonObject{{QStringLiteral("Image"), parser.value(imageOpt)},
                          {QStringLiteral("Labels"), QJsonObject{{QStringLiteral("mcp.bench"), QStringLiteral("1")},
                                                                 {QStringLiteral("mcp.test"), QStringLiteral("1")},
                                                                 {QStringLiteral("mcp.service.name"), QStringLiteral("bench-watch")},
                                                                 {QStringLiteral("mcp.service.port"), QStringLiteral("8080")}}}}));
    if (!created) {
        std::fprintf(stderr, "create failed: %s\n", qPrintable(created.errorText()));
        return 2;
    }
    const QString id = *created;
    const QByteArray needle = id.left(12).toUtf8(); // both outputs carry the id (watch: in node ids)

    QElapsedTimer clock;
    clock.start();
    LineWatcher watch(parser.value(mcpctlOpt), {QStringLiteral("watch"), QStringLiteral("--host"), host,
                                                QStringLiteral("--format"), QStringLiteral("json")},
                      clock);
    LineWatcher events(parser.value(dockerOpt),
                       {QStringLiteral("-H"), host, QStringLiteral("events"), QStringLiteral("--filter"),
                        QStringLiteral("type=container"), QStringLiteral("--format"), QStringLiteral("{{json .}}")},
                       clock);
    if (!watch.started() || !events.started()) {
        std::fprintf(stderr, "could not start the watchers\n");
        return 2;
    }
    spin(2000); // both subscribed, watch's first full-topology line printed

    struct Series
    {
        QList<double> ours, peer, added;
        int oursMissing = 0, peerMissing = 0;
    };
    Series series[2]; // [0] start, [1] kill
    for (int i = 0; i < n; ++i) {
        const bool start = i % 2 == 0;
        const qint64 t0 = clock.nsecsElapsed();
        const auto done = wait(start ? client.startContainer(id) : client.killContainer(id));
        if (!done) {
            std::fprintf(stderr, "action failed: %s\n", qPrintable(done.errorText()));
            break;
        }
        qint64 a = -1, b = -1;
        QElapsedTimer deadline;
        deadline.start();
        while ((a < 0 || b < 0) && deadline.elapsed() < 5000) {
            spin(2);
            a = watch.firstAfter(t0, needle);
            b = events.firstAfter(t0, needle);
        }
        const auto ms = [&](qint64 at) { return double(at - t0) / 1e6; };
        Series &ser = series[start ? 0 : 1];
        if (a >= 0 && b >= 0)
            ser.added << double(a - b) / 1e6;
        if (a >= 0)
            ser.ours << ms(a);
        else
            ++ser.oursMissing;
        if (b >= 0)
            ser.peer << ms(b);
        else
            ++ser.peerMissing;
        spin(300); // let both settle so the next action's lines are its own
    }
    (void)wait(client.removeContainer(id, true));

    std::printf("latency from issuing the action to the first line naming the container, %d actions\n"
                "(start and kill alternating), same engine, same run\n\n", n);
    std::printf("%-34s %10s %10s %10s %8s\n", "", "median ms", "p95 ms", "max ms", "missed");
    for (int k = 0; k < 2; ++k) {
        const Series &ser = series[k];
        const Stats o = stats(ser.ours, ser.oursMissing), p = stats(ser.peer, ser.peerMissing), d = stats(ser.added, 0);
        const char *what = k == 0 ? "start" : "kill";
        std::printf("%-6s mcpctl watch (topology)     %10.1f %10.1f %10.1f %8d\n", what, o.median, o.p95, o.max, o.missing);
        std::printf("%-6s docker events (raw)         %10.1f %10.1f %10.1f %8d\n", what, p.median, p.p95, p.max, p.missing);
        std::printf("%-6s added by watch (ours - peer)%10.1f %10.1f %10.1f\n", what, d.median, d.p95, d.max);
        if (p.median > 0)
            std::printf("%-6s ratio ours / docker events, median: %.2f\n\n", what, o.median / p.median);
    }
    return 0;
}
