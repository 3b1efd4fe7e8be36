#include "sshchannelstream.h"

#include "sshsessionworker.h"

namespace mcp::transport {

SshChannelStream::SshChannelStream(SshSessionWorker *worker, int id, QObject *parent)
    : ByteStream(parent), m_worker(worker), m_id(id)
{
    // Queued by thread affinity: the worker emits on its own thread.
    connect(worker, &SshSessionWorker::channelOpened, this, &SshChannelStream::onOpened);
    connect(worker, &SshSessionWorker::channelData, this, &SshChannelStream::onData);
    connect(worker, &SshSessionWorker::channelClosed, this, &SshChannelStream::onClosed);
    connect(worker, &SshSessionWorker::channelFailed, this, &SshChannelStream::onFailed);
}

SshChannelStream::SshChannelStream(SshSessionWorker *worker, int id, QString tcpHost, int tcpPort, QObject *parent)
    : SshChannelStream(worker, id, parent)
{
    m_tcpHost = std::move(tcpHost);
    m_tcpPort = tcpPort;
}

SshChannelStream::~SshChannelStream()
{
    close();
}

bool SshChannelStream::workerGone()
{
    if (m_worker)
        return false;
    if (m_state != State::Ended) {
        m_state = State::Ended;
        emit failed(Error::make(ErrorKind::Cancelled, QStringLiteral("transport.cancelled"),
                                Message(QT_TRANSLATE_NOOP("mcp::Errors", "the SSH connector of this stream is gone"))));
    }
    return true;
}

void SshChannelStream::open()
{
    if (m_state != State::Idle || workerGone())
        return;
    m_state = State::Opening;
    QMetaObject::invokeMethod(
        m_worker.data(),
        [w = m_worker.data(), id = m_id, host = m_tcpHost, port = m_tcpPort] {
            if (host.isEmpty())
                w->openChannel(id);
            else
                w->openTcpChannel(id, host, port);
        },
        Qt::QueuedConnection);
}

void SshChannelStream::write(const QByteArray &data)
{
    if (data.isEmpty() || m_state == State::Ended || workerGone())
        return;
    QMetaObject::invokeMethod(
        m_worker.data(), [w = m_worker.data(), id = m_id, data] { w->writeChannel(id, data); },
        Qt::QueuedConnection);
}

void SshChannelStream::closeWrite()
{
    if (m_state == State::Ended || workerGone())
        return;
    QMetaObject::invokeMethod(
        m_worker.data(), [w = m_worker.data(), id = m_id] { w->closeWriteChannel(id); },
        Qt::QueuedConnection);
}

QByteArray SshChannelStream::readAll()
{
    return std::exchange(m_buffer, QByteArray());
}

void SshChannelStream::close()
{
    if (m_state == State::Idle || m_state == State::Ended) {
        m_state = State::Ended;
        return;
    }
    m_state = State::Ended;
    if (m_worker)
        QMetaObject::invokeMethod(
            m_worker.data(), [w = m_worker.data(), id = m_id] { w->closeChannel(id); }, Qt::QueuedConnection);
}

void SshChannelStream::onOpened(int id)
{
    if (id != m_id || m_state != State::Opening)
        return;
    m_state = State::Open;
    emit opened();
}

void SshChannelStream::onData(int id, const QByteArray &data)
{
    if (id != m_id || m_state != State::Open)
        return;
    m_buffer += data;
    emit readyRead();
}

void SshChannelStream::onClosed(int id)
{
    if (id != m_id || m_state == State::Ended)
        return;
    m_state = State::Ended;
    emit closed();
}

void SshChannelStream::onFailed(int id, const mcp::Error &error)
{
    if (id != m_id || m_state == State::Ended)
        return;
    m_state = State::Ended;
    emit failed(error);
}

} // namespace mcp::transport
