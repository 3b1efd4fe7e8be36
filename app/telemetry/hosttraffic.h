#pragma once

#include "rolloutguard.h"
#include "telemetrystore.h"

#include "gateway/spec.h"
#include "topology/graph.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <memory>

namespace mcp::hosts {
class HostConnection;
}
namespace mcp::gateway {
class DeployedRoutes;
}

namespace mcp::telemetry {

class GatewayTraffic;

// The live traffic of one Docker host, as the console keeps it: the access logs of every
// gateway that runs a pushed spec followed into one TelemetryStore (from 15 minutes back,
// so charts start full), resolved against the spec it runs and the host's live instances,
// and the rollout guard over it. `updated` at most once a second, when traffic arrived.
class HostTraffic final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostTraffic)
public:
    HostTraffic(hosts::HostConnection *host, gateway::DeployedRoutes *routes, QObject *parent = nullptr);
    ~HostTraffic() override;

    // The host's topology (for instance addresses and the guard's push checks).
    void setGraphProvider(std::function<topology::Graph()> provider) { m_graph = std::move(provider); }
    void start();

    const TelemetryStore &store() const { return m_store; }
    RolloutGuard *guard() const { return m_guard.get(); }
    QStringList gateways() const { return m_specs.keys(); }
    gateway::GatewaySpec spec(const QString &gateway) const { return m_specs.value(gateway); }
    QString hostName() const;

Q_SIGNALS:
    void updated();
    void specsChanged();

private:
    void sync();
    void refreshEndpoints();

    QPointer<hosts::HostConnection> m_host;
    QPointer<gateway::DeployedRoutes> m_routes;
    std::function<topology::Graph()> m_graph;
    TelemetryStore m_store;
    std::unique_ptr<RolloutGuard> m_guard;
    QHash<QString, gateway::GatewaySpec> m_specs;
    QHash<QString, QByteArray> m_specTexts;
    std::vector<std::unique_ptr<GatewayTraffic>> m_followers;
    QTimer m_tick;
    bool m_dirty = false;
    int m_ticks = 0;
};

} // namespace mcp::telemetry
