#pragma once

#include <QLoggingCategory>

namespace mcp::transport {

// "mcp.transport.ssh": session set-up, fallbacks and timings; never keys or passphrases.
Q_DECLARE_LOGGING_CATEGORY(lcSsh)

} // namespace mcp::transport
