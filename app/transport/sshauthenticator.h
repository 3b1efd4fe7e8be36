#pragma once

#include "common/error.h"
#include "sshoptions.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

typedef struct _LIBSSH2_SESSION LIBSSH2_SESSION;
typedef struct _LIBSSH2_AGENT LIBSSH2_AGENT;
struct libssh2_agent_publickey;

namespace mcp::transport {

// Public key authentication of one libssh2 session as a non-blocking state machine: the
// session worker calls step() whenever the socket is ready until it returns Done or Failed.
// Order as with ssh(1): every ssh-agent identity, then the identity files of the target.
// An encrypted key makes step() return NeedPassphrase; the worker asks the user (on the
// owner's thread) and hands the answer to providePassphrase(). A declined passphrase skips
// the key; a wrong one ends authentication at once (ssh.key.bad-passphrase) so the user can
// retry rather than silently falling through to a weaker key. The passphrase is zeroed as
// soon as libssh2 has used it and never appears in messages.
class SshAuthenticator final
{
public:
    enum class Step
    {
        Again,
        NeedPassphrase,
        Done,
        Failed
    };

    SshAuthenticator(LIBSSH2_SESSION *session, const SshTarget &target);
    ~SshAuthenticator();
    Q_DISABLE_COPY_MOVE(SshAuthenticator)

    Step step();
    QString pendingKeyPath() const { return m_pendingKey; }
    void providePassphrase(std::optional<QString> passphrase);
    const Error &error() const { return m_error; }

    // OpenSSH private key container or PEM with an encryption header (exposed for tests).
    static bool isEncryptedKeyFile(const QByteArray &contents);

private:
    enum class Phase
    {
        Methods,
        AgentStart,
        AgentNext,
        AgentAuth,
        FileNext,
        FileAuth
    };

    Step fail(const Error &error);
    Step exhausted();
    void clearPassphrase();
    void freeAgent();

    LIBSSH2_SESSION *m_session;
    SshTarget m_target;
    Phase m_phase = Phase::Methods;
    LIBSSH2_AGENT *m_agent = nullptr;
    libssh2_agent_publickey *m_identity = nullptr;
    int m_agentKeysTried = 0;
    int m_fileIndex = -1;
    bool m_currentEncrypted = false;
    QString m_pendingKey;
    QByteArray m_passphrase;
    QList<Message> m_tried; // what was offered, for the refusal's text
    QStringList m_declined; // encrypted keys for which no passphrase was given
    Error m_error;
};

} // namespace mcp::transport
