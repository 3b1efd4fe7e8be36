#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QHash>
#include <QString>

namespace mcp::cli {

// The encrypted private keys a spec names, opened for `mcpctl push` and `diff` (in memory
// only, for GatewaySpec::fileContents): with the passphrase in `passphraseFile`
// (--key-passphrase-file: its first line, the way scripts and CI hand over secrets), else
// asked on the terminal. Without either the key stays closed and the checks report
// cert.key-encrypted. Errors: cert.key-passphrase (it does not open a key; nothing is pushed),
// spec.unreadable (the passphrase file).
Result<QHash<QString, QByteArray>> openEncryptedKeys(const QByteArray &specText, const QString &specFile, const QString &passphraseFile);

} // namespace mcp::cli
