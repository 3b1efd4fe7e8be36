#pragma once

#include "spec.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMap>
#include <QString>

namespace mcp::gateway {

// One running instance a backend can send traffic to, as the gateway reaches it.
struct InstanceEndpoint
{
    QString name;
    QString address;
    int port = 0;
    QString version;
};

// Instances by "service" (every version) and "service/version".
using EndpointMap = QHash<QString, QList<InstanceEndpoint>>;

// What a driver writes into the gateway container: files by absolute path, the version
// (a content hash of the spec text, also served at /.mcp/version and carried in the files),
// and which files hold private keys (never printed, never logged).
struct RenderedConfig
{
    QString driver;
    QString version;
    QMap<QString, QByteArray> files;
    QStringList secretFiles;
    QString mainFile;   // the file the gateway's own check reads (nginx.conf / haproxy.cfg)
    QString stateDir;   // where the gateway keeps the spec it runs and its version
    // The TLS listeners: port -> the PEM file it serves (the push verifies the served chain).
    QList<std::pair<int, QString>> tlsListeners;
};

// The files as a tar archive to extract at "/" in the container (the archive API):
// parent directories included, private keys mode 0600.
QByteArray renderedTar(const RenderedConfig &config);

// SHA-256 of the spec text, first 16 hex digits.
QString specVersion(const QByteArray &specText);

// Renders the spec for its driver. Routes keep first-match-in-order semantics (docs/spec.md):
// HAProxy evaluates use_backend rules in order; nginx picks the longest prefix within the
// most specific server name, which gives the same answer for every spec the validator
// accepts (it rejects routes an earlier one shadows). Backends with weight 0 get no
// traffic; a backend with no instance renders a placeholder that is down, so the config
// stays valid and the route answers 503.
RenderedConfig renderConfig(const GatewaySpec &spec, const QByteArray &specText, const EndpointMap &endpoints);

} // namespace mcp::gateway
