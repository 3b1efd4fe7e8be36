#include "cli/cli.h"
#include "raster/svgraster.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QLoggingCategory>

#include <memory>

#include <unistd.h>

int main(int argc, char *argv[])
{
    // Only `snapshot` draws (PNG from SVG needs fonts, so a QGuiApplication, offscreen: no
    // display needed); every other command starts as a plain core application.
    bool draws = false;
    for (int i = 1; i < argc; ++i)
        draws = draws || qstrcmp(argv[i], "snapshot") == 0;
    if (draws && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    if (draws && qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) {
        // What Qt would fall back to, made quietly (root shells and CI have no session dir).
        const QString dir = QDir::tempPath() + QStringLiteral("/runtime-") + QString::number(::getuid());
        if (QDir().mkpath(dir) && QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner))
            qputenv("XDG_RUNTIME_DIR", QFile::encodeName(dir));
    }
    std::unique_ptr<QCoreApplication> app = draws ? std::make_unique<QGuiApplication>(argc, argv)
                                                  : std::make_unique<QCoreApplication>(argc, argv);
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
