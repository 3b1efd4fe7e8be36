#include "nginxrenderer.h"

#include "certcheck.h"
#include "weights.h"

#include <QFile>
#include <QSet>

namespace mcp::gateway {

namespace {

const QString kConf = QStringLiteral("/etc/nginx/conf.d/mcp-gateway.conf");
const QString kDir = QStringLiteral("/etc/nginx/mcp");

QString duration(qint64 ms)
{
    return ms % 1000 == 0 ? QStringLiteral("%1s").arg(ms / 1000) : QStringLiteral("%1ms").arg(ms);
}

QStringList locationsFor(const QString &prefix)
{
    if (prefix == QLatin1String("/"))
        return {QStringLiteral("/")};
    if (prefix.endsWith(QLatin1Char('/')))
        return {prefix};
    return {QStringLiteral("= ") + prefix, prefix + QLatin1Char('/')};
}

QString routeBlock(const Route &r)
{
    QString b;
    const auto line = [&b](const QString &text) { b += QStringLiteral("        ") + text + QLatin1Char('\n'); };
    line(QStringLiteral("set $mcp_route %1;").arg(configId(r.name.value)));
    line(QStringLiteral("proxy_pass http://mcp_route_%1;").arg(configId(r.name.value)));
    line(QStringLiteral("proxy_http_version 1.1;"));
    line(QStringLiteral("proxy_set_header Connection \"\";"));
    line(QStringLiteral("proxy_set_header Host $host;"));
    line(QStringLiteral("proxy_set_header X-Request-ID $request_id;"));
    line(QStringLiteral("proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;"));
    line(QStringLiteral("proxy_set_header X-Forwarded-Proto $scheme;"));
    if (r.timeouts) {
        if (r.timeouts->connectMs.present)
            line(QStringLiteral("proxy_connect_timeout %1;").arg(duration(r.timeouts->connectMs.value)));
        if (r.timeouts->readMs.present)
            line(QStringLiteral("proxy_read_timeout %1;").arg(duration(r.timeouts->readMs.value)));
        if (r.timeouts->sendMs.present)
            line(QStringLiteral("proxy_send_timeout %1;").arg(duration(r.timeouts->sendMs.value)));
    }
    if (r.retries) {
        if (r.retries->attempts.value <= 0) {
            line(QStringLiteral("proxy_next_upstream off;"));
        } else {
            QStringList on = r.retries->on.present ? r.retries->on.value : QStringList{QStringLiteral("error"), QStringLiteral("timeout")};
            line(QStringLiteral("proxy_next_upstream %1;").arg(on.join(QLatin1Char(' '))));
            line(QStringLiteral("proxy_next_upstream_tries %1;").arg(r.retries->attempts.value + 1));
        }
    }
    line(QStringLiteral("error_page 502 =503 @mcp_unavailable;"));
    return b;
}

} // namespace

RenderedConfig renderNginx(const GatewaySpec &spec, const QString &version, const EndpointMap &endpoints)
{
    RenderedConfig out;
    out.driver = QStringLiteral("nginx");
    out.mainFile = QStringLiteral("/etc/nginx/nginx.conf");
    QString c;
    c += QStringLiteral("# MCP Console: gateway %1, config version %2. Generated from %3/spec.yaml; edit the spec, not this file.\n\n")
             .arg(spec.name.value, version, kDir);
    c += QStringLiteral(
        "log_format mcp_json escape=json '{\"time\":\"$time_iso8601\",\"requestId\":\"$request_id\",\"route\":\"$mcp_route\","
        "\"method\":\"$request_method\",\"uri\":\"$request_uri\",\"status\":$status,\"upstream\":\"$upstream_addr\","
        "\"upstreamStatus\":\"$upstream_status\",\"version\":\"$mcp_upstream_version\",\"requestTime\":$request_time,"
        "\"upstreamTime\":\"$upstream_response_time\",\"configVersion\":\"%1\"}';\n\n")
             .arg(version);

    // Which version answered, from the upstream address (the access log's "version").
    QString versionMap = QStringLiteral("map $upstream_addr $mcp_upstream_version {\n    default \"\";\n");
    QSet<QString> mapped;
    for (const Route &r : spec.routes) {
        const QList<WeightedServer> servers = weightedServers(r, endpoints, 1000);
        QString up = QStringLiteral("upstream mcp_route_%1 {\n").arg(configId(r.name.value));
        for (const WeightedServer &s : servers) {
            const QString addr = QStringLiteral("%1:%2").arg(s.endpoint.address).arg(s.endpoint.port);
            up += QStringLiteral("    server %1 weight=%2").arg(addr).arg(s.weight);
            if (r.passiveHealth) {
                if (r.passiveHealth->maxFails.present)
                    up += QStringLiteral(" max_fails=%1").arg(r.passiveHealth->maxFails.value);
                if (r.passiveHealth->failTimeoutMs.present)
                    up += QStringLiteral(" fail_timeout=%1").arg(duration(r.passiveHealth->failTimeoutMs.value));
            }
            up += QStringLiteral("; # %1 %2\n").arg(s.endpoint.name, s.endpoint.version);
            if (!mapped.contains(addr)) {
                mapped.insert(addr);
                versionMap += QStringLiteral("    \"%1\" \"%2\";\n").arg(addr, s.endpoint.version);
            }
        }
        if (servers.isEmpty())
            up += QStringLiteral("    server 127.0.0.1:9 down; # no running instance: the route answers 503\n");
        up += QStringLiteral("    keepalive 16;\n}\n\n");
        c += up;
    }
    c += versionMap + QStringLiteral("}\n\n");

    // Server blocks: per listener, one per host named by its routes, and a default one.
    for (const Listener &l : spec.listeners) {
        if (l.protocol.value == QLatin1String("https"))
            out.tlsListeners.append({l.port.value, QStringLiteral("%1/certs/%2.pem").arg(kDir, configId(l.certificate.value))});
        QList<const Route *> onListener;
        for (const Route &r : spec.routes) {
            if (!r.listeners.present || r.listeners.value.contains(l.name.value))
                onListener << &r;
        }
        QStringList hosts;
        for (const Route *r : std::as_const(onListener))
            hosts << r->hosts.value;
        hosts.removeDuplicates();
        const bool https = l.protocol.value == QLatin1String("https");
        const auto server = [&](const QString &host) {
            QString s = QStringLiteral("server {\n");
            s += QStringLiteral("    listen %1%2%3;\n").arg(l.port.value).arg(https ? QStringLiteral(" ssl") : QString(),
                                                            host.isEmpty() ? QStringLiteral(" default_server") : QString());
            s += QStringLiteral("    server_name %1;\n").arg(host.isEmpty() ? QStringLiteral("_") : host);
            if (https) {
                s += QStringLiteral("    ssl_certificate %1/certs/%2.pem;\n").arg(kDir, configId(l.certificate.value));
                s += QStringLiteral("    ssl_certificate_key %1/certs/%2.key;\n").arg(kDir, configId(l.certificate.value));
                s += QStringLiteral("    ssl_protocols TLSv1.2 TLSv1.3;\n");
            }
            s += QStringLiteral("    access_log /var/log/nginx/access.log mcp_json;\n");
            s += QStringLiteral("    add_header X-MCP-Config-Version %1 always;\n").arg(version);
            s += QStringLiteral("    set $mcp_route \"\";\n");
            s += QStringLiteral("    location = /.mcp/version {\n        default_type text/plain;\n        return 200 '%1\\n';\n    }\n").arg(version);
            s += QStringLiteral("    location @mcp_unavailable {\n        default_type application/json;\n"
                                "        return 503 '{\"error\":\"no healthy upstream\",\"route\":\"$mcp_route\",\"requestId\":\"$request_id\"}\\n';\n    }\n");
            // Host-specific routes first; a host-less route fills the locations still free.
            QSet<QString> used;
            const auto emitRoute = [&](const Route *r) {
                for (const QString &loc : locationsFor(r->pathPrefix.value)) {
                    if (used.contains(loc))
                        continue;
                    used.insert(loc);
                    s += QStringLiteral("    location %1 {\n").arg(loc) + routeBlock(*r) + QStringLiteral("    }\n");
                }
            };
            for (const Route *r : std::as_const(onListener)) {
                if (!host.isEmpty() && r->hosts.value.contains(host))
                    emitRoute(r);
            }
            for (const Route *r : std::as_const(onListener)) {
                if (r->hosts.value.isEmpty())
                    emitRoute(r);
            }
            if (!used.contains(QStringLiteral("/")))
                s += QStringLiteral("    location / {\n        default_type application/json;\n"
                                    "        return 404 '{\"error\":\"no route\",\"requestId\":\"$request_id\"}\\n';\n    }\n");
            s += QStringLiteral("}\n\n");
            return s;
        };
        c += server(QString());
        for (const QString &h : std::as_const(hosts))
            c += server(h);
    }
    out.files.insert(kConf, c.toUtf8());

    for (const Certificate &cert : spec.certificates) {
        const QString base = QStringLiteral("%1/certs/%2").arg(kDir, configId(cert.name.value));
        if (const SpecFile pem = readSpecFile(spec.file, cert.certFile.value, spec.fileContents); pem.bytes)
            out.files.insert(base + QStringLiteral(".pem"), *pem.bytes);
        if (const SpecFile key = readSpecFile(spec.file, cert.keyFile.value, spec.fileContents); key.bytes) {
            out.files.insert(base + QStringLiteral(".key"), *key.bytes);
            out.secretFiles << base + QStringLiteral(".key");
        }
    }
    out.files.insert(kDir + QStringLiteral("/version"), version.toUtf8() + '\n');
    return out;
}

} // namespace mcp::gateway
