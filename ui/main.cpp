#include "common/buildinfo.h"
#include "endpoint/endpointresolver.h"
#include "hosts/hostregistry.h"
#include "mainwindow.h"
#include "settings/consolesettings.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>
#include <QSettings>
#include <QTimer>

#include <memory>

namespace {
// The host the Docker CLI would use here, for the session: --host/--context given on our
// command line. Without them, a first start seeds the saved hosts with "local", which
// follows the CLI's default context (DOCKER_HOST or the local socket).
void addStartupHosts(mcp::hosts::HostRegistry &registry, QSettings &settings, const QString &hostFlag,
                     const QString &contextFlag)
{
    using mcp::hosts::HostConfig;
    if (!hostFlag.isEmpty() || !contextFlag.isEmpty()) {
        HostConfig config;
        config.persistent = false;
        if (!contextFlag.isEmpty()) {
            config.name = contextFlag;
            config.context = contextFlag;
        } else {
            mcp::endpoint::EndpointResolver::Input input;
            input.hostFlag = hostFlag;
            const auto endpoint = mcp::endpoint::EndpointResolver(input).resolve();
            config.name = QStringLiteral("cli");
            config.url = endpoint ? endpoint->url() : hostFlag;
            if (endpoint && endpoint->tls.enabled) {
                config.tlsCaFile = endpoint->tls.caFile;
                config.tlsCertFile = endpoint->tls.certFile;
                config.tlsKeyFile = endpoint->tls.keyFile;
            }
        }
        if (const auto *existing = registry.find(config.name); existing && *existing != config)
            config.name += QStringLiteral("-session");
        if (!registry.find(config.name)) {
            if (auto added = registry.add(config); !added)
                qWarning("%s", qPrintable(added.errorText()));
        }
        return;
    }
    if (settings.value(QStringLiteral("hostsSeeded")).toBool())
        return;
    settings.setValue(QStringLiteral("hostsSeeded"), true);
    if (registry.hosts().isEmpty()) {
        HostConfig local;
        local.name = QStringLiteral("local");
        local.context = QStringLiteral("default");
        (void)registry.add(local);
    }
}
} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("mcp-console"));
    QApplication::setOrganizationName(QStringLiteral("mcp-console"));
    QApplication::setApplicationVersion(QStringLiteral(MCP_VERSION " (") + mcp::buildRevision() + u')');

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("MCP Console: operations console for gateways in Docker"));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption hostOption({QStringLiteral("H"), QStringLiteral("host")},
                                  QStringLiteral("Docker host URL (for this session)"), QStringLiteral("url"));
    QCommandLineOption contextOption({QStringLiteral("c"), QStringLiteral("context")},
                                     QStringLiteral("Docker context (for this session)"), QStringLiteral("name"));
    QCommandLineOption screenshotOption(QStringLiteral("screenshot"), QStringLiteral("Save a screenshot after 4 s and quit"),
                                        QStringLiteral("file"));
    QCommandLineOption settingsOption(QStringLiteral("settings"),
                                      QStringLiteral("Settings file (default: the platform's per-user location)"),
                                      QStringLiteral("file"));
    QCommandLineOption langOption(QStringLiteral("lang"),
                                  QStringLiteral("User interface language, e.g. zh_CN or en (default: the system's)"),
                                  QStringLiteral("code"));
    parser.addOptions({hostOption, contextOption, screenshotOption, settingsOption, langOption});
    parser.process(app);
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/mcp-console.svg")));

    auto settings = parser.isSet(settingsOption)
                        ? std::make_unique<QSettings>(parser.value(settingsOption), QSettings::IniFormat)
                        : std::make_unique<QSettings>();
    // --lang, else the language chosen in File > Language, else the system's. Ours from the
    // embedded :/i18n, Qt's own (dialog buttons) from the system when present.
    const QString chosen = mcp::ui::ConsoleSettings(settings.get()).language();
    const QLocale locale = parser.isSet(langOption) ? QLocale(parser.value(langOption)) : chosen.isEmpty() ? QLocale::system() : QLocale(chosen);
    QLocale::setDefault(locale);
    QTranslator ours, qt;
    if (ours.load(locale, QStringLiteral("mcp_console"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(&ours);
    if (qt.load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qt);

    mcp::hosts::HostRegistry registry(settings.get());
    addStartupHosts(registry, *settings, parser.value(hostOption), parser.value(contextOption));

    mcp::ui::MainWindow window(&registry);
    window.setSettings(settings.get());
    window.start();
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
