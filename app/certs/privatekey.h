#pragma once

#include "common/result.h"

#include <QByteArray>

namespace mcp::certs {

// Encrypted private keys. Gateways load keys unattended, so a key that is encrypted on the
// operator's disk is decrypted in memory with the passphrase the operator gives, checked
// and (when pushed) written into the gateway container as it is read back here: unencrypted
// PKCS#8 PEM. Neither the passphrase nor the decrypted key is ever kept by this code.

// Whether a PEM private key is encrypted: PKCS#8 "ENCRYPTED PRIVATE KEY", or a traditional
// OpenSSL key with "Proc-Type: 4,ENCRYPTED".
bool isEncryptedKey(const QByteArray &pem);

// The key opened with `passphrase` (an unencrypted key opens with any), as unencrypted
// PKCS#8 PEM. Errors: cert.key-passphrase (the passphrase does not open it; also an empty
// one for an encrypted key), cert.key-unusable (not a PEM private key).
Result<QByteArray> loadPrivateKey(const QByteArray &pem, const QByteArray &passphrase);

} // namespace mcp::certs
