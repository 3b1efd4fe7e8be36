#pragma once

#include "common/result.h"
#include "dockertypes.h"
#include "http/httpclient.h"

#include <QFuture>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>
#include "apiquery.h"

#include <memory>

namespace mcp::docker {

class EventStream;
class LogStream;
class AttachSession;

struct LogOptions
{
    bool follow = true;
    bool timestamps = true;
    bool tty = false;      // the container's Config.Tty: decides whether frames are multiplexed
    qint64 sinceNs = 0;    // resume point (nanoseconds since the epoch); 0: from the start
    int tail = -1;         // -1: all
};

// The Docker Engine API over any transport: the client speaks HTTP through an HttpClient
// and never knows whether the bytes cross a unix socket, TLS or an SSH channel.
//
// ping() negotiates the API version (the lower of ours and the engine's); calls made before
// that use kMaxApiVersion. HTTP error statuses become ErrorKind::Api errors carrying the
// engine's message; the stable code names the status ("api.not-found", "api.conflict").
class DockerClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DockerClient)
public:
    // The connector must outlive the client.
    explicit DockerClient(transport::Connector *connector, QObject *parent = nullptr);
    ~DockerClient() override;

    QFuture<Result<PingInfo>> ping();
    QString apiVersion() const { return m_apiVersion; }

    QFuture<Result<QJsonObject>> version();
    // Never with size=true: that walks every container's filesystem.
    QFuture<Result<QJsonArray>> listContainers(bool all = true, const QJsonObject &filters = {});
    QFuture<Result<QJsonObject>> inspectContainer(const QString &id);
    QFuture<Result<QJsonArray>> listNetworks();
    QFuture<Result<QJsonObject>> inspectNetwork(const QString &id);

    // Container life cycle (tests, demo stack, context actions).
    QFuture<Result<QString>> createContainer(const QString &name, const QJsonObject &config);
    QFuture<Status> startContainer(const QString &id);
    QFuture<Status> stopContainer(const QString &id, int timeoutSeconds = 5);
    QFuture<Status> restartContainer(const QString &id, int timeoutSeconds = 5);
    QFuture<Status> killContainer(const QString &id, const QString &signal = QStringLiteral("KILL"));
    QFuture<Status> removeContainer(const QString &id, bool force = true);

    // Runs a command in a running container and collects its output and exit code.
    QFuture<Result<ExecResult>> exec(const QString &id, const QStringList &command);
    // Writes a tar archive into the container at `path` (a directory that exists).
    QFuture<Status> putArchive(const QString &id, const QString &path, const QByteArray &tar);
    // A tar archive of `path` in the container.
    QFuture<Result<QByteArray>> getArchive(const QString &id, const QString &path);

    // Streams: each on its own connection, owned by the caller. Unopened: call start().
    std::unique_ptr<EventStream> events(qint64 sinceNs = 0, const QJsonObject &filters = {});
    std::unique_ptr<LogStream> logs(const QString &id, const LogOptions &options);
    std::unique_ptr<AttachSession> attach(const QString &id, bool tty);

    // Low level: a versioned request, status >= 400 mapped to an Api error.
    QFuture<Result<http::Response>> call(const QByteArray &method, const QString &path,
                                         const ApiQuery &query = {}, const QByteArray &body = {},
                                         int timeoutMs = 30000);
    // The versioned request target for streams.
    QByteArray target(const QString &path, const ApiQuery &query = {}) const;

    http::HttpClient &http() { return m_http; }

private:
    QFuture<Result<QJsonDocument>> callJson(const QByteArray &method, const QString &path,
                                            const ApiQuery &query = {}, const QByteArray &body = {});
    QFuture<Status> callStatus(const QByteArray &method, const QString &path, const ApiQuery &query = {});

    http::HttpClient m_http;
    QString m_apiVersion = QString::fromLatin1(kMaxApiVersion);
};

// The engine's error for a status, with its message ("No such container: x").
Error apiError(const http::Response &response);
// The same for a stream whose error body was collected separately.
Error apiError(int status, const QByteArray &body);
// 1.41 < 1.43 and so on.
int compareApiVersions(const QString &a, const QString &b);

} // namespace mcp::docker
