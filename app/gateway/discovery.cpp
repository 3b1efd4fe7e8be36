#include "discovery.h"

#include <QJsonArray>
#include <QSet>

namespace mcp::gateway {

EndpointMap endpointsFromGraph(const topology::Graph &graph, const QString &gatewayName)
{
    QSet<QString> gatewayNetworks; // "host/network"
    for (const auto &n : graph.nodes) {
        if (n.kind != topology::NodeKind::Instance || n.attributes.value(QLatin1String("gateway")).toString() != gatewayName)
            continue;
        for (const auto &v : n.attributes.value(QLatin1String("networks")).toArray())
            gatewayNetworks.insert(n.host + QLatin1Char('/') + v.toObject().value(QLatin1String("name")).toString());
    }
    EndpointMap out;
    for (const auto &n : graph.nodes) {
        if (n.kind != topology::NodeKind::Instance || n.attributes.value(QLatin1String("role")).toString() != QLatin1String("service") ||
            n.attributes.value(QLatin1String("state")).toString() != QLatin1String("running"))
            continue;
        InstanceEndpoint e;
        e.name = n.name;
        e.port = n.attributes.value(QLatin1String("port")).toInt();
        e.version = n.attributes.value(QLatin1String("version")).toString();
        e.address = n.attributes.value(QLatin1String("address")).toString();
        for (const auto &v : n.attributes.value(QLatin1String("networks")).toArray()) {
            const QJsonObject net = v.toObject();
            if (gatewayNetworks.contains(n.host + QLatin1Char('/') + net.value(QLatin1String("name")).toString())) {
                e.address = net.value(QLatin1String("address")).toString();
                break;
            }
        }
        if (e.address.isEmpty() || e.port <= 0)
            continue;
        const QString service = n.attributes.value(QLatin1String("service")).toString();
        out[service] << e;
        out[service + QLatin1Char('/') + e.version] << e;
    }
    for (auto &list : out)
        std::sort(list.begin(), list.end(), [](const InstanceEndpoint &a, const InstanceEndpoint &b) { return a.name < b.name; });
    return out;
}

} // namespace mcp::gateway
