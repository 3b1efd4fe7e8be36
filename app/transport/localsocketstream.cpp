#include "localsocketstream.h"

namespace mcp::transport {

LocalSocketStream::LocalSocketStream(QString path, QObject *parent)
    : ByteStream(parent), m_path(std::move(path)), m_socket(this)
{
    connect(&m_socket, &QLocalSocket::connected, this, &ByteStream::opened);
    connect(&m_socket, &QLocalSocket::readyRead, this, &ByteStream::readyRead);
    connect(&m_socket, &QLocalSocket::errorOccurred, this, &LocalSocketStream::onError);
    connect(&m_socket, &QLocalSocket::disconnected, this, [this] {
        if (!m_ended) {
            m_ended = true;
            Q_EMIT closed();
        }
    });
}

void LocalSocketStream::open()
{
    m_ended = false;
    m_socket.connectToServer(m_path, QIODevice::ReadWrite);
}

void LocalSocketStream::write(const QByteArray &data)
{
    m_socket.write(data);
}

QByteArray LocalSocketStream::readAll()
{
    return m_socket.readAll();
}

void LocalSocketStream::close()
{
    m_ended = true;
    m_socket.abort();
}

bool LocalSocketStream::isOpen() const
{
    return m_socket.state() == QLocalSocket::ConnectedState;
}

void LocalSocketStream::onError(QLocalSocket::LocalSocketError error)
{
    if (m_ended)
        return;
    // The peer closing is an ordinary end of stream, reported by disconnected().
    if (error == QLocalSocket::PeerClosedError)
        return;
    m_ended = true;
    QString code = QStringLiteral("transport.error");
    switch (error) {
    case QLocalSocket::ConnectionRefusedError: code = QStringLiteral("transport.refused"); break;
    case QLocalSocket::ServerNotFoundError: code = QStringLiteral("transport.not-found"); break;
    case QLocalSocket::SocketAccessError: code = QStringLiteral("transport.permission"); break;
    case QLocalSocket::SocketTimeoutError: code = QStringLiteral("transport.timeout"); break;
    default: break;
    }
    Q_EMIT failed(Error::make(ErrorKind::Transport, code,
                              Message(QT_TRANSLATE_NOOP("mcp::Errors", "%1: %2"), {m_path, m_socket.errorString()})));
}

} // namespace mcp::transport
