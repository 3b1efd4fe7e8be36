#include "haproxyrenderer.h"

#include "certcheck.h"
#include "weights.h"

#include <QFile>

namespace mcp::gateway {

namespace {

const QString kCfg = QStringLiteral("/etc/haproxy/haproxy.cfg");
const QString kDir = QStringLiteral("/etc/haproxy/mcp");

QString ms(qint64 v)
{
    return QStringLiteral("%1ms").arg(v);
}

QString retryOn(const QStringList &on)
{
    QStringList out;
    for (const QString &c : on) {
        if (c == QLatin1String("error"))
            out << QStringLiteral("conn-failure") << QStringLiteral("empty-response");
        else if (c == QLatin1String("timeout"))
            out << QStringLiteral("response-timeout");
        else if (c.startsWith(QLatin1String("http_")))
            out << c.mid(5);
    }
    out.removeDuplicates();
    return out.join(QLatin1Char(' '));
}

} // namespace

RenderedConfig renderHaproxy(const GatewaySpec &spec, const QString &version, const EndpointMap &endpoints)
{
    RenderedConfig out;
    out.driver = QStringLiteral("haproxy");
    out.mainFile = kCfg;
    QString c;
    c += QStringLiteral("# MCP Console: gateway %1, config version %2. Generated from %3/spec.yaml; edit the spec, not this file.\n")
             .arg(spec.name.value, version, kDir);
    c += QStringLiteral(
        "global\n"
        "    log stdout format raw local0 info\n"
        "    stats socket /run/haproxy.sock mode 600 level admin expose-fd listeners\n"
        "    # the runtime API inside the container only, for weight changes without a reload\n"
        "    stats socket ipv4@127.0.0.1:9999 level admin\n"
        "    stats timeout 2m\n\n"
        "defaults\n"
        "    mode http\n"
        "    log global\n"
        "    timeout connect 5s\n"
        "    timeout client 30s\n"
        "    timeout server 30s\n"
        "    unique-id-format %{+X}o%ci%cp%fi%fp%Ts%rt%pid\n"
        "    log-format '{\"time\":\"%tr\",\"requestId\":\"%ID\",\"route\":\"%b\",\"method\":\"%HM\",\"uri\":\"%HU\",\"status\":%ST,"
        "\"upstream\":\"%si:%sp\",\"server\":\"%s\",\"requestTime\":%Ta,\"upstreamTime\":%Tr,\"configVersion\":\"");
    c += version;
    c += QStringLiteral("\"}'\n\n"
                        "frontend mcp_stats\n"
                        "    bind :8404\n"
                        "    stats enable\n"
                        "    stats uri /stats\n\n");

    for (const Listener &l : spec.listeners) {
        c += QStringLiteral("frontend fe_%1\n").arg(configId(l.name.value));
        c += QStringLiteral("    bind :%1").arg(l.port.value);
        if (l.protocol.value == QLatin1String("https")) {
            c += QStringLiteral(" ssl crt %1/certs/%2.pem").arg(kDir, configId(l.certificate.value));
            out.tlsListeners.append({l.port.value, QStringLiteral("%1/certs/%2.pem").arg(kDir, configId(l.certificate.value))});
        }
        c += QLatin1Char('\n');
        c += QStringLiteral("    unique-id-header X-Request-ID\n");
        c += QStringLiteral("    http-request set-header X-Request-ID %[unique-id]\n");
        c += QStringLiteral("    http-after-response set-header X-MCP-Config-Version %1\n").arg(version);
        c += QStringLiteral("    http-request return status 200 content-type text/plain string \"%1\" if { path /.mcp/version }\n").arg(version);
        c += QStringLiteral("    http-request set-var(txn.host) req.hdr(host),field(1,:),lower\n");
        int i = 0;
        for (const Route &r : spec.routes) {
            if (r.listeners.present && !r.listeners.value.contains(l.name.value))
                continue;
            const QString id = QStringLiteral("r%1").arg(i++);
            QStringList conditions;
            if (!r.hosts.value.isEmpty()) {
                QStringList exact, wildcard;
                for (const QString &h : r.hosts.value)
                    (h.startsWith(QLatin1String("*.")) ? wildcard : exact) << h.toLower();
                QStringList any;
                if (!exact.isEmpty()) {
                    c += QStringLiteral("    acl %1_host var(txn.host) -m str %2\n").arg(id, exact.join(QLatin1Char(' ')));
                    any << id + QStringLiteral("_host");
                }
                if (!wildcard.isEmpty()) {
                    QStringList suffixes;
                    for (const QString &w : wildcard)
                        suffixes << w.mid(1); // ".example.com"
                    c += QStringLiteral("    acl %1_wild var(txn.host) -m end %2\n").arg(id, suffixes.join(QLatin1Char(' ')));
                    any << id + QStringLiteral("_wild");
                }
                conditions << (any.size() == 1 ? any.first() : QStringLiteral("{ %1 }").arg(any.join(QStringLiteral(" || "))));
            }
            const QString prefix = r.pathPrefix.value;
            if (prefix != QLatin1String("/")) {
                if (prefix.endsWith(QLatin1Char('/')))
                    c += QStringLiteral("    acl %1_path path_beg %2\n").arg(id, prefix);
                else
                    c += QStringLiteral("    acl %1_path path %2\n    acl %1_path path_beg %2/\n").arg(id, prefix);
                conditions << id + QStringLiteral("_path");
            }
            c += QStringLiteral("    use_backend be_%1%2\n")
                     .arg(configId(r.name.value), conditions.isEmpty() ? QString() : QStringLiteral(" if ") + conditions.join(QLatin1Char(' ')));
        }
        c += QStringLiteral("    default_backend be_mcp_no_route\n\n");
    }

    for (const Route &r : spec.routes) {
        c += QStringLiteral("backend be_%1\n").arg(configId(r.name.value));
        c += QStringLiteral("    balance roundrobin\n");
        c += QStringLiteral("    errorfile 503 %1/503.http\n").arg(kDir);
        if (r.timeouts) {
            if (r.timeouts->connectMs.present)
                c += QStringLiteral("    timeout connect %1\n").arg(ms(r.timeouts->connectMs.value));
            const qint64 server = std::max(r.timeouts->readMs.present ? r.timeouts->readMs.value : 0,
                                           r.timeouts->sendMs.present ? r.timeouts->sendMs.value : 0);
            if (server > 0)
                c += QStringLiteral("    timeout server %1\n").arg(ms(server));
        }
        if (r.retries) {
            c += QStringLiteral("    retries %1\n").arg(r.retries->attempts.value);
            if (r.retries->attempts.value > 0) {
                const QString on = retryOn(r.retries->on.present ? r.retries->on.value
                                                                 : QStringList{QStringLiteral("error"), QStringLiteral("timeout")});
                if (!on.isEmpty())
                    c += QStringLiteral("    retry-on %1\n").arg(on);
                c += QStringLiteral("    option redispatch\n");
            }
        }
        const int fall = r.passiveHealth && r.passiveHealth->maxFails.present && r.passiveHealth->maxFails.value > 0
                             ? r.passiveHealth->maxFails.value
                             : 3;
        const qint64 inter = r.passiveHealth && r.passiveHealth->failTimeoutMs.present
                                 ? std::max<qint64>(1000, r.passiveHealth->failTimeoutMs.value / fall)
                                 : 2000;
        const QList<WeightedServer> servers = weightedServers(r, endpoints, 256);
        int n = 0;
        for (const WeightedServer &s : servers)
            c += QStringLiteral("    server s%1_%2 %3:%4 weight %5 check inter %6 fall %7 rise 2 # %8\n")
                     .arg(n++)
                     .arg(configId(s.endpoint.version.isEmpty() ? QStringLiteral("any") : s.endpoint.version))
                     .arg(s.endpoint.address)
                     .arg(s.endpoint.port)
                     .arg(s.weight)
                     .arg(ms(inter))
                     .arg(fall)
                     .arg(s.endpoint.name);
        if (servers.isEmpty())
            c += QStringLiteral("    server none 127.0.0.1:9 disabled # no running instance: the route answers 503\n");
        c += QLatin1Char('\n');
    }
    c += QStringLiteral("backend be_mcp_no_route\n"
                        "    http-request return status 404 content-type application/json string \"{\\\"error\\\":\\\"no route\\\"}\"\n");
    out.files.insert(kCfg, c.toUtf8());
    out.files.insert(kDir + QStringLiteral("/503.http"),
                     QByteArrayLiteral("HTTP/1.0 503 Service Unavailable\r\nCache-Control: no-cache\r\nConnection: close\r\n"
                                       "Content-Type: application/json\r\n\r\n{\"error\":\"no healthy upstream\"}\n"));

    for (const Certificate &cert : spec.certificates) {
        // HAProxy wants the certificate chain and its key in one file.
        QByteArray combined;
        if (const SpecFile pem = readSpecFile(spec.file, cert.certFile.value, spec.fileContents); pem.bytes)
            combined += *pem.bytes;
        if (const SpecFile key = readSpecFile(spec.file, cert.keyFile.value, spec.fileContents); key.bytes)
            combined += *key.bytes;
        const QString path = QStringLiteral("%1/certs/%2.pem").arg(kDir, configId(cert.name.value));
        out.files.insert(path, combined);
        out.secretFiles << path;
    }
    out.files.insert(kDir + QStringLiteral("/version"), version.toUtf8() + '\n');
    return out;
}

} // namespace mcp::gateway
