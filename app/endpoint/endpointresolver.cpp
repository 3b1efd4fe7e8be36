#include "endpointresolver.h"
#include "common/messagephrase.h"

#include "jsonfile.h"
#include "tlspolicy.h"

#include <QDir>

namespace mcp::endpoint {

namespace {
const QString kDefault = QString::fromLatin1(kDefaultContextName);

// The CLI's opts.ParseHost shorthand: "" is the default socket (or tcp://localhost:2376
// when TLS is on), a bare "/path" is a unix socket, a bare "host:port" is tcp, and an
// empty tcp host is localhost. Anything else goes to Endpoint::parse as written.
QString normalizeHost(const QString &text, bool defaultToTls)
{
    QString host = text.trimmed();
    if (host.isEmpty())
        return defaultToTls ? QStringLiteral("tcp://localhost:2376")
                            : QStringLiteral("unix://") + QLatin1String(kDefaultUnixSocket);
    if (!host.contains(QLatin1String("://"))) {
        const bool path = host.startsWith(QLatin1Char('/')) || host.startsWith(QLatin1String("./"));
        host = (path ? QStringLiteral("unix://") : QStringLiteral("tcp://")) + host;
    }
    if (host == QLatin1String("unix://"))
        return host + QLatin1String(kDefaultUnixSocket);
    if (host == QLatin1String("tcp://"))
        return QStringLiteral("tcp://localhost:2375");
    if (host.startsWith(QLatin1String("tcp://:")))
        return QStringLiteral("tcp://localhost") + host.mid(6);
    return host;
}

Error withContext(const Error &e, ErrorKind kind, const MessageArg &where)
{
    return Error::make(kind, e.code, Message(QT_TRANSLATE_NOOP("mcp::Errors", "%1: %2"), {where, e}));
}
} // namespace

EndpointResolver::EndpointResolver(Input input)
    : m_input(std::move(input)),
      m_store(m_input.configDir.isEmpty() ? defaultConfigDir(m_input.environment) : m_input.configDir)
{
}

QString EndpointResolver::defaultConfigDir(const QProcessEnvironment &env)
{
    const QString fromEnv = env.value(QStringLiteral("DOCKER_CONFIG"));
    if (!fromEnv.isEmpty())
        return fromEnv;
    const QString home = env.value(QStringLiteral("HOME"), QDir::homePath());
    return QDir(home).filePath(QStringLiteral(".docker"));
}

QString EndpointResolver::env(const char *name) const
{
    return m_input.environment.value(QString::fromLatin1(name));
}

Result<EndpointResolver::Choice> EndpointResolver::choose() const
{
    const bool hasHost = !m_input.hostFlag.trimmed().isEmpty();
    const bool hasContext = !m_input.contextFlag.trimmed().isEmpty();
    if (hasHost && hasContext)
        return Error::make(ErrorKind::Usage, QStringLiteral("context.conflict"),
                           Message(QT_TRANSLATE_NOOP("mcp::Errors", "conflicting options: cannot specify both --host and --context")));
    if (hasContext)
        return Choice{m_input.contextFlag.trimmed(), QStringLiteral("--context")};
    if (hasHost)
        return Choice{kDefault, QStringLiteral("--host")};
    // DOCKER_HOST beats DOCKER_CONTEXT: pre-context scripts keep working (CLI compat rule).
    if (!env("DOCKER_HOST").isEmpty())
        return Choice{kDefault, QStringLiteral("DOCKER_HOST")};
    if (const QString name = env("DOCKER_CONTEXT"); !name.isEmpty())
        return Choice{name, QStringLiteral("DOCKER_CONTEXT")};
    const auto current = configCurrentContext();
    if (!current.ok())
        return current.error();
    if (!current->isEmpty())
        return Choice{*current, QStringLiteral("config currentContext")};
    return Choice{kDefault, kDefault};
}

Result<Endpoint> EndpointResolver::resolve() const
{
    const auto choice = choose();
    if (!choice.ok())
        return choice.error();
    return resolveContext(choice->contextName, choice->origin);
}

Result<Endpoint> EndpointResolver::resolveContext(const QString &name, const QString &origin) const
{
    return name == kDefault ? resolveDefault(origin) : resolveStored(name, origin);
}

Result<Endpoint> EndpointResolver::resolveDefault(const QString &origin) const
{
    // As in the CLI's flags: any non-empty value switches these on, "0" included.
    const bool tlsVerify = !env("DOCKER_TLS_VERIFY").isEmpty();
    const bool tls = tlsVerify || !env("DOCKER_TLS").isEmpty();
    const QString certPathEnv = env("DOCKER_CERT_PATH");
    const QString certDir = certPathEnv.isEmpty() ? configDir() : certPathEnv;

    const bool fromFlag = !m_input.hostFlag.trimmed().isEmpty();
    const QString hostText = fromFlag ? m_input.hostFlag : env("DOCKER_HOST");
    auto parsed = Endpoint::parse(normalizeHost(hostText, tls));
    if (!parsed.ok())
        return withContext(parsed.error(), parsed.error().kind,
                           fromFlag ? QStringLiteral("--host") : QStringLiteral("DOCKER_HOST"));
    Endpoint ep = std::move(parsed).value();
    ep.origin = origin;
    ep.contextName = kDefault;

    TlsRequest request;
    request.dir = certDir;
    if (tlsVerify) {
        request.demand = TlsDemand::Verify;
        request.reason = Message(QT_TRANSLATE_NOOP("mcp::Errors", "DOCKER_TLS_VERIFY is set"));
        request.hint = Message(QT_TRANSLATE_NOOP("mcp::Errors", "Point DOCKER_CERT_PATH at the directory holding ca.pem, cert.pem and key.pem."));
    } else if (tls || !certPathEnv.isEmpty()) {
        request.demand = TlsDemand::CliWouldSkip;
        // What the clients do here, checked with docker 20.10 and 28.2 and the Go SDK's FromEnv.
        request.reason =
            tls ? Message(QT_TRANSLATE_NOOP("mcp::Errors", "DOCKER_TLS is set without DOCKER_TLS_VERIFY, so the Docker CLI would use TLS without verifying the server"))
                : Message(QT_TRANSLATE_NOOP("mcp::Errors", "DOCKER_CERT_PATH is set without DOCKER_TLS_VERIFY, so Docker clients would not verify the server (the Docker CLI would not even use TLS)"));
        request.hint = Message(QT_TRANSLATE_NOOP("mcp::Errors", "Provide ca.pem (the CA that signed the engine's certificate) in %1, or set DOCKER_TLS_VERIFY=1 with DOCKER_CERT_PATH pointing at ca.pem, cert.pem and key.pem."), {certDir});
    } else {
        return ep; // no TLS asked for: plain tcp, as the CLI
    }
    if (const auto applied = applyTls(ep, request); !applied.ok())
        return applied.error();
    return ep;
}

Result<Endpoint> EndpointResolver::resolveStored(const QString &name, const QString &origin) const
{
    const auto stored = m_store.load(name);
    if (!stored.ok())
        return stored.error();
    const Message where(QT_TRANSLATE_NOOP("mcp::Errors", "context \"%1\" (%2)"), {name, stored->metaFile});

    // An empty Host leaves the Go client on its built-in default, the local socket.
    auto parsed = Endpoint::parse(normalizeHost(stored->host, false));
    if (!parsed.ok())
        return withContext(parsed.error(), ErrorKind::Config, phrase(where));
    Endpoint ep = std::move(parsed).value();
    ep.origin = origin;
    ep.contextName = name;

    TlsRequest request;
    request.dir = stored->tlsDir;
    request.demand = stored->skipTlsVerify ? TlsDemand::CliWouldSkip : TlsDemand::IfPresent;
    request.reason = Message(QT_TRANSLATE_NOOP("mcp::Errors", "%1 sets \"SkipTLSVerify\": true, so the Docker CLI would not verify the server"), {phrase(where)});
    request.hint = Message(QT_TRANSLATE_NOOP("mcp::Errors", "Add the engine's CA with `docker context update %1 --docker \"host=%2,ca=/path/to/ca.pem\"`."), {name, stored->host});
    if (const auto applied = applyTls(ep, request); !applied.ok())
        return applied.error();
    return ep;
}

Result<QString> EndpointResolver::configCurrentContext() const
{
    const QString path = QDir(configDir()).filePath(QStringLiteral("config.json"));
    const auto json = readJsonObjectFile(path, QStringLiteral("config.malformed"));
    if (!json.ok())
        return json.error();
    if (!json->has_value())
        return QString();
    const QJsonValue current = jsonField(**json, QStringLiteral("currentContext"));
    if (!current.isUndefined() && !current.isNull() && !current.isString())
        return Error::make(ErrorKind::Config, QStringLiteral("config.malformed"),
                           Message(QT_TRANSLATE_NOOP("mcp::Errors", "%1: \"currentContext\" is not a string"), {path}));
    return current.toString();
}

} // namespace mcp::endpoint
