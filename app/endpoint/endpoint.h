#pragma once

#include "common/result.h"

#include <QString>

namespace mcp::endpoint {

// TLS material for a tcp:// endpoint. Server verification is always on when TLS is used:
// where the Docker CLI would silently skip it (cert path without DOCKER_TLS_VERIFY) the
// resolver verifies against the CA it finds or refuses.
struct TlsConfig
{
    bool enabled = false;
    QString caFile;   // PEM bundle that signs the server certificate
    QString certFile; // client certificate (PEM)
    QString keyFile;  // client private key (PEM); the path only, never the key
};

// Where a Docker engine is and how to reach it.
struct Endpoint
{
    enum class Kind { Unix, Tcp, Ssh };

    Kind kind = Kind::Unix;
    QString socketPath; // unix: local socket; ssh: remote socket (empty: engine default)
    QString host;       // tcp, ssh
    int port = 0;       // tcp (required), ssh (0: from ssh config or 22)
    QString user;       // ssh (empty: from ssh config or the local user)
    TlsConfig tls;      // tcp
    QString origin;      // what chose it (EndpointResolver): "--host", "--context", "DOCKER_HOST",
                         // "DOCKER_CONTEXT", "config currentContext", "default"
    QString contextName; // the Docker context it came from ("default" for --host/DOCKER_HOST)

    // unix:///path, tcp://host:port, ssh://[user@]host[:port][/socket/path].
    // A URL carrying a password ("ssh://u:pw@h") is refused: secrets do not live in URLs.
    static Result<Endpoint> parse(const QString &url);
    // The canonical URL (no secrets by construction).
    QString url() const;
};

inline constexpr auto kDefaultUnixSocket = "/var/run/docker.sock";

} // namespace mcp::endpoint
