#pragma once

#include "httpmessage.h"
#include "responseparser.h"
#include "transport/bytestream.h"

#include <QObject>
#include <QTimer>

#include <memory>

namespace mcp::http {

// One HTTP/1.1 connection to the engine over any ByteStream: one request at a time, kept
// alive between requests when the engine allows, and able to switch to a raw byte stream
// after an upgrade (attach, exec). The stream is opened lazily by the first send().
class HttpConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpConnection)
public:
    enum class State { Unopened, Opening, Idle, Busy, Upgraded, Closed };

    explicit HttpConnection(std::unique_ptr<transport::ByteStream> stream, QObject *parent = nullptr);
    ~HttpConnection() override;

    // Sends a request; the connection must be Unopened or Idle.
    void send(const Request &request);
    // After upgraded(): bytes to the peer.
    void writeRaw(const QByteArray &data);
    void closeWrite();
    // Ends the connection from our side; no further signals.
    void abort();

    State state() const { return m_state; }
    bool isReusable() const { return m_state == State::Idle; }
    // True once any byte of the current response arrived (a stale keep-alive connection that
    // the engine closed fails before that, and the request can be retried elsewhere).
    bool responseStarted() const { return m_responseStarted; }
    // Bounds the time from send() to the stream being open (0: no bound).
    void setOpenTimeout(int ms) { m_openTimeoutMs = ms; }

Q_SIGNALS:
    void head(const mcp::http::ResponseHead &head);
    void body(const QByteArray &data);
    void complete();
    void upgraded();
    void rawData(const QByteArray &data);
    // The peer ended the stream while idle or upgraded.
    void ended();
    void failed(const mcp::Error &error);

private:
    void onOpened();
    void onReadyRead();
    void onClosed();
    void onFailed(const Error &error);
    void fail(const Error &error);

    std::unique_ptr<transport::ByteStream> m_stream;
    ResponseParser m_parser;
    State m_state = State::Unopened;
    QByteArray m_pending; // request bytes waiting for the stream to open
    QTimer m_openTimer;
    int m_openTimeoutMs = 15000;
    bool m_responseStarted = false;
    bool m_messageDone = false;
};

} // namespace mcp::http
