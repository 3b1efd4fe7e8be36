#include "pushplan.h"

#include "discovery.h"
#include "livecheck.h"
#include "specvalidator.h"

#include "common/whenready.h"
#include "docker/dockerclient.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QMetaEnum>

namespace mcp::gateway {

PushPlan planPush(const QByteArray &specText, const QString &file, const topology::Graph *hostGraph,
                  const QHash<QString, QByteArray> &fileContents)
{
    PushPlan plan;
    plan.reading = readSpecText(specText, file);
    plan.reading.spec.file = QFileInfo(file).absoluteFilePath(); // certificates resolve against it
    plan.reading.spec.fileContents = fileContents;
    plan.findings = plan.reading.findings;
    if (!plan.reading.parsed)
        return plan;
    plan.findings << validateSpec(plan.reading.spec);
    if (!hostGraph || hasErrors(plan.findings))
        return plan;
    plan.findings << liveFindings(plan.reading.spec, *hostGraph);
    if (hasErrors(plan.findings))
        return plan;
    plan.endpoints = endpointsFromGraph(*hostGraph, plan.reading.spec.name.value);
    plan.config = renderConfig(plan.reading.spec, specText, plan.endpoints);
    plan.ready = true;
    return plan;
}

QString pushStepName(GatewayPush::Step step)
{
    return QString::fromLatin1(QMetaEnum::fromType<GatewayPush::Step>().valueToKey(int(step))).toLower();
}

QJsonObject pushAuditRecord(const QString &kind, const QString &hostUrl, const QString &gateway, const GatewayPush::Outcome &o, bool dryRun)
{
    QJsonObject record{{QStringLiteral("kind"), o.error.code == QLatin1String("push.conflict") ? QStringLiteral("conflict") : kind},
                       {QStringLiteral("host"), hostUrl},
                       {QStringLiteral("gateway"), gateway},
                       {QStringLiteral("from"), o.previousVersion},
                       {QStringLiteral("to"), o.newVersion},
                       {QStringLiteral("ok"), o.ok},
                       {QStringLiteral("failedStep"), o.ok ? QString() : pushStepName(o.failedStep)},
                       {QStringLiteral("error"), o.error.detail},
                       {QStringLiteral("replicas"), QJsonArray::fromStringList(o.replicas)},
                       {QStringLiteral("diff"), o.diff}};
    if (dryRun)
        record.insert(QStringLiteral("dryRun"), true);
    if (o.rolledBack)
        record.insert(QStringLiteral("rolledBack"), true);
    if (!o.method.isEmpty())
        record.insert(QStringLiteral("method"), o.method); // runtime (HAProxy certificates, no reload) | reload
    return record;
}

void fetchPreviousConfig(docker::DockerClient *client, const QString &gateway, QObject *context,
                         std::function<void(Result<RenderedConfig>)> done)
{
    const QJsonObject filters{{QStringLiteral("label"), QJsonArray{QString(QStringLiteral("mcp.gateway=") + gateway)}}};
    QPointer<docker::DockerClient> guard(client);
    whenReady(client->listContainers(false, filters), context, [guard, gateway, context, done](Result<QJsonArray> list) {
        if (!list)
            return done(list.error());
        if (list->isEmpty() || !guard)
            return done(Error::make(ErrorKind::Api, QStringLiteral("push.no-gateway"),
                                    Message(QT_TRANSLATE_NOOP("mcp::Errors", "no running container carries mcp.gateway=%1"), {gateway})));
        const QJsonObject first = list->first().toObject();
        const QString driver = first.value(QLatin1String("Labels")).toObject().value(QLatin1String("mcp.gateway.driver")).toString();
        whenReady(guard->getArchive(first.value(QLatin1String("Id")).toString(), stateDirFor(driver) + QStringLiteral("/previous.tar")),
                  context, [driver, done](Result<QByteArray> tar) {
                      if (!tar)
                          return done(Error::make(ErrorKind::Api, QStringLiteral("push.no-previous"),
                                                  Message(QT_TRANSLATE_NOOP("mcp::Errors", "the gateway keeps no previous config (it was never pushed to twice)"))));
                      done(previousConfig(driver, *tar));
                  });
    });
}

} // namespace mcp::gateway
