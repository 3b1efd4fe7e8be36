#pragma once

#include "common/error.h"
#include "containerinventory.h"
#include "hostconfig.h"
#include "hostconnection.h"
#include "topology/graph.h"
#include "transport/sshoptions.h"

#include <QObject>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace mcp::health {
class HealthProber;
}
namespace mcp::gateway {
class DeployedRoutes;
}
namespace mcp::telemetry {
class HostTraffic;
}

namespace mcp::hosts {

class HostRegistry;

// Keeps one live connection (and its container inventory) per host of the registry:
// follows the registry's adds, edits and removals, and owns what it creates
// (std::unique_ptr). Consumers (the topology model, the hosts panel) attach to the
// connections it announces and detach before they are destroyed.
//
// A host whose config cannot be turned into an endpoint (a context that no longer
// resolves) has no connection, only the error, which the panel shows as unreachable.
class HostFleet final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostFleet)
public:
    explicit HostFleet(HostRegistry *registry, QObject *parent = nullptr);
    ~HostFleet() override;

    // Called on the GUI thread when an encrypted SSH key needs its passphrase.
    void setPassphraseProvider(transport::PassphraseProvider provider) { m_passphrase = std::move(provider); }
    // Connects every registry host (and every host added later).
    void start();

    HostConnection *connection(const QString &name) const;
    ContainerInventory *inventory(const QString &name) const;
    // The active health prober of a host (probes from its gateways, every
    // HostConfig::probeIntervalMs, 10 s by default).
    health::HealthProber *prober(const QString &name) const;
    // The routes its gateways run (read from the gateway containers every 15 s).
    gateway::DeployedRoutes *deployedRoutes(const QString &name) const;
    // The live traffic of its gateways (access logs, figures, the rollout guard).
    telemetry::HostTraffic *traffic(const QString &name) const;
    // The host's topology, for the traffic's instance addresses and the guard's checks; set
    // before start().
    void setGraphProvider(std::function<topology::Graph(const QString &host)> provider) { m_graphProvider = std::move(provider); }
    // Why the host has no connection (invalid config, unresolvable context).
    std::optional<Error> configError(const QString &name) const;

    void reconnect(const QString &name);
    // The key an SSH host offered on its last attempt (for the trust dialog).
    std::optional<transport::SshHostKeyInfo> offeredHostKey(const QString &name) const;
    // Adds exactly this key to the host's known_hosts file and reconnects. Refused for a
    // key that does not belong to an unknown host (a changed key is never trusted here).
    std::optional<Error> trustHostKey(const QString &name, const transport::SshHostKeyInfo &key);

Q_SIGNALS:
    void hostAttached(mcp::hosts::HostConnection *connection, mcp::hosts::ContainerInventory *inventory);
    void hostDetaching(mcp::hosts::HostConnection *connection);
    void trafficAttached(const QString &name, mcp::telemetry::HostTraffic *traffic);
    // State, reason or transport path of a host changed (or the host was added/removed).
    void hostUpdated(const QString &name);

private:
    struct Member;
    void create(const QString &name);
    void destroy(const QString &name);
    Member *member(const QString &name) const;

    HostRegistry *m_registry;
    transport::PassphraseProvider m_passphrase;
    std::vector<std::unique_ptr<Member>> m_members;
    bool m_started = false;
    std::function<topology::Graph(const QString &)> m_graphProvider;
};

} // namespace mcp::hosts
