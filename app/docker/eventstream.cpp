#include "eventstream.h"

#include "dockerclient.h"

#include "apiquery.h"

#include <QJsonDocument>

namespace mcp::docker {

QString formatApiTimestamp(qint64 ns)
{
    return QStringLiteral("%1.%2").arg(ns / 1000000000).arg(ns % 1000000000, 9, 10, QLatin1Char('0'));
}

EventStream::EventStream(DockerClient *client, qint64 sinceNs, QJsonObject filters, QObject *parent)
    : QObject(parent), m_client(client), m_sinceNs(sinceNs), m_filters(std::move(filters)), m_lastEventNs(sinceNs)
{
}

EventStream::~EventStream()
{
    if (m_connection)
        m_connection->abort();
}

void EventStream::start()
{
    ApiQuery query;
    if (m_sinceNs > 0)
        query.add(QStringLiteral("since"), formatApiTimestamp(m_sinceNs));
    if (m_untilNs > 0)
        query.add(QStringLiteral("until"), formatApiTimestamp(m_untilNs));
    if (!m_filters.isEmpty())
        query.add(QStringLiteral("filters"), QString::fromUtf8(QJsonDocument(m_filters).toJson(QJsonDocument::Compact)));

    m_connection = m_client->http().newConnection();
    auto *c = m_connection.get();
    connect(c, &http::HttpConnection::head, this, [this](const http::ResponseHead &head) {
        m_status = head.status;
        if (m_status == 200)
            Q_EMIT started();
    });
    connect(c, &http::HttpConnection::body, this, &EventStream::onBody);
    connect(c, &http::HttpConnection::complete, this, [this] {
        if (m_status >= 400) {
            return end(apiError(m_status, m_errorBody));
        }
        end(Error::make(ErrorKind::Transport, QStringLiteral("events.closed"),
                        Message(QT_TRANSLATE_NOOP("mcp::Errors", "the engine ended the event stream"))));
    });
    connect(c, &http::HttpConnection::failed, this, &EventStream::end);

    http::Request request;
    request.target = m_client->target(QStringLiteral("/events"), query);
    // Streams have no deadline; only opening is bounded.
    c->send(request);
}

void EventStream::stop()
{
    m_ended = true;
    if (m_connection)
        m_connection->abort();
}

void EventStream::onBody(const QByteArray &data)
{
    if (m_status >= 400) {
        m_errorBody += data;
        return;
    }
    m_buffer += data;
    qsizetype start = 0;
    for (;;) {
        const qsizetype nl = m_buffer.indexOf('\n', start);
        if (nl < 0)
            break;
        const QByteArray line = m_buffer.mid(start, nl - start).trimmed();
        start = nl + 1;
        if (line.isEmpty())
            continue;
        const QJsonObject object = QJsonDocument::fromJson(line).object();
        if (object.isEmpty())
            continue;
        const qint64 t = object.value(QLatin1String("timeNano")).toInteger();
        if (t > m_lastEventNs)
            m_lastEventNs = t;
        Q_EMIT event(object);
        if (m_ended)
            return;
    }
    m_buffer.remove(0, start);
}

void EventStream::end(const Error &reason)
{
    if (m_ended)
        return;
    m_ended = true;
    Q_EMIT ended(reason);
}

} // namespace mcp::docker
