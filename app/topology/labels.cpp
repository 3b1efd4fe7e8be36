#include "labels.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QStringList>

#include <algorithm>
#include <vector>

namespace mcp::topology {

namespace {

const QStringList &knownLabels()
{
    static const QStringList known{QString::fromLatin1(label::kServiceName), QString::fromLatin1(label::kServicePort),
                                   QString::fromLatin1(label::kHealthPath), QString::fromLatin1(label::kServiceVersion),
                                   QString::fromLatin1(label::kGateway), QString::fromLatin1(label::kGatewayDriver),
                                   QString::fromLatin1(label::kPublishIp)};
    return known;
}

int editDistance(const QString &a, const QString &b)
{
    std::vector<int> prev(size_t(b.size()) + 1), cur(size_t(b.size()) + 1);
    for (qsizetype j = 0; j <= b.size(); ++j)
        prev[size_t(j)] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        cur[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int substitute = prev[size_t(j - 1)] + (a[i - 1] == b[j - 1] ? 0 : 1);
            cur[size_t(j)] = std::min({prev[size_t(j)] + 1, cur[size_t(j - 1)] + 1, substitute});
        }
        std::swap(prev, cur);
    }
    return prev[size_t(b.size())];
}

Problem problem(const QString &code, Severity severity, const QString &message, const QString &fix)
{
    return Problem{code, severity, {}, message, fix};
}

} // namespace

QString severityName(Severity severity)
{
    switch (severity) {
    case Severity::Info: return QStringLiteral("info");
    case Severity::Warning: return QStringLiteral("warning");
    case Severity::Error: return QStringLiteral("error");
    }
    return {};
}

QString suggestLabel(const QString &key)
{
    QString best;
    int bestDistance = 4;
    for (const auto &known : knownLabels()) {
        const int d = editDistance(key, known);
        if (d < bestDistance) {
            bestDistance = d;
            best = known;
        }
    }
    return best;
}

LabelReading readLabels(const QJsonObject &labels, const QSet<int> &exposedPorts)
{
    LabelReading r;
    const auto text = [&](const char *key) { return labels.value(QLatin1String(key)).toString().trimmed(); };
    r.composeProject = text(label::kComposeProject);
    r.composeService = text(label::kComposeService);

    // Misspelt or unknown mcp.* keys.
    for (auto it = labels.begin(); it != labels.end(); ++it) {
        const QString key = it.key();
        if (!key.startsWith(QLatin1String("mcp.")) || knownLabels().contains(key))
            continue;
        // mcp.test, mcp.bench and mcp.demo mark fixtures; mcp.testbed.* marks test bed images.
        if (key == QLatin1String("mcp.test") || key == QLatin1String("mcp.bench") || key == QLatin1String("mcp.demo") ||
            key.startsWith(QLatin1String("mcp.testbed.")))
            continue;
        const QString suggestion = suggestLabel(key);
        r.problems << problem(QStringLiteral("label.unknown"), Severity::Warning,
                              suggestion.isEmpty()
                                  ? QCoreApplication::translate("mcp::topology::Labels", "unknown label %1").arg(key)
                                  : QCoreApplication::translate("mcp::topology::Labels", "unknown label %1 (did you mean %2?)").arg(key, suggestion),
                              suggestion.isEmpty() ? QCoreApplication::translate("mcp::topology::Labels", "remove the label or use one of: %1")
                                                         .arg(knownLabels().join(QStringLiteral(", ")))
                                                   : QCoreApplication::translate("mcp::topology::Labels", "rename the label to %1").arg(suggestion));
        // A misspelt service name still makes the container a (broken) service node, so
        // the operator sees it where it belongs.
        if (suggestion == QLatin1String(label::kServiceName) && !labels.contains(QLatin1String(label::kServiceName))) {
            r.isService = true;
            r.serviceName = it.value().toString().trimmed();
        }
    }

    const bool hasName = labels.contains(QLatin1String(label::kServiceName));
    const bool hasPort = labels.contains(QLatin1String(label::kServicePort));
    if (hasName || hasPort || r.isService) {
        r.isService = true;
        if (hasName)
            r.serviceName = text(label::kServiceName);
        if (r.serviceName.isEmpty())
            r.problems << problem(QStringLiteral("label.service.name-missing"), Severity::Error,
                                  QCoreApplication::translate("mcp::topology::Labels", "%1 is set but %2 is missing or empty")
                                      .arg(QLatin1String(label::kServicePort), QLatin1String(label::kServiceName)),
                                  QCoreApplication::translate("mcp::topology::Labels", "add %1=<service name>").arg(QLatin1String(label::kServiceName)));
        if (!hasPort) {
            r.problems << problem(QStringLiteral("label.service.port-missing"), Severity::Error,
                                  QCoreApplication::translate("mcp::topology::Labels", "%1 is missing: the gateway cannot know which port to send traffic to")
                                      .arg(QLatin1String(label::kServicePort)),
                                  QCoreApplication::translate("mcp::topology::Labels", "add %1=<container port the service listens on>")
                                      .arg(QLatin1String(label::kServicePort)));
        } else {
            const QString portText = text(label::kServicePort);
            bool ok = false;
            const int port = portText.toInt(&ok);
            if (!ok || port < 1 || port > 65535) {
                r.problems << problem(QStringLiteral("label.service.port-invalid"), Severity::Error,
                                      QCoreApplication::translate("mcp::topology::Labels", "%1=%2 is not a port number (1-65535)")
                                          .arg(QLatin1String(label::kServicePort), portText),
                                      QCoreApplication::translate("mcp::topology::Labels", "set %1 to the numeric container port, e.g. 8080")
                                          .arg(QLatin1String(label::kServicePort)));
            } else {
                r.servicePort = port;
                if (!exposedPorts.isEmpty() && !exposedPorts.contains(port)) {
                    QList<int> sorted(exposedPorts.begin(), exposedPorts.end());
                    std::sort(sorted.begin(), sorted.end());
                    QStringList ports;
                    for (int p : sorted)
                        ports << QString::number(p);
                    r.problems << problem(QStringLiteral("label.service.port-not-exposed"), Severity::Warning,
                                          QCoreApplication::translate("mcp::topology::Labels", "%1=%2 but the container exposes %3")
                                              .arg(QLatin1String(label::kServicePort), portText, ports.join(QStringLiteral(", "))),
                                          QCoreApplication::translate("mcp::topology::Labels", "set %1 to the port the service listens on, or EXPOSE it")
                                              .arg(QLatin1String(label::kServicePort)));
                }
            }
        }
        const QString path = text(label::kHealthPath);
        if (!path.isEmpty()) {
            if (!path.startsWith(QLatin1Char('/')))
                r.problems << problem(QStringLiteral("label.health.path-invalid"), Severity::Error,
                                      QCoreApplication::translate("mcp::topology::Labels", "%1=%2 must start with /").arg(QLatin1String(label::kHealthPath), path),
                                      QCoreApplication::translate("mcp::topology::Labels", "use an absolute path such as /health"));
            else
                r.healthPath = path;
        }
        const QString version = text(label::kServiceVersion);
        if (!version.isEmpty())
            r.version = version;
        if (labels.contains(QLatin1String(label::kPublishIp))) {
            const QString ip = text(label::kPublishIp);
            if (QHostAddress(ip).isNull())
                r.problems << problem(QStringLiteral("label.publish.ip-invalid"), Severity::Error,
                                      QCoreApplication::translate("mcp::topology::Labels", "%1=%2 is not an IP address").arg(QLatin1String(label::kPublishIp), ip),
                                      QCoreApplication::translate("mcp::topology::Labels", "give the host address its ports are published on, such as 127.0.0.1"));
            else
                r.publishIp = QHostAddress(ip).toString();
        }
    }

    if (labels.contains(QLatin1String(label::kGateway))) {
        r.isGateway = true;
        r.gatewayName = text(label::kGateway);
        r.gatewayDriver = text(label::kGatewayDriver);
        if (r.gatewayName.isEmpty())
            r.problems << problem(QStringLiteral("label.gateway.name-missing"), Severity::Error,
                                  QCoreApplication::translate("mcp::topology::Labels", "%1 is empty").arg(QLatin1String(label::kGateway)),
                                  QCoreApplication::translate("mcp::topology::Labels", "set %1=<gateway name>").arg(QLatin1String(label::kGateway)));
        if (r.gatewayDriver.isEmpty())
            r.problems << problem(QStringLiteral("label.gateway.driver-missing"), Severity::Error,
                                  QCoreApplication::translate("mcp::topology::Labels", "%1 is missing").arg(QLatin1String(label::kGatewayDriver)),
                                  QCoreApplication::translate("mcp::topology::Labels", "add %1=nginx or haproxy").arg(QLatin1String(label::kGatewayDriver)));
        else if (r.gatewayDriver != QLatin1String("nginx") && r.gatewayDriver != QLatin1String("haproxy"))
            r.problems << problem(QStringLiteral("label.gateway.driver-invalid"), Severity::Error,
                                  QCoreApplication::translate("mcp::topology::Labels", "%1=%2 is not a known driver")
                                      .arg(QLatin1String(label::kGatewayDriver), r.gatewayDriver),
                                  QCoreApplication::translate("mcp::topology::Labels", "use nginx or haproxy"));
    }
    return r;
}

} // namespace mcp::topology
