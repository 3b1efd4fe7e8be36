#pragma once

#include "common/error.h"
#include "dockerclient.h"
#include "multiplexdecoder.h"

#include <QObject>

#include <memory>

namespace mcp::docker {

// A container's log on a dedicated connection, split into lines per stream. With timestamps
// on, each line's engine timestamp is parsed off and kept as the resume point, so a reader
// that reconnects asks for `since` the last line it saw and drops lines at or before it.
class LogStream final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogStream)
public:
    LogStream(DockerClient *client, QString containerId, LogOptions options, QObject *parent = nullptr);
    ~LogStream() override;

    void start();
    void stop();
    qint64 lastTimestampNs() const { return m_lastNs; }

Q_SIGNALS:
    void started();
    // One line without its newline; timestampNs is 0 when timestamps are off.
    void line(mcp::docker::StdStream stream, qint64 timestampNs, const QByteArray &text);
    void ended(const mcp::Error &reason);

private:
    void onPayload(StdStream stream, const QByteArray &data);
    void emitLine(StdStream stream, const QByteArray &raw);
    void end(const Error &reason);

    DockerClient *m_client;
    QString m_containerId;
    LogOptions m_options;
    std::unique_ptr<http::HttpConnection> m_connection;
    MultiplexDecoder m_decoder;
    QByteArray m_partial[3];
    QByteArray m_errorBody;
    qint64 m_lastNs = 0;
    int m_status = 0;
    bool m_ended = false;
};

// RFC 3339 with nanoseconds ("2026-11-23T22:06:17.123456789Z") to ns since the epoch; 0 if not.
qint64 parseRfc3339Nano(const QByteArray &text);

} // namespace mcp::docker
