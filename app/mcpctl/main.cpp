#include "cli/cli.h"

#include <QCoreApplication>
#include <QLoggingCategory>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("mcpctl"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MCP_VERSION));
    // stdout is for results and stderr for the one-line reason: the core's progress chatter
    // stays off unless asked for with QT_LOGGING_RULES (e.g. "mcp.*.debug=true").
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(QStringLiteral("mcp.*.info=false\nmcp.*.debug=false"));
    return mcp::cli::run(app.arguments());
}
