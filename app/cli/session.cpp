#include "session.h"

#include "docker/dockerclient.h"
#include "endpoint/endpointresolver.h"
#include "hosts/connectorfactory.h"
#include "terminalprompt.h"

namespace mcp::cli {

Result<endpoint::Endpoint> resolveEndpoint(const GlobalOptions &options)
{
    endpoint::EndpointResolver::Input input;
    input.hostFlag = options.host;
    input.contextFlag = options.context;
    return endpoint::EndpointResolver(input).resolve();
}

hosts::ConnectOptions connectOptions(const GlobalOptions &options)
{
    hosts::ConnectOptions connect;
    connect.acceptNewHostKey = options.acceptNewHostKey;
    connect.identityFiles = options.identityFiles;
    connect.knownHostsFile = options.knownHostsFile;
    connect.connectTimeoutMs = options.timeoutMs;
    connect.passphraseProvider = [](const QString &keyPath) {
        return promptHidden(QStringLiteral("Passphrase for %1: ").arg(keyPath));
    };
    return connect;
}

Result<std::unique_ptr<Session>> Session::open(const GlobalOptions &options)
{
    auto endpoint = resolveEndpoint(options);
    if (!endpoint)
        return endpoint.error();
    const hosts::ConnectOptions connect = connectOptions(options);

    std::unique_ptr<Session> session(new Session);
    session->m_endpoint = *endpoint;
    session->m_timeoutMs = options.timeoutMs;
    session->m_connector = hosts::makeConnector(*endpoint, connect);
    session->m_client = std::make_unique<docker::DockerClient>(session->m_connector.get());
    return session;
}

Session::~Session()
{
    m_client.reset(); // before the connector it uses
}

} // namespace mcp::cli
