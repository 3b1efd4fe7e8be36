#include "connectorfactory.h"

#include "transport/sshautoconnector.h"
#include "transport/tcpconnector.h"
#include "transport/unixconnector.h"

namespace mcp::hosts {

std::unique_ptr<transport::Connector> makeConnector(const endpoint::Endpoint &endpoint, const ConnectOptions &options)
{
    using Kind = endpoint::Endpoint::Kind;
    switch (endpoint.kind) {
    case Kind::Unix:
        return std::make_unique<transport::UnixConnector>(endpoint.socketPath);
    case Kind::Tcp:
        return std::make_unique<transport::TcpConnector>(endpoint.host, quint16(endpoint.port), endpoint.tls);
    case Kind::Ssh: {
        auto ssh = transport::SshOptions::fromEndpoint(endpoint);
        ssh.acceptNewHostKey = options.acceptNewHostKey;
        ssh.knownHostsFile = options.knownHostsFile;
        ssh.identityFiles = options.identityFiles;
        ssh.identitiesOnly = options.identitiesOnly;
        ssh.configFile = options.sshConfigFile;
        ssh.passphraseProvider = options.passphraseProvider;
        ssh.connectTimeoutMs = options.connectTimeoutMs;
        return transport::makeSshConnector(ssh);
    }
    }
    return nullptr;
}

} // namespace mcp::hosts
