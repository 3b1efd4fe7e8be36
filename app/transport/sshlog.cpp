#include "sshlog.h"

namespace mcp::transport {

Q_LOGGING_CATEGORY(lcSsh, "mcp.transport.ssh", QtInfoMsg)

} // namespace mcp::transport
