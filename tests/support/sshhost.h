#pragma once

// The test bed's SSH endpoint to its main engine (the private sshd on 127.0.0.1, the
// ed25519 key, the known_hosts file it wrote), as the tests that add an SSH host use it.
#include "support/testbed.h"

#include "endpoint/endpoint.h"
#include "hosts/connectorfactory.h"

namespace mcp::test {

inline Result<endpoint::Endpoint> testbedSshEndpoint()
{
    const auto &tb = Testbed::instance();
    return endpoint::Endpoint::parse(QStringLiteral("ssh://%1@%2:%3")
                                         .arg(tb.require(QStringLiteral("MCP_TB_SSH_USER")), tb.require(QStringLiteral("MCP_TB_SSH_HOST")),
                                              tb.require(QStringLiteral("MCP_TB_SSH_PORT"))));
}

inline hosts::ConnectOptions testbedSshOptions()
{
    const auto &tb = Testbed::instance();
    hosts::ConnectOptions options;
    options.identityFiles = {tb.require(QStringLiteral("MCP_TB_SSH_KEY_ED25519"))};
    options.identitiesOnly = true;
    options.knownHostsFile = tb.require(QStringLiteral("MCP_TB_SSH_KNOWN_HOSTS"));
    options.sshConfigFile = QStringLiteral("none"); // the developer's ~/.ssh/config stays out of it
    return options;
}

} // namespace mcp::test
