#include "commands.h"

#include "discover.h"
#include "gateway/livecheck.h"
#include "gateway/specreader.h"
#include "gateway/specvalidator.h"

#include <QJsonArray>
#include <QJsonObject>

namespace mcp::cli {

// `mcpctl validate SPEC [--host URL]`: the spec's offline checks (and live ones with a host), each finding with file:line:column.
// Exit 0 clean or warnings only, 1 errors, 2 when the file cannot be read.
int runValidate(const GlobalOptions &options, const Output &out)
{
    if (options.arguments.size() != 1)
        return out.fail(Error::make(ErrorKind::Usage, QStringLiteral("usage"), QStringLiteral("usage: mcpctl validate SPEC.yaml")));
    const QString file = options.arguments.first();
    const gateway::SpecReading reading = gateway::readSpecFile(file);
    gateway::Findings findings = reading.findings;
    if (!findings.isEmpty() && findings.first().code == QLatin1String("spec.unreadable"))
        return out.fail(Error::make(ErrorKind::Config, QStringLiteral("spec.unreadable"), findings.first().message));
    if (reading.parsed)
        findings << gateway::validateSpec(reading.spec);
    // With a host: what the running system says about the spec's services and gateway.
    if (reading.parsed && (!options.host.isEmpty() || !options.context.isEmpty())) {
        auto graph = snapshotGraph(options);
        if (!graph)
            return out.fail(graph.error());
        findings << gateway::liveFindings(reading.spec, *graph);
    }
    std::stable_sort(findings.begin(), findings.end(), [](const gateway::Finding &a, const gateway::Finding &b) {
        return a.pos.line != b.pos.line ? a.pos.line < b.pos.line : a.pos.column < b.pos.column;
    });
    if (out.isJson()) {
        QJsonArray rows;
        for (const auto &f : findings)
            rows.append(f.toJson());
        out.jsonPretty(QJsonObject{{QStringLiteral("findings"), rows}});
    } else {
        for (const auto &f : findings) {
            out.line(f.toString());
            if (!f.hint.isEmpty())
                out.line(QStringLiteral("    hint: %1").arg(f.hint));
        }
        if (findings.isEmpty())
            out.line(QStringLiteral("%1: valid").arg(file));
    }
    return gateway::hasErrors(findings) ? ExitProblem : ExitOk;
}

} // namespace mcp::cli
