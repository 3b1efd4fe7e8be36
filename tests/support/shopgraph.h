#pragma once

// A shop as an operator runs it, as the engine lists it: two gateways (nginx "edge",
// HAProxy "internal") running seven routes over six services (one without versions), two
// instances per version. For the layout and view tests; extraVersions adds "service/version"
// pairs (two instances each).
#include "topology/graphbuilder.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

namespace mcp::test {

namespace shopdetail {

inline QJsonObject container(int i, const QJsonObject &labels)
{
    const QString id = QStringLiteral("%1").arg(i, 12, 16, QLatin1Char('0')) + QString(52, QLatin1Char('c'));
    return QJsonObject{
        {QStringLiteral("Id"), id},
        {QStringLiteral("Names"), QJsonArray{QStringLiteral("/c%1").arg(i)}},
        {QStringLiteral("State"), QStringLiteral("running")},
        {QStringLiteral("Status"), QStringLiteral("Up 1 hour")},
        {QStringLiteral("Labels"), labels},
        {QStringLiteral("NetworkSettings"),
         QJsonObject{{QStringLiteral("Networks"),
                      QJsonObject{{QStringLiteral("shop"), QJsonObject{{QStringLiteral("IPAddress"), QStringLiteral("10.0.0.%1").arg(i + 1)}}}}}}},
    };
}

inline QJsonObject backend(const QString &service, const QString &version, int weight)
{
    QJsonObject b{{QStringLiteral("service"), service}, {QStringLiteral("weight"), weight}};
    if (!version.isEmpty())
        b.insert(QStringLiteral("version"), version);
    return b;
}

inline QJsonObject route(const QString &name, const QJsonArray &backends)
{
    return QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("pathPrefix"), QString(QLatin1Char('/') + name)}, {QStringLiteral("backends"), backends}};
}

} // namespace shopdetail

inline topology::HostSnapshot shopHost(const QStringList &extraVersions = {})
{
    using namespace shopdetail;
    topology::HostSnapshot host{QStringLiteral("local"), QStringLiteral("unix:///x"), QStringLiteral("connected"), {},
                                QStringLiteral("unix socket"), 1, {}};
    int i = 0;
    const auto add = [&](const QJsonObject &labels) {
        const QJsonObject c = container(i++, labels);
        host.containers.insert(c.value(QLatin1String("Id")).toString(), c);
    };
    add({{QStringLiteral("mcp.gateway"), QStringLiteral("edge")}, {QStringLiteral("mcp.gateway.driver"), QStringLiteral("nginx")}});
    add({{QStringLiteral("mcp.gateway"), QStringLiteral("internal")}, {QStringLiteral("mcp.gateway.driver"), QStringLiteral("haproxy")}});
    QStringList versions{QStringLiteral("alpha/v1"), QStringLiteral("alpha/v2"), QStringLiteral("billing/v1"),
                         QStringLiteral("catalog/v1"), QStringLiteral("catalog/v2"), QStringLiteral("catalog/v3"),
                         QStringLiteral("orders/v1"), QStringLiteral("payments/"), QStringLiteral("users/v1"),
                         QStringLiteral("users/v2")};
    versions << extraVersions;
    for (const QString &sv : std::as_const(versions)) {
        QJsonObject labels{{QStringLiteral("mcp.service.name"), sv.section(QLatin1Char('/'), 0, 0)},
                           {QStringLiteral("mcp.service.port"), QStringLiteral("8080")}};
        if (!sv.section(QLatin1Char('/'), 1).isEmpty())
            labels.insert(QStringLiteral("mcp.service.version"), sv.section(QLatin1Char('/'), 1));
        add(labels);
        add(labels);
    }
    host.routes.insert(QStringLiteral("edge"),
                       QJsonObject{{QStringLiteral("version"), QStringLiteral("abc")},
                                   {QStringLiteral("routes"),
                                    QJsonArray{route(QStringLiteral("users"), {backend(QStringLiteral("users"), QStringLiteral("v1"), 90),
                                                                               backend(QStringLiteral("users"), QStringLiteral("v2"), 10)}),
                                               route(QStringLiteral("catalog"), {backend(QStringLiteral("catalog"), QStringLiteral("v1"), 50),
                                                                                 backend(QStringLiteral("catalog"), QStringLiteral("v3"), 50)}),
                                               route(QStringLiteral("orders"), {backend(QStringLiteral("orders"), QStringLiteral("v1"), 100)}),
                                               route(QStringLiteral("pay"), {backend(QStringLiteral("payments"), QString(), 100)}),
                                               route(QStringLiteral("alpha"), {backend(QStringLiteral("alpha"), QStringLiteral("v2"), 100)})}}});
    host.routes.insert(QStringLiteral("internal"),
                       QJsonObject{{QStringLiteral("version"), QStringLiteral("def")},
                                   {QStringLiteral("routes"),
                                    QJsonArray{route(QStringLiteral("billing"), {backend(QStringLiteral("billing"), QStringLiteral("v1"), 100)}),
                                               route(QStringLiteral("canary"), {backend(QStringLiteral("users"), QStringLiteral("v2"), 100)})}}});
    return host;
}

} // namespace mcp::test
