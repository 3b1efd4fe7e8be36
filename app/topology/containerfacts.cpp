#include "containerfacts.h"

#include <QJsonArray>

namespace mcp::topology {

ContainerFacts ContainerFacts::fromListEntry(const QJsonObject &entry)
{
    ContainerFacts f;
    f.id = entry.value(QLatin1String("Id")).toString();
    const QJsonArray names = entry.value(QLatin1String("Names")).toArray();
    f.name = names.isEmpty() ? f.id.left(12) : names.first().toString();
    if (f.name.startsWith(QLatin1Char('/')))
        f.name.remove(0, 1);
    f.image = entry.value(QLatin1String("Image")).toString();
    f.state = entry.value(QLatin1String("State")).toString();
    f.status = entry.value(QLatin1String("Status")).toString();
    if (f.status.contains(QLatin1String("(unhealthy)")))
        f.healthcheck = QStringLiteral("unhealthy");
    else if (f.status.contains(QLatin1String("(healthy)")))
        f.healthcheck = QStringLiteral("healthy");
    else if (f.status.contains(QLatin1String("(health: starting)")))
        f.healthcheck = QStringLiteral("starting");
    else
        f.healthcheck = QStringLiteral("none");
    f.labels = entry.value(QLatin1String("Labels")).toObject();
    f.restartCount = entry.value(QLatin1String("RestartCount")).toInt(-1);
    f.networkMode = entry.value(QLatin1String("HostConfig")).toObject().value(QLatin1String("NetworkMode")).toString();

    const QJsonObject nets =
        entry.value(QLatin1String("NetworkSettings")).toObject().value(QLatin1String("Networks")).toObject();
    for (auto it = nets.begin(); it != nets.end(); ++it)
        f.networks << NetworkAttachment{it.key(), it.value().toObject().value(QLatin1String("IPAddress")).toString()};

    for (const auto &v : entry.value(QLatin1String("Ports")).toArray()) {
        const QJsonObject p = v.toObject();
        const QString proto = p.value(QLatin1String("Type")).toString();
        const int privatePort = p.value(QLatin1String("PrivatePort")).toInt();
        if (proto == QLatin1String("tcp") && privatePort > 0)
            f.exposedPorts.insert(privatePort);
        if (p.contains(QLatin1String("PublicPort")))
            f.published << PublishedPort{privatePort, p.value(QLatin1String("IP")).toString(),
                                         p.value(QLatin1String("PublicPort")).toInt(), proto};
    }
    return f;
}

} // namespace mcp::topology
