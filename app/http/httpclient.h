#pragma once

#include "httpconnection.h"
#include "transport/connector.h"

#include <QFuture>
#include <QList>
#include <QObject>

#include <map>
#include <memory>
#include <vector>

template <typename T>
class QPromise;

namespace mcp::http {

// Request/response calls to one engine over a small pool of keep-alive connections, so that
// e.g. 200 container inspects run several at a time over one SSH session's channels.
// Long-lived streams (events, logs, attach) take a dedicated connection from
// newConnection() instead of a pooled one.
class HttpClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpClient)
public:
    // The connector must outlive the client.
    explicit HttpClient(transport::Connector *connector, QObject *parent = nullptr);
    ~HttpClient() override;

    // Buffered: the whole body. The result is an Error only for transport/protocol failures
    // or the timeout; HTTP error statuses are the caller's to interpret.
    QFuture<Result<Response>> request(Request request, int timeoutMs = 30000);

    // A fresh, unopened connection owned by the caller.
    std::unique_ptr<HttpConnection> newConnection();

    void setMaxConnections(int max) { m_maxConnections = qMax(1, max); }
    // Drops idle keep-alive connections and fails queued and running calls (host lost).
    void abortAll(const Error &reason);
    int connectionsOpened() const { return m_connectionsOpened; }

private:
    struct Pending;
    struct Active;

    void dispatch();
    void start(std::unique_ptr<HttpConnection> connection, bool reused, std::unique_ptr<Pending> pending);
    void finish(HttpConnection *connection, const Error *error);
    void parkIdle(std::unique_ptr<HttpConnection> connection);

    transport::Connector *m_connector;
    int m_maxConnections = 6;
    int m_connectionsOpened = 0;
    std::vector<std::unique_ptr<Pending>> m_queue;
    std::vector<std::unique_ptr<HttpConnection>> m_idle;
    std::map<HttpConnection *, std::unique_ptr<Active>> m_active;
};

} // namespace mcp::http
