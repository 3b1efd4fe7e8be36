#pragma once

#include "contextstore.h"
#include "endpoint.h"

#include <QProcessEnvironment>
#include <QString>

namespace mcp::endpoint {

// Decides which Docker engine to talk to, the way the Docker CLI does
// (docker/cli cli/command/cli.go resolveContextName, resolveDefaultDockerEndpoint;
// cli/flags/options.go; opts/hosts.go), so a console started from a shell reaches the same
// engine as `docker` would there.
//
// Context name, first match wins:
//   --context > (--host or DOCKER_HOST => "default") > DOCKER_CONTEXT
//   > config.json "currentContext" > "default".
//   --host together with --context is a usage error (context.conflict).
// The "default" context is virtual: --host, else DOCKER_HOST, else unix:///var/run/docker.sock
// (tcp://localhost:2376 when DOCKER_TLS_VERIFY or DOCKER_TLS is set, as in the CLI), with TLS
// files ca.pem/cert.pem/key.pem from DOCKER_CERT_PATH, else from the config dir.
// Any other name is read from the context store (see ContextStore).
//
// Deliberate differences from the CLI:
// - Security: we never connect over TLS without verifying the server. Where the CLI (or the
//   Go SDK's FromEnv) would skip verification (DOCKER_TLS or DOCKER_CERT_PATH without
//   DOCKER_TLS_VERIFY; a context with "SkipTLSVerify": true) we verify against the ca.pem
//   found there, and refuse with tls.verify-required when there is none. DOCKER_CERT_PATH
//   alone makes today's CLI ignore the certificates and speak plain HTTP (checked with
//   20.10 and 28.2); we take it as a request for TLS rather than send plaintext.
// - A malformed config.json is an error (config.malformed) instead of the CLI's warning
//   and fallback to "default", which could silently pick another engine. It is read only
//   when no flag or variable decides first.
// - TLS settings are checked only for tcp:// hosts; the CLI also loads (and can fail on)
//   DOCKER_TLS_VERIFY's files for a unix socket it would never use them on.
class EndpointResolver final
{
public:
    struct Input
    {
        QString hostFlag;    // --host / -H
        QString contextFlag; // --context / -c
        // Injected so tests and the GUI can resolve for an environment other than ours.
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        QString configDir; // empty: defaultConfigDir(environment)
    };

    // The chosen context and what chose it: "--host", "--context", "DOCKER_HOST",
    // "DOCKER_CONTEXT", "config currentContext" or "default".
    struct Choice
    {
        QString contextName;
        QString origin;
    };

    explicit EndpointResolver(Input input);

    // $DOCKER_CONFIG, else $HOME/.docker, both taken from env.
    static QString defaultConfigDir(const QProcessEnvironment &env);

    QString configDir() const { return m_store.configDir(); }
    const ContextStore &store() const { return m_store; }

    Result<Choice> choose() const;
    // choose(), then resolveContext(); the endpoint carries origin and contextName.
    Result<Endpoint> resolve() const;
    // The endpoint of one context, "default" included, as if it had been chosen by origin.
    Result<Endpoint> resolveContext(const QString &name, const QString &origin) const;

private:
    Result<Endpoint> resolveDefault(const QString &origin) const;
    Result<Endpoint> resolveStored(const QString &name, const QString &origin) const;
    Result<QString> configCurrentContext() const;
    QString env(const char *name) const;

    Input m_input;
    ContextStore m_store;
};

inline constexpr auto kDefaultContextName = "default";

} // namespace mcp::endpoint
