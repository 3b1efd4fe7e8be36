#include "logstream.h"

#include "apiquery.h"
#include "eventstream.h"

#include <QDateTime>

namespace mcp::docker {

qint64 parseRfc3339Nano(const QByteArray &text)
{
    // 2026-11-23T22:06:17.123456789Z (the engine always writes UTC with 'Z')
    if (text.size() < 20 || text.at(10) != 'T' || !text.endsWith('Z'))
        return 0;
    const QDateTime base = QDateTime::fromString(QString::fromLatin1(text.left(19)), Qt::ISODate);
    if (!base.isValid())
        return 0;
    qint64 ns = 0;
    if (text.size() > 21 && text.at(19) == '.') {
        QByteArray frac = text.mid(20, text.size() - 21);
        if (frac.size() > 9)
            frac.truncate(9);
        while (frac.size() < 9)
            frac.append('0');
        bool ok = false;
        ns = frac.toLongLong(&ok);
        if (!ok)
            return 0;
    }
    QDateTime utc = base;
    utc.setTimeSpec(Qt::UTC);
    return utc.toSecsSinceEpoch() * 1000000000LL + ns;
}

LogStream::LogStream(DockerClient *client, QString containerId, LogOptions options, QObject *parent)
    : QObject(parent), m_client(client), m_containerId(std::move(containerId)), m_options(options),
      m_decoder([this](StdStream s, const QByteArray &d) { onPayload(s, d); }), m_lastNs(options.sinceNs)
{
}

LogStream::~LogStream()
{
    if (m_connection)
        m_connection->abort();
}

void LogStream::start()
{
    ApiQuery query;
    query.add(QStringLiteral("stdout"), QStringLiteral("1")).add(QStringLiteral("stderr"), QStringLiteral("1"));
    if (m_options.follow)
        query.add(QStringLiteral("follow"), QStringLiteral("1"));
    if (m_options.timestamps)
        query.add(QStringLiteral("timestamps"), QStringLiteral("1"));
    if (m_options.sinceNs > 0)
        query.add(QStringLiteral("since"), formatApiTimestamp(m_options.sinceNs));
    if (m_options.tail >= 0)
        query.add(QStringLiteral("tail"), QString::number(m_options.tail));

    m_connection = m_client->http().newConnection();
    auto *c = m_connection.get();
    connect(c, &http::HttpConnection::head, this, [this](const http::ResponseHead &head) {
        m_status = head.status;
        if (m_status == 200)
            Q_EMIT started();
    });
    connect(c, &http::HttpConnection::body, this, [this](const QByteArray &data) {
        if (m_status >= 400) {
            m_errorBody += data;
            return;
        }
        if (m_options.tty)
            onPayload(StdStream::Out, data);
        else if (!m_decoder.feed(data))
            end(Error::make(ErrorKind::Protocol, QStringLiteral("logs.bad-frame"),
                            Message(QT_TRANSLATE_NOOP("mcp::Errors", "malformed log frame (is the container's Tty setting right?)"))));
    });
    connect(c, &http::HttpConnection::complete, this, [this] {
        if (m_status >= 400) {
            return end(apiError(m_status, m_errorBody));
        }
        for (int s = 0; s < 3; ++s) {
            if (!m_partial[s].isEmpty())
                emitLine(StdStream(s), std::exchange(m_partial[s], {}));
        }
        end(Error::make(ErrorKind::Transport, QStringLiteral("logs.closed"), Message(QT_TRANSLATE_NOOP("mcp::Errors", "the log stream ended"))));
    });
    connect(c, &http::HttpConnection::failed, this, &LogStream::end);

    http::Request request;
    request.target = m_client->target(QStringLiteral("/containers/%1/logs").arg(m_containerId), query);
    c->send(request);
}

void LogStream::stop()
{
    m_ended = true;
    if (m_connection)
        m_connection->abort();
}

void LogStream::onPayload(StdStream stream, const QByteArray &data)
{
    QByteArray &partial = m_partial[int(stream) % 3];
    partial += data;
    qsizetype start = 0;
    for (;;) {
        const qsizetype nl = partial.indexOf('\n', start);
        if (nl < 0)
            break;
        emitLine(stream, partial.mid(start, nl - start));
        start = nl + 1;
        if (m_ended)
            return;
    }
    partial.remove(0, start);
}

void LogStream::emitLine(StdStream stream, const QByteArray &raw)
{
    QByteArray text = raw;
    if (text.endsWith('\r'))
        text.chop(1);
    qint64 ns = 0;
    if (m_options.timestamps) {
        const qsizetype space = text.indexOf(' ');
        ns = parseRfc3339Nano(space > 0 ? text.left(space) : text);
        if (ns > 0) {
            text = space > 0 ? text.mid(space + 1) : QByteArray();
            // A reconnect asks for `since` the last line seen; the engine's since is inclusive
            // at second granularity, so lines at or before the resume point are repeats.
            if (ns <= m_lastNs && m_options.sinceNs > 0)
                return;
            m_lastNs = qMax(m_lastNs, ns);
        }
    }
    Q_EMIT line(stream, ns, text);
}

void LogStream::end(const Error &reason)
{
    if (m_ended)
        return;
    m_ended = true;
    Q_EMIT ended(reason);
}

} // namespace mcp::docker
