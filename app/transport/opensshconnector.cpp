#include "opensshconnector.h"

#include "opensshstream.h"
#include "sshchannel.h"

namespace mcp::transport {

OpenSshConnector::OpenSshConnector(SshOptions options, QObject *parent)
    : Connector(parent), m_options(std::move(options))
{
}

QStringList OpenSshConnector::arguments() const
{
    const SshOptions &o = m_options;
    QStringList args;
    auto opt = [&args](const QString &kv) { args << QStringLiteral("-o") << kv; };
    if (!o.configFile.isEmpty())
        args << QStringLiteral("-F") << o.configFile;
    opt(QStringLiteral("BatchMode=yes"));
    opt(o.acceptNewHostKey ? QStringLiteral("StrictHostKeyChecking=accept-new")
                           : QStringLiteral("StrictHostKeyChecking=yes"));
    if (!o.knownHostsFile.isEmpty())
        opt(QStringLiteral("UserKnownHostsFile=\"%1\"").arg(o.knownHostsFile));
    opt(QStringLiteral("ConnectTimeout=%1").arg(qMax(1, (o.connectTimeoutMs + 999) / 1000)));
    if (o.keepaliveIntervalSec > 0)
        opt(QStringLiteral("ServerAliveInterval=%1").arg(o.keepaliveIntervalSec));
    if (!o.useAgent || o.identitiesOnly)
        opt(QStringLiteral("IdentityAgent=none"));
    for (const QString &key : o.identityFiles)
        args << QStringLiteral("-i") << key;
    if (o.identitiesOnly)
        opt(QStringLiteral("IdentitiesOnly=yes"));
    if (o.port > 0)
        args << QStringLiteral("-p") << QString::number(o.port);
    args << QStringLiteral("--") << (o.user.isEmpty() ? o.host : o.user + QLatin1Char('@') + o.host);
    // One argument: ssh joins the words anyway and the quoting inside must survive.
    args << QString::fromUtf8(SshChannel::dialStdioCommand(o.socketPath));
    return args;
}

std::unique_ptr<ByteStream> OpenSshConnector::createStream()
{
    QString dest =
        m_options.user.isEmpty() ? m_options.host : m_options.user + QLatin1Char('@') + m_options.host;
    if (m_options.port > 0)
        dest += QLatin1Char(':') + QString::number(m_options.port);
    return std::make_unique<OpenSshStream>(m_program, arguments(), dest);
}

} // namespace mcp::transport
