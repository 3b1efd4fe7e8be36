#include "endpoint/endpointresolver.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("mcp-console"));
    QApplication::setOrganizationName(QStringLiteral("mcp-console"));
    QApplication::setApplicationVersion(QStringLiteral(MCP_VERSION " (" MCP_GIT_REVISION ")"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("MCP Console: operations console for gateways in Docker"));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption hostOption({QStringLiteral("H"), QStringLiteral("host")}, QStringLiteral("Docker host URL"), QStringLiteral("url"));
    QCommandLineOption contextOption({QStringLiteral("c"), QStringLiteral("context")}, QStringLiteral("Docker context"), QStringLiteral("name"));
    QCommandLineOption screenshotOption(QStringLiteral("screenshot"), QStringLiteral("Save a screenshot after N ms and quit"),
                                        QStringLiteral("file"));
    parser.addOptions({hostOption, contextOption, screenshotOption});
    parser.process(app);

    mcp::ui::MainWindow window;
    // The engine the Docker CLI would use here (local socket by default).
    mcp::endpoint::EndpointResolver::Input input;
    input.hostFlag = parser.value(hostOption);
    input.contextFlag = parser.value(contextOption);
    const auto endpoint = mcp::endpoint::EndpointResolver(input).resolve();
    if (endpoint)
        window.addHost(endpoint->contextName.isEmpty() || endpoint->contextName == QLatin1String("default")
                           ? QStringLiteral("local")
                           : endpoint->contextName,
                       *endpoint);
    window.show();
    if (parser.isSet(screenshotOption)) {
        const QString file = parser.value(screenshotOption);
        QTimer::singleShot(4000, &window, [&window, file] {
            window.grab().save(file);
            QApplication::quit();
        });
    }
    return app.exec();
}
