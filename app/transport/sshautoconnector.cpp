#include "sshautoconnector.h"

#include "opensshconnector.h"
#include "sshautostream.h"
#include "sshconnector.h"
#include "sshlog.h"

namespace mcp::transport {

SshAutoConnector::SshAutoConnector(SshOptions options, QObject *parent)
    : Connector(parent), m_options(std::move(options)), m_libssh2(std::make_unique<SshConnector>(m_options)),
      m_openssh(std::make_unique<OpenSshConnector>(m_options))
{
    const SshTarget target = resolveSshTarget(m_options);
    if (target.needsProxy) {
        m_useOpenSsh = true;
        m_fallbackReason = QStringLiteral("%1 uses ProxyJump/ProxyCommand (%2)")
                               .arg(target.displayName(), target.configFile);
    }
    connect(m_libssh2.get(), &SshConnector::pathChanged, this, [this](const QString &) {
        if (!m_useOpenSsh)
            emit pathChanged(pathDescription());
    });
}

SshAutoConnector::~SshAutoConnector() = default;

bool SshAutoConnector::shouldFallBack(const Error &error)
{
    // Not ssh.hostkey.*, not ssh.key.* (the user's passphrase answer), not transport errors
    // (the OpenSSH client would hit the same closed port).
    return error.code == QLatin1String("ssh.auth.failed") ||
           error.code == QLatin1String("ssh.proxy.unsupported");
}

std::unique_ptr<ByteStream> SshAutoConnector::createStream()
{
    return std::make_unique<SshAutoStream>(this);
}

std::unique_ptr<ByteStream> SshAutoConnector::createInner()
{
    return m_useOpenSsh ? m_openssh->createStream() : m_libssh2->createStream();
}

void SshAutoConnector::switchToOpenSsh(const QString &reason)
{
    if (m_useOpenSsh)
        return;
    qCInfo(lcSsh) << "falling back to the OpenSSH client:" << reason;
    m_useOpenSsh = true;
    m_fallbackReason = reason;
    m_libssh2->reset();
    emit pathChanged(pathDescription());
}

std::unique_ptr<ByteStream> SshAutoConnector::createTcpStream(const QString &host, int port)
{
    return m_useOpenSsh ? nullptr : m_libssh2->createTcpStream(host, port);
}

QString SshAutoConnector::pathDescription() const
{
    return m_useOpenSsh ? m_openssh->pathDescription() : m_libssh2->pathDescription();
}

void SshAutoConnector::reset()
{
    m_libssh2->reset();
}

std::unique_ptr<Connector> makeSshConnector(const SshOptions &options, QObject *parent)
{
    return std::make_unique<SshAutoConnector>(options, parent);
}

} // namespace mcp::transport
