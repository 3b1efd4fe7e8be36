#include "deployedspec.h"

#include "pusher.h"

#include "common/tarwriter.h"
#include "common/whenready.h"
#include "docker/dockerclient.h"

#include <QPointer>

#include <QJsonArray>
#include <QJsonObject>

namespace mcp::gateway {

void fetchDeployedSpec(docker::DockerClient *client, const QString &gateway, QObject *context,
                       std::function<void(Result<DeployedSpec>)> done)
{
    const QJsonObject filters{{QStringLiteral("label"), QJsonArray{QString(QStringLiteral("mcp.gateway=") + gateway)}}};
    QPointer<docker::DockerClient> guard(client);
    whenReady(client->listContainers(false, filters), context, [guard, gateway, context, done = std::move(done)](Result<QJsonArray> list) {
        if (!list)
            return done(list.error());
        if (list->isEmpty() || !guard)
            return done(Error::make(ErrorKind::Api, QStringLiteral("push.no-gateway"),
                                    Message(QT_TRANSLATE_NOOP("mcp::Errors", "no running container carries mcp.gateway=%1"), {gateway})));
        DeployedSpec out;
        for (const auto &c : *list)
            out.containerIds << c.toObject().value(QLatin1String("Id")).toString();
        out.driver = list->first().toObject().value(QLatin1String("Labels")).toObject().value(QLatin1String("mcp.gateway.driver")).toString();
        whenReady(guard->getArchive(out.containerIds.first(), stateDirFor(out.driver) + QStringLiteral("/spec.yaml")), context,
                  [out, done](Result<QByteArray> tar) mutable {
                      if (tar) {
                          const auto files = readTar(*tar);
                          if (!files.isEmpty())
                              out.text = files.first().second;
                      }
                      done(out); // a missing file: nothing pushed yet
                  });
    });
}

} // namespace mcp::gateway
