#pragma once

#include "spec.h"

namespace mcp::gateway {

// The checks of one spec certificate with OpenSSL: both files readable (paths relative to
// the spec file), the PEM parses, the key is not encrypted and matches the leaf, the chain
// is in order (each certificate issued by the next) and carries the intermediate, validity
// (expired or not yet valid: error; under 30 days left: warning), the SANs cover every
// host of the routes on its listeners (wildcards as TLS clients match them), no weak keys
// (RSA under 2048 bits, EC under 256) and no SHA-1 signatures. Key material is only read
// into OpenSSL and never appears in a finding. A key in `decryptedKeys` (by its resolved path)
// is checked as those bytes instead of the file's.
Findings checkCertificate(const QString &specFile, const Certificate &certificate, const QStringList &routeHosts,
                          const QHash<QString, QByteArray> &decryptedKeys = {});

// The file a spec path names: absolute as is, relative to the spec file's directory.
QString resolveSpecPath(const QString &specFile, const QString &path);

} // namespace mcp::gateway
