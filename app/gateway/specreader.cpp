#include "specreader.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <yaml-cpp/yaml.h>

#include <algorithm>

namespace mcp::gateway {

std::optional<qint64> parseDurationMs(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^(\\d+(?:\\.\\d+)?)(ms|s|m|h)$"));
    const auto m = re.match(text.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    const double n = m.captured(1).toDouble();
    const QString unit = m.captured(2);
    const double factor = unit == QLatin1String("ms") ? 1 : unit == QLatin1String("s") ? 1000 : unit == QLatin1String("m") ? 60000 : 3600000;
    return qint64(n * factor);
}

namespace {

int editDistance(const QString &a, const QString &b)
{
    QList<int> prev(b.size() + 1), cur(b.size() + 1);
    for (int j = 0; j <= b.size(); ++j)
        prev[j] = j;
    for (int i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (int j = 1; j <= b.size(); ++j)
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

class Reader
{
public:
    explicit Reader(QString file) : m_file(std::move(file)) {}

    Findings findings;

    SourcePos at(const YAML::Node &node, const QString &path) const
    {
        const YAML::Mark mark = node.Mark();
        return SourcePos{mark.line + 1, mark.column + 1, path};
    }

    void add(const QString &code, const SourcePos &pos, const QString &message, const QString &hint,
             Finding::Severity severity = Finding::Severity::Error)
    {
        findings << Finding{code, severity, m_file, pos, message, hint};
    }

    bool expectMap(const YAML::Node &node, const QString &path)
    {
        if (node.IsMap())
            return true;
        add(QStringLiteral("spec.type"), at(node, path), QCoreApplication::translate("mcp::gateway::Validation", "%1 must be a mapping (key: value)").arg(path),
            QCoreApplication::translate("mcp::gateway::Validation", "write %1 as `key: value` lines or `{key: value, ...}`").arg(path));
        return false;
    }

    // Unknown keys are errors, with the closest known key as the hint.
    void checkKeys(const YAML::Node &map, const QString &path, const QStringList &allowed)
    {
        for (auto it = map.begin(); it != map.end(); ++it) {
            const QString key = QString::fromStdString(it->first.Scalar());
            if (allowed.contains(key))
                continue;
            QString best;
            int bestDistance = 3;
            for (const QString &a : allowed) {
                const int d = editDistance(key, a);
                if (d < bestDistance) {
                    bestDistance = d;
                    best = a;
                }
            }
            add(QStringLiteral("spec.unknown-field"), at(it->first, path + QLatin1Char('.') + key),
                QCoreApplication::translate("mcp::gateway::Validation", "unknown field `%1` in %2").arg(key, path),
                best.isEmpty() ? QCoreApplication::translate("mcp::gateway::Validation", "allowed here: %1").arg(allowed.join(QStringLiteral(", ")))
                               : QCoreApplication::translate("mcp::gateway::Validation", "did you mean `%1`?").arg(best));
        }
    }

    template <typename T>
    bool present(const YAML::Node &map, const char *key, const QString &path, Located<T> &out, bool required)
    {
        const YAML::Node node = map[key];
        const QString p = path + QLatin1Char('.') + QLatin1String(key);
        if (!node || node.IsNull()) {
            out.pos = at(map, p);
            if (required)
                add(QStringLiteral("spec.missing-field"), at(map, path), QCoreApplication::translate("mcp::gateway::Validation", "%1 is required").arg(p),
                    QCoreApplication::translate("mcp::gateway::Validation", "add `%1:` to %2").arg(QLatin1String(key), path));
            return false;
        }
        out.pos = at(node, p);
        out.present = true;
        out.written = true;
        return true;
    }

    void string(const YAML::Node &map, const char *key, const QString &path, Located<QString> &out, bool required)
    {
        if (!present(map, key, path, out, required))
            return;
        const YAML::Node node = map[key];
        if (!node.IsScalar()) {
            add(QStringLiteral("spec.type"), out.pos, QCoreApplication::translate("mcp::gateway::Validation", "%1 must be a string").arg(out.pos.path),
                QCoreApplication::translate("mcp::gateway::Validation", "write a single value"));
            out.present = false;
            return;
        }
        out.value = QString::fromStdString(node.Scalar());
    }

    void integer(const YAML::Node &map, const char *key, const QString &path, Located<int> &out, bool required)
    {
        if (!present(map, key, path, out, required))
            return;
        const YAML::Node node = map[key];
        bool ok = false;
        const QString text = node.IsScalar() ? QString::fromStdString(node.Scalar()) : QString();
        out.value = text.toInt(&ok);
        if (!ok) {
            add(QStringLiteral("spec.type"), out.pos,
                QCoreApplication::translate("mcp::gateway::Validation", "%1 must be an integer, not `%2`").arg(out.pos.path, text.isEmpty() ? QStringLiteral("...") : text),
                QCoreApplication::translate("mcp::gateway::Validation", "write a whole number such as 90"));
            out.present = false;
        }
    }

    // A number; with percent, a trailing % is allowed ("5%" and 5 read the same).
    void number(const YAML::Node &map, const char *key, const QString &path, Located<double> &out, bool percent)
    {
        if (!present(map, key, path, out, false))
            return;
        const YAML::Node node = map[key];
        QString text = node.IsScalar() ? QString::fromStdString(node.Scalar()).trimmed() : QString();
        if (percent && text.endsWith(QLatin1Char('%')))
            text.chop(1);
        bool ok = false;
        out.value = text.toDouble(&ok);
        if (!ok) {
            add(QStringLiteral("spec.type"), out.pos,
                QCoreApplication::translate("mcp::gateway::Validation", "%1 must be a number, not `%2`").arg(out.pos.path, node.IsScalar() ? QString::fromStdString(node.Scalar()) : QStringLiteral("...")),
                percent ? QCoreApplication::translate("mcp::gateway::Validation", "write a percentage such as 5%") : QCoreApplication::translate("mcp::gateway::Validation", "write a number such as 2.5"));
            out.present = false;
        }
    }

    void duration(const YAML::Node &map, const char *key, const QString &path, Located<qint64> &out)
    {
        if (!present(map, key, path, out, false))
            return;
        const YAML::Node node = map[key];
        const QString text = node.IsScalar() ? QString::fromStdString(node.Scalar()) : QString();
        const auto ms = parseDurationMs(text);
        if (!ms) {
            add(QStringLiteral("spec.duration"), out.pos,
                QCoreApplication::translate("mcp::gateway::Validation", "%1 is not a duration: `%2`").arg(out.pos.path, text),
                QCoreApplication::translate("mcp::gateway::Validation", "write a number with a unit: 250ms, 5s, 1m or 1h"));
            out.present = false;
            return;
        }
        out.value = *ms;
    }

    void stringList(const YAML::Node &map, const char *key, const QString &path, Located<QStringList> &out)
    {
        if (!present(map, key, path, out, false))
            return;
        const YAML::Node node = map[key];
        if (!node.IsSequence()) {
            add(QStringLiteral("spec.type"), out.pos, QCoreApplication::translate("mcp::gateway::Validation", "%1 must be a list").arg(out.pos.path),
                QCoreApplication::translate("mcp::gateway::Validation", "write [a, b] or one `- item` per line"));
            out.present = false;
            return;
        }
        for (std::size_t i = 0; i < node.size(); ++i) {
            if (!node[i].IsScalar()) {
                add(QStringLiteral("spec.type"), at(node[i], QStringLiteral("%1[%2]").arg(out.pos.path).arg(i)),
                    QCoreApplication::translate("mcp::gateway::Validation", "%1[%2] must be a string").arg(out.pos.path).arg(i), QCoreApplication::translate("mcp::gateway::Validation", "write a single value"));
                continue;
            }
            out.value << QString::fromStdString(node[i].Scalar());
        }
    }

    // A list of mappings under key; calls each(item, path) for every mapping item.
    template <typename F>
    void list(const YAML::Node &map, const char *key, const QString &path, SourcePos &listPos, bool required, F each)
    {
        const YAML::Node node = map[key];
        const QString p = path + QLatin1Char('.') + QLatin1String(key);
        if (!node || node.IsNull()) {
            listPos = at(map, p);
            if (required)
                add(QStringLiteral("spec.missing-field"), at(map, path), QCoreApplication::translate("mcp::gateway::Validation", "%1 is required").arg(p),
                    QCoreApplication::translate("mcp::gateway::Validation", "add `%1:` with at least one entry").arg(QLatin1String(key)));
            return;
        }
        listPos = at(node, p);
        if (!node.IsSequence()) {
            add(QStringLiteral("spec.type"), listPos, QCoreApplication::translate("mcp::gateway::Validation", "%1 must be a list").arg(p),
                QCoreApplication::translate("mcp::gateway::Validation", "write one `- ...` entry per item"));
            return;
        }
        for (std::size_t i = 0; i < node.size(); ++i) {
            const QString itemPath = QStringLiteral("%1[%2]").arg(p).arg(i);
            if (expectMap(node[i], itemPath))
                each(node[i], itemPath);
        }
    }

    GatewaySpec read(const YAML::Node &root)
    {
        GatewaySpec s;
        if (!expectMap(root, QStringLiteral("(document)")))
            return s;
        checkKeys(root, QString(), {QStringLiteral("apiVersion"), QStringLiteral("kind"), QStringLiteral("metadata"), QStringLiteral("spec")});
        string(root, "apiVersion", QString(), s.apiVersion, true);
        string(root, "kind", QString(), s.kind, true);
        // Paths read "apiVersion", "metadata.name": drop the leading dot of top-level keys.
        s.apiVersion.pos.path = QStringLiteral("apiVersion");
        s.kind.pos.path = QStringLiteral("kind");
        if (s.apiVersion.present && s.apiVersion.value != QLatin1String("mcp/v1"))
            add(QStringLiteral("spec.api-version"), s.apiVersion.pos,
                QCoreApplication::translate("mcp::gateway::Validation", "apiVersion `%1` is not supported").arg(s.apiVersion.value), QCoreApplication::translate("mcp::gateway::Validation", "use `apiVersion: mcp/v1`"));
        if (s.kind.present && s.kind.value != QLatin1String("GatewayConfig"))
            add(QStringLiteral("spec.kind"), s.kind.pos, QCoreApplication::translate("mcp::gateway::Validation", "kind `%1` is not a GatewayConfig").arg(s.kind.value),
                QCoreApplication::translate("mcp::gateway::Validation", "use `kind: GatewayConfig`"));

        const YAML::Node metadata = root["metadata"];
        if (!metadata || metadata.IsNull()) {
            add(QStringLiteral("spec.missing-field"), at(root, QStringLiteral("metadata")), QCoreApplication::translate("mcp::gateway::Validation", "metadata is required"),
                QCoreApplication::translate("mcp::gateway::Validation", "add `metadata: {name: <gateway>}`"));
        } else if (expectMap(metadata, QStringLiteral("metadata"))) {
            checkKeys(metadata, QStringLiteral("metadata"), {QStringLiteral("name")});
            string(metadata, "name", QStringLiteral("metadata"), s.name, true);
        }

        const YAML::Node spec = root["spec"];
        if (!spec || spec.IsNull()) {
            add(QStringLiteral("spec.missing-field"), at(root, QStringLiteral("spec")), QCoreApplication::translate("mcp::gateway::Validation", "spec is required"),
                QCoreApplication::translate("mcp::gateway::Validation", "add `spec:` with driver, listeners and routes"));
            return s;
        }
        if (!expectMap(spec, QStringLiteral("spec")))
            return s;
        const QString sp = QStringLiteral("spec");
        checkKeys(spec, sp, {QStringLiteral("driver"), QStringLiteral("listeners"), QStringLiteral("certificates"), QStringLiteral("routes")});
        string(spec, "driver", sp, s.driver, true);
        list(spec, "listeners", sp, s.listenersPos, true, [&](const YAML::Node &n, const QString &p) {
            Listener l;
            l.pos = at(n, p);
            checkKeys(n, p, {QStringLiteral("name"), QStringLiteral("port"), QStringLiteral("protocol"), QStringLiteral("certificate")});
            string(n, "name", p, l.name, true);
            integer(n, "port", p, l.port, true);
            string(n, "protocol", p, l.protocol, false);
            if (!l.protocol.present)
                l.protocol.value = QStringLiteral("http");
            string(n, "certificate", p, l.certificate, false);
            s.listeners << l;
        });
        SourcePos certsPos;
        list(spec, "certificates", sp, certsPos, false, [&](const YAML::Node &n, const QString &p) {
            Certificate c;
            c.pos = at(n, p);
            checkKeys(n, p, {QStringLiteral("name"), QStringLiteral("certFile"), QStringLiteral("keyFile")});
            string(n, "name", p, c.name, true);
            string(n, "certFile", p, c.certFile, true);
            string(n, "keyFile", p, c.keyFile, true);
            s.certificates << c;
        });
        list(spec, "routes", sp, s.routesPos, true, [&](const YAML::Node &n, const QString &p) { s.routes << readRoute(n, p); });
        return s;
    }

    Route readRoute(const YAML::Node &n, const QString &p)
    {
        Route r;
        r.pos = at(n, p);
        checkKeys(n, p, {QStringLiteral("name"), QStringLiteral("listeners"), QStringLiteral("match"), QStringLiteral("backends"),
                         QStringLiteral("timeouts"), QStringLiteral("retries"), QStringLiteral("passiveHealth"), QStringLiteral("rollout")});
        string(n, "name", p, r.name, true);
        stringList(n, "listeners", p, r.listeners);
        const YAML::Node match = n["match"];
        const QString mp = p + QStringLiteral(".match");
        r.matchPos = r.pos;
        if (!match || match.IsNull()) {
            add(QStringLiteral("spec.missing-field"), at(n, p), QCoreApplication::translate("mcp::gateway::Validation", "%1 is required").arg(mp),
                QCoreApplication::translate("mcp::gateway::Validation", "add `match: {pathPrefix: /...}`"));
        } else if (expectMap(match, mp)) {
            r.matchPos = at(match, mp);
            checkKeys(match, mp, {QStringLiteral("hosts"), QStringLiteral("pathPrefix")});
            stringList(match, "hosts", mp, r.hosts);
            string(match, "pathPrefix", mp, r.pathPrefix, true);
        }
        list(n, "backends", p, r.backendsPos, true, [&](const YAML::Node &b, const QString &bp) {
            Backend be;
            be.pos = at(b, bp);
            checkKeys(b, bp, {QStringLiteral("service"), QStringLiteral("version"), QStringLiteral("weight")});
            string(b, "service", bp, be.service, true);
            string(b, "version", bp, be.version, false);
            integer(b, "weight", bp, be.weight, false);
            if (!be.weight.present)
                be.weight.value = -1; // decided by the validator (a single backend gets 100)
            r.backends << be;
        });
        if (const YAML::Node t = n["timeouts"]; t && !t.IsNull() && expectMap(t, p + QStringLiteral(".timeouts"))) {
            Timeouts to;
            const QString tp = p + QStringLiteral(".timeouts");
            to.pos = at(t, tp);
            checkKeys(t, tp, {QStringLiteral("connect"), QStringLiteral("read"), QStringLiteral("send")});
            duration(t, "connect", tp, to.connectMs);
            duration(t, "read", tp, to.readMs);
            duration(t, "send", tp, to.sendMs);
            r.timeouts = to;
        }
        if (const YAML::Node t = n["retries"]; t && !t.IsNull() && expectMap(t, p + QStringLiteral(".retries"))) {
            Retries re;
            const QString rp = p + QStringLiteral(".retries");
            re.pos = at(t, rp);
            checkKeys(t, rp, {QStringLiteral("attempts"), QStringLiteral("on")});
            integer(t, "attempts", rp, re.attempts, true);
            stringList(t, "on", rp, re.on);
            r.retries = re;
        }
        if (const YAML::Node t = n["passiveHealth"]; t && !t.IsNull() && expectMap(t, p + QStringLiteral(".passiveHealth"))) {
            PassiveHealth ph;
            const QString hp = p + QStringLiteral(".passiveHealth");
            ph.pos = at(t, hp);
            checkKeys(t, hp, {QStringLiteral("maxFails"), QStringLiteral("failTimeout")});
            integer(t, "maxFails", hp, ph.maxFails, false);
            duration(t, "failTimeout", hp, ph.failTimeoutMs);
            r.passiveHealth = ph;
        }
        if (const YAML::Node t = n["rollout"]; t && !t.IsNull() && expectMap(t, p + QStringLiteral(".rollout"))) {
            Rollout ro;
            const QString op = p + QStringLiteral(".rollout");
            ro.pos = at(t, op);
            checkKeys(t, op, {QStringLiteral("stable"), QStringLiteral("canary"), QStringLiteral("maxErrorRate"), QStringLiteral("maxP99"),
                              QStringLiteral("maxP99Ratio"), QStringLiteral("window"), QStringLiteral("minRequests")});
            string(t, "stable", op, ro.stable, true);
            string(t, "canary", op, ro.canary, true);
            number(t, "maxErrorRate", op, ro.maxErrorRatePct, true);
            duration(t, "maxP99", op, ro.maxP99Ms);
            number(t, "maxP99Ratio", op, ro.maxP99Ratio, false);
            duration(t, "window", op, ro.windowMs);
            if (!ro.windowMs.present)
                ro.windowMs.value = 60000;
            integer(t, "minRequests", op, ro.minRequests, false);
            if (!ro.minRequests.present)
                ro.minRequests.value = 50;
            r.rollout = ro;
        }
        return r;
    }

private:
    QString m_file;
};

} // namespace

SpecReading readSpecText(const QByteArray &yaml, const QString &file)
{
    SpecReading out;
    Reader reader(file);
    try {
        const YAML::Node root = YAML::Load(yaml.toStdString());
        out.spec = reader.read(root);
        out.parsed = true;
    } catch (const YAML::Exception &e) {
        // yaml-cpp marks are 0-based; an exception without a mark has -1.
        SourcePos pos{e.mark.line >= 0 ? e.mark.line + 1 : 0, e.mark.column >= 0 ? e.mark.column + 1 : 0, QString()};
        reader.add(QStringLiteral("spec.yaml-syntax"), pos, QCoreApplication::translate("mcp::gateway::Validation", "YAML syntax error: %1").arg(QString::fromStdString(e.msg)),
                   QCoreApplication::translate("mcp::gateway::Validation", "check indentation, colons and quotes around this position"));
    }
    out.spec.file = file;
    out.findings = reader.findings;
    return out;
}

SpecReading readSpecFile(const QString &file)
{
    QFile f(file);
    const QString absolute = QFileInfo(file).absoluteFilePath();
    if (!f.open(QIODevice::ReadOnly)) {
        SpecReading out;
        out.spec.file = absolute;
        out.findings << Finding{QStringLiteral("spec.unreadable"), Finding::Severity::Error, file, SourcePos{0, 0, QString()},
                                QCoreApplication::translate("mcp::gateway::Validation", "cannot read %1: %2").arg(file, f.errorString()),
                                QCoreApplication::translate("mcp::gateway::Validation", "check the path and its permissions")};
        return out;
    }
    SpecReading out = readSpecText(f.readAll(), file);
    out.spec.file = absolute;
    return out;
}

} // namespace mcp::gateway
