#include "endpoint.h"

#include <QUrl>

namespace mcp::endpoint {

namespace {
Error usage(const QString &code, const Message &detail)
{
    return Error::make(ErrorKind::Usage, code, detail);
}
} // namespace

Result<Endpoint> Endpoint::parse(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return usage(QStringLiteral("endpoint.empty"), Message(QT_TRANSLATE_NOOP("mcp::Errors", "no Docker host given")));

    const QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid())
        return usage(QStringLiteral("endpoint.malformed"),
                     Message(QT_TRANSLATE_NOOP("mcp::Errors", "'%1' is not a valid URL: %2"), {trimmed, url.errorString()}));
    if (!url.password().isEmpty())
        return usage(QStringLiteral("endpoint.password-in-url"),
                     Message(QT_TRANSLATE_NOOP("mcp::Errors", "refusing a host URL that carries a password in plain text; use an SSH key, ssh-agent or the passphrase prompt instead")));

    Endpoint ep;
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("unix")) {
        ep.kind = Kind::Unix;
        ep.socketPath = url.path();
        if (ep.socketPath.isEmpty() || !url.host().isEmpty())
            return usage(QStringLiteral("endpoint.malformed"),
                         Message(QT_TRANSLATE_NOOP("mcp::Errors", "'%1': a unix endpoint is unix:///absolute/path"), {trimmed}));
    } else if (scheme == QLatin1String("tcp") || scheme == QLatin1String("https") ||
               scheme == QLatin1String("http")) {
        ep.kind = Kind::Tcp;
        ep.host = url.host();
        ep.port = url.port(-1);
        if (ep.port < 0)
            ep.port = scheme == QLatin1String("https") ? 2376 : 2375;
        if (ep.host.isEmpty())
            return usage(QStringLiteral("endpoint.malformed"),
                         Message(QT_TRANSLATE_NOOP("mcp::Errors", "'%1': a tcp endpoint is tcp://host:port"), {trimmed}));
        if (!url.path().isEmpty() && url.path() != QLatin1String("/"))
            return usage(QStringLiteral("endpoint.malformed"),
                         Message(QT_TRANSLATE_NOOP("mcp::Errors", "'%1': a tcp endpoint takes no path"), {trimmed}));
        ep.tls.enabled = scheme == QLatin1String("https");
    } else if (scheme == QLatin1String("ssh")) {
        ep.kind = Kind::Ssh;
        ep.host = url.host();
        ep.user = url.userName();
        ep.port = url.port(0);
        const QString path = url.path();
        if (!path.isEmpty() && path != QLatin1String("/"))
            ep.socketPath = path;
        if (ep.host.isEmpty())
            return usage(QStringLiteral("endpoint.malformed"),
                         Message(QT_TRANSLATE_NOOP("mcp::Errors", "'%1': an SSH endpoint is ssh://[user@]host[:port][/socket]"), {trimmed}));
    } else {
        return usage(QStringLiteral("endpoint.scheme"),
                     Message(QT_TRANSLATE_NOOP("mcp::Errors", "'%1': unsupported scheme '%2' (use unix://, tcp:// or ssh://)"), {trimmed, url.scheme()}));
    }
    return ep;
}

QString Endpoint::url() const
{
    switch (kind) {
    case Kind::Unix:
        return QStringLiteral("unix://") + socketPath;
    case Kind::Tcp:
        return QStringLiteral("tcp://%1:%2").arg(host).arg(port);
    case Kind::Ssh: {
        QString out = QStringLiteral("ssh://");
        if (!user.isEmpty())
            out += user + QLatin1Char('@');
        out += host;
        if (port > 0)
            out += QLatin1Char(':') + QString::number(port);
        return out + socketPath;
    }
    }
    return {};
}

} // namespace mcp::endpoint
