#include "sshautostream.h"

#include "sshautoconnector.h"

namespace mcp::transport {

SshAutoStream::SshAutoStream(SshAutoConnector *connector, QObject *parent)
    : ByteStream(parent), m_connector(connector)
{
}

SshAutoStream::~SshAutoStream() = default;

void SshAutoStream::attach(std::unique_ptr<ByteStream> inner)
{
    m_inner = std::move(inner);
    ByteStream *s = m_inner.get();
    connect(s, &ByteStream::opened, this, [this] {
        m_opened = true;
        emit opened();
    });
    connect(s, &ByteStream::readyRead, this, &ByteStream::readyRead);
    connect(s, &ByteStream::closed, this, &ByteStream::closed);
    connect(s, &ByteStream::failed, this, &SshAutoStream::onInnerFailed);
}

void SshAutoStream::open()
{
    if (m_inner)
        return;
    if (!m_connector) {
        emit failed(Error::make(ErrorKind::Cancelled, QStringLiteral("transport.cancelled"),
                                Message(QT_TRANSLATE_NOOP("mcp::Errors", "the SSH connector of this stream is gone"))));
        return;
    }
    attach(m_connector->createInner());
    m_inner->open();
}

void SshAutoStream::onInnerFailed(const mcp::Error &error)
{
    if (!m_opened && !m_retried && m_connector && !m_connector->usesOpenSsh() &&
        SshAutoConnector::shouldFallBack(error)) {
        m_retried = true;
        m_connector->switchToOpenSsh(error.toString());
        // The failed inner stream is inside its own signal emission: delete it later.
        m_inner.release()->deleteLater();
        attach(m_connector->createInner());
        m_inner->open();
        return;
    }
    emit failed(error);
}

void SshAutoStream::write(const QByteArray &data)
{
    if (m_inner)
        m_inner->write(data);
}

QByteArray SshAutoStream::readAll()
{
    return m_inner ? m_inner->readAll() : QByteArray();
}

void SshAutoStream::close()
{
    if (m_inner)
        m_inner->close();
}

bool SshAutoStream::isOpen() const
{
    return m_inner && m_inner->isOpen();
}

void SshAutoStream::closeWrite()
{
    if (m_inner)
        m_inner->closeWrite();
}

} // namespace mcp::transport
