#include "sshsessionworker.h"

#include "sshauthenticator.h"
#include "sshchannel.h"
#include "sshknownhosts.h"
#include "sshlog.h"

#include <QHostInfo>
#include <QSocketNotifier>

#include <libssh2.h>

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <mutex>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace mcp::transport {

namespace {

std::once_flag g_libssh2Init; // libssh2_init() is process-wide and not thread-safe itself

Error transportError(const QString &code, const Message &detail)
{
    return Error::make(ErrorKind::Transport, code, detail);
}

} // namespace

SshSessionWorker::SshSessionWorker(const SshOptions &options)
    : m_options(options), m_deadline(this), m_keepalive(this) // children: moveToThread() takes them along
{
    std::call_once(g_libssh2Init, [] { libssh2_init(0); });
    // The provider belongs to the owner's thread; the worker only ever asks through a signal.
    m_options.passphraseProvider = nullptr;
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, &SshSessionWorker::onDeadline);
    connect(&m_keepalive, &QTimer::timeout, this, &SshSessionWorker::onKeepalive);
}

SshSessionWorker::~SshSessionWorker()
{
    failSession(Error::make(ErrorKind::Cancelled, QStringLiteral("transport.cancelled"),
                            Message(QT_TRANSLATE_NOOP("mcp::Errors", "the SSH connector was shut down"))));
}

void SshSessionWorker::openChannel(int id)
{
    enqueue(id, Slot{});
}

void SshSessionWorker::enqueue(int id, Slot slot)
{
    // The slot before the queue: a Ready session opens the channel at once.
    m_slots[id] = std::move(slot);
    m_openQueue.push_back(id);
    if (m_state == State::Idle)
        startSession();
    else if (m_state == State::Ready)
        drive();
}

void SshSessionWorker::openTcpChannel(int id, const QString &host, int port)
{
    Slot slot;
    slot.tcpHost = host;
    slot.tcpPort = port;
    enqueue(id, std::move(slot));
}

void SshSessionWorker::writeChannel(int id, const QByteArray &data)
{
    const auto it = m_slots.find(id);
    if (it == m_slots.end())
        return;
    if (it->second.channel)
        it->second.channel->queueWrite(data);
    else
        it->second.pendingWrite += data;
    if (m_state == State::Ready)
        drive();
}

void SshSessionWorker::closeWriteChannel(int id)
{
    const auto it = m_slots.find(id);
    if (it == m_slots.end())
        return;
    if (it->second.channel)
        it->second.channel->requestEof();
    else
        it->second.eofRequested = true;
    if (m_state == State::Ready)
        drive();
}

void SshSessionWorker::closeChannel(int id)
{
    const auto it = m_slots.find(id);
    if (it == m_slots.end())
        return;
    std::erase(m_openQueue, id);
    // A channel whose open is in flight must finish opening before libssh2 can close it.
    if (id != m_opening) {
        if (it->second.channel && it->second.channel->isOpen())
            m_closing[id] = std::move(it->second.channel);
        m_slots.erase(it);
    } else {
        it->second.closeRequested = true;
    }
    if (m_state == State::Ready)
        drive();
}

void SshSessionWorker::resetSession()
{
    failSession(
        transportError(QStringLiteral("transport.reset"), Message(QT_TRANSLATE_NOOP("mcp::Errors", "the SSH session was reset"))));
}

void SshSessionWorker::providePassphrase(std::optional<QString> passphrase)
{
    if (m_state != State::WaitingPassphrase || !m_auth)
        return;
    m_auth->providePassphrase(std::move(passphrase));
    m_state = State::Authenticating;
    m_deadline.start(m_options.connectTimeoutMs); // the user's think time does not count
    drive();
}

void SshSessionWorker::startSession()
{
    m_target = resolveSshTarget(m_options);
    if (m_target.needsProxy) {
        failSession(
            Error::make(ErrorKind::Ssh, QStringLiteral("ssh.proxy.unsupported"),
                        Message(QT_TRANSLATE_NOOP("mcp::Errors", "%1 is configured with ProxyJump/ProxyCommand in %2, which libssh2 cannot follow; use the OpenSSH client path"), {m_target.displayName(), m_target.configFile})));
        return;
    }
    m_clock.start();
    m_state = State::Resolving;
    m_deadline.start(m_options.connectTimeoutMs);
    m_addresses.clear();
    m_addressIndex = 0;
    m_connectError = transportError(QStringLiteral("transport.dns"),
                                    Message(QT_TRANSLATE_NOOP("mcp::Errors", "%1 has no address"), {m_target.hostName}));
    qCDebug(lcSsh) << "connecting to" << m_target.displayName();
    m_lookupId = QHostInfo::lookupHost(m_target.hostName, this, &SshSessionWorker::onLookedUp);
}

void SshSessionWorker::onLookedUp(const QHostInfo &info)
{
    m_lookupId = -1;
    if (m_state != State::Resolving)
        return;
    if (info.error() != QHostInfo::NoError || info.addresses().isEmpty()) {
        failSession(transportError(
            QStringLiteral("transport.dns"),
            Message(QT_TRANSLATE_NOOP("mcp::Errors", "cannot resolve %1: %2"), {m_target.hostName, info.errorString()})));
        return;
    }
    m_addresses = info.addresses();
    m_state = State::Connecting;
    connectNext();
}

void SshSessionWorker::connectNext()
{
    closeSocket();
    while (m_addressIndex < m_addresses.size()) {
        const QHostAddress addr = m_addresses.at(m_addressIndex++);
        sockaddr_storage ss{};
        socklen_t len = 0;
        if (addr.protocol() == QAbstractSocket::IPv4Protocol) {
            auto *sin = reinterpret_cast<sockaddr_in *>(&ss);
            sin->sin_family = AF_INET;
            sin->sin_port = htons(quint16(m_target.port));
            sin->sin_addr.s_addr = htonl(addr.toIPv4Address());
            len = sizeof(sockaddr_in);
        } else {
            auto *sin6 = reinterpret_cast<sockaddr_in6 *>(&ss);
            sin6->sin6_family = AF_INET6;
            sin6->sin6_port = htons(quint16(m_target.port));
            const Q_IPV6ADDR a = addr.toIPv6Address();
            std::memcpy(&sin6->sin6_addr, a.c, 16);
            len = sizeof(sockaddr_in6);
        }
        m_fd = ::socket(ss.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        if (m_fd < 0)
            continue;
        if (::connect(m_fd, reinterpret_cast<sockaddr *>(&ss), len) == 0) {
            onSocketConnected();
            return;
        }
        if (errno == EINPROGRESS) {
            m_writeNotifier = new QSocketNotifier(m_fd, QSocketNotifier::Write, this);
            connect(m_writeNotifier, &QSocketNotifier::activated, this, &SshSessionWorker::onConnectWritable);
            return;
        }
        const int err = errno;
        m_connectError = transportError(err == ECONNREFUSED ? QStringLiteral("transport.refused")
                                                            : QStringLiteral("transport.unreachable"),
                                        Message(QT_TRANSLATE_NOOP("mcp::Errors", "cannot connect to %1:%2: %3"), {addr.toString(), m_target.port, QString::fromLocal8Bit(std::strerror(err))}));
        closeSocket();
    }
    failSession(m_connectError);
}

void SshSessionWorker::onConnectWritable()
{
    int err = 0;
    socklen_t len = sizeof(err);
    ::getsockopt(m_fd, SOL_SOCKET, SO_ERROR, &err, &len);
    if (err == 0) {
        delete m_writeNotifier;
        m_writeNotifier = nullptr;
        onSocketConnected();
        return;
    }
    const QHostAddress addr = m_addresses.at(m_addressIndex - 1);
    m_connectError = transportError(err == ECONNREFUSED ? QStringLiteral("transport.refused")
                                                        : QStringLiteral("transport.unreachable"),
                                    Message(QT_TRANSLATE_NOOP("mcp::Errors", "cannot connect to %1:%2: %3"), {addr.toString(), m_target.port, QString::fromLocal8Bit(std::strerror(err))}));
    connectNext();
}

void SshSessionWorker::onSocketConnected()
{
    m_connectMs = m_clock.elapsed();
    m_session = libssh2_session_init();
    if (!m_session) {
        failSession(Error::make(ErrorKind::Ssh, QStringLiteral("ssh.internal"),
                                Message(QT_TRANSLATE_NOOP("mcp::Errors", "libssh2_session_init failed"))));
        return;
    }
    libssh2_session_set_blocking(m_session, 0);
    // want_reply=1: the server must answer, so a dead peer shows up as a failed session.
    libssh2_keepalive_config(m_session, 1, unsigned(qMax(1, m_options.keepaliveIntervalSec)));
    m_readNotifier = new QSocketNotifier(m_fd, QSocketNotifier::Read, this);
    m_writeNotifier = new QSocketNotifier(m_fd, QSocketNotifier::Write, this);
    connect(m_readNotifier, &QSocketNotifier::activated, this, &SshSessionWorker::onReadable);
    connect(m_writeNotifier, &QSocketNotifier::activated, this, &SshSessionWorker::drive);
    m_state = State::Handshaking;
    drive();
}

void SshSessionWorker::onReadable()
{
    if (m_state == State::Ready && m_slots.empty() && m_closing.empty()) {
        // Nobody reads the session now: peek to tell a closed peer from a stray packet
        // (a keepalive reply), which stays in the socket until a channel drives libssh2.
        char c;
        const ssize_t n = ::recv(m_fd, &c, 1, MSG_PEEK | MSG_DONTWAIT);
        if (n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK)) {
            failSession(
                transportError(QStringLiteral("transport.closed"),
                               Message(QT_TRANSLATE_NOOP("mcp::Errors", "%1 closed the SSH connection"), {m_target.displayName()})));
            return;
        }
        m_readParked = true;
        updateNotifiers();
        return;
    }
    drive();
}

void SshSessionWorker::drive()
{
    // Signals emitted below are queued, but failSession() can still re-enter via a slot
    // called directly; run one loop at a time.
    if (m_inDrive) {
        m_driveAgain = true;
        return;
    }
    m_inDrive = true;
    int rounds = 0;
    bool more = false;
    do {
        m_driveAgain = false;
        // Bounded so a flood on one channel cannot starve the event loop (timers, new
        // requests); the rest continues in the next event loop pass.
        while ((more = driveOnce()) && ++rounds < 256) {
        }
    } while (m_driveAgain && rounds < 256);
    m_inDrive = false;
    updateNotifiers();
    if (more || m_driveAgain)
        QMetaObject::invokeMethod(this, &SshSessionWorker::drive, Qt::QueuedConnection);
}

// One step of the session state machine; true when it should be called again at once.
bool SshSessionWorker::driveOnce()
{
    switch (m_state) {
    case State::Handshaking: {
        const int rc = libssh2_session_handshake(m_session, m_fd);
        if (rc == LIBSSH2_ERROR_EAGAIN)
            return false;
        if (rc != 0) {
            char *msg = nullptr;
            libssh2_session_last_error(m_session, &msg, nullptr, 0);
            failSession(Error::make(ErrorKind::Ssh, QStringLiteral("ssh.handshake.failed"),
                                    Message(QT_TRANSLATE_NOOP("mcp::Errors", "SSH handshake with %1 failed: %2"), {m_target.knownHostsName(), QString::fromUtf8(msg)})));
            return false;
        }
        m_handshakeMs = m_clock.elapsed();
        SshHostKeyInfo info;
        const auto refusal = SshKnownHosts::verify(m_session, m_target, m_options.acceptNewHostKey, &info);
        emit hostKeyChecked(info); // before any failure, so the owner knows the key when it sees it
        if (refusal) {
            failSession(*refusal);
            return false;
        }
        if (info.status == SshHostKeyInfo::Status::Added)
            qCInfo(lcSsh) << "added" << info.host << info.keyType << info.fingerprint << "to"
                          << info.knownHostsFile;
        m_auth = std::make_unique<SshAuthenticator>(m_session, m_target);
        m_state = State::Authenticating;
        return true;
    }
    case State::Authenticating:
        switch (m_auth->step()) {
        case SshAuthenticator::Step::Again:
            return false;
        case SshAuthenticator::Step::NeedPassphrase:
            m_state = State::WaitingPassphrase;
            m_deadline.stop();
            emit passphraseRequested(m_auth->pendingKeyPath());
            return false;
        case SshAuthenticator::Step::Failed:
            failSession(m_auth->error());
            return false;
        case SshAuthenticator::Step::Done: {
            m_auth.reset();
            m_deadline.stop();
            m_state = State::Ready;
            const qint64 total = m_clock.elapsed();
            qCInfo(lcSsh).nospace() << "SSH session to " << m_target.displayName() << " ready: connect "
                                    << m_connectMs << " ms, handshake " << m_handshakeMs - m_connectMs
                                    << " ms, auth " << total - m_handshakeMs << " ms";
            emit sessionEstablished(m_connectMs, m_handshakeMs - m_connectMs, total - m_handshakeMs);
            if (m_options.keepaliveIntervalSec > 0)
                m_keepalive.start(m_options.keepaliveIntervalSec * 1000);
            return true;
        }
        }
        return false;
    case State::Ready:
        return pumpChannels();
    default:
        return false;
    }
}

bool SshSessionWorker::pumpChannels()
{
    bool progress = false;

    // Opens, one at a time.
    while (m_opening == -1 && !m_openQueue.empty()) {
        const int id = m_openQueue.front();
        m_openQueue.pop_front();
        const auto it = m_slots.find(id);
        if (it == m_slots.end())
            continue;
        Slot &slot = it->second;
        slot.channel = std::make_unique<SshChannel>(m_session, m_options.socketPath);
        if (!slot.tcpHost.isEmpty())
            slot.channel->setTcpTarget(slot.tcpHost, slot.tcpPort);
        else if (m_dialStdio)
            slot.channel->setKind(SshChannel::Kind::DialStdio);
        slot.channel->queueWrite(slot.pendingWrite);
        slot.pendingWrite.clear();
        if (slot.eofRequested)
            slot.channel->requestEof();
        m_opening = id;
        m_deadline.start(m_options.connectTimeoutMs);
    }
    if (m_opening != -1) {
        const int id = m_opening;
        SshChannel *ch = m_slots.at(id).channel.get();
        switch (ch->open()) {
        case SshChannel::Step::Again:
            break;
        case SshChannel::Step::Done: {
            m_opening = -1;
            m_deadline.stop();
            progress = true;
            if (m_slots.at(id).closeRequested) {
                m_closing[id] = std::move(m_slots.at(id).channel);
                m_slots.erase(id);
            } else {
                m_slots.at(id).opened = true;
                emit channelOpened(id);
            }
            break;
        }
        case SshChannel::Step::Failed:
            m_opening = -1;
            m_deadline.stop();
            progress = true;
            if (ch->openFailureIsSession()) {
                failSession(ch->error());
                return false;
            }
            if (ch->kind() == SshChannel::Kind::StreamLocal && ch->forwardingRefused() &&
                !m_slots.at(id).closeRequested) {
                // This server will not forward unix sockets (AllowStreamLocalForwarding no,
                // AllowTcpForwarding no); the remote docker CLI can still bridge for us.
                qCInfo(lcSsh) << "stream forwarding refused by" << m_target.displayName() << "("
                              << ch->error().detail << "); using docker system dial-stdio";
                m_dialStdio = true;
                emit dialStdioSelected();
                ch->setKind(SshChannel::Kind::DialStdio);
                m_opening = id; // same slot, next drive() pass opens the exec channel
                m_deadline.start(m_options.connectTimeoutMs);
                break;
            }
            failChannel(id, ch->error());
            break;
        }
    }

    // Data on open channels.
    std::vector<int> ids;
    for (const auto &[id, slot] : m_slots)
        if (slot.opened)
            ids.push_back(id);
    for (int id : ids) {
        const auto it = m_slots.find(id);
        if (it == m_slots.end())
            continue;
        SshChannel::Pump p = it->second.channel->pump();
        if (!p.data.isEmpty())
            emit channelData(id, p.data);
        progress |= p.progress;
        if (p.error) {
            if (p.sessionBroken) {
                failSession(*p.error);
                return false;
            }
            failChannel(id, *p.error);
        } else if (p.eof) {
            emit channelClosed(id);
            m_closing[id] = std::move(it->second.channel);
            m_slots.erase(it);
        }
    }

    // Channels on their way out.
    for (auto it = m_closing.begin(); it != m_closing.end();) {
        if (it->second->close() == SshChannel::Step::Again) {
            ++it;
        } else {
            it = m_closing.erase(it);
            progress = true;
        }
    }

    if (!progress) {
        // Serving one channel can pull another's data into libssh2's buffers, where no
        // socket notifier will ever announce it.
        for (const auto &[id, slot] : m_slots)
            if (slot.opened && slot.channel->hasBufferedInput())
                return true;
    }
    return progress;
}

void SshSessionWorker::updateNotifiers()
{
    if (!m_session || m_fd < 0 || !m_readNotifier)
        return;
    const int dirs = libssh2_session_block_directions(m_session);
    const bool busy = !m_slots.empty() || !m_closing.empty();
    if (busy)
        m_readParked = false;
    const bool wantRead =
        (dirs & LIBSSH2_SESSION_BLOCK_INBOUND) || m_state != State::Ready || busy || !m_readParked;
    const bool wantWrite = (dirs & LIBSSH2_SESSION_BLOCK_OUTBOUND);
    m_readNotifier->setEnabled(wantRead && m_state != State::WaitingPassphrase);
    m_writeNotifier->setEnabled(wantWrite);
}

void SshSessionWorker::onDeadline()
{
    const QString where = m_target.displayName();
    switch (m_state) {
    case State::Resolving:
    case State::Connecting:
        failSession(Error::make(ErrorKind::Timeout, QStringLiteral("timeout.connect"),
                                Message(QT_TRANSLATE_NOOP("mcp::Errors", "no TCP connection to %1 within %2 ms"), {where, m_options.connectTimeoutMs})));
        break;
    case State::Handshaking:
    case State::Authenticating:
        failSession(
            Error::make(ErrorKind::Timeout, QStringLiteral("timeout.ssh-handshake"),
                        Message(QT_TRANSLATE_NOOP("mcp::Errors", "SSH handshake/authentication with %1 did not finish within %2 ms"), {where, m_options.connectTimeoutMs})));
        break;
    case State::Ready:
        failSession(Error::make(ErrorKind::Timeout, QStringLiteral("timeout.ssh-channel"),
                                Message(QT_TRANSLATE_NOOP("mcp::Errors", "%1 did not open a channel within %2 ms"), {where, m_options.connectTimeoutMs})));
        break;
    default:
        break;
    }
}

void SshSessionWorker::onKeepalive()
{
    if (m_state != State::Ready || !m_session)
        return;
    int next = 0;
    const int rc = libssh2_keepalive_send(m_session, &next);
    if (rc != 0 && rc != LIBSSH2_ERROR_EAGAIN) {
        failSession(transportError(QStringLiteral("transport.reset"),
                                   Message(QT_TRANSLATE_NOOP("mcp::Errors", "the SSH connection to %1 is gone (keepalive failed)"), {m_target.displayName()})));
        return;
    }
    updateNotifiers();
}

void SshSessionWorker::failChannel(int id, const Error &error)
{
    const auto it = m_slots.find(id);
    if (it == m_slots.end())
        return;
    if (it->second.channel && it->second.channel->isOpen())
        m_closing[id] = std::move(it->second.channel);
    m_slots.erase(it);
    emit channelFailed(id, error);
}

void SshSessionWorker::failSession(const Error &error)
{
    if (m_state != State::Idle || !m_slots.empty())
        qCInfo(lcSsh) << "SSH session to" << m_target.displayName() << "ended:" << error.toString();
    std::vector<int> ids;
    for (const auto &[id, slot] : m_slots)
        ids.push_back(id);
    teardown();
    for (int id : ids)
        emit channelFailed(id, error);
}

void SshSessionWorker::teardown()
{
    m_deadline.stop();
    m_keepalive.stop();
    if (m_lookupId != -1) {
        QHostInfo::abortHostLookup(m_lookupId);
        m_lookupId = -1;
    }
    m_auth.reset();
    m_slots.clear();
    m_openQueue.clear();
    m_closing.clear(); // the session frees its channels
    m_opening = -1;
    if (m_session) {
        // Best effort goodbye; then make every further send fail at once so that
        // libssh2_session_free() cannot wait on a peer that is gone.
        libssh2_session_disconnect(m_session, "bye");
        if (m_fd >= 0)
            ::shutdown(m_fd, SHUT_RDWR);
        for (int i = 0; i < 8 && libssh2_session_free(m_session) == LIBSSH2_ERROR_EAGAIN; ++i) {
        }
        m_session = nullptr;
    }
    closeSocket();
    m_readParked = false;
    m_state = State::Idle;
}

void SshSessionWorker::closeSocket()
{
    delete m_readNotifier;
    m_readNotifier = nullptr;
    delete m_writeNotifier;
    m_writeNotifier = nullptr;
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
}

} // namespace mcp::transport
