#include "discover.h"

#include "session.h"

#include "gateway/discovery.h"

#include "hosts/connectorfactory.h"
#include "hosts/containerinventory.h"
#include "hosts/hostconnection.h"
#include "topology/topologymodel.h"

#include <QCoreApplication>
#include <QTimer>

namespace mcp::cli {

// The live instances behind the spec's gateway, from one topology snapshot of --host.
Result<topology::Graph> snapshotGraph(const GlobalOptions &options)
{
    auto endpoint = resolveEndpoint(options);
    if (!endpoint)
        return endpoint.error();
    hosts::HostConnection host(QStringLiteral("target"), *endpoint, hosts::makeConnector(*endpoint, connectOptions(options)));
    hosts::ContainerInventory inventory(&host);
    topology::TopologyModel model;
    model.addHost(&host, &inventory);
    std::optional<Error> failure;
    QObject::connect(&inventory, &hosts::ContainerInventory::resynced, &host, [] { QCoreApplication::exit(0); });
    QObject::connect(&host, &hosts::HostConnection::stateChanged, &host, [&](hosts::HostState state, const Error &reason) {
        if (state == hosts::HostState::Unreachable) {
            failure = reason;
            QCoreApplication::exit(1);
        }
    });
    QTimer::singleShot(options.timeoutMs, &host, [&] {
        failure = Error::make(ErrorKind::Timeout, QStringLiteral("timeout"), QStringLiteral("no answer from %1").arg(endpoint->url()));
        QCoreApplication::exit(1);
    });
    host.start();
    QCoreApplication::exec();
    if (failure)
        return *failure;
    model.rebuildNow();
    host.stop();
    return model.graph();
}

Result<gateway::EndpointMap> discover(const GlobalOptions &options, const QString &gatewayName)
{
    auto graph = snapshotGraph(options);
    if (!graph)
        return graph.error();
    return gateway::endpointsFromGraph(*graph, gatewayName);
}

} // namespace mcp::cli
