#include "cli.h"

#include <cstdio>

namespace mcp::cli {

int run(const QStringList &arguments)
{
    if (arguments.contains(QStringLiteral("--version"))) {
        std::printf("mcpctl %s (%s)\n", MCP_VERSION, MCP_GIT_REVISION);
        return 0;
    }
    std::fprintf(stderr, "mcpctl: no command given\n");
    return 2;
}

} // namespace mcp::cli
