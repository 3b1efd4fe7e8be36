#pragma once

#include "common/result.h"

#include <QString>

#include <vector>

namespace mcp::endpoint {

// One named context as `docker context create` wrote it. File paths only: the key is
// never read here, the transport opens it when it connects.
struct StoredContext
{
    QString name;
    QString description;        // Metadata.Description
    QString host;               // Endpoints.docker.Host, as written (empty: the engine default)
    bool skipTlsVerify = false; // Endpoints.docker.SkipTLSVerify (we never honour it; see resolver)
    QString metaFile;           // where it was read from, for messages
    QString tlsDir;             // <config>/contexts/tls/<id>/docker
    QString caFile;             // set only when the file exists
    QString certFile;           // set only when the file exists
    QString keyFile;            // set only when the file exists
};

// Read-only view of the Docker CLI's context store under <config dir>/contexts.
//
// Layout (docker/cli cli/context/store, checked against the real client in
// tst_endpoint_resolver): a context's directory is the lower-case hex SHA-256 of its name,
// metadata in meta/<id>/meta.json, TLS files in tls/<id>/docker/{ca,cert,key}.pem. Hashing
// the name makes any name a safe path, so names are not validated here. The "default"
// context is virtual and never in the store; EndpointResolver builds it.
class ContextStore final
{
public:
    struct Listed
    {
        QString id;                    // the directory name under meta/
        Result<StoredContext> context; // or why its meta.json is unusable
    };

    explicit ContextStore(QString configDir);

    static QString contextId(const QString &name);

    QString configDir() const { return m_configDir; }
    QString metaRoot() const;
    QString metaFile(const QString &name) const;
    QString tlsDir(const QString &name) const;

    // Config errors: context.not-found (names the context and the file looked for),
    // context.malformed (path and parse position), context.no-docker-endpoint.
    Result<StoredContext> load(const QString &name) const;
    // Every meta.json below meta/ (the CLI walks it recursively too), sorted by name.
    std::vector<Listed> list() const;

private:
    Result<StoredContext> loadFile(const QString &metaFile) const;

    QString m_configDir;
};

} // namespace mcp::endpoint
