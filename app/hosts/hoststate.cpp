#include "hoststate.h"

namespace mcp::hosts {

QString hostStateName(HostState state)
{
    switch (state) {
    case HostState::Idle: return QStringLiteral("idle");
    case HostState::Connecting: return QStringLiteral("connecting");
    case HostState::Connected: return QStringLiteral("connected");
    case HostState::Degraded: return QStringLiteral("degraded");
    case HostState::Unreachable: return QStringLiteral("unreachable");
    }
    return QStringLiteral("unknown");
}

} // namespace mcp::hosts
