#pragma once

#include "globaloptions.h"

#include "common/result.h"
#include "topology/graph.h"

#include <memory>

namespace mcp::hosts {
class HostConnection;
class ContainerInventory;
} // namespace mcp::hosts
namespace mcp::health {
class HealthProber;
}
namespace mcp::gateway {
class DeployedRoutes;
}
namespace mcp::topology {
class TopologyModel;
}

namespace mcp::cli {

// The topology of --host / --context as `mcpctl topology`, `doctor` and `snapshot` take it
// once: connect, list, read the routes each gateway runs, then (unless --no-probe) one round
// of health probes from the gateways' side. The connection stays open after load() for
// further calls on host().
class LiveTopology final
{
public:
    LiveTopology();
    ~LiveTopology();
    Status load(const GlobalOptions &options);
    const topology::Graph &graph() const;
    hosts::HostConnection &host() const { return *m_host; }
    QString url() const;

private:
    std::unique_ptr<hosts::HostConnection> m_host;
    std::unique_ptr<hosts::ContainerInventory> m_inventory;
    std::unique_ptr<topology::TopologyModel> m_model;
    std::unique_ptr<health::HealthProber> m_prober;
    std::unique_ptr<gateway::DeployedRoutes> m_routes;
};

} // namespace mcp::cli
