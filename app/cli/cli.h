#pragma once

#include <QStringList>

namespace mcp::cli {

// mcpctl's entry: parses the arguments, runs one command, returns the exit code
// (0 ok, 1 the command found a problem, 2 usage or connection error).
int run(const QStringList &arguments);

} // namespace mcp::cli
