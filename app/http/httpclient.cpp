#include "httpclient.h"

#include <QPromise>
#include <QTimer>

namespace mcp::http {

struct HttpClient::Pending
{
    Request request;
    int timeoutMs = 30000;
    bool retried = false;
    QPromise<Result<Response>> promise;
};

struct HttpClient::Active
{
    std::unique_ptr<HttpConnection> connection;
    std::unique_ptr<Pending> pending;
    Response response;
    QTimer timer;
    bool reused = false;
};

HttpClient::HttpClient(transport::Connector *connector, QObject *parent) : QObject(parent), m_connector(connector) {}

HttpClient::~HttpClient()
{
    abortAll(Error::make(ErrorKind::Cancelled, QStringLiteral("cancelled"), Message(QT_TRANSLATE_NOOP("mcp::Errors", "client closed"))));
}

std::unique_ptr<HttpConnection> HttpClient::newConnection()
{
    ++m_connectionsOpened;
    return std::make_unique<HttpConnection>(m_connector->createStream());
}

QFuture<Result<Response>> HttpClient::request(Request request, int timeoutMs)
{
    auto pending = std::make_unique<Pending>();
    pending->request = std::move(request);
    pending->timeoutMs = timeoutMs;
    pending->promise.start();
    QFuture<Result<Response>> future = pending->promise.future();
    m_queue.push_back(std::move(pending));
    dispatch();
    return future;
}

void HttpClient::dispatch()
{
    while (!m_queue.empty()) {
        std::unique_ptr<HttpConnection> connection;
        bool reused = false;
        if (!m_idle.empty()) {
            connection = std::move(m_idle.back());
            m_idle.pop_back();
            connection->disconnect(this);
            reused = true;
        } else if (int(m_active.size() + m_idle.size()) < m_maxConnections) {
            connection = newConnection();
        } else {
            return;
        }
        auto pending = std::move(m_queue.front());
        m_queue.erase(m_queue.begin());
        start(std::move(connection), reused, std::move(pending));
    }
}

void HttpClient::start(std::unique_ptr<HttpConnection> connection, bool reused, std::unique_ptr<Pending> pending)
{
    auto active = std::make_unique<Active>();
    HttpConnection *c = connection.get();
    Active *a = active.get();
    a->connection = std::move(connection);
    a->pending = std::move(pending);
    a->reused = reused;

    connect(c, &HttpConnection::head, this, [a](const ResponseHead &head) { a->response.head = head; });
    connect(c, &HttpConnection::body, this, [a](const QByteArray &data) { a->response.body += data; });
    connect(c, &HttpConnection::complete, this, [this, c] { finish(c, nullptr); });
    connect(c, &HttpConnection::failed, this, [this, c](const Error &e) { finish(c, &e); });
    connect(c, &HttpConnection::upgraded, this, [this, c] {
        const Error e = Error::make(ErrorKind::Protocol, QStringLiteral("http.unexpected-upgrade"),
                                    Message(QT_TRANSLATE_NOOP("mcp::Errors", "the engine upgraded a plain request")));
        finish(c, &e);
    });
    if (a->pending->timeoutMs > 0) {
        a->timer.setSingleShot(true);
        connect(&a->timer, &QTimer::timeout, this, [this, c, ms = a->pending->timeoutMs] {
            const Error e = Error::make(ErrorKind::Timeout, QStringLiteral("http.timeout"),
                                        Message(QT_TRANSLATE_NOOP("mcp::Errors", "no answer from the engine within %1 s"), {QStringLiteral("%1").arg(ms / 1000.0)}));
            c->abort();
            finish(c, &e);
        });
        a->timer.start(a->pending->timeoutMs);
    }
    const Request request = a->pending->request;
    m_active.emplace(c, std::move(active));
    c->send(request);
}

void HttpClient::finish(HttpConnection *c, const Error *error)
{
    auto it = m_active.find(c);
    if (it == m_active.end())
        return;
    std::unique_ptr<Active> a = std::move(it->second);
    m_active.erase(it);
    a->timer.stop();
    c->disconnect(this);

    // A kept-alive connection the engine closed in the meantime fails before any byte of a
    // response: that is not the request's fault, so it goes once more on a fresh connection.
    if (error && a->reused && !c->responseStarted() && !a->pending->retried &&
        error->kind != ErrorKind::Timeout) {
        a->pending->retried = true;
        m_queue.insert(m_queue.begin(), std::move(a->pending));
        a->connection.release()->deleteLater();
        dispatch();
        return;
    }

    if (error)
        a->pending->promise.addResult(Result<Response>(*error));
    else
        a->pending->promise.addResult(Result<Response>(std::move(a->response)));
    a->pending->promise.finish();

    if (c->isReusable())
        parkIdle(std::move(a->connection));
    else
        a->connection.release()->deleteLater(); // we are inside one of its signals
    dispatch();
}

void HttpClient::parkIdle(std::unique_ptr<HttpConnection> connection)
{
    HttpConnection *c = connection.get();
    connect(c, &HttpConnection::ended, this, [this, c] {
        for (auto it = m_idle.begin(); it != m_idle.end(); ++it) {
            if (it->get() == c) {
                it->release()->deleteLater();
                m_idle.erase(it);
                return;
            }
        }
    });
    m_idle.push_back(std::move(connection));
}

void HttpClient::abortAll(const Error &reason)
{
    for (auto &c : m_idle) {
        c->disconnect(this);
        c->abort();
    }
    m_idle.clear();
    auto queue = std::move(m_queue);
    m_queue.clear();
    for (auto &p : queue) {
        p->promise.addResult(Result<Response>(reason));
        p->promise.finish();
    }
    auto active = std::move(m_active);
    m_active.clear();
    for (auto &[c, a] : active) {
        c->disconnect(this);
        c->abort();
        a->timer.stop();
        a->pending->promise.addResult(Result<Response>(reason));
        a->pending->promise.finish();
        a->connection.release()->deleteLater();
    }
}

} // namespace mcp::http
