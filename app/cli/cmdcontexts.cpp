#include "commands.h"
#include "endpoint/contextlist.h"

#include <QJsonArray>

namespace mcp::cli {

// `mcpctl contexts`: the Docker contexts the console sees, like `docker context ls`, with
// the reason a context would be refused.
int runContexts(const GlobalOptions &options, const Output &out)
{
    endpoint::EndpointResolver::Input input;
    input.hostFlag = options.host;
    input.contextFlag = options.context;
    const endpoint::EndpointResolver resolver(input);
    const auto list = endpoint::listContexts(resolver);
    if (!list)
        return out.fail(list.error());
    bool anyError = false;
    if (out.isJson()) {
        QJsonArray rows;
        for (const auto &c : *list) {
            QJsonObject row{{QStringLiteral("name"), c.name},
                            {QStringLiteral("description"), c.description},
                            {QStringLiteral("endpoint"), c.endpointUrl},
                            {QStringLiteral("current"), c.isCurrent}};
            if (c.error) {
                anyError = true;
                row.insert(QStringLiteral("error"), errorToJson(*c.error));
            }
            rows.append(row);
        }
        out.jsonPretty(QJsonObject{{QStringLiteral("contexts"), rows}});
    } else {
        for (const auto &c : *list) {
            QString line = QStringLiteral("%1%2  %3").arg(c.isCurrent ? QStringLiteral("* ") : QStringLiteral("  "), c.name,
                                                          c.endpointUrl);
            if (!c.description.isEmpty())
                line += QStringLiteral("  (%1)").arg(c.description);
            if (c.error) {
                anyError = true;
                line += QStringLiteral("  ERROR %1").arg(c.error->toString());
            }
            out.line(line);
        }
    }
    return anyError ? ExitProblem : ExitOk;
}

} // namespace mcp::cli
