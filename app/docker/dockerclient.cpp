#include "dockerclient.h"

#include "attachsession.h"
#include "eventstream.h"
#include "execrun.h"
#include "logstream.h"

#include <QElapsedTimer>
#include <QJsonParseError>
#include <QPromise>
#include <QUrl>

namespace mcp::docker {

namespace {

QString codeForStatus(int status)
{
    switch (status) {
    case 400: return QStringLiteral("api.bad-request");
    case 401: return QStringLiteral("api.unauthorized");
    case 403: return QStringLiteral("api.forbidden");
    case 404: return QStringLiteral("api.not-found");
    case 409: return QStringLiteral("api.conflict");
    case 304: return QStringLiteral("api.not-modified");
    default: return status >= 500 ? QStringLiteral("api.server-error") : QStringLiteral("api.status-%1").arg(status);
    }
}

Result<QJsonDocument> parseJson(const http::Response &response)
{
    if (response.body.isEmpty())
        return QJsonDocument();
    QJsonParseError error{};
    QJsonDocument doc = QJsonDocument::fromJson(response.body, &error);
    if (error.error != QJsonParseError::NoError)
        return Error::make(ErrorKind::Protocol, QStringLiteral("api.bad-json"),
                           Message(QT_TRANSLATE_NOOP("mcp::Errors", "the engine sent malformed JSON at offset %1: %2"), {error.offset, error.errorString()}));
    return doc;
}

QString encodePath(const QString &segment)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(segment));
}

} // namespace

Error apiError(const http::Response &response)
{
    QString message = QString::fromUtf8(response.body).trimmed();
    const QJsonDocument doc = QJsonDocument::fromJson(response.body);
    if (doc.isObject() && doc.object().contains(QLatin1String("message")))
        message = doc.object().value(QLatin1String("message")).toString();
    if (message.isEmpty())
        return Error::make(ErrorKind::Api, codeForStatus(response.head.status),
                           Message(QT_TRANSLATE_NOOP("mcp::Errors", "HTTP status %1"), {response.head.status}),
                           response.head.status);
    return Error::make(ErrorKind::Api, codeForStatus(response.head.status), message, response.head.status);
}

Error apiError(int status, const QByteArray &body)
{
    http::Response response;
    response.head.status = status;
    response.body = body;
    return apiError(response);
}

int compareApiVersions(const QString &a, const QString &b)
{
    const auto pa = a.split(QLatin1Char('.'));
    const auto pb = b.split(QLatin1Char('.'));
    for (qsizetype i = 0; i < qMax(pa.size(), pb.size()); ++i) {
        const int x = i < pa.size() ? pa[i].toInt() : 0;
        const int y = i < pb.size() ? pb[i].toInt() : 0;
        if (x != y)
            return x < y ? -1 : 1;
    }
    return 0;
}

DockerClient::DockerClient(transport::Connector *connector, QObject *parent)
    : QObject(parent), m_http(connector)
{
}

DockerClient::~DockerClient() = default;

QByteArray DockerClient::target(const QString &path, const ApiQuery &query) const
{
    QByteArray out = "/v" + m_apiVersion.toLatin1() + path.toUtf8();
    if (!query.isEmpty())
        out += '?' + query.encoded();
    return out;
}

QFuture<Result<PingInfo>> DockerClient::ping()
{
    http::Request request;
    request.target = "/_ping";
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    return m_http.request(request, 15000).then(this, [this, timer](Result<http::Response> r) -> Result<PingInfo> {
        if (!r)
            return r.error();
        if (r->head.status != 200)
            return apiError(*r);
        PingInfo info;
        info.roundTripUs = timer->nsecsElapsed() / 1000;
        info.apiVersion = QString::fromLatin1(r->head.header("api-version"));
        info.osType = QString::fromLatin1(r->head.header("ostype"));
        QString negotiated = QString::fromLatin1(kMaxApiVersion);
        if (!info.apiVersion.isEmpty() && compareApiVersions(info.apiVersion, negotiated) < 0)
            negotiated = info.apiVersion;
        if (compareApiVersions(negotiated, QString::fromLatin1(kMinApiVersion)) < 0)
            return Error::make(ErrorKind::Api, QStringLiteral("api.version-too-old"),
                               Message(QT_TRANSLATE_NOOP("mcp::Errors", "the engine speaks API %1; MCP Console needs %2 or newer"), {negotiated, QString::fromLatin1(kMinApiVersion)}));
        m_apiVersion = negotiated;
        info.negotiatedVersion = negotiated;
        return info;
    });
}

QFuture<Result<http::Response>> DockerClient::call(const QByteArray &method, const QString &path,
                                                   const ApiQuery &query, const QByteArray &body, int timeoutMs)
{
    http::Request request;
    request.method = method;
    request.target = target(path, query);
    request.body = body;
    return m_http.request(request, timeoutMs).then(this, [](Result<http::Response> r) -> Result<http::Response> {
        if (r && r->head.status >= 400)
            return apiError(*r);
        return r;
    });
}

QFuture<Result<QJsonDocument>> DockerClient::callJson(const QByteArray &method, const QString &path,
                                                      const ApiQuery &query, const QByteArray &body)
{
    return call(method, path, query, body).then(this, [](Result<http::Response> r) -> Result<QJsonDocument> {
        if (!r)
            return r.error();
        return parseJson(*r);
    });
}

QFuture<Status> DockerClient::callStatus(const QByteArray &method, const QString &path, const ApiQuery &query)
{
    return call(method, path, query, {}, 60000).then(this, [](Result<http::Response> r) -> Status {
        if (!r)
            return r.error();
        return Done{};
    });
}

QFuture<Result<QJsonObject>> DockerClient::version()
{
    return callJson("GET", QStringLiteral("/version")).then(this, [](Result<QJsonDocument> r) -> Result<QJsonObject> {
        if (!r)
            return r.error();
        return r->object();
    });
}

QFuture<Result<QJsonArray>> DockerClient::listContainers(bool all, const QJsonObject &filters)
{
    ApiQuery query;
    if (all)
        query.add(QStringLiteral("all"), QStringLiteral("1"));
    if (!filters.isEmpty())
        query.add(QStringLiteral("filters"), QString::fromUtf8(QJsonDocument(filters).toJson(QJsonDocument::Compact)));
    return callJson("GET", QStringLiteral("/containers/json"), query)
        .then(this, [](Result<QJsonDocument> r) -> Result<QJsonArray> {
            if (!r)
                return r.error();
            return r->array();
        });
}

QFuture<Result<QJsonObject>> DockerClient::inspectContainer(const QString &id)
{
    return callJson("GET", QStringLiteral("/containers/%1/json").arg(encodePath(id)))
        .then(this, [](Result<QJsonDocument> r) -> Result<QJsonObject> {
            if (!r)
                return r.error();
            return r->object();
        });
}

QFuture<Result<QJsonArray>> DockerClient::listNetworks()
{
    return callJson("GET", QStringLiteral("/networks")).then(this, [](Result<QJsonDocument> r) -> Result<QJsonArray> {
        if (!r)
            return r.error();
        return r->array();
    });
}

QFuture<Result<QJsonObject>> DockerClient::inspectNetwork(const QString &id)
{
    return callJson("GET", QStringLiteral("/networks/%1").arg(encodePath(id)))
        .then(this, [](Result<QJsonDocument> r) -> Result<QJsonObject> {
            if (!r)
                return r.error();
            return r->object();
        });
}

QFuture<Result<QString>> DockerClient::createContainer(const QString &name, const QJsonObject &config)
{
    ApiQuery query;
    if (!name.isEmpty())
        query.add(QStringLiteral("name"), name);
    return callJson("POST", QStringLiteral("/containers/create"), query,
                    QJsonDocument(config).toJson(QJsonDocument::Compact))
        .then(this, [](Result<QJsonDocument> r) -> Result<QString> {
            if (!r)
                return r.error();
            return r->object().value(QLatin1String("Id")).toString();
        });
}

QFuture<Status> DockerClient::startContainer(const QString &id)
{
    return callStatus("POST", QStringLiteral("/containers/%1/start").arg(encodePath(id)));
}

QFuture<Status> DockerClient::stopContainer(const QString &id, int timeoutSeconds)
{
    ApiQuery query;
    query.add(QStringLiteral("t"), QString::number(timeoutSeconds));
    return callStatus("POST", QStringLiteral("/containers/%1/stop").arg(encodePath(id)), query);
}

QFuture<Status> DockerClient::restartContainer(const QString &id, int timeoutSeconds)
{
    ApiQuery query;
    query.add(QStringLiteral("t"), QString::number(timeoutSeconds));
    return callStatus("POST", QStringLiteral("/containers/%1/restart").arg(encodePath(id)), query);
}

QFuture<Status> DockerClient::killContainer(const QString &id, const QString &signal)
{
    ApiQuery query;
    query.add(QStringLiteral("signal"), signal);
    return callStatus("POST", QStringLiteral("/containers/%1/kill").arg(encodePath(id)), query);
}

QFuture<Status> DockerClient::removeContainer(const QString &id, bool force)
{
    ApiQuery query;
    if (force)
        query.add(QStringLiteral("force"), QStringLiteral("1"));
    return callStatus("DELETE", QStringLiteral("/containers/%1").arg(encodePath(id)), query);
}

QFuture<Status> DockerClient::putArchive(const QString &id, const QString &path, const QByteArray &tar)
{
    ApiQuery query;
    query.add(QStringLiteral("path"), path);
    http::Request request;
    request.method = "PUT";
    request.target = target(QStringLiteral("/containers/%1/archive").arg(encodePath(id)), query);
    request.headers.append(http::Header{"Content-Type", "application/x-tar"});
    request.body = tar;
    return m_http.request(request, 60000).then(this, [](Result<http::Response> r) -> Status {
        if (!r)
            return r.error();
        if (r->head.status >= 400)
            return apiError(*r);
        return Done{};
    });
}

QFuture<Result<QByteArray>> DockerClient::getArchive(const QString &id, const QString &path)
{
    ApiQuery query;
    query.add(QStringLiteral("path"), path);
    return call("GET", QStringLiteral("/containers/%1/archive").arg(encodePath(id)), query, {}, 60000)
        .then(this, [](Result<http::Response> r) -> Result<QByteArray> {
            if (!r)
                return r.error();
            return r->body;
        });
}

QFuture<Result<ExecResult>> DockerClient::exec(const QString &id, const QStringList &command)
{
    auto run = new ExecRun(this, id, command, this); // deletes itself when done
    return run->start();
}

std::unique_ptr<EventStream> DockerClient::events(qint64 sinceNs, const QJsonObject &filters)
{
    return std::make_unique<EventStream>(this, sinceNs, filters);
}

std::unique_ptr<LogStream> DockerClient::logs(const QString &id, const LogOptions &options)
{
    return std::make_unique<LogStream>(this, id, options);
}

std::unique_ptr<AttachSession> DockerClient::attach(const QString &id, bool tty)
{
    return std::make_unique<AttachSession>(this, id, tty);
}

} // namespace mcp::docker
