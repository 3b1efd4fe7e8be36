#pragma once

#include "hosts/hoststate.h"

#include <QIcon>

namespace mcp::ui {

// A host's state drawn with the topology's health glyphs (colour and shape): connected a
// green disc, degraded an orange triangle, unreachable a vermilion crossed square,
// connecting or idle a grey ring. Readable without colour.
QIcon hostStateIcon(hosts::HostState state, bool configError = false);
QString hostStateText(hosts::HostState state); // translated

} // namespace mcp::ui
