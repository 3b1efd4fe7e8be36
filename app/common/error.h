#pragma once

#include "message.h"

#include <QMetaType>
#include <QString>

namespace mcp {

// Where a failure came from. The kind decides how callers react (retry a transport error,
// show an API error as is, ask the user for a host key); the code is stable and scriptable
// (it is printed by `mcpctl --format json`); the detail is for people, in English (logs,
// JSON, audit records, snapshots); text() is the detail in the interface language, for views.
enum class ErrorKind {
    Usage,     // the caller asked for something malformed (bad URL, conflicting flags)
    Config,    // a configuration file or context is unusable
    Transport, // a byte stream could not be opened or broke (refused, reset, closed)
    Tls,       // TLS handshake or certificate verification
    Ssh,       // SSH handshake, host key, authentication, channel
    Protocol,  // the peer spoke malformed HTTP
    Http,      // an HTTP status the API does not document for the call
    Api,       // the engine answered with an error message
    Timeout,   // no answer in the allotted time
    Cancelled, // the operation was abandoned by its owner
};

struct Error
{
    ErrorKind kind = ErrorKind::Transport;
    QString code;   // stable, dotted: "transport.refused", "ssh.hostkey.mismatch"
    QString detail; // what happened, for people, in English; never contains secrets
    int httpStatus = 0;
    Message message; // detail's translatable form (empty: detail is shown as is, e.g. the engine's own words)

    static Error make(ErrorKind kind, const QString &code, const QString &detail, int httpStatus = 0)
    {
        return Error{kind, code, detail, httpStatus, {}};
    }
    static Error make(ErrorKind kind, const QString &code, const Message &message, int httpStatus = 0)
    {
        return Error{kind, code, message.english(), httpStatus, message};
    }

    // The detail in the interface language (what views show).
    QString text() const { return message.isEmpty() ? detail : message.local(); }

    // One line for a log or a status bar: "ssh.hostkey.mismatch: host key for ...".
    QString toString() const;
    // Transport, TLS, SSH and timeout errors mean "the host is not reachable right now".
    bool isConnectivity() const;
};

QString errorKindName(ErrorKind kind);

} // namespace mcp

Q_DECLARE_METATYPE(mcp::Error)
