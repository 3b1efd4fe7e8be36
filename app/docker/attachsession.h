#pragma once

#include "common/error.h"
#include "dockertypes.h"
#include "multiplexdecoder.h"

#include <QObject>

#include <memory>

namespace mcp::http {
class HttpConnection;
}

namespace mcp::docker {

class DockerClient;

// A live console on a container: POST /containers/{id}/attach hijacked with "Upgrade: tcp"
// over the host's own transport (never by exposing the engine on a local port), as the
// Docker CLI does. Output arrives per stream; write() feeds the container's stdin.
class AttachSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AttachSession)
public:
    AttachSession(DockerClient *client, QString containerId, bool tty, QObject *parent = nullptr);
    ~AttachSession() override;

    // replayLogs: the output so far is sent first (logs=1).
    void start(bool replayLogs = false);
    void write(const QByteArray &data);
    void closeStdin();
    void stop();

Q_SIGNALS:
    void attached();
    void output(mcp::docker::StdStream stream, const QByteArray &data);
    void ended(const mcp::Error &reason);

private:
    void onRaw(const QByteArray &data);
    void end(const Error &reason);

    DockerClient *m_client;
    QString m_containerId;
    bool m_tty;
    std::unique_ptr<http::HttpConnection> m_connection;
    MultiplexDecoder m_decoder;
    QByteArray m_errorBody;
    int m_status = 0;
    bool m_ended = false;
};

} // namespace mcp::docker
