#include "weights.h"

#include "specvalidator.h"

#include <numeric>

namespace mcp::gateway {

QString configId(const QString &name)
{
    QString out;
    for (const QChar c : name)
        out += c.isLetterOrNumber() && c.unicode() < 128 ? c : QLatin1Char('_');
    return out;
}

QList<WeightedServer> weightedServers(const Route &route, const EndpointMap &endpoints, int maxWeight)
{
    // Instance weight = backend weight / instances of the backend, scaled by the least
    // common multiple of the instance counts so the ratios stay exact where they can.
    struct Part
    {
        const Backend *backend;
        QList<InstanceEndpoint> instances;
        int weight;
    };
    QList<Part> parts;
    long long lcm = 1;
    for (const Backend &b : route.backends) {
        const int w = effectiveWeight(route, b);
        const QString key = b.version.present ? b.service.value + QLatin1Char('/') + b.version.value : b.service.value;
        const QList<InstanceEndpoint> instances = endpoints.value(key);
        if (w <= 0 || instances.isEmpty())
            continue;
        parts << Part{&b, instances, w};
        lcm = std::lcm(lcm, (long long)instances.size());
    }
    long long maxRaw = 1;
    for (const Part &p : parts)
        maxRaw = std::max(maxRaw, p.weight * lcm / p.instances.size());
    const double scale = maxRaw > maxWeight ? double(maxWeight) / double(maxRaw) : 1.0;
    QList<WeightedServer> out;
    for (const Part &p : parts) {
        const int each = std::max(1, int(std::lround(double(p.weight * lcm / p.instances.size()) * scale)));
        for (const InstanceEndpoint &e : p.instances)
            out << WeightedServer{e, p.backend->service.value, p.backend->version.value, each};
    }
    return out;
}

} // namespace mcp::gateway
