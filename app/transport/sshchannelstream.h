#pragma once

#include "bytestream.h"

#include <QPointer>

namespace mcp::transport {

class SshSessionWorker;

// The owner-thread face of one channel of an SshConnector's session. Every call is posted
// to the session worker's thread; the worker's answers arrive as queued signals carrying
// the channel id, so this object only ever runs on its own thread. The worker is held by
// QPointer: it goes away with the connector, after which the stream fails instead of
// crashing.
class SshChannelStream final : public ByteStream
{
    Q_OBJECT
public:
    SshChannelStream(SshSessionWorker *worker, int id, QObject *parent = nullptr);
    // A direct-tcpip channel to host:port instead of the engine's socket.
    SshChannelStream(SshSessionWorker *worker, int id, QString tcpHost, int tcpPort, QObject *parent = nullptr);
    ~SshChannelStream() override;
    Q_DISABLE_COPY_MOVE(SshChannelStream)

    void open() override;
    void write(const QByteArray &data) override;
    QByteArray readAll() override;
    void close() override;
    bool isOpen() const override { return m_state == State::Open; }
    void closeWrite() override;

    int channelId() const { return m_id; }

private:
    enum class State
    {
        Idle,
        Opening,
        Open,
        Ended
    };

    void onOpened(int id);
    void onData(int id, const QByteArray &data);
    void onClosed(int id);
    void onFailed(int id, const mcp::Error &error);
    bool workerGone();

    QPointer<SshSessionWorker> m_worker;
    const int m_id;
    State m_state = State::Idle;
    QByteArray m_buffer;
    QString m_tcpHost;
    int m_tcpPort = 0;
};

} // namespace mcp::transport
