#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QObject>
#include <QStringList>

#include <functional>

namespace mcp::docker {
class DockerClient;
}

namespace mcp::gateway {

// What a gateway runs, read from its first running container (label mcp.gateway=NAME): the
// spec text the last push left there, its driver label and every running replica.
struct DeployedSpec
{
    QByteArray text; // empty: no push reached this gateway yet
    QString driver;
    QStringList containerIds;
};

// `done` runs on the context's thread, not at all when the context is gone first. An error
// only when the engine cannot be asked or no container carries the label.
void fetchDeployedSpec(docker::DockerClient *client, const QString &gateway, QObject *context,
                       std::function<void(Result<DeployedSpec>)> done);

} // namespace mcp::gateway
