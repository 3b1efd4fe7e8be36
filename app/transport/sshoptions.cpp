#include "sshoptions.h"

#include "sshconfig.h"

#include <QDir>
#include <QFileInfo>
#include <QProcessEnvironment>

namespace mcp::transport {

namespace {

QString localUserName()
{
    const auto env = QProcessEnvironment::systemEnvironment();
    QString user = env.value(QStringLiteral("USER"));
    if (user.isEmpty())
        user = env.value(QStringLiteral("LOGNAME"));
    return user.isEmpty() ? QStringLiteral("root") : user;
}

} // namespace

SshOptions SshOptions::fromEndpoint(const endpoint::Endpoint &endpoint)
{
    SshOptions o;
    o.host = endpoint.host;
    o.port = endpoint.port;
    o.user = endpoint.user;
    o.socketPath = endpoint.socketPath;
    return o;
}

QString SshTarget::knownHostsName() const
{
    return port == 22 ? hostName : QStringLiteral("[%1]:%2").arg(hostName).arg(port);
}

QString SshTarget::displayName() const
{
    return user + QLatin1Char('@') + knownHostsName();
}

SshTarget resolveSshTarget(const SshOptions &options)
{
    SshTarget t;
    const QString localUser = localUserName();
    SshHostConfig cfg;
    if (options.configFile != QLatin1String("none")) {
        t.configFile = options.configFile.isEmpty() ? SshConfig::defaultPath() : options.configFile;
        const SshConfig config = SshConfig::load(t.configFile);
        if (config.files().isEmpty())
            t.configFile.clear();
        cfg = config.resolve(options.host, options.user.isEmpty() ? localUser : options.user);
    }

    t.hostName = cfg.hostName.isEmpty() ? options.host : cfg.hostName;
    t.port = options.port > 0 ? options.port : (cfg.port > 0 ? cfg.port : 22);
    t.user = !options.user.isEmpty() ? options.user : (!cfg.user.isEmpty() ? cfg.user : localUser);
    t.needsProxy = cfg.needsProxy();

    const bool only = options.identitiesOnly || cfg.identitiesOnly;
    t.useAgent = options.useAgent && !options.identitiesOnly;
    QStringList candidates = options.identityFiles;
    if (!options.identitiesOnly) {
        candidates += cfg.identityFiles;
        if (!only || cfg.identityFiles.isEmpty()) {
            const QString ssh = QDir::homePath() + QStringLiteral("/.ssh/");
            candidates << ssh + QStringLiteral("id_ed25519") << ssh + QStringLiteral("id_ecdsa")
                       << ssh + QStringLiteral("id_rsa");
        }
    }
    for (const QString &path : std::as_const(candidates)) {
        // Explicit keys are kept even when missing so the error can say so; defaults only
        // count when present, as with ssh(1).
        const bool explicitKey = options.identityFiles.contains(path);
        if ((explicitKey || QFileInfo::exists(path)) && !t.identityFiles.contains(path))
            t.identityFiles << path;
    }

    if (!options.knownHostsFile.isEmpty())
        t.knownHostsFile = options.knownHostsFile;
    else if (!cfg.userKnownHostsFiles.isEmpty())
        t.knownHostsFile = cfg.userKnownHostsFiles.first();
    else
        t.knownHostsFile = QDir::homePath() + QStringLiteral("/.ssh/known_hosts");
    return t;
}

} // namespace mcp::transport
