#include "rolloutguard.h"

#include "docker/dockerclient.h"
#include "gateway/specvalidator.h"
#include "gateway/weightapply.h"
#include "gateway/weightedit.h"

#include <QDateTime>

namespace mcp::telemetry {

RolloutGuard::RolloutGuard(docker::DockerClient *client, const TelemetryStore *store, QString hostUrl,
                           std::function<topology::Graph()> hostGraph, QObject *parent)
    : QObject(parent), m_client(client), m_store(store), m_hostUrl(std::move(hostUrl)), m_hostGraph(std::move(hostGraph))
{
    m_timer.setInterval(2000);
    connect(&m_timer, &QTimer::timeout, this, &RolloutGuard::evaluateNow);
}

void RolloutGuard::setSpec(const QString &gatewayName, const gateway::GatewaySpec &spec)
{
    QSet<QString> seen;
    for (const gateway::Route &r : spec.routes) {
        if (!r.rollout)
            continue;
        const QString key = gatewayName + QLatin1Char('/') + r.name.value;
        seen.insert(key);
        QStringList split;
        int canaryWeight = 0, stableWeight = 0;
        for (const auto &[version, weight] : gateway::routeWeights(r)) {
            split << QStringLiteral("%1=%2").arg(version).arg(weight);
            if (version == r.rollout->canary.value)
                canaryWeight = weight;
            if (version == r.rollout->stable.value)
                stableWeight = weight;
        }
        const bool known = m_watched.contains(key);
        Watched &w = m_watched[key];
        w.policy = *r.rollout;
        w.state.gateway = gatewayName;
        w.state.route = r.name.value;
        w.state.stable = r.rollout->stable.value;
        w.state.canary = r.rollout->canary.value;
        w.state.canaryWeight = canaryWeight;
        w.stableWeight = stableWeight;
        const QString joined = split.join(QLatin1Char(','));
        if (!known) {
            w.sinceMs = 0; // first sight: the logs' whole window counts
        } else if (joined != w.split) {
            w.sinceMs = QDateTime::currentMSecsSinceEpoch();
            w.state.verdict = {};
        }
        w.split = joined;
    }
    for (auto it = m_watched.begin(); it != m_watched.end();) {
        if (it->state.gateway == gatewayName && !seen.contains(it.key()))
            it = m_watched.erase(it);
        else
            ++it;
    }
}

void RolloutGuard::evaluateNow()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (Watched &w : m_watched) {
        if (w.state.canaryWeight <= 0 || w.state.rollingBack)
            continue;
        qint64 windowMs = w.policy.windowMs.value;
        if (w.sinceMs > 0)
            windowMs = std::min(windowMs, now - w.sinceMs);
        const int seconds = int(std::max<qint64>(1, (windowMs + 999) / 1000));
        EdgeKey canary{w.state.gateway, w.state.route, QString(), w.state.canary, QString()};
        EdgeKey stable{w.state.gateway, w.state.route, QString(), w.state.stable, QString()};
        w.state.canaryFigures = m_store->figures(canary, seconds, now);
        w.state.stableFigures = m_store->figures(stable, seconds, now);
        w.state.verdict = judgeRollout(w.policy, w.state.canaryFigures, w.state.stableFigures);
        if (!w.state.verdict.enoughData)
            continue;
        ++m_judgements;
        Q_EMIT judged(w.state.gateway, w.state.route);
        if (w.state.verdict.breached)
            rollBack(w);
    }
}

void RolloutGuard::rollBack(Watched &w)
{
    if (!m_client)
        return;
    w.state.rollingBack = true;
    gateway::WeightApply::Request request;
    request.hostUrl = m_hostUrl;
    request.gateway = w.state.gateway;
    request.route = w.state.route;
    request.kind = QStringLiteral("auto-rollback");
    request.weights = {{w.state.canary, 0}, {w.state.stable, w.stableWeight + w.state.canaryWeight}};
    const QJsonObject figures{{QStringLiteral("reason"), w.state.verdict.reason},
                              {QStringLiteral("canary"), w.state.canary},
                              {QStringLiteral("stable"), w.state.stable},
                              {QStringLiteral("canaryFigures"), figuresJson(w.state.canaryFigures)},
                              {QStringLiteral("stableFigures"), figuresJson(w.state.stableFigures)}};
    request.details = figures;
    const QString key = w.state.gateway + QLatin1Char('/') + w.state.route;
    const QString reason = w.state.verdict.localReason; // for the signals, which views show
    auto *apply = new gateway::WeightApply(m_client, m_hostGraph ? m_hostGraph() : topology::Graph{}, request, this);
    connect(apply, &gateway::WeightApply::finished, this, [this, apply, key, reason, figures](const gateway::WeightApply::Outcome &o) {
        apply->deleteLater();
        const auto it = m_watched.find(key);
        if (it == m_watched.end())
            return;
        it->state.rollingBack = false;
        if (o.ok) {
            // Judged again only once the split changes (the operator raises the canary).
            it->state.canaryWeight = 0;
            it->stableWeight = o.to.value(it->state.stable, it->stableWeight);
            QStringList split;
            for (auto w = o.to.cbegin(); w != o.to.cend(); ++w)
                split << QStringLiteral("%1=%2").arg(w.key()).arg(w.value());
            it->split = split.join(QLatin1Char(','));
            Q_EMIT rolledBack(it->state.gateway, it->state.route, reason, figures);
        } else {
            Q_EMIT rollbackFailed(it->state.gateway, it->state.route, reason, o.error);
        }
    });
    apply->start();
}

QList<RolloutGuard::RouteState> RolloutGuard::routes() const
{
    QList<RouteState> out;
    for (const Watched &w : m_watched)
        out << w.state;
    std::sort(out.begin(), out.end(), [](const RouteState &a, const RouteState &b) {
        return std::tie(a.gateway, a.route) < std::tie(b.gateway, b.route);
    });
    return out;
}

} // namespace mcp::telemetry
