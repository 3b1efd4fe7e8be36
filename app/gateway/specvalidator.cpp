#include "specvalidator.h"

#include "certcheck.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>
#include <QSet>

namespace mcp::gateway {

namespace {

const QStringList kRetryConditions{QStringLiteral("error"),    QStringLiteral("timeout"),  QStringLiteral("http_500"),
                                   QStringLiteral("http_502"), QStringLiteral("http_503"), QStringLiteral("http_504"),
                                   QStringLiteral("http_429")};

class Validator
{
public:
    explicit Validator(const GatewaySpec &spec) : s(spec) {}

    Findings out;

    void add(const QString &code, const SourcePos &pos, const QString &message, const QString &hint,
             Finding::Severity severity = Finding::Severity::Error)
    {
        out << Finding{code, severity, s.file, pos, message, hint};
    }

    void run()
    {
        metadata();
        listeners();
        certificates();
        routes();
    }

private:
    void metadata()
    {
        static const QRegularExpression name(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$"));
        if (s.name.present && !name.match(s.name.value).hasMatch())
            add(QStringLiteral("spec.name"), s.name.pos, QCoreApplication::translate("mcp::gateway::Validation", "gateway name `%1` is not a valid label value").arg(s.name.value),
                QCoreApplication::translate("mcp::gateway::Validation", "use letters, digits, . _ - (it must equal the mcp.gateway label of the gateway containers)"));
        if (s.driver.present && s.driver.value != QLatin1String("nginx") && s.driver.value != QLatin1String("haproxy"))
            add(QStringLiteral("spec.driver"), s.driver.pos, QCoreApplication::translate("mcp::gateway::Validation", "driver `%1` is not supported").arg(s.driver.value),
                QCoreApplication::translate("mcp::gateway::Validation", "use `nginx` or `haproxy`"));
    }

    void listeners()
    {
        QHash<QString, SourcePos> names;
        QHash<int, QString> ports;
        for (const Listener &l : s.listeners) {
            if (l.name.present) {
                if (names.contains(l.name.value))
                    add(QStringLiteral("spec.duplicate-listener"), l.name.pos,
                        QCoreApplication::translate("mcp::gateway::Validation", "listener `%1` is defined twice (first at line %2)").arg(l.name.value).arg(names[l.name.value].line),
                        QCoreApplication::translate("mcp::gateway::Validation", "give each listener its own name"));
                else
                    names.insert(l.name.value, l.name.pos);
            }
            if (l.port.present) {
                if (l.port.value < 1 || l.port.value > 65535)
                    add(QStringLiteral("spec.listener-port"), l.port.pos, QCoreApplication::translate("mcp::gateway::Validation", "port %1 is out of range").arg(l.port.value),
                        QCoreApplication::translate("mcp::gateway::Validation", "use a port from 1 to 65535"));
                else if (ports.contains(l.port.value))
                    add(QStringLiteral("spec.duplicate-port"), l.port.pos,
                        QCoreApplication::translate("mcp::gateway::Validation", "port %1 is already used by listener `%2`").arg(l.port.value).arg(ports[l.port.value]),
                        QCoreApplication::translate("mcp::gateway::Validation", "each listener needs its own port"));
                else
                    ports.insert(l.port.value, l.name.value);
            }
            const QString protocol = l.protocol.value;
            if (protocol != QLatin1String("http") && protocol != QLatin1String("https")) {
                add(QStringLiteral("spec.listener-protocol"), l.protocol.pos, QCoreApplication::translate("mcp::gateway::Validation", "protocol `%1` is not supported").arg(protocol),
                    QCoreApplication::translate("mcp::gateway::Validation", "use `http` or `https`"));
            } else if (protocol == QLatin1String("https") && !l.certificate.present) {
                add(QStringLiteral("spec.https-without-certificate"), l.pos,
                    QCoreApplication::translate("mcp::gateway::Validation", "https listener `%1` has no certificate").arg(l.name.value),
                    QCoreApplication::translate("mcp::gateway::Validation", "add `certificate: <name>` naming an entry of spec.certificates"));
            } else if (protocol == QLatin1String("http") && l.certificate.present) {
                add(QStringLiteral("spec.certificate-on-http"), l.certificate.pos,
                    QCoreApplication::translate("mcp::gateway::Validation", "http listener `%1` names a certificate it will not use").arg(l.name.value),
                    QCoreApplication::translate("mcp::gateway::Validation", "set `protocol: https` or remove the certificate"), Finding::Severity::Warning);
            }
            if (l.certificate.present && !hasCertificate(l.certificate.value))
                add(QStringLiteral("spec.unknown-certificate"), l.certificate.pos,
                    QCoreApplication::translate("mcp::gateway::Validation", "certificate `%1` is not defined").arg(l.certificate.value),
                    QCoreApplication::translate("mcp::gateway::Validation", "define it under spec.certificates, or fix the name"));
        }
    }

    bool hasCertificate(const QString &name) const
    {
        for (const Certificate &c : s.certificates) {
            if (c.name.value == name)
                return true;
        }
        return false;
    }

    void certificates()
    {
        QHash<QString, int> names;
        for (const Certificate &c : s.certificates) {
            if (names.contains(c.name.value))
                add(QStringLiteral("spec.duplicate-certificate"), c.name.pos,
                    QCoreApplication::translate("mcp::gateway::Validation", "certificate `%1` is defined twice (first at line %2)").arg(c.name.value).arg(names[c.name.value]),
                    QCoreApplication::translate("mcp::gateway::Validation", "give each certificate its own name"));
            else
                names.insert(c.name.value, c.name.pos.line);
            // Which host names must this certificate cover: the routes on its listeners.
            QStringList hosts;
            for (const Listener &l : s.listeners) {
                if (l.certificate.value != c.name.value)
                    continue;
                for (const Route &r : s.routes) {
                    if (!r.listeners.present || r.listeners.value.contains(l.name.value))
                        hosts << r.hosts.value;
                }
            }
            hosts.removeDuplicates();
            out << checkCertificate(s.file, c, hosts, s.fileContents);
        }
    }

    void routes()
    {
        QHash<QString, int> names;
        QSet<QString> listenerNames;
        for (const Listener &l : s.listeners)
            listenerNames.insert(l.name.value);
        static const QRegularExpression pathRe(QStringLiteral("^/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*$"));
        static const QRegularExpression hostRe(
            QStringLiteral("^(\\*\\.)?([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$"));
        for (int i = 0; i < s.routes.size(); ++i) {
            const Route &r = s.routes[i];
            if (names.contains(r.name.value))
                add(QStringLiteral("spec.duplicate-route"), r.name.pos,
                    QCoreApplication::translate("mcp::gateway::Validation", "route `%1` is defined twice (first at line %2)").arg(r.name.value).arg(names[r.name.value]),
                    QCoreApplication::translate("mcp::gateway::Validation", "give each route its own name"));
            else
                names.insert(r.name.value, r.name.pos.line);
            for (const QString &l : r.listeners.value) {
                if (!listenerNames.contains(l))
                    add(QStringLiteral("spec.unknown-listener"), r.listeners.pos,
                        QCoreApplication::translate("mcp::gateway::Validation", "route `%1` names listener `%2`, which is not defined").arg(r.name.value, l),
                        QCoreApplication::translate("mcp::gateway::Validation", "use one of: %1").arg(QStringList(listenerNames.begin(), listenerNames.end()).join(QStringLiteral(", "))));
            }
            if (r.pathPrefix.present) {
                const QString p = r.pathPrefix.value;
                if (!pathRe.match(p).hasMatch() || p.contains(QLatin1String("//")) || p.split(QLatin1Char('/')).contains(QStringLiteral("..")))
                    add(QStringLiteral("spec.path-syntax"), r.pathPrefix.pos, QCoreApplication::translate("mcp::gateway::Validation", "`%1` is not a valid path prefix").arg(p),
                        QCoreApplication::translate("mcp::gateway::Validation", "start with /, no spaces, query (?), fragment (#), // or .. segments"));
            }
            for (const QString &h : r.hosts.value) {
                if (!hostRe.match(h).hasMatch())
                    add(QStringLiteral("spec.host-syntax"), r.hosts.pos, QCoreApplication::translate("mcp::gateway::Validation", "`%1` is not a valid host name").arg(h),
                        QCoreApplication::translate("mcp::gateway::Validation", "write a DNS name such as api.example.com or *.example.com (no scheme, port or path)"));
            }
            backends(r);
            durations(r);
            retries(r);
            rollout(r);
            // Only earlier routes whose prefix is this one's or an ancestor of it can match
            // everything it matches: look them up by prefix instead of comparing all pairs
            // (a 5,000-route spec is 12.5 million pairs).
            if (r.pathPrefix.present) {
                QSet<int> candidates;
                for (const QString &ancestor : ancestorsOf(r.pathPrefix.value)) {
                    for (int j : byPrefix.value(ancestor))
                        candidates.insert(j);
                }
                QList<int> ordered(candidates.begin(), candidates.end());
                std::sort(ordered.begin(), ordered.end());
                for (int j : std::as_const(ordered))
                    compareMatch(j, i);
                byPrefix[r.pathPrefix.value] << i;
            }
        }
    }

    // "/a/b" -> "/a/b", "/a/b/", "/a/", "/a", "/": every prefix that covers it.
    static QStringList ancestorsOf(const QString &prefix)
    {
        QStringList out{prefix, QStringLiteral("/")};
        QString p = prefix;
        if (!p.endsWith(QLatin1Char('/')))
            out << p + QLatin1Char('/');
        while (p.size() > 1) {
            if (p.endsWith(QLatin1Char('/')))
                p.chop(1);
            const qsizetype slash = p.lastIndexOf(QLatin1Char('/'));
            p = p.left(slash + 1); // "/a/"
            out << p;
            if (p.size() > 1)
                out << p.left(p.size() - 1); // "/a"
        }
        out.removeDuplicates();
        return out;
    }

    // Per route, computed once: its listeners and hosts as sets.
    struct MatchKey
    {
        QSet<QString> listeners;
        QSet<QString> hosts;
    };
    const MatchKey &keyOf(int i)
    {
        auto it = keys.find(i);
        if (it == keys.end()) {
            const Route &r = s.routes[i];
            const QStringList l = listenersOf(r);
            it = keys.insert(i, MatchKey{QSet<QString>(l.begin(), l.end()), QSet<QString>(r.hosts.value.begin(), r.hosts.value.end())});
        }
        return *it;
    }
    QHash<int, MatchKey> keys;
    QHash<QString, QList<int>> byPrefix;

    QStringList listenersOf(const Route &r) const
    {
        if (r.listeners.present)
            return r.listeners.value;
        QStringList all;
        for (const Listener &l : s.listeners)
            all << l.name.value;
        return all;
    }

    static bool prefixCovers(const QString &earlier, const QString &later)
    {
        if (earlier == later || earlier == QLatin1String("/"))
            return true;
        const QString base = earlier.endsWith(QLatin1Char('/')) ? earlier : earlier + QLatin1Char('/');
        return later.startsWith(base);
    }

    // Routes match in order, the first match wins (docs/spec.md): an earlier route that
    // matches everything a later one matches makes it unreachable.
    void compareMatch(int earlierIndex, int laterIndex)
    {
        const Route &earlier = s.routes[earlierIndex];
        const Route &later = s.routes[laterIndex];
        if (!earlier.pathPrefix.present || !later.pathPrefix.present)
            return;
        const QSet<QString> &eh = keyOf(earlierIndex).hosts, &lh = keyOf(laterIndex).hosts;
        const QSet<QString> &elSet = keyOf(earlierIndex).listeners, &llSet = keyOf(laterIndex).listeners;
        if (earlier.pathPrefix.value == later.pathPrefix.value && eh == lh && elSet.intersects(llSet)) {
            add(QStringLiteral("spec.duplicate-match"), later.pathPrefix.pos,
                QCoreApplication::translate("mcp::gateway::Validation", "route `%1` matches the same listener, hosts and path prefix `%2` as route `%3` (line %4)")
                    .arg(later.name.value, later.pathPrefix.value, earlier.name.value)
                    .arg(earlier.pos.line),
                QCoreApplication::translate("mcp::gateway::Validation", "merge the two routes (list both backends with weights), or change one's hosts or prefix"));
            return;
        }
        const bool hostsCovered = eh.isEmpty() || (!lh.isEmpty() && eh.contains(lh));
        if (elSet.contains(llSet) && hostsCovered && prefixCovers(earlier.pathPrefix.value, later.pathPrefix.value))
            add(QStringLiteral("spec.route-shadowed"), later.pos,
                QStringLiteral("route `%1` can never match: route `%2` (line %3) comes first and matches every request it "
                               "would (prefix `%4` covers `%5`)")
                    .arg(later.name.value, earlier.name.value)
                    .arg(earlier.pos.line)
                    .arg(earlier.pathPrefix.value, later.pathPrefix.value),
                QCoreApplication::translate("mcp::gateway::Validation", "move `%1` above `%2`: more specific routes go first").arg(later.name.value, earlier.name.value));
    }

    void backends(const Route &r)
    {
        if (r.backends.isEmpty()) {
            add(QStringLiteral("spec.no-backends"), r.backendsPos, QCoreApplication::translate("mcp::gateway::Validation", "route `%1` has no backends").arg(r.name.value),
                QCoreApplication::translate("mcp::gateway::Validation", "add at least one `- {service: ..., weight: 100}`"));
            return;
        }
        int sum = 0;
        bool anyPositive = false, weightsOk = true;
        QHash<QString, int> seen;
        for (const Backend &b : r.backends) {
            const QString key = b.service.value + QLatin1Char('/') + b.version.value;
            if (seen.contains(key))
                add(QStringLiteral("spec.duplicate-backend"), b.pos,
                    QCoreApplication::translate("mcp::gateway::Validation", "backend %1%2 appears twice in route `%3`")
                        .arg(b.service.value, b.version.present ? QLatin1Char(' ') + b.version.value : QString(), r.name.value),
                    QCoreApplication::translate("mcp::gateway::Validation", "list each service/version once with its whole weight"));
            seen.insert(key, 1);
            if (!b.weight.present && r.backends.size() > 1) {
                add(QStringLiteral("spec.weight-missing"), b.pos,
                    QCoreApplication::translate("mcp::gateway::Validation", "backend %1 of route `%2` has no weight").arg(b.service.value, r.name.value),
                    QCoreApplication::translate("mcp::gateway::Validation", "with several backends every one needs a weight; they sum to 100"));
                weightsOk = false;
                continue;
            }
            const int w = effectiveWeight(r, b);
            if (w < 0 || w > 100) {
                add(QStringLiteral("spec.weight-range"), b.weight.pos, QCoreApplication::translate("mcp::gateway::Validation", "weight %1 is out of range").arg(w),
                    QCoreApplication::translate("mcp::gateway::Validation", "weights are whole numbers from 0 to 100"));
                weightsOk = false;
            }
            sum += w;
            anyPositive = anyPositive || w > 0;
        }
        if (!weightsOk)
            return;
        if (!anyPositive)
            add(QStringLiteral("spec.weight-all-zero"), r.backendsPos,
                QCoreApplication::translate("mcp::gateway::Validation", "every backend of route `%1` has weight 0: nothing would receive traffic").arg(r.name.value),
                QCoreApplication::translate("mcp::gateway::Validation", "give at least one backend a weight above 0"));
        else if (sum != 100)
            add(QStringLiteral("spec.weight-sum"), r.backendsPos,
                QCoreApplication::translate("mcp::gateway::Validation", "the weights of route `%1` sum to %2, not 100").arg(r.name.value).arg(sum),
                QCoreApplication::translate("mcp::gateway::Validation", "adjust the weights so they add up to 100"));
    }

    void durations(const Route &r)
    {
        const auto positive = [&](const Located<qint64> &d, const char *what) {
            if (d.present && d.value <= 0)
                add(QStringLiteral("spec.duration-zero"), d.pos, QCoreApplication::translate("mcp::gateway::Validation", "%1 must be longer than 0").arg(QLatin1String(what)),
                    QCoreApplication::translate("mcp::gateway::Validation", "write a positive duration such as 5s"));
        };
        if (r.timeouts) {
            positive(r.timeouts->connectMs, "timeouts.connect");
            positive(r.timeouts->readMs, "timeouts.read");
            positive(r.timeouts->sendMs, "timeouts.send");
        }
        if (r.passiveHealth) {
            positive(r.passiveHealth->failTimeoutMs, "passiveHealth.failTimeout");
            if (r.passiveHealth->maxFails.present && r.passiveHealth->maxFails.value < 0)
                add(QStringLiteral("spec.max-fails"), r.passiveHealth->maxFails.pos, QCoreApplication::translate("mcp::gateway::Validation", "maxFails cannot be negative"),
                    QCoreApplication::translate("mcp::gateway::Validation", "use 0 (never mark down) or a small number such as 3"));
        }
    }

    void retries(const Route &r)
    {
        if (!r.retries)
            return;
        if (r.retries->attempts.present && (r.retries->attempts.value < 0 || r.retries->attempts.value > 10))
            add(QStringLiteral("spec.retry-attempts"), r.retries->attempts.pos,
                QCoreApplication::translate("mcp::gateway::Validation", "%1 retry attempts is out of range").arg(r.retries->attempts.value),
                QCoreApplication::translate("mcp::gateway::Validation", "use 0 to 10 attempts"));
        for (const QString &c : r.retries->on.value) {
            if (!kRetryConditions.contains(c))
                add(QStringLiteral("spec.retry-condition"), r.retries->on.pos, QCoreApplication::translate("mcp::gateway::Validation", "`%1` is not a retry condition").arg(c),
                    QCoreApplication::translate("mcp::gateway::Validation", "use: %1").arg(kRetryConditions.join(QStringLiteral(", "))));
        }
    }

    void rollout(const Route &r)
    {
        if (!r.rollout)
            return;
        const Rollout &o = *r.rollout;
        const auto hasVersion = [&](const QString &v) {
            return std::any_of(r.backends.cbegin(), r.backends.cend(), [&](const Backend &b) { return b.version.value == v; });
        };
        QStringList versions;
        for (const Backend &b : r.backends)
            versions << (b.version.value.isEmpty() ? QCoreApplication::translate("mcp::gateway::Validation", "(no version)") : b.version.value);
        for (const Located<QString> *v : {&o.stable, &o.canary})
            if (v->present && !hasVersion(v->value))
                add(QStringLiteral("spec.rollout-version"), v->pos,
                    QCoreApplication::translate("mcp::gateway::Validation", "route `%1` has no backend with version `%2`").arg(r.name.value, v->value),
                    QCoreApplication::translate("mcp::gateway::Validation", "name one of the route's versions: %1").arg(versions.join(QStringLiteral(", "))));
        if (o.stable.present && o.canary.present && o.stable.value == o.canary.value)
            add(QStringLiteral("spec.rollout-version"), o.canary.pos, QCoreApplication::translate("mcp::gateway::Validation", "the canary and the stable version are both `%1`").arg(o.canary.value),
                QCoreApplication::translate("mcp::gateway::Validation", "the canary is the new version, the stable one is where traffic returns to"));
        if (!o.maxErrorRatePct.present && !o.maxP99Ms.present && !o.maxP99Ratio.present)
            add(QStringLiteral("spec.rollout-no-limit"), o.pos, QCoreApplication::translate("mcp::gateway::Validation", "the rollout of route `%1` sets no limit").arg(r.name.value),
                QCoreApplication::translate("mcp::gateway::Validation", "add maxErrorRate (5%), maxP99 (800ms) or maxP99Ratio (2.0)"));
        if (o.maxErrorRatePct.present && (o.maxErrorRatePct.value <= 0 || o.maxErrorRatePct.value >= 100))
            add(QStringLiteral("spec.rollout-limit"), o.maxErrorRatePct.pos,
                QCoreApplication::translate("mcp::gateway::Validation", "maxErrorRate %1% is outside 0% to 100%").arg(o.maxErrorRatePct.value),
                QCoreApplication::translate("mcp::gateway::Validation", "write a share such as 5%"));
        if (o.maxP99Ms.present && o.maxP99Ms.value <= 0)
            add(QStringLiteral("spec.rollout-limit"), o.maxP99Ms.pos, QCoreApplication::translate("mcp::gateway::Validation", "maxP99 must be longer than 0"),
                QCoreApplication::translate("mcp::gateway::Validation", "write a latency such as 800ms"));
        if (o.maxP99Ratio.present && o.maxP99Ratio.value <= 1.0)
            add(QStringLiteral("spec.rollout-limit"), o.maxP99Ratio.pos,
                QCoreApplication::translate("mcp::gateway::Validation", "maxP99Ratio %1 would trip on a canary as fast as the stable version").arg(o.maxP99Ratio.value),
                QCoreApplication::translate("mcp::gateway::Validation", "use a ratio above 1, such as 2.0"));
        if (o.windowMs.present && (o.windowMs.value < 10000 || o.windowMs.value > 15 * 60000))
            add(QStringLiteral("spec.rollout-window"), o.windowMs.pos, QCoreApplication::translate("mcp::gateway::Validation", "window %1 is outside 10s to 15m").arg(formatMs(o.windowMs.value)),
                QCoreApplication::translate("mcp::gateway::Validation", "the figures are kept in 10-second slots for 15 minutes: use 10s to 15m"));
        if (o.minRequests.present && o.minRequests.value < 1)
            add(QStringLiteral("spec.rollout-min-requests"), o.minRequests.pos, QCoreApplication::translate("mcp::gateway::Validation", "minRequests must be at least 1"),
                QCoreApplication::translate("mcp::gateway::Validation", "use enough requests that chance does not trip it, such as 50"));
    }

    static QString formatMs(qint64 ms)
    {
        return ms % 1000 == 0 ? QStringLiteral("%1s").arg(ms / 1000) : QStringLiteral("%1ms").arg(ms);
    }

    const GatewaySpec &s;
};

} // namespace

int effectiveWeight(const Route &route, const Backend &backend)
{
    if (backend.weight.present)
        return backend.weight.value;
    return route.backends.size() == 1 ? 100 : 0;
}

Findings validateSpec(const GatewaySpec &spec)
{
    Validator v(spec);
    v.run();
    return v.out;
}

} // namespace mcp::gateway
