#pragma once

#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>

namespace mcp::topology {

struct NetworkAttachment
{
    QString network;
    QString ipAddress;
};

struct PublishedPort
{
    int containerPort = 0;
    QString hostIp;
    int hostPort = 0;
    QString protocol;
};

// What the topology needs to know about one container, read from its /containers/json entry
// (which, unlike inspect, costs one call for all containers): name, state, Docker
// HEALTHCHECK status (from the Status text, the only place the list carries it), networks
// with addresses, exposed and published ports, labels.
struct ContainerFacts
{
    QString id;
    QString name;
    QString image;
    QString state;  // running, exited, restarting, paused, created, dead
    QString status; // "Up 5 minutes (healthy)"
    QString healthcheck; // healthy, unhealthy, starting, none
    QString networkMode;
    int restartCount = -1; // RestartCount, from inspect (ContainerInventory); -1: not known
    QJsonObject labels;
    QList<NetworkAttachment> networks;
    QSet<int> exposedPorts; // tcp container ports, exposed or published
    QList<PublishedPort> published;

    static ContainerFacts fromListEntry(const QJsonObject &entry);
};

} // namespace mcp::topology
