#pragma once

#include "common/result.h"

#include <QStringList>

namespace mcp::cli {

enum class OutputFormat { Text, Json, Dot };

// Options every mcpctl command takes, wherever they stand on the command line, and what is
// left: the command name and its own arguments.
struct GlobalOptions
{
    QString host;    // --host / -H
    QString context; // --context / -c
    OutputFormat format = OutputFormat::Text;
    bool acceptNewHostKey = false; // --accept-new-host-key
    QStringList identityFiles;     // --identity / -i (repeatable)
    QString knownHostsFile;        // --known-hosts
    int timeoutMs = 15000;         // --timeout SECONDS
    bool probe = true;             // topology, doctor: --no-probe skips the active health probes
    int probeTimeoutMs = 3000;     // --probe-timeout MS
    int probeIntervalMs = 10000;   // --probe-interval MS (watch: a probe round every MS)
    bool help = false;
    bool version = false;
    QString command;
    QStringList arguments; // the command's own, in order

    static Result<GlobalOptions> parse(const QStringList &argv);
};

} // namespace mcp::cli
