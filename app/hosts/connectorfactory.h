#pragma once

#include "endpoint/endpoint.h"
#include "transport/connector.h"
#include "transport/sshoptions.h"

#include <memory>

namespace mcp::hosts {

// What the user may add to an endpoint for SSH: the rest comes from ~/.ssh/config.
struct ConnectOptions
{
    bool acceptNewHostKey = false;
    QString knownHostsFile;      // empty: ~/.ssh/known_hosts (or the ssh config's)
    QStringList identityFiles;   // tried after ssh-agent
    bool identitiesOnly = false; // only those keys
    QString sshConfigFile;       // empty: ~/.ssh/config; "none": no config
    transport::PassphraseProvider passphraseProvider;
    int connectTimeoutMs = 10000;
};

// The one place that maps an endpoint to its transport: unix socket, TCP (TLS when the
// endpoint carries TLS material) or SSH (libssh2 with the OpenSSH client as fallback).
std::unique_ptr<transport::Connector> makeConnector(const endpoint::Endpoint &endpoint,
                                                    const ConnectOptions &options = {});

} // namespace mcp::hosts
