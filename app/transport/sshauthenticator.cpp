#include "sshauthenticator.h"

#include <QFile>
#include <QProcessEnvironment>

#include <libssh2.h>

namespace {
// "a, b, c" in English and in the interface language.
mcp::MessageArg joined(const QList<mcp::Message> &parts)
{
    QStringList english, local;
    for (const mcp::Message &m : parts) {
        english << m.english();
        local << m.local();
    }
    mcp::MessageArg arg(english.join(QStringLiteral(", ")));
    arg.local = local.join(QStringLiteral(", "));
    return arg;
}
} // namespace

#include <cstring>

namespace mcp::transport {

namespace {

// Read access to a big-endian length-prefixed SSH string in an OpenSSH key container.
bool readSshString(const QByteArray &data, qsizetype &pos, QByteArray *out)
{
    if (pos + 4 > data.size())
        return false;
    const auto *p = reinterpret_cast<const uchar *>(data.constData() + pos);
    const quint32 len = (quint32(p[0]) << 24) | (quint32(p[1]) << 16) | (quint32(p[2]) << 8) | p[3];
    pos += 4;
    if (len > quint32(data.size() - pos))
        return false;
    *out = data.mid(pos, len);
    pos += len;
    return true;
}

} // namespace

SshAuthenticator::SshAuthenticator(LIBSSH2_SESSION *session, const SshTarget &target)
    : m_session(session), m_target(target)
{
}

SshAuthenticator::~SshAuthenticator()
{
    clearPassphrase();
    freeAgent();
}

bool SshAuthenticator::isEncryptedKeyFile(const QByteArray &contents)
{
    static const QByteArray begin("-----BEGIN OPENSSH PRIVATE KEY-----");
    static const QByteArray end("-----END OPENSSH PRIVATE KEY-----");
    const qsizetype b = contents.indexOf(begin);
    if (b >= 0) {
        const qsizetype e = contents.indexOf(end, b);
        const QByteArray body =
            QByteArray::fromBase64(contents.mid(b + begin.size(), e < 0 ? -1 : e - b - begin.size()));
        static const QByteArray magic("openssh-key-v1\0", 15);
        if (!body.startsWith(magic))
            return false;
        qsizetype pos = magic.size();
        QByteArray cipher;
        return readSshString(body, pos, &cipher) && cipher != "none";
    }
    // PEM: "Proc-Type: 4,ENCRYPTED" (traditional) or "BEGIN ENCRYPTED PRIVATE KEY" (PKCS#8).
    return contents.contains("ENCRYPTED");
}

void SshAuthenticator::providePassphrase(std::optional<QString> passphrase)
{
    clearPassphrase();
    if (passphrase && !passphrase->isEmpty()) {
        m_passphrase = passphrase->toUtf8();
        passphrase->fill(QChar(0));
        m_phase = Phase::FileAuth;
    } else {
        m_declined << m_pendingKey;
        m_phase = Phase::FileNext;
    }
    m_pendingKey.clear();
}

void SshAuthenticator::clearPassphrase()
{
    if (!m_passphrase.isEmpty()) {
        // volatile-free zeroing is good enough here: the buffer is ours and freed right after.
        std::memset(m_passphrase.data(), 0, size_t(m_passphrase.size()));
        m_passphrase.clear();
    }
}

void SshAuthenticator::freeAgent()
{
    if (m_agent) {
        libssh2_agent_disconnect(m_agent);
        libssh2_agent_free(m_agent);
        m_agent = nullptr;
    }
}

SshAuthenticator::Step SshAuthenticator::fail(const Error &error)
{
    clearPassphrase();
    freeAgent();
    m_error = error;
    return Step::Failed;
}

SshAuthenticator::Step SshAuthenticator::exhausted()
{
    if (!m_declined.isEmpty())
        return fail(
            Error::make(ErrorKind::Ssh, QStringLiteral("ssh.key.passphrase-required"),
                        Message(QT_TRANSLATE_NOOP("mcp::Errors", "%1 is encrypted and no passphrase was given (connecting to %2)"), {m_declined.join(QStringLiteral(", ")), m_target.displayName()})));
    const Message refused =
        m_tried.isEmpty()
            ? Message(QT_TRANSLATE_NOOP("mcp::Errors", "%1 refused public key authentication; no keys were available (no agent, no identity files)"),
                      {m_target.displayName()})
            : Message(QT_TRANSLATE_NOOP("mcp::Errors", "%1 refused public key authentication; tried %2"),
                      {m_target.displayName(), joined(m_tried)});
    return fail(Error::make(ErrorKind::Ssh, QStringLiteral("ssh.auth.failed"), refused));
}

SshAuthenticator::Step SshAuthenticator::step()
{
    const QByteArray user = m_target.user.toUtf8();
    for (;;) {
        switch (m_phase) {
        case Phase::Methods: {
            const char *methods = libssh2_userauth_list(m_session, user.constData(), unsigned(user.size()));
            if (!methods) {
                if (libssh2_userauth_authenticated(m_session))
                    return Step::Done; // "none" was accepted
                if (libssh2_session_last_errno(m_session) == LIBSSH2_ERROR_EAGAIN)
                    return Step::Again;
                return fail(Error::make(ErrorKind::Ssh, QStringLiteral("ssh.auth.failed"),
                                        Message(QT_TRANSLATE_NOOP("mcp::Errors", "%1 closed the connection before authentication"), {m_target.displayName()})));
            }
            if (!QByteArray(methods).split(',').contains("publickey"))
                return fail(Error::make(ErrorKind::Ssh, QStringLiteral("ssh.auth.failed"),
                                        Message(QT_TRANSLATE_NOOP("mcp::Errors", "%1 does not accept public keys (it offers: %2)"), {m_target.displayName(), QString::fromLatin1(methods)})));
            m_phase = Phase::AgentStart;
            break;
        }
        case Phase::AgentStart:
            m_phase = Phase::FileNext;
            if (!m_target.useAgent ||
                QProcessEnvironment::systemEnvironment().value(QStringLiteral("SSH_AUTH_SOCK")).isEmpty())
                break;
            // The agent socket is local and answers at once: these calls block only briefly.
            m_agent = libssh2_agent_init(m_session);
            if (!m_agent || libssh2_agent_connect(m_agent) != 0 ||
                libssh2_agent_list_identities(m_agent) != 0) {
                freeAgent();
                break;
            }
            m_identity = nullptr;
            m_phase = Phase::AgentNext;
            break;
        case Phase::AgentNext: {
            libssh2_agent_publickey *next = nullptr;
            if (libssh2_agent_get_identity(m_agent, &next, m_identity) != 0) {
                if (m_agentKeysTried > 0)
                    m_tried << Message(QT_TRANSLATE_NOOP("mcp::Errors", "%1 ssh-agent key(s)"), {m_agentKeysTried});
                freeAgent();
                m_phase = Phase::FileNext;
                break;
            }
            m_identity = next;
            m_phase = Phase::AgentAuth;
            break;
        }
        case Phase::AgentAuth: {
            const int rc = libssh2_agent_userauth(m_agent, user.constData(), m_identity);
            if (rc == LIBSSH2_ERROR_EAGAIN)
                return Step::Again;
            if (rc == 0) {
                freeAgent();
                return Step::Done;
            }
            ++m_agentKeysTried;
            m_phase = Phase::AgentNext;
            break;
        }
        case Phase::FileNext: {
            if (++m_fileIndex >= m_target.identityFiles.size())
                return exhausted();
            const QString path = m_target.identityFiles.at(m_fileIndex);
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly)) {
                m_tried << Message(QT_TRANSLATE_NOOP("mcp::Errors", "%1 (unreadable: %2)"), {path, file.errorString()});
                break;
            }
            m_currentEncrypted = isEncryptedKeyFile(file.readAll());
            if (m_currentEncrypted) {
                m_pendingKey = path;
                return Step::NeedPassphrase;
            }
            m_phase = Phase::FileAuth;
            break;
        }
        case Phase::FileAuth: {
            const QString path = m_target.identityFiles.at(m_fileIndex);
            const QByteArray file = QFile::encodeName(path);
            // No public key file: libssh2 derives it from the private key, which is also what
            // proves the passphrase right or wrong before anything goes to the server.
            const int rc = libssh2_userauth_publickey_fromfile_ex(
                m_session, user.constData(), unsigned(user.size()), nullptr, file.constData(),
                m_passphrase.isEmpty() ? "" : m_passphrase.constData());
            if (rc == LIBSSH2_ERROR_EAGAIN)
                return Step::Again;
            clearPassphrase();
            if (rc == 0)
                return Step::Done;
            if (rc == LIBSSH2_ERROR_FILE && m_currentEncrypted)
                return fail(Error::make(ErrorKind::Ssh, QStringLiteral("ssh.key.bad-passphrase"),
                                        Message(QT_TRANSLATE_NOOP("mcp::Errors", "the passphrase for %1 is wrong"), {path})));
            if (rc == LIBSSH2_ERROR_FILE) {
                m_tried << Message(QT_TRANSLATE_NOOP("mcp::Errors", "%1 (unsupported key format)"), {path});
            } else if (rc == LIBSSH2_ERROR_AUTHENTICATION_FAILED ||
                       rc == LIBSSH2_ERROR_PUBLICKEY_UNVERIFIED || rc == LIBSSH2_ERROR_METHOD_NOT_SUPPORTED ||
                       rc == LIBSSH2_ERROR_PUBLICKEY_UNRECOGNIZED) {
                m_tried << Message("%1", {path});
            } else {
                char *msg = nullptr;
                libssh2_session_last_error(m_session, &msg, nullptr, 0);
                return fail(Error::make(ErrorKind::Ssh, QStringLiteral("ssh.auth.error"),
                                        Message(QT_TRANSLATE_NOOP("mcp::Errors", "authentication with %1 at %2 broke off: %3"), {path, m_target.displayName(), QString::fromUtf8(msg)})));
            }
            m_phase = Phase::FileNext;
            break;
        }
        }
    }
}

} // namespace mcp::transport
