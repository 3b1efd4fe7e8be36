#pragma once

#include "common/error.h"
#include "sshoptions.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QTimer>

#include <deque>
#include <map>
#include <memory>
#include <optional>

class QHostInfo;
class QSocketNotifier;
typedef struct _LIBSSH2_SESSION LIBSSH2_SESSION;

namespace mcp::transport {

class SshAuthenticator;
class SshChannel;

// The one libssh2 session of an SshConnector and every channel on it. It lives on the
// connector's worker thread and is driven there by socket notifiers and timers: libssh2
// runs non-blocking, every call that returns EAGAIN is repeated when the socket is ready
// in the direction libssh2_session_block_directions() names. The public slots are invoked
// queued from the owner's thread by the channel streams; the signals go back queued.
//
// The session is set up lazily when the first channel is asked for (DNS, TCP, handshake,
// host key check, authentication), later channels reuse it. Channel opens are serialised
// because libssh2 keeps one open in progress per session. When the session breaks, every
// channel fails with the same error and the worker returns to Idle: the next channel
// starts a new session.
class SshSessionWorker final : public QObject
{
    Q_OBJECT
public:
    explicit SshSessionWorker(const SshOptions &options);
    ~SshSessionWorker() override;
    Q_DISABLE_COPY_MOVE(SshSessionWorker)

    // Called on the worker thread (queued from the owner's).
    void openChannel(int id);
    // A direct-tcpip channel to host:port as the server reaches it (no dial-stdio fallback).
    void openTcpChannel(int id, const QString &host, int port);
    void writeChannel(int id, const QByteArray &data);
    void closeWriteChannel(int id);
    void closeChannel(int id);
    void resetSession();
    void providePassphrase(std::optional<QString> passphrase);

signals:
    void channelOpened(int id);
    void channelData(int id, const QByteArray &data);
    void channelClosed(int id);
    void channelFailed(int id, const mcp::Error &error);
    void hostKeyChecked(const mcp::transport::SshHostKeyInfo &info);
    void passphraseRequested(const QString &keyPath);
    void dialStdioSelected();
    void sessionEstablished(qint64 connectMs, qint64 handshakeMs, qint64 authMs);

private:
    enum class State
    {
        Idle,
        Resolving,
        Connecting,
        Handshaking,
        Authenticating,
        WaitingPassphrase,
        Ready
    };
    struct Slot
    {
        std::unique_ptr<SshChannel> channel; // made when its open starts
        QByteArray pendingWrite;             // written before that
        bool eofRequested = false;
        bool opened = false;
        bool closeRequested = false; // closed by its stream while the open was in flight
        QString tcpHost;             // non-empty: a direct-tcpip channel
        int tcpPort = 0;
    };

    void enqueue(int id, Slot slot);
    void startSession();
    void onLookedUp(const QHostInfo &info);
    void connectNext();
    void onConnectWritable();
    void onSocketConnected();
    void drive();
    bool driveOnce();
    bool pumpChannels();
    void updateNotifiers();
    void onReadable();
    void onDeadline();
    void onKeepalive();
    void failChannel(int id, const Error &error);
    void failSession(const Error &error);
    void teardown();
    void closeSocket();

    SshOptions m_options;
    SshTarget m_target;
    State m_state = State::Idle;
    int m_lookupId = -1;
    QList<QHostAddress> m_addresses;
    int m_addressIndex = 0;
    Error m_connectError;
    int m_fd = -1;
    QSocketNotifier *m_readNotifier = nullptr;
    QSocketNotifier *m_writeNotifier = nullptr;
    bool m_readParked = false;
    LIBSSH2_SESSION *m_session = nullptr;
    std::unique_ptr<SshAuthenticator> m_auth;
    QTimer m_deadline;
    QTimer m_keepalive;
    QElapsedTimer m_clock;
    qint64 m_connectMs = 0;
    qint64 m_handshakeMs = 0;

    std::map<int, Slot> m_slots;
    std::deque<int> m_openQueue;
    int m_opening = -1;
    std::map<int, std::unique_ptr<SshChannel>> m_closing;
    bool m_dialStdio = false;
    bool m_inDrive = false;
    bool m_driveAgain = false;
};

} // namespace mcp::transport
