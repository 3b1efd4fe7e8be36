#pragma once

#include "connector.h"
#include "sshoptions.h"

#include <memory>

namespace mcp::transport {

class OpenSshConnector;
class SshConnector;

// The policy for ssh:// hosts: libssh2 first (one session, cheap channels), the OpenSSH
// client when libssh2 cannot do the job: authentication failed (typically an RSA key,
// which libssh2 1.10 signs only with SHA-1) or the ssh config routes the host through
// ProxyJump/ProxyCommand. Host key refusals never fall back: they are security decisions,
// and the other path would refuse too or, worse, be configured to accept.
//
// The switch is sticky for the connector; streams opened while it happens are moved to
// the OpenSSH path transparently (they have not emitted opened() yet).
class SshAutoConnector final : public Connector
{
    Q_OBJECT
public:
    explicit SshAutoConnector(SshOptions options, QObject *parent = nullptr);
    ~SshAutoConnector() override;
    Q_DISABLE_COPY_MOVE(SshAutoConnector)

    std::unique_ptr<ByteStream> createStream() override;
    // libssh2's direct-tcpip; none on the OpenSSH path (it carries dial-stdio only).
    std::unique_ptr<ByteStream> createTcpStream(const QString &host, int port) override;
    QString pathDescription() const override;
    void reset() override;

    bool usesOpenSsh() const { return m_useOpenSsh; }
    // Why the OpenSSH path is in use (empty while on libssh2).
    QString fallbackReason() const { return m_fallbackReason; }
    // The libssh2 connector (host key info for a dialog), or nullptr on the OpenSSH path.
    SshConnector *libssh2Connector() const { return m_useOpenSsh ? nullptr : m_libssh2.get(); }

    // Whether an error of the libssh2 path is one the OpenSSH path may succeed at.
    static bool shouldFallBack(const Error &error);

signals:
    void pathChanged(const QString &description);

private:
    friend class SshAutoStream;
    // The stream to use for the current path.
    std::unique_ptr<ByteStream> createInner();
    void switchToOpenSsh(const QString &reason);

    SshOptions m_options;
    std::unique_ptr<SshConnector> m_libssh2;
    std::unique_ptr<OpenSshConnector> m_openssh;
    bool m_useOpenSsh = false;
    QString m_fallbackReason;
};

// Factory for the Docker client: the auto policy for ssh:// endpoints.
std::unique_ptr<Connector> makeSshConnector(const SshOptions &options, QObject *parent = nullptr);

} // namespace mcp::transport
