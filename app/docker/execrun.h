#pragma once

#include "dockertypes.h"
#include "common/result.h"
#include "multiplexdecoder.h"

#include <QFuture>
#include <QObject>
#include <QPromise>
#include <QStringList>

#include <memory>

namespace mcp::http {
class HttpConnection;
}

namespace mcp::docker {

class DockerClient;

// One `docker exec`: create, start on its own hijacked connection while collecting the
// multiplexed output, then read the exit code. Deletes itself when the result is set.
class ExecRun final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExecRun)
public:
    ExecRun(DockerClient *client, QString containerId, QStringList command, QObject *parent);
    ~ExecRun() override;
    QFuture<Result<ExecResult>> start();

private:
    void startStream(const QString &execId);
    void readExitCode(const QString &execId, int attempt);
    void finish(Result<ExecResult> result);

    DockerClient *m_client;
    QString m_containerId;
    QStringList m_command;
    QPromise<Result<ExecResult>> m_promise;
    std::unique_ptr<http::HttpConnection> m_connection;
    MultiplexDecoder m_decoder;
    ExecResult m_result;
    int m_status = 0;
    QByteArray m_errorBody;
    bool m_done = false;
};

} // namespace mcp::docker
