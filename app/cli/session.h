#pragma once

#include "common/result.h"
#include "endpoint/endpoint.h"
#include "globaloptions.h"

#include <QEventLoop>
#include <QFuture>
#include <QFutureWatcher>
#include <QTimer>

#include <memory>

namespace mcp::transport {
class Connector;
}
namespace mcp::docker {
class DockerClient;
}

namespace mcp::hosts {
struct ConnectOptions;
}

namespace mcp::cli {

// The endpoint the global options select, by the Docker CLI's rules.
Result<endpoint::Endpoint> resolveEndpoint(const GlobalOptions &options);
// SSH and timeout settings from the global options; passphrases asked on the terminal.
hosts::ConnectOptions connectOptions(const GlobalOptions &options);

// The engine one mcpctl command talks to: resolved like the Docker CLI (--host, --context,
// DOCKER_HOST, DOCKER_CONTEXT, config), connected through the same connectors as the GUI.
// Passphrases for encrypted SSH keys are asked on the terminal, never echoed or stored.
class Session final
{
public:
    static Result<std::unique_ptr<Session>> open(const GlobalOptions &options);
    ~Session();

    const endpoint::Endpoint &endpoint() const { return m_endpoint; }
    docker::DockerClient &client() { return *m_client; }
    transport::Connector &connector() { return *m_connector; }
    int timeoutMs() const { return m_timeoutMs; }

    // Runs the event loop until the future is done, or fails with a timeout error.
    template <typename T>
    T wait(QFuture<T> future)
    {
        QFutureWatcher<T> watcher;
        QEventLoop loop;
        QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
        watcher.setFuture(future);
        QTimer::singleShot(m_timeoutMs, &loop, &QEventLoop::quit);
        if (!future.isFinished())
            loop.exec();
        if (!future.isFinished() || future.resultCount() == 0)
            return T(Error::make(ErrorKind::Timeout, QStringLiteral("timeout"),
                                 QStringLiteral("no answer from %1 within %2 s").arg(m_endpoint.url()).arg(m_timeoutMs / 1000.0)));
        return future.result();
    }

private:
    Session() = default;
    endpoint::Endpoint m_endpoint;
    std::unique_ptr<transport::Connector> m_connector;
    std::unique_ptr<docker::DockerClient> m_client;
    int m_timeoutMs = 15000;
};

} // namespace mcp::cli
