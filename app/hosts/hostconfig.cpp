#include "hostconfig.h"
#include "common/messagephrase.h"

#include <QFileInfo>
#include <QRegularExpression>
#include <QSettings>

namespace mcp::hosts {

namespace {
Error configError(const QString &code, const Message &detail)
{
    return Error::make(ErrorKind::Config, code, detail);
}

std::optional<Error> checkReadable(const Message &what, const QString &path)
{
    if (path.isEmpty())
        return std::nullopt;
    const QFileInfo info(path);
    if (!info.exists())
        return configError(QStringLiteral("host.file-missing"), Message(QT_TRANSLATE_NOOP("mcp::Errors", "%1 %2 does not exist"), {phrase(what), path}));
    if (!info.isFile() || !info.isReadable())
        return configError(QStringLiteral("host.file-unreadable"), Message(QT_TRANSLATE_NOOP("mcp::Errors", "%1 %2 is not a readable file"), {phrase(what), path}));
    return std::nullopt;
}
} // namespace

std::optional<Error> HostConfig::validate() const
{
    static const QRegularExpression namePattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_.@-]*$"));
    if (name.isEmpty())
        return configError(QStringLiteral("host.name-missing"), Message(QT_TRANSLATE_NOOP("mcp::Errors", "a host needs a name")));
    if (!namePattern.match(name).hasMatch())
        return configError(QStringLiteral("host.name-invalid"),
                           Message(QT_TRANSLATE_NOOP("mcp::Errors", "host name \"%1\" may only contain letters, digits and . _ - @, and must start with a letter or digit"), {name}));
    if (probeIntervalMs < 1000 || probeTimeoutMs < 100 || probeTimeoutMs >= probeIntervalMs)
        return configError(QStringLiteral("host.probe-timing"),
                           Message(QT_TRANSLATE_NOOP("mcp::Errors", "health probes of %1 need an interval of at least 1 s and a timeout of at least 100 ms that is shorter than the interval (%2 ms, %3 ms)"),
                                   {name, QString::number(probeIntervalMs), QString::number(probeTimeoutMs)}));
    if (context.isEmpty() == url.isEmpty())
        return configError(QStringLiteral("host.address-missing"),
                           Message(QT_TRANSLATE_NOOP("mcp::Errors", "host %1 needs either a Docker context or a URL"), {name}));
    if (!context.isEmpty())
        return std::nullopt;
    const auto endpoint = endpoint::Endpoint::parse(url);
    if (!endpoint)
        return endpoint.error();
    const bool anyTls = !tlsCaFile.isEmpty() || !tlsCertFile.isEmpty() || !tlsKeyFile.isEmpty();
    if (anyTls && endpoint->kind != endpoint::Endpoint::Kind::Tcp)
        return configError(QStringLiteral("host.tls-not-tcp"), Message(QT_TRANSLATE_NOOP("mcp::Errors", "TLS files apply to tcp:// hosts only")));
    if (anyTls && tlsCaFile.isEmpty())
        return configError(QStringLiteral("host.tls-ca-missing"),
                           Message(QT_TRANSLATE_NOOP("mcp::Errors", "TLS needs the CA that signed the engine's certificate: the server is always verified")));
    if (tlsCertFile.isEmpty() != tlsKeyFile.isEmpty())
        return configError(QStringLiteral("host.tls-pair"),
                           Message(QT_TRANSLATE_NOOP("mcp::Errors", "a client certificate needs its key and a key its certificate")));
    for (const auto &[what, path] : {std::pair{Message(QT_TRANSLATE_NOOP("mcp::Errors", "CA file")), tlsCaFile},
                                     std::pair{Message(QT_TRANSLATE_NOOP("mcp::Errors", "client certificate")), tlsCertFile},
                                     std::pair{Message(QT_TRANSLATE_NOOP("mcp::Errors", "client key")), tlsKeyFile},
                                     std::pair{Message(QT_TRANSLATE_NOOP("mcp::Errors", "SSH identity file")), sshIdentityFile}}) {
        if (auto err = checkReadable(what, path))
            return err;
    }
    if (!sshIdentityFile.isEmpty() && endpoint->kind != endpoint::Endpoint::Kind::Ssh)
        return configError(QStringLiteral("host.ssh-not-ssh"), Message(QT_TRANSLATE_NOOP("mcp::Errors", "an SSH identity applies to ssh:// hosts only")));
    return std::nullopt;
}

Result<endpoint::Endpoint> HostConfig::resolveEndpoint(const endpoint::EndpointResolver::Input &base) const
{
    if (auto err = validate())
        return *err;
    if (!context.isEmpty()) {
        auto input = base;
        input.hostFlag.clear();
        input.contextFlag = context;
        return endpoint::EndpointResolver(input).resolve();
    }
    auto endpoint = endpoint::Endpoint::parse(url);
    if (!endpoint)
        return endpoint;
    if (!tlsCaFile.isEmpty()) {
        endpoint->tls.enabled = true;
        endpoint->tls.caFile = tlsCaFile;
        endpoint->tls.certFile = tlsCertFile;
        endpoint->tls.keyFile = tlsKeyFile;
    }
    endpoint->origin = QStringLiteral("hosts panel");
    return endpoint;
}

ConnectOptions HostConfig::connectOptions() const
{
    ConnectOptions options;
    if (!sshIdentityFile.isEmpty())
        options.identityFiles << sshIdentityFile;
    options.knownHostsFile = sshKnownHostsFile;
    return options;
}

QString HostConfig::displayAddress() const
{
    return context.isEmpty() ? url : QStringLiteral("context %1").arg(context);
}

void HostConfig::save(QSettings &settings) const
{
    settings.setValue(QStringLiteral("name"), name);
    settings.setValue(QStringLiteral("context"), context);
    settings.setValue(QStringLiteral("url"), url);
    settings.setValue(QStringLiteral("tlsCaFile"), tlsCaFile);
    settings.setValue(QStringLiteral("tlsCertFile"), tlsCertFile);
    settings.setValue(QStringLiteral("tlsKeyFile"), tlsKeyFile);
    settings.setValue(QStringLiteral("sshIdentityFile"), sshIdentityFile);
    settings.setValue(QStringLiteral("sshKnownHostsFile"), sshKnownHostsFile);
    settings.setValue(QStringLiteral("probeIntervalMs"), probeIntervalMs);
    settings.setValue(QStringLiteral("probeTimeoutMs"), probeTimeoutMs);
}

HostConfig HostConfig::load(const QSettings &settings)
{
    HostConfig c;
    c.name = settings.value(QStringLiteral("name")).toString();
    c.context = settings.value(QStringLiteral("context")).toString();
    c.url = settings.value(QStringLiteral("url")).toString();
    c.tlsCaFile = settings.value(QStringLiteral("tlsCaFile")).toString();
    c.tlsCertFile = settings.value(QStringLiteral("tlsCertFile")).toString();
    c.tlsKeyFile = settings.value(QStringLiteral("tlsKeyFile")).toString();
    c.sshIdentityFile = settings.value(QStringLiteral("sshIdentityFile")).toString();
    c.sshKnownHostsFile = settings.value(QStringLiteral("sshKnownHostsFile")).toString();
    c.probeIntervalMs = settings.value(QStringLiteral("probeIntervalMs"), c.probeIntervalMs).toInt();
    c.probeTimeoutMs = settings.value(QStringLiteral("probeTimeoutMs"), c.probeTimeoutMs).toInt();
    return c;
}

} // namespace mcp::hosts
