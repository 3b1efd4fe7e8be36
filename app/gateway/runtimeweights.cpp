#include "runtimeweights.h"

#include "weights.h"

#include "common/tarwriter.h"
#include "common/whenready.h"
#include "docker/dockerclient.h"

#include <QJsonArray>
#include <QJsonObject>

namespace mcp::gateway {

RuntimeWeightChange::RuntimeWeightChange(docker::DockerClient *client, QString gatewayName, const GatewaySpec &spec,
                                         RenderedConfig config, const EndpointMap &endpoints, QObject *parent)
    : QObject(parent), m_client(client), m_gateway(std::move(gatewayName)), m_config(std::move(config))
{
    // The same server names and weights the renderer wrote (s<index>_<version>).
    for (const Route &r : spec.routes) {
        const QList<WeightedServer> servers = weightedServers(r, endpoints, 256);
        for (int n = 0; n < servers.size(); ++n) {
            const QString server = QStringLiteral("be_%1/s%2_%3")
                                       .arg(configId(r.name.value))
                                       .arg(n)
                                       .arg(configId(servers[n].endpoint.version.isEmpty() ? QStringLiteral("any") : servers[n].endpoint.version));
            m_commands << QStringLiteral("set weight %1 %2").arg(server).arg(servers[n].weight);
            m_expectedWeights << QStringLiteral("%1 %2").arg(server).arg(servers[n].weight);
        }
    }
}

void RuntimeWeightChange::start()
{
    if (m_config.driver != QLatin1String("haproxy"))
        return fail(Error::make(ErrorKind::Usage, QStringLiteral("runtime.not-haproxy"),
                                Message(QT_TRANSLATE_NOOP("mcp::Errors", "weights change at run time on HAProxy only; push the spec to nginx"))));
    const QJsonObject filters{{QStringLiteral("label"), QJsonArray{QString(QStringLiteral("mcp.gateway=") + m_gateway)}},
                              {QStringLiteral("status"), QJsonArray{QStringLiteral("running")}}};
    whenReady(m_client->listContainers(false, filters), this, [this](Result<QJsonArray> list) {
        if (!list)
            return fail(list.error());
        for (const auto &v : *list) {
            const QJsonObject c = v.toObject();
            m_names << c.value(QLatin1String("Names")).toArray().first().toString().mid(1);
            m_ids << c.value(QLatin1String("Id")).toString();
        }
        if (m_ids.isEmpty())
            return fail(Error::make(ErrorKind::Api, QStringLiteral("push.no-gateway"),
                                    Message(QT_TRANSLATE_NOOP("mcp::Errors", "no running container carries mcp.gateway=%1"), {m_gateway})));
        nextReplica();
    });
}

void RuntimeWeightChange::nextReplica()
{
    ++m_index;
    if (m_index >= m_ids.size()) {
        m_outcome.ok = true;
        m_outcome.replicas = m_names;
        m_outcome.commands = int(m_commands.size());
        Q_EMIT finished(m_outcome);
        return;
    }
    const QString id = m_ids[m_index];
    if (m_expect.isEmpty())
        return applyTo(id);
    // The version check a push makes: the replica still runs what the change was made from.
    whenReady(m_client->getArchive(id, m_config.stateDir + QStringLiteral("/version")), this, [this, id](Result<QByteArray> tar) {
        const auto files = tar ? readTar(*tar) : QList<QPair<QString, QByteArray>>{};
        const QString running = files.isEmpty() ? QString() : QString::fromUtf8(files.first().second).trimmed();
        if (running != m_expect)
            return fail(Error::make(ErrorKind::Api, QStringLiteral("push.conflict"),
                                    Message(QT_TRANSLATE_NOOP("mcp::Errors", "%1 runs version %2, not %3 that this change was made from: read it again"), {m_names[m_index], running.isEmpty() ? QStringLiteral("(unknown)") : running, m_expect})));
        applyTo(id);
    });
}

void RuntimeWeightChange::applyTo(const QString &id)
{
    // One connection per command (the runtime API answers and closes), then read back.
    QString script;
    for (const QString &c : std::as_const(m_commands))
        script += QStringLiteral("echo \"%1\" | nc -w 2 127.0.0.1 9999; ").arg(c);
    for (const QString &e : std::as_const(m_expectedWeights))
        script += QStringLiteral("printf '%1 '; echo \"get weight %2\" | nc -w 2 127.0.0.1 9999; ").arg(e, e.section(QLatin1Char(' '), 0, 0));
    whenReady(m_client->exec(id, {QStringLiteral("sh"), QStringLiteral("-c"), script}), this, [this, id](Result<docker::ExecResult> r) {
        if (!r)
            return fail(r.error());
        const QString output = QString::fromUtf8(r->out + r->err);
        if (output.contains(QLatin1String("No such server")) || output.contains(QLatin1String("No such backend")))
            return fail(Error::make(ErrorKind::Api, QStringLiteral("runtime.structural"),
                                    Message(QT_TRANSLATE_NOOP("mcp::Errors", "%1 runs other servers than the spec names: push the spec instead"), {m_names[m_index]})));
        // "be/s0_v1 90 90 (initial 45)": the current weight follows the expected one.
        for (const QString &e : std::as_const(m_expectedWeights)) {
            const QString weight = e.section(QLatin1Char(' '), 1, 1);
            if (!output.contains(e + QLatin1Char(' ') + weight + QLatin1Char(' ')))
                return fail(Error::make(ErrorKind::Api, QStringLiteral("runtime.verify-failed"),
                                        Message(QT_TRANSLATE_NOOP("mcp::Errors", "%1 did not take the weight %2"), {m_names[m_index], e})));
        }
        // Keep them across a later reload: the files, without reloading.
        whenReady(m_client->putArchive(id, QStringLiteral("/"), renderedTar(m_config)), this, [this](Status put) {
            if (!put)
                return fail(put.error());
            nextReplica();
        });
    });
}

void RuntimeWeightChange::fail(const Error &error)
{
    m_outcome.ok = false;
    m_outcome.error = error;
    m_outcome.replicas = m_names.mid(0, std::max(0, m_index + 1));
    Q_EMIT finished(m_outcome);
}

} // namespace mcp::gateway
