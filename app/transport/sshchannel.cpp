#include "sshchannel.h"
#include "common/messagephrase.h"

#include "endpoint/endpoint.h"

#include <libssh2.h>

namespace mcp::transport {

namespace {

constexpr qsizetype kReadChunk = 64 * 1024;
constexpr qsizetype kStderrCap = 4096;

void appendSshString(QByteArray &out, const QByteArray &s)
{
    const quint32 n = quint32(s.size());
    out.append(char(n >> 24)).append(char(n >> 16)).append(char(n >> 8)).append(char(n));
    out.append(s);
}

bool isSessionError(int rc)
{
    // Everything but a refused channel open means the transport under all channels broke.
    return rc != LIBSSH2_ERROR_CHANNEL_FAILURE && rc != LIBSSH2_ERROR_CHANNEL_REQUEST_DENIED &&
           rc != LIBSSH2_ERROR_CHANNEL_EOF_SENT && rc != LIBSSH2_ERROR_CHANNEL_CLOSED &&
           rc != LIBSSH2_ERROR_CHANNEL_WINDOW_EXCEEDED && rc != LIBSSH2_ERROR_CHANNEL_PACKET_EXCEEDED;
}

} // namespace

SshChannel::SshChannel(LIBSSH2_SESSION *session, const QString &socketPath)
    : m_session(session), m_socketPath(socketPath)
{
}

QByteArray SshChannel::dialStdioCommand(const QString &socketPath)
{
    if (socketPath.isEmpty() || socketPath == QLatin1String(endpoint::kDefaultUnixSocket))
        return QByteArrayLiteral("docker system dial-stdio");
    // Single quotes keep the path one word for the remote shell.
    QString quoted = socketPath;
    quoted.replace(QLatin1String("'"), QLatin1String("'\\''"));
    return "docker -H 'unix://" + quoted.toUtf8() + "' system dial-stdio";
}

SshChannel::Step SshChannel::fail(const QString &code, const Message &what, int rc)
{
    char *msg = nullptr;
    libssh2_session_last_error(m_session, &msg, nullptr, 0);
    m_sessionBroken = isSessionError(rc);
    m_error = Error::make(m_sessionBroken ? ErrorKind::Transport : ErrorKind::Ssh,
                          m_sessionBroken ? QStringLiteral("transport.reset") : code,
                          Message(QT_TRANSLATE_NOOP("mcp::Errors", "%1: %2"), {phrase(what), QString::fromUtf8(msg ? msg : "unknown error")}));
    return Step::Failed;
}

SshChannel::Step SshChannel::open()
{
    if (m_openDone)
        return Step::Done;
    if (!m_channel) {
        if (m_kind == Kind::StreamLocal) {
            const QString path =
                m_socketPath.isEmpty() ? QString::fromLatin1(endpoint::kDefaultUnixSocket) : m_socketPath;
            // RFC-less OpenSSH extension: string socket path, string reserved, uint32 reserved.
            QByteArray message;
            appendSshString(message, path.toUtf8());
            appendSshString(message, QByteArray());
            message.append(4, '\0');
            static const char type[] = "direct-streamlocal@openssh.com";
            m_channel = libssh2_channel_open_ex(
                m_session, type, sizeof(type) - 1, LIBSSH2_CHANNEL_WINDOW_DEFAULT,
                LIBSSH2_CHANNEL_PACKET_DEFAULT, message.constData(), unsigned(message.size()));
        } else if (m_kind == Kind::DirectTcp) {
            const QByteArray host = m_tcpHost.toUtf8();
            m_channel = libssh2_channel_direct_tcpip_ex(m_session, host.constData(), m_tcpPort, "127.0.0.1", 0);
        } else {
            m_channel = libssh2_channel_open_session(m_session);
        }
        if (!m_channel) {
            const int rc = libssh2_session_last_errno(m_session);
            if (rc == LIBSSH2_ERROR_EAGAIN)
                return Step::Again;
            if (m_kind == Kind::StreamLocal && rc == LIBSSH2_ERROR_CHANNEL_FAILURE)
                m_forwardingRefused = true;
            return fail(QStringLiteral("ssh.channel.refused"),
                        m_kind == Kind::StreamLocal
                            ? Message(QT_TRANSLATE_NOOP("mcp::Errors", "the server did not forward to %1"), {m_socketPath.isEmpty() ? QString::fromLatin1(endpoint::kDefaultUnixSocket) : m_socketPath})
                        : m_kind == Kind::DirectTcp ? Message(QT_TRANSLATE_NOOP("mcp::Errors", "the server did not forward to %1:%2"), {m_tcpHost, m_tcpPort})
                                                    : Message(QT_TRANSLATE_NOOP("mcp::Errors", "the server refused a session channel")),
                        rc);
        }
    }
    if (m_kind == Kind::DialStdio && !m_execStarted) {
        const QByteArray cmd = dialStdioCommand(m_socketPath);
        const int rc =
            libssh2_channel_process_startup(m_channel, "exec", 4, cmd.constData(), unsigned(cmd.size()));
        if (rc == LIBSSH2_ERROR_EAGAIN)
            return Step::Again;
        if (rc != 0)
            return fail(QStringLiteral("ssh.channel.exec-refused"),
                        Message(QT_TRANSLATE_NOOP("mcp::Errors", "the server refused to run '%1'"), {QString::fromUtf8(cmd)}), rc);
        m_execStarted = true;
    }
    m_openDone = true;
    return Step::Done;
}

SshChannel::Pump SshChannel::pump()
{
    Pump out;
    // Writes first: a request is usually what makes the answer come.
    while (!m_pendingWrite.isEmpty()) {
        const ssize_t n =
            libssh2_channel_write(m_channel, m_pendingWrite.constData(), size_t(m_pendingWrite.size()));
        if (n == LIBSSH2_ERROR_EAGAIN)
            break;
        if (n < 0) {
            fail(QStringLiteral("ssh.channel.write-failed"), Message(QT_TRANSLATE_NOOP("mcp::Errors", "writing to the channel failed")),
                 int(n));
            out.error = m_error;
            out.sessionBroken = m_sessionBroken;
            return out;
        }
        m_pendingWrite.remove(0, qsizetype(n));
        out.progress = true;
    }
    if (m_pendingWrite.isEmpty() && m_eofRequested && !m_eofSent) {
        const int rc = libssh2_channel_send_eof(m_channel);
        if (rc == 0) {
            m_eofSent = true;
            out.progress = true;
        }
    }

    char buf[kReadChunk];
    for (;;) {
        const ssize_t n = libssh2_channel_read(m_channel, buf, sizeof(buf));
        if (n > 0) {
            out.data.append(buf, qsizetype(n));
            out.progress = true;
            m_gotData = true;
            continue;
        }
        if (n == LIBSSH2_ERROR_EAGAIN || n == 0)
            break;
        fail(QStringLiteral("ssh.channel.read-failed"), Message(QT_TRANSLATE_NOOP("mcp::Errors", "reading from the channel failed")),
             int(n));
        out.error = m_error;
        out.sessionBroken = m_sessionBroken;
        return out;
    }
    // dial-stdio's stderr must be drained too or its window fills and the channel stalls.
    for (;;) {
        const ssize_t n = libssh2_channel_read_stderr(m_channel, buf, sizeof(buf));
        if (n <= 0)
            break;
        if (m_stderr.size() < kStderrCap)
            m_stderr.append(buf, qMin(qsizetype(n), kStderrCap - m_stderr.size()));
        out.progress = true;
    }

    if (!m_eofReported && libssh2_channel_eof(m_channel) == 1) {
        m_eofReported = true;
        out.progress = true;
        if (m_kind == Kind::DialStdio && !m_gotData && !m_stderr.trimmed().isEmpty()) {
            // The remote docker CLI could not reach its engine (or is missing): say why.
            out.error = Error::make(ErrorKind::Ssh, QStringLiteral("ssh.dial-stdio.failed"),
                                    Message(QT_TRANSLATE_NOOP("mcp::Errors", "'%1' on the remote host failed: %2"), {QString::fromUtf8(dialStdioCommand(m_socketPath)), QString::fromUtf8(m_stderr.trimmed())}));
        } else {
            out.eof = true;
        }
    }
    return out;
}

bool SshChannel::hasBufferedInput() const
{
    if (!m_channel || !m_openDone)
        return false;
    return libssh2_poll_channel_read(m_channel, 0) || libssh2_poll_channel_read(m_channel, 1) ||
           (!m_eofReported && libssh2_channel_eof(m_channel) == 1);
}

SshChannel::Step SshChannel::close()
{
    if (!m_channel)
        return Step::Done;
    // libssh2_channel_free() closes first (sends CLOSE, waits for the peer's) when needed.
    const int rc = libssh2_channel_free(m_channel);
    if (rc == LIBSSH2_ERROR_EAGAIN)
        return Step::Again;
    m_channel = nullptr;
    return rc == 0 ? Step::Done : Step::Failed;
}

} // namespace mcp::transport
