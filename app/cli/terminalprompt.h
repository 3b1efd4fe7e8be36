#pragma once

#include <QString>

#include <optional>

namespace mcp::cli {

// Asks on the controlling terminal with echo off; std::nullopt when there is no terminal
// (scripts, CI) so that an encrypted key fails with a clear error instead of hanging.
std::optional<QString> promptHidden(const QString &prompt);

} // namespace mcp::cli
