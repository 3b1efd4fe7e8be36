#include "execrun.h"

#include "dockerclient.h"

#include "common/whenready.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>

namespace mcp::docker {

ExecRun::ExecRun(DockerClient *client, QString containerId, QStringList command, QObject *parent)
    : QObject(parent), m_client(client), m_containerId(std::move(containerId)), m_command(std::move(command)),
      m_decoder([this](StdStream stream, const QByteArray &data) {
          (stream == StdStream::Err ? m_result.err : m_result.out) += data;
      })
{
}

ExecRun::~ExecRun() = default;

QFuture<Result<ExecResult>> ExecRun::start()
{
    m_promise.start();
    QJsonObject body{{QStringLiteral("AttachStdout"), true},
                     {QStringLiteral("AttachStderr"), true},
                     {QStringLiteral("Tty"), false},
                     {QStringLiteral("Cmd"), QJsonArray::fromStringList(m_command)}};
    whenReady(m_client->call("POST", QStringLiteral("/containers/%1/exec").arg(m_containerId), {},
                             QJsonDocument(body).toJson(QJsonDocument::Compact)),
              this, [this](Result<http::Response> r) {
            if (!r)
                return finish(r.error());
            const QString execId = QJsonDocument::fromJson(r->body).object().value(QLatin1String("Id")).toString();
            if (execId.isEmpty())
                return finish(Error::make(ErrorKind::Protocol, QStringLiteral("api.bad-json"),
                                          Message(QT_TRANSLATE_NOOP("mcp::Errors", "exec create returned no Id"))));
            startStream(execId);
        });
    return m_promise.future();
}

void ExecRun::startStream(const QString &execId)
{
    m_connection = m_client->http().newConnection();
    auto *c = m_connection.get();
    connect(c, &http::HttpConnection::head, this, [this](const http::ResponseHead &head) { m_status = head.status; });
    // Without an upgrade (older engines) the raw stream is the body, ending with the connection.
    connect(c, &http::HttpConnection::body, this, [this](const QByteArray &data) {
        if (m_status >= 400)
            m_errorBody += data;
        else
            m_decoder.feed(data);
    });
    connect(c, &http::HttpConnection::rawData, this, [this](const QByteArray &data) { m_decoder.feed(data); });
    const auto streamDone = [this, execId] {
        if (m_status >= 400) {
            return finish(apiError(m_status, m_errorBody));
        }
        readExitCode(execId, 0);
    };
    connect(c, &http::HttpConnection::complete, this, streamDone);
    connect(c, &http::HttpConnection::ended, this, streamDone);
    connect(c, &http::HttpConnection::failed, this, [this](const Error &e) { finish(e); });

    http::Request request;
    request.method = "POST";
    request.target = m_client->target(QStringLiteral("/exec/%1/start").arg(execId));
    request.body = QJsonDocument(QJsonObject{{QStringLiteral("Detach"), false}, {QStringLiteral("Tty"), false}})
                       .toJson(QJsonDocument::Compact);
    request.upgrade = true;
    c->send(request);
}

void ExecRun::readExitCode(const QString &execId, int attempt)
{
    whenReady(m_client->call("GET", QStringLiteral("/exec/%1/json").arg(execId)), this,
              [this, execId, attempt](Result<http::Response> r) {
            if (!r)
                return finish(r.error());
            const QJsonObject info = QJsonDocument::fromJson(r->body).object();
            // The output can end a moment before the engine records the exit code.
            if (info.value(QLatin1String("Running")).toBool() && attempt < 100) {
                QTimer::singleShot(20, this, [this, execId, attempt] { readExitCode(execId, attempt + 1); });
                return;
            }
            m_result.exitCode = info.value(QLatin1String("ExitCode")).toInt(-1);
            finish(m_result);
        });
}

void ExecRun::finish(Result<ExecResult> result)
{
    if (m_done)
        return;
    m_done = true;
    if (m_connection) {
        m_connection->abort();
        m_connection.release()->deleteLater();
    }
    m_promise.addResult(std::move(result));
    m_promise.finish();
    deleteLater();
}

} // namespace mcp::docker
