#include "cli/cli.h"
#include "svgraster.h"

#include <QCoreApplication>
#include <QLoggingCategory>

int main(int argc, char *argv[])
{
    // Only `snapshot` draws (PNG from SVG needs fonts, so a Gui application on the offscreen
    // platform); every other command starts as a plain core application.
    bool draws = false;
    for (int i = 1; i < argc; ++i)
        draws = draws || qstrcmp(argv[i], "snapshot") == 0;
    const std::unique_ptr<QCoreApplication> app = mcp::raster::makeApplication(argc, argv, draws);
    QCoreApplication::setApplicationName(QStringLiteral("mcpctl"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MCP_VERSION));
    // stdout is for results and stderr for the one-line reason: the core's progress chatter
    // stays off unless asked for with QT_LOGGING_RULES (e.g. "mcp.*.debug=true").
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(QStringLiteral("mcp.*.info=false\nmcp.*.debug=false"));
    mcp::cli::Services services;
    if (draws)
        services.rasterize = [](const QByteArray &svg, int maxPixels) { return mcp::raster::svgToPng(svg, maxPixels); };
    return mcp::cli::run(app->arguments(), services);
}
