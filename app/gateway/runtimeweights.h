#pragma once

#include "render.h"

#include "common/error.h"

#include <QObject>
#include <QPointer>

namespace mcp::docker {
class DockerClient;
}

namespace mcp::gateway {

// A weight-only change to a HAProxy gateway without a reload: for every replica, each
// server's new weight goes through the runtime API (`set weight be_ROUTE/SERVER N`, on the
// admin socket the renderer binds to 127.0.0.1:9999 inside the container), is read back
// (`get weight`), and the new files are written so a later reload keeps the weights.
// A server the running process does not know (the change is structural) fails the change
// with runtime.structural: push the spec instead.
class RuntimeWeightChange final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RuntimeWeightChange)
public:
    struct Outcome
    {
        bool ok = false;
        Error error;
        QStringList replicas;
        int commands = 0; // set weight commands sent per replica
    };

    RuntimeWeightChange(docker::DockerClient *client, QString gatewayName, const GatewaySpec &spec, RenderedConfig config,
                        const EndpointMap &endpoints, QObject *parent = nullptr);
    // Refuse (push.conflict) on a replica that runs another config version than this one
    // (empty: no check).
    void setExpectedVersion(const QString &version) { m_expect = version; }
    void start();
    const Outcome &outcome() const { return m_outcome; }

Q_SIGNALS:
    void finished(const mcp::gateway::RuntimeWeightChange::Outcome &outcome);

private:
    void nextReplica();
    void applyTo(const QString &id);
    void fail(const Error &error);

    QPointer<docker::DockerClient> m_client;
    QString m_gateway;
    RenderedConfig m_config;
    QStringList m_commands;       // "set weight be_x/s0_v1 90"
    QStringList m_expectedWeights; // "be_x/s0_v1 90" for the read-back
    QStringList m_ids, m_names;
    QString m_expect;
    int m_index = -1;
    Outcome m_outcome;
};

} // namespace mcp::gateway
