#pragma once

#include "snapshot/snapshotfile.h"

#include <QStringList>

namespace mcp::cli {

// mcpctl's entry: parses the arguments, runs one command, returns the exit code
// (0 ok, 1 the command found a problem, 2 usage or connection error).
// What the core cannot do alone and the main provides: SVG to PNG (Qt Gui) for snapshots.
struct Services
{
    snapshot::Rasterizer rasterize;
};
int run(const QStringList &arguments, const Services &services = {});

} // namespace mcp::cli
