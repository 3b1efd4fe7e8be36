#pragma once

#include "connector.h"
#include "sshoptions.h"

namespace mcp::transport {

// Docker engine over the system OpenSSH client: each stream is its own
// `ssh ... docker system dial-stdio` process, as the Docker CLI does it. Slower to start
// than a libssh2 channel, but it brings what libssh2 1.10 cannot: RSA keys signed with
// rsa-sha2-*, ProxyJump/ProxyCommand and the rest of the user's ssh config. BatchMode is
// on: ssh never prompts (encrypted keys need ssh-agent on this path).
class OpenSshConnector final : public Connector
{
    Q_OBJECT
public:
    explicit OpenSshConnector(SshOptions options, QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(OpenSshConnector)

    std::unique_ptr<ByteStream> createStream() override;
    QString pathDescription() const override { return QStringLiteral("SSH (OpenSSH client)"); }

    const SshOptions &options() const { return m_options; }
    // The ssh command line for a stream, without the program (exposed for tests and logs).
    QStringList arguments() const;
    void setProgram(const QString &program) { m_program = program; }

private:
    SshOptions m_options;
    QString m_program = QStringLiteral("ssh");
};

} // namespace mcp::transport
