#pragma once

#include "rolloutjudge.h"
#include "telemetrystore.h"

#include "common/error.h"
#include "gateway/spec.h"
#include "topology/graph.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>

namespace mcp::docker {
class DockerClient;
}

namespace mcp::telemetry {

// Watches the canaries of one host's gateways: every few seconds, each route whose spec has
// a `rollout:` policy and whose canary gets traffic (weight > 0) is judged on the figures
// since its split last changed (at most the policy's window). On a breach the canary goes
// to 0 and its weight to the stable version, through WeightApply (checks, runtime API or
// reload, an audit record of kind auto-rollback with the figures that tripped it), once:
// a route is not judged again until its split changes.
class RolloutGuard final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RolloutGuard)
public:
    struct RouteState
    {
        QString gateway, route, stable, canary;
        int canaryWeight = 0;
        RolloutVerdict verdict;  // the last judgement
        Figures canaryFigures, stableFigures;
        bool rollingBack = false;
    };

    RolloutGuard(docker::DockerClient *client, const TelemetryStore *store, QString hostUrl, std::function<topology::Graph()> hostGraph,
                 QObject *parent = nullptr);

    // The spec a gateway runs (from DeployedRoutes or after a push); routes whose split
    // differs from what was seen before are judged from now on.
    void setSpec(const QString &gateway, const gateway::GatewaySpec &spec);
    void setInterval(int ms) { m_timer.setInterval(ms); }
    void start() { m_timer.start(); }
    void stop() { m_timer.stop(); }
    void evaluateNow();

    QList<RouteState> routes() const;
    int judgements() const { return m_judgements; } // with enough data

Q_SIGNALS:
    void judged(const QString &gateway, const QString &route);
    // reason: in the interface language (RolloutVerdict::localReason); the audit record and
    // `figures` keep it in English.
    void rolledBack(const QString &gateway, const QString &route, const QString &reason, const QJsonObject &figures);
    void rollbackFailed(const QString &gateway, const QString &route, const QString &reason, const mcp::Error &error);

private:
    struct Watched
    {
        gateway::Rollout policy;
        RouteState state;
        QString split;     // "v1=90,v2=10": a change restarts the judging
        qint64 sinceMs = 0;
        int stableWeight = 0;
    };
    void rollBack(Watched &w);

    QPointer<docker::DockerClient> m_client;
    const TelemetryStore *m_store;
    QString m_hostUrl;
    std::function<topology::Graph()> m_hostGraph;
    QHash<QString, Watched> m_watched; // "gateway/route"
    QTimer m_timer;
    int m_judgements = 0;
};

} // namespace mcp::telemetry
