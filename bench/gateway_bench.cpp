// Gateway config at scale and push latency, a driver run by scripts/bench-gateway:
//  1. read + validate a generated 5,000-route spec, side by side with `nginx -t` on the
//     config it renders to (Debian's nginx on this machine, same run): the ratio;
//  2. push latency, start to verified, to a real nginx container over the local socket and
//     over SSH (the test bed's sshd);
//  3. HAProxy weight change through the runtime API (no reload), start to read back;
//  4. a gray-release slider's release to the weight applied on the gateway (WeightApply:
//     read the spec it runs, edit, the push checks against the live topology, then the
//     runtime API on HAProxy or a graceful reload on nginx, audit), over unix and SSH.
//
//   mcp-bench-gateway --nginx-image IMG --haproxy-image IMG --ssh URL --ssh-key K --known-hosts F [-r 5]
#include "common/whenready.h"
#include "driver.h"
#include "docker/dockerclient.h"
#include "gateway/pusher.h"
#include "gateway/render.h"
#include "gateway/runtimeweights.h"
#include "gateway/weightapply.h"
#include "hosts/containerinventory.h"
#include "hosts/hostconnection.h"
#include "topology/topologymodel.h"
#include "gateway/specreader.h"
#include "gateway/specvalidator.h"
#include "hosts/connectorfactory.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace mcp;
using namespace mcp::gateway;

namespace {

using mcp::bench::wait;

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v[v.size() / 2];
}

QString bigSpec(int routes)
{
    QString s = QStringLiteral("apiVersion: mcp/v1\nkind: GatewayConfig\nmetadata: {name: big}\nspec:\n  driver: nginx\n"
                               "  listeners:\n    - {name: http, port: 8080}\n  routes:\n");
    for (int i = 0; i < routes; ++i)
        s += QStringLiteral("    - name: r%1\n      match: {hosts: [h%2.example.com], pathPrefix: /svc%1}\n"
                            "      backends:\n        - {service: svc%1, version: v1, weight: 70}\n"
                            "        - {service: svc%1, version: v2, weight: 30}\n"
                            "      timeouts: {connect: 2s, read: 10s}\n      retries: {attempts: 1, on: [error, timeout]}\n")
                 .arg(i)
                 .arg(i % 50);
    return s;
}

QString smallSpec(const QString &driver, int v2)
{
    return QStringLiteral("apiVersion: mcp/v1\nkind: GatewayConfig\nmetadata: {name: bench-%1}\nspec:\n  driver: %1\n"
                          "  listeners:\n    - {name: http, port: 8080}\n  routes:\n    - name: app\n"
                          "      match: {pathPrefix: /}\n      backends:\n        - {service: bench-app, version: v1, weight: %2}\n"
                          "        - {service: bench-app, version: v2, weight: %3}\n")
        .arg(driver)
        .arg(100 - v2)
        .arg(v2);
}

QString dockerCli(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral("docker"), args);
    p.waitForFinished(120000);
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

RenderedConfig renderText(const QString &dir, const QString &text, const EndpointMap &endpoints, GatewaySpec *specOut = nullptr)
{
    const QString file = dir + QStringLiteral("/spec.yaml");
    QFile f(file);
    f.open(QIODevice::WriteOnly);
    f.write(text.toUtf8());
    f.close();
    const SpecReading r = readSpecFile(file);
    if (specOut)
        *specOut = r.spec;
    return renderConfig(r.spec, text.toUtf8(), endpoints);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    QCommandLineOption nginxImage(QStringLiteral("nginx-image"), QStringLiteral("nginx image"), QStringLiteral("img"), QStringLiteral("mcp-test/nginx:1"));
    QCommandLineOption haproxyImage(QStringLiteral("haproxy-image"), QStringLiteral("haproxy image"), QStringLiteral("img"), QStringLiteral("mcp-test/haproxy:1"));
    QCommandLineOption sshUrl(QStringLiteral("ssh"), QStringLiteral("ssh URL of the same engine"), QStringLiteral("url"));
    QCommandLineOption sshKey(QStringLiteral("ssh-key"), QStringLiteral("identity"), QStringLiteral("file"));
    QCommandLineOption knownHosts(QStringLiteral("known-hosts"), QStringLiteral("known_hosts"), QStringLiteral("file"));
    QCommandLineOption runs(QStringLiteral("r"), QStringLiteral("runs"), QStringLiteral("n"), QStringLiteral("5"));
    parser.addOptions({nginxImage, haproxyImage, sshUrl, sshKey, knownHosts, runs});
    parser.process(app);
    const int n = parser.value(runs).toInt();
    QTemporaryDir dir;

    // 1. Validation of 5,000 routes vs nginx -t of the rendered config.
    const QString big = bigSpec(5000);
    QList<double> ours, peer;
    EndpointMap endpoints;
    for (int i = 0; i < 5000; ++i)
        for (const char *v : {"v1", "v2"})
            endpoints[QStringLiteral("svc%1/%2").arg(i).arg(QLatin1String(v))]
                << InstanceEndpoint{QStringLiteral("svc%1").arg(i), QStringLiteral("10.%1.%2.%3").arg(i / 62500).arg(i / 250 % 250).arg(i % 250 + 1), 8080,
                                    QString::fromLatin1(v)};
    const RenderedConfig bigConfig = renderText(dir.path(), big, endpoints);
    QDir(dir.path()).mkpath(QStringLiteral("nginx/logs"));
    {
        QFile conf(dir.filePath(QStringLiteral("nginx/mcp-gateway.conf")));
        conf.open(QIODevice::WriteOnly);
        conf.write(bigConfig.files.value(QStringLiteral("/etc/nginx/conf.d/mcp-gateway.conf")));
        QFile main(dir.filePath(QStringLiteral("nginx/nginx.conf")));
        main.open(QIODevice::WriteOnly);
        main.write(QStringLiteral("pid %1/nginx/nginx.pid;\nerror_log %1/nginx/logs/error.log;\nevents {}\nhttp {\n"
                                  "  access_log off;\n  server_names_hash_bucket_size 128;\n  include %1/nginx/mcp-gateway.conf;\n}\n")
                       .arg(dir.path())
                       .toUtf8());
    }
    for (int i = 0; i < n; ++i) {
        QElapsedTimer t;
        t.start();
        const SpecReading r = readSpecText(big.toUtf8(), QStringLiteral("big.yaml"));
        const Findings f = validateSpec(r.spec);
        ours << t.nsecsElapsed() / 1e6;
        if (!r.findings.isEmpty() || hasErrors(f)) {
            std::fprintf(stderr, "the generated spec has findings\n");
            return 2;
        }
        QProcess nginx;
        t.restart();
        nginx.start(QStringLiteral("/usr/sbin/nginx"), {QStringLiteral("-t"), QStringLiteral("-q"), QStringLiteral("-p"), dir.filePath(QStringLiteral("nginx")),
                                                         QStringLiteral("-c"), dir.filePath(QStringLiteral("nginx/nginx.conf"))});
        nginx.waitForFinished(120000);
        peer << t.nsecsElapsed() / 1e6;
        if (nginx.exitCode() != 0) {
            std::fprintf(stderr, "nginx -t failed: %s\n", nginx.readAllStandardError().constData());
            return 2;
        }
    }
    std::printf("validate 5,000 routes (read + all offline checks), median of %d\n", n);
    std::printf("  ours %.1f ms   nginx -t on the rendered config %.1f ms   ratio nginx/ours %.2fx\n\n", median(ours), median(peer),
                median(peer) / median(ours));

    // 2 + 3: real gateways behind two backends.
    const QString net = QStringLiteral("mcp-bench-gw");
    dockerCli({QStringLiteral("rm"), QStringLiteral("-f"), QStringLiteral("mcp-bench-gw-nginx"), QStringLiteral("mcp-bench-gw-haproxy"),
            QStringLiteral("mcp-bench-gw-v1"), QStringLiteral("mcp-bench-gw-v2")});
    dockerCli({QStringLiteral("network"), QStringLiteral("rm"), net});
    dockerCli({QStringLiteral("network"), QStringLiteral("create"), QStringLiteral("--label"), QStringLiteral("mcp.bench=1"), net});
    EndpointMap live;
    for (const QString &v : {QStringLiteral("v1"), QStringLiteral("v2")}) {
        dockerCli({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), QStringLiteral("mcp-bench-gw-") + v, QStringLiteral("--network"), net,
                QStringLiteral("--label"), QStringLiteral("mcp.bench=1"), QStringLiteral("--label"), QStringLiteral("mcp.service.name=bench-app"),
                QStringLiteral("--label"), QStringLiteral("mcp.service.port=8080"), QStringLiteral("--label"), QStringLiteral("mcp.service.version=") + v,
                QStringLiteral("mcp-test/backend:1")});
        live[QStringLiteral("bench-app/") + v] << InstanceEndpoint{
            v, dockerCli({QStringLiteral("inspect"), QStringLiteral("-f"), QStringLiteral("{{(index .NetworkSettings.Networks \"%1\").IPAddress}}").arg(net),
                       QStringLiteral("mcp-bench-gw-") + v}),
            8080, v};
    }
    for (const QString &driver : {QStringLiteral("nginx"), QStringLiteral("haproxy")})
        dockerCli({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), QStringLiteral("mcp-bench-gw-") + driver, QStringLiteral("--network"), net,
                QStringLiteral("--label"), QStringLiteral("mcp.bench=1"), QStringLiteral("--label"), QStringLiteral("mcp.gateway=bench-") + driver,
                QStringLiteral("--label"), QStringLiteral("mcp.gateway.driver=") + driver, parser.value(driver == QLatin1String("nginx") ? nginxImage : haproxyImage)});

    const auto pushTimes = [&](const endpoint::Endpoint &ep, const hosts::ConnectOptions &options, const QString &label) {
        auto connector = hosts::makeConnector(ep, options);
        docker::DockerClient client(connector.get());
        if (!wait(client.ping())) {
            std::printf("  %s: engine unreachable, skipped\n", qPrintable(label));
            return;
        }
        QList<double> times;
        for (int i = 0; i < n; ++i) {
            const RenderedConfig config = renderText(dir.path(), smallSpec(QStringLiteral("nginx"), 10 + i), live);
            GatewayPush push(&client, QStringLiteral("bench-nginx"), config);
            QEventLoop loop;
            QObject::connect(&push, &GatewayPush::finished, &loop, &QEventLoop::quit);
            QElapsedTimer t;
            t.start();
            push.start();
            loop.exec();
            if (!push.outcome().ok) {
                std::printf("  %s: push failed: %s\n", qPrintable(label), qPrintable(push.outcome().error.toString()));
                return;
            }
            times << t.nsecsElapsed() / 1e6;
        }
        std::printf("  %-28s median %.0f ms, min %.0f, max %.0f\n", qPrintable(label), median(times), *std::min_element(times.begin(), times.end()),
                    *std::max_element(times.begin(), times.end()));
    };
    std::printf("push to one nginx replica, start to verified (fetch, write, nginx -t, reload, verify), %d pushes\n", n);
    pushTimes(*endpoint::Endpoint::parse(QStringLiteral("unix:///var/run/docker.sock")), {}, QStringLiteral("unix socket"));
    if (parser.isSet(sshUrl)) {
        hosts::ConnectOptions options;
        options.identityFiles = {parser.value(sshKey)};
        options.identitiesOnly = true;
        options.knownHostsFile = parser.value(knownHosts);
        options.sshConfigFile = QStringLiteral("none");
        pushTimes(*endpoint::Endpoint::parse(parser.value(sshUrl)), options, QStringLiteral("SSH (libssh2)"));
    }

    // 3. HAProxy: one full push, then runtime weight changes.
    {
        auto connector = hosts::makeConnector(*endpoint::Endpoint::parse(QStringLiteral("unix:///var/run/docker.sock")));
        docker::DockerClient client(connector.get());
        GatewayPush first(&client, QStringLiteral("bench-haproxy"), renderText(dir.path(), smallSpec(QStringLiteral("haproxy"), 10), live));
        QEventLoop loop;
        QObject::connect(&first, &GatewayPush::finished, &loop, &QEventLoop::quit);
        first.start();
        loop.exec();
        QList<double> times;
        for (int i = 0; i < n && first.outcome().ok; ++i) {
            GatewaySpec spec;
            const RenderedConfig config = renderText(dir.path(), smallSpec(QStringLiteral("haproxy"), 20 + 5 * i), live, &spec);
            RuntimeWeightChange change(&client, QStringLiteral("bench-haproxy"), spec, config, live);
            QEventLoop l;
            QObject::connect(&change, &RuntimeWeightChange::finished, &l, &QEventLoop::quit);
            QElapsedTimer t;
            t.start();
            change.start();
            l.exec();
            if (!change.outcome().ok) {
                std::printf("  weight change failed: %s\n", qPrintable(change.outcome().error.toString()));
                break;
            }
            times << t.nsecsElapsed() / 1e6;
        }
        std::printf("\nHAProxy weight change through the runtime API (set, read back, files written; no reload), %d changes\n", int(times.size()));
        if (!times.isEmpty())
            std::printf("  median %.0f ms, min %.0f, max %.0f\n", median(times), *std::min_element(times.begin(), times.end()),
                        *std::max_element(times.begin(), times.end()));
    }
    // 4. Slider release to weight applied, through WeightApply as the console does it.
    qputenv("MCP_AUDIT_LOG", dir.filePath(QStringLiteral("audit.jsonl")).toUtf8());
    const auto applyTimes = [&](const endpoint::Endpoint &ep, const hosts::ConnectOptions &options, const QString &label) {
        hosts::HostConnection host(QStringLiteral("bench"), ep, hosts::makeConnector(ep, options));
        hosts::ContainerInventory inventory(&host);
        topology::TopologyModel model;
        model.addHost(&host, &inventory);
        host.start();
        QElapsedTimer synced;
        synced.start();
        while (!inventory.isSynced() && synced.elapsed() < 30000)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 100);
        if (!inventory.isSynced()) {
            std::printf("  %s: engine unreachable, skipped\n", qPrintable(label));
            return;
        }
        model.rebuildNow();
        for (const QString &driver : {QStringLiteral("haproxy"), QStringLiteral("nginx")}) {
            QList<double> times;
            QString method;
            for (int i = 0; i < n; ++i) {
                WeightApply::Request request;
                request.gateway = QStringLiteral("bench-") + driver;
                request.route = QStringLiteral("app");
                request.weights = {{QStringLiteral("v1"), 60 - 5 * i}, {QStringLiteral("v2"), 40 + 5 * i}};
                WeightApply apply(host.client(), model.hostGraph(QStringLiteral("bench")), request);
                QEventLoop l;
                QObject::connect(&apply, &WeightApply::finished, &l, &QEventLoop::quit);
                QElapsedTimer t;
                t.start();
                apply.start();
                l.exec();
                if (!apply.outcome().ok) {
                    std::printf("  %s %s: failed: %s\n", qPrintable(label), qPrintable(driver), qPrintable(apply.outcome().error.toString()));
                    break;
                }
                method = apply.outcome().method;
                times << t.nsecsElapsed() / 1e6;
            }
            if (!times.isEmpty())
                std::printf("  %-14s %-8s (%s) median %.0f ms, min %.0f, max %.0f\n", qPrintable(label), qPrintable(driver), qPrintable(method),
                            median(times), *std::min_element(times.begin(), times.end()), *std::max_element(times.begin(), times.end()));
        }
        host.stop();
    };
    {
        // nginx needs a pushed spec to change (HAProxy has one from part 3).
        auto connector = hosts::makeConnector(*endpoint::Endpoint::parse(QStringLiteral("unix:///var/run/docker.sock")));
        docker::DockerClient client(connector.get());
        GatewayPush push(&client, QStringLiteral("bench-nginx"), renderText(dir.path(), smallSpec(QStringLiteral("nginx"), 10), live));
        QEventLoop loop;
        QObject::connect(&push, &GatewayPush::finished, &loop, &QEventLoop::quit);
        push.start();
        loop.exec();
    }
    std::printf("\nslider release to weight applied (WeightApply: read, edit, checks, apply, audit), %d changes each\n", n);
    applyTimes(*endpoint::Endpoint::parse(QStringLiteral("unix:///var/run/docker.sock")), {}, QStringLiteral("unix socket"));
    if (parser.isSet(sshUrl)) {
        hosts::ConnectOptions options;
        options.identityFiles = {parser.value(sshKey)};
        options.identitiesOnly = true;
        options.knownHostsFile = parser.value(knownHosts);
        options.sshConfigFile = QStringLiteral("none");
        applyTimes(*endpoint::Endpoint::parse(parser.value(sshUrl)), options, QStringLiteral("SSH (libssh2)"));
    }

    dockerCli({QStringLiteral("rm"), QStringLiteral("-f"), QStringLiteral("mcp-bench-gw-nginx"), QStringLiteral("mcp-bench-gw-haproxy"),
            QStringLiteral("mcp-bench-gw-v1"), QStringLiteral("mcp-bench-gw-v2")});
    dockerCli({QStringLiteral("network"), QStringLiteral("rm"), net});
    return 0;
}
