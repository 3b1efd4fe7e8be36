#include "httpconnection.h"

#include <QPointer>

namespace mcp::http {

HttpConnection::HttpConnection(std::unique_ptr<transport::ByteStream> stream, QObject *parent)
    : QObject(parent), m_stream(std::move(stream)),
      m_parser(ResponseParser::Callbacks{
          [this](ResponseHead h) { Q_EMIT head(h); },
          [this](QByteArray data) { Q_EMIT body(data); },
          // Completion is acted on after feed() returns (see onReadyRead).
          [this] { m_messageDone = true; }})
{
    connect(m_stream.get(), &transport::ByteStream::opened, this, &HttpConnection::onOpened);
    connect(m_stream.get(), &transport::ByteStream::readyRead, this, &HttpConnection::onReadyRead);
    connect(m_stream.get(), &transport::ByteStream::closed, this, &HttpConnection::onClosed);
    connect(m_stream.get(), &transport::ByteStream::failed, this, &HttpConnection::onFailed);
    m_openTimer.setSingleShot(true);
    connect(&m_openTimer, &QTimer::timeout, this, [this] {
        fail(Error::make(ErrorKind::Timeout, QStringLiteral("transport.timeout"),
                         Message(QT_TRANSLATE_NOOP("mcp::Errors", "no connection to the engine after %1 s"), {QStringLiteral("%1").arg(m_openTimeoutMs / 1000.0)})));
    });
}

HttpConnection::~HttpConnection()
{
    if (m_stream)
        m_stream->disconnect(this);
}

void HttpConnection::send(const Request &request)
{
    Q_ASSERT(m_state == State::Unopened || m_state == State::Idle);
    m_parser.reset();
    m_responseStarted = false;
    m_messageDone = false;
    const QByteArray bytes = request.serialize();
    if (m_state == State::Unopened) {
        m_pending = bytes;
        m_state = State::Opening;
        if (m_openTimeoutMs > 0)
            m_openTimer.start(m_openTimeoutMs);
        m_stream->open();
        return;
    }
    m_state = State::Busy;
    m_stream->write(bytes);
}

void HttpConnection::writeRaw(const QByteArray &data)
{
    if (m_state == State::Upgraded)
        m_stream->write(data);
}

void HttpConnection::closeWrite()
{
    if (m_state == State::Upgraded)
        m_stream->closeWrite();
}

void HttpConnection::abort()
{
    m_openTimer.stop();
    if (m_state != State::Closed) {
        m_state = State::Closed;
        m_stream->disconnect(this);
        m_stream->close();
    }
}

void HttpConnection::onOpened()
{
    m_openTimer.stop();
    if (m_state != State::Opening)
        return;
    m_state = State::Busy;
    m_stream->write(m_pending);
    m_pending.clear();
}

void HttpConnection::onReadyRead()
{
    const QByteArray data = m_stream->readAll();
    if (data.isEmpty())
        return;
    if (m_state == State::Upgraded) {
        Q_EMIT rawData(data);
        return;
    }
    if (m_state != State::Busy) {
        // Bytes nobody asked for: the connection is out of step; drop it.
        fail(Error::make(ErrorKind::Protocol, QStringLiteral("http.unexpected-data"),
                         Message(QT_TRANSLATE_NOOP("mcp::Errors", "the engine sent data with no request outstanding"))));
        return;
    }
    m_responseStarted = true;
    QByteArray leftover;
    // Guard: a signal handler below may delete this connection.
    QPointer<HttpConnection> guard(this);
    const Status parsed = m_parser.feed(data, &leftover);
    if (!guard)
        return;
    if (!parsed) {
        fail(parsed.error());
        return;
    }
    if (m_parser.upgraded()) {
        m_state = State::Upgraded;
        Q_EMIT upgraded();
        if (guard && !leftover.isEmpty())
            Q_EMIT rawData(leftover);
        return;
    }
    if (m_messageDone && m_state == State::Busy) {
        // A complete message: decide whether the connection can be reused before telling anyone.
        if (!m_parser.keepAlive()) {
            m_state = State::Closed;
            m_stream->disconnect(this);
            m_stream->close();
        } else {
            m_state = State::Idle;
        }
        Q_EMIT complete();
    }
}

void HttpConnection::onClosed()
{
    m_openTimer.stop();
    switch (m_state) {
    case State::Busy: {
        // A body delimited by the end of the stream completes here.
        const Status finished = m_parser.finish();
        m_state = State::Closed;
        if (!finished) {
            Q_EMIT failed(finished.error());
            return;
        }
        if (m_messageDone)
            Q_EMIT complete();
        else
            Q_EMIT failed(Error::make(ErrorKind::Transport, QStringLiteral("transport.closed"),
                                      Message(QT_TRANSLATE_NOOP("mcp::Errors", "the engine closed the connection without answering"))));
        return;
    }
    case State::Opening:
        m_state = State::Closed;
        Q_EMIT failed(Error::make(ErrorKind::Transport, QStringLiteral("transport.closed"),
                                  Message(QT_TRANSLATE_NOOP("mcp::Errors", "the connection closed while opening"))));
        return;
    case State::Idle:
    case State::Upgraded:
        m_state = State::Closed;
        Q_EMIT ended();
        return;
    default:
        m_state = State::Closed;
        return;
    }
}

void HttpConnection::onFailed(const Error &error)
{
    fail(error);
}

void HttpConnection::fail(const Error &error)
{
    m_openTimer.stop();
    if (m_state == State::Closed)
        return;
    const bool wasIdle = m_state == State::Idle;
    m_state = State::Closed;
    m_stream->disconnect(this);
    m_stream->close();
    if (wasIdle)
        Q_EMIT ended();
    else
        Q_EMIT failed(error);
}

} // namespace mcp::http
