#include "livetopology.h"

#include "output.h"
#include "session.h"

#include "endpoint/endpointresolver.h"
#include "gateway/deployedroutes.h"
#include "health/healthprober.h"
#include "hosts/connectorfactory.h"
#include "hosts/containerinventory.h"
#include "hosts/hostconnection.h"
#include "topology/topologymodel.h"

#include <QCoreApplication>
#include <QTimer>

#include <optional>

namespace mcp::cli {

LiveTopology::LiveTopology() : m_model(std::make_unique<topology::TopologyModel>()) {}

LiveTopology::~LiveTopology()
{
    // Users before what they use: the model, routes and prober watch the inventory and host.
    m_model.reset();
    m_routes.reset();
    m_prober.reset();
    m_inventory.reset();
    if (m_host)
        m_host->stop();
    m_host.reset();
}

const topology::Graph &LiveTopology::graph() const
{
    return m_model->graph();
}

QString LiveTopology::url() const
{
    return m_host ? m_host->endpoint().url() : QString();
}

Status LiveTopology::load(const GlobalOptions &options)
{
    auto endpoint = resolveEndpoint(options);
    if (!endpoint)
        return endpoint.error();
    const hosts::ConnectOptions connect = connectOptions(options);
    const QString name = endpoint->contextName.isEmpty() || endpoint->origin == QLatin1String("--host")
                             ? endpoint->host.isEmpty() ? QStringLiteral("local") : endpoint->host
                             : endpoint->contextName;
    m_host = std::make_unique<hosts::HostConnection>(name, *endpoint, hosts::makeConnector(*endpoint, connect));
    m_inventory = std::make_unique<hosts::ContainerInventory>(m_host.get());
    m_model->addHost(m_host.get(), m_inventory.get());
    m_prober = std::make_unique<health::HealthProber>(m_host.get(), m_inventory.get());
    m_prober->setTimeout(options.probeTimeoutMs);
    m_model->setProber(m_host.get(), m_prober.get());
    m_routes = std::make_unique<gateway::DeployedRoutes>(m_host.get(), m_inventory.get());
    m_model->setDeployedRoutes(m_host.get(), m_routes.get());

    std::optional<Error> failure;
    QObject context;
    // After the list: the deployed routes, then (unless --no-probe) one probe round.
    QObject::connect(m_inventory.get(), &hosts::ContainerInventory::resynced, &context, [&] {
        if (m_routes->refreshes() > 0)
            return;
        QObject::connect(m_routes.get(), &gateway::DeployedRoutes::refreshed, &context, [&] {
            if (!options.probe || m_prober->rounds() > 0) {
                QCoreApplication::exit(ExitOk);
                return;
            }
            QObject::connect(m_prober.get(), &health::HealthProber::roundFinished, &context, [] { QCoreApplication::exit(ExitOk); });
            m_prober->probeNow();
        });
        m_routes->refreshNow();
    });
    QObject::connect(m_host.get(), &hosts::HostConnection::stateChanged, &context, [&](hosts::HostState state, const Error &reason) {
        if (state == hosts::HostState::Unreachable) {
            failure = reason;
            QCoreApplication::exit(ExitFailure);
        }
    });
    QTimer::singleShot(options.timeoutMs, &context, [&] {
        failure = Error::make(ErrorKind::Timeout, QStringLiteral("timeout"),
                              QStringLiteral("no topology from %1 within %2 s").arg(endpoint->url()).arg(options.timeoutMs / 1000.0));
        QCoreApplication::exit(ExitFailure);
    });
    m_host->start();
    QCoreApplication::exec();
    if (failure)
        return *failure;
    m_model->rebuildNow();
    return Done{};
}

} // namespace mcp::cli
