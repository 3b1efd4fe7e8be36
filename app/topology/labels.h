#pragma once

#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>

namespace mcp::topology {

// The discovery contract: container labels an operator puts on services and gateways.
namespace label {
inline constexpr auto kServiceName = "mcp.service.name";
inline constexpr auto kServicePort = "mcp.service.port";
inline constexpr auto kHealthPath = "mcp.health.path";
inline constexpr auto kServiceVersion = "mcp.service.version";
inline constexpr auto kGateway = "mcp.gateway";
inline constexpr auto kGatewayDriver = "mcp.gateway.driver";
// The host address a service's published ports are expected on (default 127.0.0.1: the
// gateway fronts the service, nothing else should reach it from outside the host).
inline constexpr auto kPublishIp = "mcp.publish.ip";
inline constexpr auto kComposeProject = "com.docker.compose.project";
inline constexpr auto kComposeService = "com.docker.compose.service";
} // namespace label

inline constexpr auto kDefaultHealthPath = "/health";
inline constexpr auto kDefaultVersion = "default";
inline constexpr auto kDefaultPublishIp = "127.0.0.1";

enum class Severity { Info, Warning, Error };
QString severityName(Severity severity);

// A finding about one node: stable code, what is wrong, and how to fix it.
struct Problem
{
    QString code;
    Severity severity = Severity::Error;
    QString subject; // node id
    QString message;
    QString fix;

    bool operator==(const Problem &other) const = default;
};

// What a container's labels say, and what is wrong with them. A label that is present but
// wrong becomes a problem; it is never silently dropped.
struct LabelReading
{
    bool isService = false;
    QString serviceName;
    int servicePort = 0;
    QString healthPath = QString::fromLatin1(kDefaultHealthPath);
    QString version = QString::fromLatin1(kDefaultVersion);
    QString publishIp = QString::fromLatin1(kDefaultPublishIp); // where published ports belong

    bool isGateway = false;
    QString gatewayName;
    QString gatewayDriver; // "nginx" | "haproxy"

    QString composeProject;
    QString composeService;

    QList<Problem> problems; // subject left empty: the caller knows the node
};

// exposedPorts: the container ports the container exposes or publishes (tcp).
LabelReading readLabels(const QJsonObject &labels, const QSet<int> &exposedPorts);

// The known "mcp." label closest to a misspelt one (edit distance <= 3), or empty.
QString suggestLabel(const QString &key);

} // namespace mcp::topology
