#pragma once

#include "spec.h"

#include "common/result.h"

#include <QHash>
#include <QObject>

#include <functional>

namespace mcp::docker {
class DockerClient;
}

namespace mcp::gateway {

// The certificate files a gateway serves, read back from its container: what a weight change
// renders instead of the operator's files, so that changing weights (by hand, or the rollout
// guard's unattended rollback) neither needs the operator's files where the console runs nor
// a passphrase for an encrypted key, and cannot swap a certificate by the way. Key bytes are
// held in memory for the one change only.

// The files under `<state dir>/certs` of the container, by file name ("<configId>.pem",
// "<configId>.key"); empty when the gateway serves no certificate.
void fetchDeployedCertificateFiles(docker::DockerClient *client, const QString &containerId, const QString &driver, QObject *context,
                                   std::function<void(Result<QHash<QString, QByteArray>>)> done);

// GatewaySpec::fileContents for `spec` that name the deployed files in place of each
// certificate's certFile and keyFile (resolved against spec.file). nginx keeps the chain and
// the key apart; HAProxy's one combined file is split into its certificate blocks and its key.
// A certificate the gateway does not hold (new in the spec) gets no entry: it is read from disk.
QHash<QString, QByteArray> deployedCertificateContents(const GatewaySpec &spec, const QString &driver,
                                                       const QHash<QString, QByteArray> &deployedFiles);

} // namespace mcp::gateway
