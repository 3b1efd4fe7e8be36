#pragma once

#include "common/result.h"
#include "connectorfactory.h"
#include "endpoint/endpoint.h"
#include "endpoint/endpointresolver.h"

#include <QString>

#include <optional>

class QSettings;

namespace mcp::hosts {

// One Docker host as the operator configured it: either a Docker context to follow (its
// endpoint is resolved on every connect, so `docker context update` is picked up) or a URL
// with the files it needs. Only names and paths: secrets (key passphrases, private key
// contents) are never part of it, so it can be written to plain-text settings as is.
struct HostConfig
{
    QString name;    // unique; shown in the graph and the hosts panel
    QString context; // follow this Docker context ...
    QString url;     // ... or connect to this URL
    QString tlsCaFile, tlsCertFile, tlsKeyFile; // tcp:// with TLS: paths only
    QString sshIdentityFile;                    // ssh://: a key to try (after the agent)
    QString sshKnownHostsFile;                  // ssh://: empty: ~/.ssh/known_hosts
    bool persistent = true; // false: for this session only (--host on the command line)
    // The active health probes of this host's instances (HealthProber): a round every
    // interval, each probe given up after the timeout.
    int probeIntervalMs = 10000;
    int probeTimeoutMs = 3000;

    bool operator==(const HostConfig &other) const = default;

    // What is wrong with it before any connection is tried: missing name, both or neither
    // of context and URL, a URL that does not parse (or carries a password), TLS files
    // that are incomplete or unreadable.
    std::optional<Error> validate() const;
    // The endpoint to connect to now (a context is resolved with the Docker CLI's rules).
    Result<endpoint::Endpoint> resolveEndpoint(const endpoint::EndpointResolver::Input &base = {}) const;
    ConnectOptions connectOptions() const;
    // What the panel shows as the host's address: the URL, or "context NAME".
    QString displayAddress() const;

    void save(QSettings &settings) const; // into the current group/array index
    static HostConfig load(const QSettings &settings);
};

} // namespace mcp::hosts
