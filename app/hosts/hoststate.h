#pragma once

#include <QMetaType>
#include <QString>

namespace mcp::hosts {

// What the operator sees per host.
//  Connecting: first contact or a reconnect attempt under way.
//  Connected: the API answers and the event stream runs.
//  Degraded: the API answers but the event stream is down (the view may be stale).
//  Unreachable: the last attempt failed; the reason is kept and a retry is scheduled.
enum class HostState { Idle, Connecting, Connected, Degraded, Unreachable };

QString hostStateName(HostState state); // stable, for JSON: "connecting", "connected", ...

} // namespace mcp::hosts

Q_DECLARE_METATYPE(mcp::hosts::HostState)
