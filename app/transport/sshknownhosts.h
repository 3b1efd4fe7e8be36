#pragma once

#include "common/error.h"
#include "sshoptions.h"

#include <QByteArray>
#include <QString>

#include <optional>

typedef struct _LIBSSH2_SESSION LIBSSH2_SESSION;

namespace mcp::transport {

// Host key verification against an OpenSSH known_hosts file, with libssh2's knownhost
// matcher (plain, "[host]:port" and hashed "|1|" entries). The file is read line by line
// because libssh2_knownhost_readfile() stops at the first line it cannot parse (a
// @cert-authority marker, a key type it does not know) and would hide the entries after it.
// New keys are appended as one plain line instead of rewriting the file, so the user's
// comments and the lines libssh2 cannot parse survive.
class SshKnownHosts final
{
public:
    // Checks the key the session's server offered. Returns the error that refuses the host
    // (mismatch, unknown without acceptNew, unwritable file) or nothing; info is filled in
    // either way so a dialog can show the fingerprint.
    static std::optional<Error> verify(LIBSSH2_SESSION *session, const SshTarget &target, bool acceptNew,
                                       SshHostKeyInfo *info);

    // "SHA256:" + unpadded base64 of SHA-256 over the raw key blob, as ssh-keygen -l prints.
    static QString fingerprint(const QByteArray &keyBlob);
    // Appends "name type base64" to the file, creating it (0600) and its directory (0700).
    static std::optional<Error> append(const QString &file, const QString &name, const QString &keyType,
                                       const QByteArray &keyBlob);
};

} // namespace mcp::transport
