#pragma once

#include "common/result.h"
#include "httpmessage.h"

#include <functional>
#include <memory>

namespace mcp::http {

// Incremental HTTP/1.1 response parsing. The only file that includes Node's http_parser
// (Debian's libhttp-parser): a well-tested parser for chunked bodies, keep-alive and upgrade
// rather than our own. Bytes go in as they arrive; the head, body pieces and the end of the
// message come out through callbacks.
class ResponseParser final
{
    Q_DISABLE_COPY_MOVE(ResponseParser)
public:
    struct Callbacks
    {
        std::function<void(ResponseHead)> head;
        std::function<void(QByteArray)> body;
        std::function<void()> complete;
    };

    explicit ResponseParser(Callbacks callbacks);
    ~ResponseParser();

    // Parses what it can. After an upgrade (101) the bytes that follow the head are not
    // HTTP: they are returned in `leftover` and the parser stops.
    Status feed(const QByteArray &data, QByteArray *leftover);
    // The stream ended: completes a body delimited by the end of the connection, or reports
    // a truncated message.
    Status finish();
    // Ready for the next response on the same connection.
    void reset();

    bool upgraded() const { return m_upgraded; }
    bool keepAlive() const { return m_keepAlive; }
    bool inMessage() const { return m_inMessage; }

private:
    struct Impl;
    friend struct Impl;
    std::unique_ptr<Impl> m_impl;
    Callbacks m_callbacks;
    ResponseHead m_head;
    QByteArray m_field;
    QByteArray m_value;
    bool m_lastWasValue = false;
    bool m_upgraded = false;
    bool m_keepAlive = true;
    bool m_inMessage = false;
    bool m_complete = false;
};

} // namespace mcp::http
