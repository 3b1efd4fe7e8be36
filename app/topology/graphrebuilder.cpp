#include "graphrebuilder.h"

#include <QPromise>

#include <memory>

namespace mcp::topology {

GraphRebuilder::GraphRebuilder()
{
    m_pool.setObjectName(QStringLiteral("topology-rebuild"));
    m_pool.setMaxThreadCount(1); // rebuilds in order, one core left for the GUI thread
    m_pool.setExpiryTimeout(-1);  // the thread stays: under load a rebuild follows every frame
}

GraphRebuilder::~GraphRebuilder()
{
    m_pool.waitForDone();
}

QFuture<GraphRebuilder::Result> GraphRebuilder::rebuild(QList<HostSnapshot> input, Graph base)
{
    auto promise = std::make_shared<QPromise<Result>>();
    QFuture<Result> future = promise->future();
    promise->start();
    m_pool.start([this, promise, input = std::move(input), base = std::move(base)]() mutable {
        Result r;
        r.graph = m_builder.build(input); // only ever on the pool's one thread
        r.delta = diffGraphs(base, r.graph);
        base = Graph(); // the base's last reference, if it is one, goes here too
        promise->addResult(std::move(r));
        promise->finish();
    });
    return future;
}

void GraphRebuilder::dispose(Graph &&graph)
{
    m_pool.start([old = std::move(graph)]() mutable { old = Graph(); });
}

} // namespace mcp::topology
