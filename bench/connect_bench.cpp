// Cold connect + list + inspect of every container, as an operator opening a host does:
// a fresh connector each run (so the SSH handshake counts), one ping, one list, then one
// inspect per container through the client's keep-alive pool. A plain driver rather than
// Google Benchmark: each run is a cold start, and the median of a few runs is what counts.
// Every inspect must succeed, so that a fast failure cannot look like speed.
#include "docker/dockerclient.h"
#include "endpoint/endpoint.h"
#include "hosts/connectorfactory.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFutureWatcher>
#include <QJsonArray>

#include <algorithm>
#include <cstdio>

using namespace mcp;

namespace {

template <typename T>
T waitFor(QFuture<T> f)
{
    QFutureWatcher<T> w;
    QEventLoop loop;
    QObject::connect(&w, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
    w.setFuture(f);
    if (!f.isFinished())
        loop.exec();
    return f.resultCount() ? f.result() : T{};
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QString url;
    hosts::ConnectOptions options;
    int runs = 3;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == QLatin1String("--host"))
            url = args[i + 1];
        else if (args[i] == QLatin1String("--identity"))
            options.identityFiles << args[i + 1], options.identitiesOnly = true;
        else if (args[i] == QLatin1String("--known-hosts"))
            options.knownHostsFile = args[i + 1];
        else if (args[i] == QLatin1String("--runs"))
            runs = args[i + 1].toInt();
    }
    const auto endpoint = endpoint::Endpoint::parse(url);
    if (!endpoint) {
        std::fprintf(stderr, "usage: mcp-bench-connect --host URL [--identity KEY --known-hosts FILE] [--runs N]\n");
        return 2;
    }
    QList<double> seconds;
    int containers = 0;
    for (int r = 0; r < runs; ++r) {
        QElapsedTimer timer;
        timer.start();
        auto connector = hosts::makeConnector(*endpoint, options);
        docker::DockerClient client(connector.get());
        const auto ping = waitFor(client.ping());
        if (!ping) {
            std::fprintf(stderr, "ping: %s\n", qPrintable(ping.error().toString()));
            return 1;
        }
        const auto list = waitFor(client.listContainers(true));
        if (!list) {
            std::fprintf(stderr, "list: %s\n", qPrintable(list.error().toString()));
            return 1;
        }
        QList<QFuture<Result<QJsonObject>>> inspects;
        for (const auto &c : *list)
            inspects << client.inspectContainer(c.toObject().value(QLatin1String("Id")).toString());
        int ok = 0;
        for (auto &f : inspects) {
            const auto r = waitFor(f);
            ok += r.ok() && !r->value(QLatin1String("Id")).toString().isEmpty() ? 1 : 0;
        }
        if (ok != inspects.size()) {
            std::fprintf(stderr, "only %d of %lld inspects succeeded\n", ok, qlonglong(inspects.size()));
            return 1;
        }
        containers = ok;
        seconds << timer.nsecsElapsed() / 1e9;
        std::printf("run %d: %.3f s (%d containers, %d connections, via %s)\n", r + 1, seconds.last(), ok,
                    client.http().connectionsOpened(), qPrintable(connector->pathDescription()));
    }
    std::sort(seconds.begin(), seconds.end());
    std::printf("median %.3f s for %d containers\n", seconds.at(seconds.size() / 2), containers);
    return 0;
}
