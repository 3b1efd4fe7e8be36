#pragma once

// A host as a busy engine lists it, for the benchmarks: N service containers over N/50
// services with versions v1/v2, addresses on one network, running or not as asked.
#include "topology/graphbuilder.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>
#include <functional>

namespace mcp::bench {

inline topology::HostSnapshot syntheticHost(int n, const std::function<bool(int)> &running)
{
    topology::HostSnapshot host{QStringLiteral("bench"), QStringLiteral("unix:///x"), QStringLiteral("connected"), {},
                                QStringLiteral("unix socket"), 1, {}};
    for (int i = 0; i < n; ++i) {
        const QString service = QStringLiteral("svc%1").arg(i % std::max(1, n / 50), 3, 10, QLatin1Char('0'));
        const bool up = running(i);
        const QString id = QStringLiteral("%1").arg(i, 12, 16, QLatin1Char('0')) + QString(52, QLatin1Char('b'));
        host.containers.insert(
            id, QJsonObject{{QStringLiteral("Id"), id},
                            {QStringLiteral("Names"), QJsonArray{QStringLiteral("/%1-%2").arg(service).arg(i)}},
                            {QStringLiteral("State"), up ? QStringLiteral("running") : QStringLiteral("exited")},
                            {QStringLiteral("Status"), up ? QStringLiteral("Up 1 hour (healthy)") : QStringLiteral("Exited (1)")},
                            {QStringLiteral("Labels"), QJsonObject{{QStringLiteral("mcp.service.name"), service},
                                                                   {QStringLiteral("mcp.service.port"), QStringLiteral("8080")},
                                                                   {QStringLiteral("mcp.service.version"), i % 3 ? QStringLiteral("v1") : QStringLiteral("v2")}}},
                            {QStringLiteral("NetworkSettings"),
                             QJsonObject{{QStringLiteral("Networks"),
                                          QJsonObject{{QStringLiteral("shop"),
                                                       QJsonObject{{QStringLiteral("IPAddress"),
                                                                    QStringLiteral("10.%1.%2.%3").arg(i / 62500).arg(i / 250 % 250).arg(i % 250 + 1)}}}}}}}});
    }
    return host;
}

} // namespace mcp::bench
