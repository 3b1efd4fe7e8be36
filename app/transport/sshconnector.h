#pragma once

#include "connector.h"
#include "sshoptions.h"

#include <QThread>

namespace mcp::transport {

class SshSessionWorker;

// Docker engine over SSH with libssh2: one session per connector, on a worker thread the
// connector owns (quit() + wait() on destruction), each stream a channel on it
// (direct-streamlocal@openssh.com to the engine socket, or `docker system dial-stdio` when
// the server refuses socket forwarding). The session is set up at the first stream's
// open(); a broken session fails its streams and the next stream starts a new one.
//
// Host keys are checked against known_hosts and refused on mismatch or (unless
// acceptNewHostKey) when unknown; hostKeyChecked()/lastHostKey() give a dialog what it
// needs to ask the user. The passphrase provider of the options is called on this
// object's thread.
class SshConnector final : public Connector
{
    Q_OBJECT
public:
    explicit SshConnector(SshOptions options, QObject *parent = nullptr);
    ~SshConnector() override;
    Q_DISABLE_COPY_MOVE(SshConnector)

    std::unique_ptr<ByteStream> createStream() override;
    std::unique_ptr<ByteStream> createTcpStream(const QString &host, int port) override;
    // "SSH (libssh2)" or "SSH (libssh2, dial-stdio)".
    QString pathDescription() const override;
    void reset() override;

    const SshOptions &options() const { return m_options; }
    // The key the server offered at the last handshake (status None before the first).
    SshHostKeyInfo lastHostKey() const { return m_lastHostKey; }
    bool usesDialStdio() const { return m_dialStdio; }
    // TCP connect, SSH handshake and authentication of the last session, in ms (-1: none yet).
    qint64 lastConnectMs() const { return m_connectMs; }
    qint64 lastHandshakeMs() const { return m_handshakeMs; }
    qint64 lastAuthMs() const { return m_authMs; }

signals:
    void hostKeyChecked(const mcp::transport::SshHostKeyInfo &info);
    void pathChanged(const QString &description);

private:
    void onPassphraseRequested(const QString &keyPath);

    SshOptions m_options;
    QThread m_thread;
    SshSessionWorker *m_worker;
    int m_nextId = 1;
    bool m_dialStdio = false;
    SshHostKeyInfo m_lastHostKey;
    qint64 m_connectMs = -1;
    qint64 m_handshakeMs = -1;
    qint64 m_authMs = -1;
};

} // namespace mcp::transport
