#pragma once

#include "spec.h"

#include <optional>

namespace mcp::gateway {

// The checks of one spec certificate with OpenSSL: both files readable (paths relative to
// the spec file), the PEM parses, the key is not encrypted and matches the leaf, the chain
// is in order (each certificate issued by the next) and carries the intermediate, validity
// (expired or not yet valid: error; under 30 days left: warning), the SANs cover every
// host of the routes on its listeners (wildcards as TLS clients match them), no weak keys
// (RSA under 2048 bits, EC under 256) and no SHA-1 signatures. Key material is only read
// into OpenSSL and never appears in a finding. A file in `fileContents` (by its resolved
// path, see GatewaySpec::fileContents) is checked as those bytes instead of the disk's.
Findings checkCertificate(const QString &specFile, const Certificate &certificate, const QStringList &routeHosts,
                          const QHash<QString, QByteArray> &fileContents = {});

// The file a spec path names: absolute as is, relative to the spec file's directory.
QString resolveSpecPath(const QString &specFile, const QString &path);

// A certificate or key file a spec names, read: the bytes `fileContents` holds for its
// resolved path, otherwise the file on disk.
struct SpecFile
{
    QString path; // resolved
    std::optional<QByteArray> bytes;
    QString error; // why it could not be read (when bytes is empty)
};
SpecFile readSpecFile(const QString &specFile, const QString &path, const QHash<QString, QByteArray> &fileContents);

// The encrypted private keys a spec names, each once, by the path it resolves them to (against
// spec.file, which must be absolute) with the position of its keyFile: what needs a
// passphrase. Keys already in spec.fileContents (opened) and unreadable ones (the checks
// report those) are left out.
struct EncryptedKey
{
    QString path;
    SourcePos pos;
    QByteArray pem;
};
QList<EncryptedKey> encryptedKeysOf(const GatewaySpec &spec);

} // namespace mcp::gateway
