#include "attachsession.h"

#include "apiquery.h"
#include "dockerclient.h"

namespace mcp::docker {

AttachSession::AttachSession(DockerClient *client, QString containerId, bool tty, QObject *parent)
    : QObject(parent), m_client(client), m_containerId(std::move(containerId)), m_tty(tty),
      m_decoder([this](StdStream s, const QByteArray &d) { Q_EMIT output(s, d); })
{
}

AttachSession::~AttachSession()
{
    if (m_connection)
        m_connection->abort();
}

void AttachSession::start(bool replayLogs)
{
    ApiQuery query;
    query.add(QStringLiteral("stream"), QStringLiteral("1"))
        .add(QStringLiteral("stdin"), QStringLiteral("1"))
        .add(QStringLiteral("stdout"), QStringLiteral("1"))
        .add(QStringLiteral("stderr"), QStringLiteral("1"));
    if (replayLogs)
        query.add(QStringLiteral("logs"), QStringLiteral("1"));

    m_connection = m_client->http().newConnection();
    auto *c = m_connection.get();
    connect(c, &http::HttpConnection::head, this, [this](const http::ResponseHead &h) { m_status = h.status; });
    connect(c, &http::HttpConnection::upgraded, this, &AttachSession::attached);
    connect(c, &http::HttpConnection::rawData, this, &AttachSession::onRaw);
    connect(c, &http::HttpConnection::body, this, [this](const QByteArray &d) {
        if (m_status >= 400)
            m_errorBody += d;
        else
            onRaw(d);
    });
    connect(c, &http::HttpConnection::complete, this, [this] {
        if (m_status >= 400) {
            return end(apiError(m_status, m_errorBody));
        }
        end(Error::make(ErrorKind::Transport, QStringLiteral("attach.closed"), Message(QT_TRANSLATE_NOOP("mcp::Errors", "the console ended"))));
    });
    connect(c, &http::HttpConnection::ended, this, [this] {
        end(Error::make(ErrorKind::Transport, QStringLiteral("attach.closed"), Message(QT_TRANSLATE_NOOP("mcp::Errors", "the console ended"))));
    });
    connect(c, &http::HttpConnection::failed, this, &AttachSession::end);

    http::Request request;
    request.method = "POST";
    request.target = m_client->target(QStringLiteral("/containers/%1/attach").arg(m_containerId), query);
    request.upgrade = true;
    c->send(request);
}

void AttachSession::write(const QByteArray &data)
{
    if (m_connection)
        m_connection->writeRaw(data);
}

void AttachSession::closeStdin()
{
    if (m_connection)
        m_connection->closeWrite();
}

void AttachSession::stop()
{
    m_ended = true;
    if (m_connection)
        m_connection->abort();
}

void AttachSession::onRaw(const QByteArray &data)
{
    if (m_tty) {
        Q_EMIT output(StdStream::Out, data);
        return;
    }
    if (!m_decoder.feed(data))
        end(Error::make(ErrorKind::Protocol, QStringLiteral("attach.bad-frame"), Message(QT_TRANSLATE_NOOP("mcp::Errors", "malformed console frame"))));
}

void AttachSession::end(const Error &reason)
{
    if (m_ended)
        return;
    m_ended = true;
    Q_EMIT ended(reason);
}

} // namespace mcp::docker
