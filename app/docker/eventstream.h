#pragma once

#include "common/error.h"

#include <QJsonObject>
#include <QObject>

#include <memory>

namespace mcp::http {
class HttpConnection;
}

namespace mcp::docker {

class DockerClient;

// The engine's /events stream on a dedicated connection: one JSON object per event. It
// remembers the time of the last event so a new stream can resume with `since` after a
// disconnect. Reading is event-driven and never blocks: the engine drops events for a
// reader that stalls for 100 ms.
class EventStream final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventStream)
public:
    EventStream(DockerClient *client, qint64 sinceNs, QJsonObject filters, QObject *parent = nullptr);
    ~EventStream() override;

    // A bounded history instead of a live stream: the engine sends the events up to this
    // time and ends the stream (`ended` with events.closed). Set before start().
    void setUntilNs(qint64 untilNs) { m_untilNs = untilNs; }
    void start();
    void stop();
    qint64 lastEventNs() const { return m_lastEventNs; }

Q_SIGNALS:
    // The engine accepted the subscription: events from now on will arrive.
    void started();
    void event(const QJsonObject &event);
    // The stream is over (peer closed or failure); reason explains which.
    void ended(const mcp::Error &reason);

private:
    void onBody(const QByteArray &data);
    void end(const Error &reason);

    DockerClient *m_client;
    qint64 m_sinceNs;
    qint64 m_untilNs = 0;
    QJsonObject m_filters;
    std::unique_ptr<http::HttpConnection> m_connection;
    QByteArray m_buffer;
    QByteArray m_errorBody;
    qint64 m_lastEventNs = 0;
    int m_status = 0;
    bool m_ended = false;
};

// "seconds.nanoseconds" as the API's since/until parameters take it.
QString formatApiTimestamp(qint64 ns);

} // namespace mcp::docker
