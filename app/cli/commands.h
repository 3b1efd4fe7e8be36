#pragma once

#include "globaloptions.h"
#include "output.h"

#include "snapshot/snapshotfile.h"

namespace mcp::cli {

// One function per mcpctl command; each returns the exit code.
int runPing(const GlobalOptions &options, const Output &out);
int runEvents(const GlobalOptions &options, const Output &out);
int runContexts(const GlobalOptions &options, const Output &out);
int runTopology(const GlobalOptions &options, const Output &out);
int runWatch(const GlobalOptions &options, const Output &out);
int runValidate(const GlobalOptions &options, const Output &out);
int runRender(const GlobalOptions &options, const Output &out);
int runPush(const GlobalOptions &options, const Output &out);
int runRollback(const GlobalOptions &options, const Output &out);
int runHistory(const GlobalOptions &options, const Output &out);
int runStats(const GlobalOptions &options, const Output &out);
int runCerts(const GlobalOptions &options, const Output &out);
int runWeightsCommand(const GlobalOptions &options, const Output &out);
int runSnapshot(const GlobalOptions &options, const Output &out, const snapshot::Rasterizer &rasterize);

} // namespace mcp::cli
