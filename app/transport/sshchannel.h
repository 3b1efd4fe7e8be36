#pragma once

#include "common/error.h"

#include <QByteArray>
#include <QString>

#include <optional>

typedef struct _LIBSSH2_SESSION LIBSSH2_SESSION;
typedef struct _LIBSSH2_CHANNEL LIBSSH2_CHANNEL;

namespace mcp::transport {

// One libssh2 channel that carries a Docker API byte stream: either a
// direct-streamlocal@openssh.com channel to the engine's unix socket, or an exec channel
// running `docker system dial-stdio` when the server does not forward unix sockets. All
// calls are non-blocking and made on the session worker's thread; each returns what it
// managed and the worker calls again when the socket is ready.
class SshChannel final
{
public:
    enum class Kind
    {
        StreamLocal,
        DialStdio,
        DirectTcp // direct-tcpip to a host and port the server reaches
    };
    enum class Step
    {
        Again,
        Done,
        Failed
    };

    struct Pump
    {
        QByteArray data; // stdout / socket bytes read
        bool progress = false;
        bool eof = false; // the peer ended the stream (reported once)
        std::optional<Error> error;
        bool sessionBroken = false; // the error is the session's, not just this channel's
    };

    SshChannel(LIBSSH2_SESSION *session, const QString &socketPath);
    Q_DISABLE_COPY_MOVE(SshChannel)

    void setKind(Kind kind) { m_kind = kind; }
    void setTcpTarget(const QString &host, int port)
    {
        m_kind = Kind::DirectTcp;
        m_tcpHost = host;
        m_tcpPort = port;
    }
    Kind kind() const { return m_kind; }

    Step open();
    // After open() failed: the server refused unix socket forwarding (or could not reach
    // the socket), so dial-stdio is worth a try.
    bool forwardingRefused() const { return m_forwardingRefused; }
    bool openFailureIsSession() const { return m_sessionBroken; }
    const Error &error() const { return m_error; }

    void queueWrite(const QByteArray &data) { m_pendingWrite += data; }
    void requestEof() { m_eofRequested = true; }
    Pump pump();
    // True if libssh2 already holds data or an EOF for this channel that pump() has not
    // taken yet (read in while serving another channel).
    bool hasBufferedInput() const;
    // Closes and frees the channel; Again until the peer acknowledged.
    Step close();
    bool isOpen() const { return m_channel && m_openDone; }

    // The exec command for dial-stdio ("docker system dial-stdio", with -H for a custom socket).
    static QByteArray dialStdioCommand(const QString &socketPath);

private:
    Step fail(const QString &code, const Message &what, int rc);

    LIBSSH2_SESSION *m_session;
    LIBSSH2_CHANNEL *m_channel = nullptr;
    QString m_socketPath;
    QString m_tcpHost;
    int m_tcpPort = 0;
    Kind m_kind = Kind::StreamLocal;
    bool m_openDone = false;
    bool m_execStarted = false;
    bool m_forwardingRefused = false;
    bool m_sessionBroken = false;
    bool m_eofRequested = false;
    bool m_eofSent = false;
    bool m_eofReported = false;
    bool m_gotData = false;
    QByteArray m_pendingWrite;
    QByteArray m_stderr; // dial-stdio's complaints, for the error message
    Error m_error;
};

} // namespace mcp::transport
