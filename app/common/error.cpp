#include "error.h"

namespace mcp {

QString errorKindName(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::Usage: return QStringLiteral("usage");
    case ErrorKind::Config: return QStringLiteral("config");
    case ErrorKind::Transport: return QStringLiteral("transport");
    case ErrorKind::Tls: return QStringLiteral("tls");
    case ErrorKind::Ssh: return QStringLiteral("ssh");
    case ErrorKind::Protocol: return QStringLiteral("protocol");
    case ErrorKind::Http: return QStringLiteral("http");
    case ErrorKind::Api: return QStringLiteral("api");
    case ErrorKind::Timeout: return QStringLiteral("timeout");
    case ErrorKind::Cancelled: return QStringLiteral("cancelled");
    }
    return QStringLiteral("unknown");
}

QString Error::toString() const
{
    return detail.isEmpty() ? code : code + QStringLiteral(": ") + detail;
}

bool Error::isConnectivity() const
{
    switch (kind) {
    case ErrorKind::Transport:
    case ErrorKind::Tls:
    case ErrorKind::Ssh:
    case ErrorKind::Timeout:
        return true;
    default:
        return false;
    }
}

} // namespace mcp
