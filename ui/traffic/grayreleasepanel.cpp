#include "grayreleasepanel.h"

#include "trafficchart.h"

#include "gateway/specvalidator.h"
#include "gateway/weightapply.h"
#include "gateway/weightedit.h"
#include "gateway/deployedroutes.h"
#include "hosts/hostconnection.h"
#include "hosts/hostfleet.h"
#include "hosts/hostregistry.h"
#include "telemetry/hosttraffic.h"

#include <QComboBox>
#include <QDateTime>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSlider>
#include <QVBoxLayout>

namespace mcp::ui {

namespace {

QString splitText(const QList<std::pair<QString, int>> &split)
{
    QStringList parts;
    for (const auto &[k, w] : split)
        parts << QStringLiteral("%1 %2%").arg(k).arg(w);
    return parts.join(QStringLiteral(" · "));
}

} // namespace

GrayReleasePanel::GrayReleasePanel(hosts::HostRegistry *registry, hosts::HostFleet *fleet,
                                   std::function<topology::Graph(const QString &)> hostGraph, QWidget *parent)
    : QWidget(parent), m_registry(registry), m_fleet(fleet), m_hostGraph(std::move(hostGraph))
{
    auto *layout = new QVBoxLayout(this);
    m_routes = new QComboBox(this);
    m_routes->setObjectName(QStringLiteral("routePicker"));
    m_routes->setToolTip(tr("A route of a running gateway with two or more backends"));
    layout->addWidget(m_routes);

    m_alert = new QLabel(this);
    m_alert->setObjectName(QStringLiteral("rollbackAlert"));
    m_alert->setWordWrap(true);
    m_alert->setStyleSheet(QStringLiteral("QLabel { background: #fbe3d6; border: 2px solid #d55e00; border-radius: 4px; padding: 6px; color: #5a2000; }"));
    m_alert->hide();
    layout->addWidget(m_alert);

    m_sliderArea = new QWidget(this);
    m_grid = new QGridLayout(m_sliderArea);
    m_grid->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_sliderArea);

    auto *steps = new QHBoxLayout;
    steps->addWidget(new QLabel(tr("Canary to:"), this));
    for (const int step : {1, 5, 10, 25, 50, 100}) {
        auto *b = new QPushButton(QStringLiteral("%1%").arg(step), this);
        b->setObjectName(QStringLiteral("step%1").arg(step));
        b->setToolTip(tr("Send %1% of the route's traffic to the canary").arg(step));
        b->setMaximumWidth(52);
        connect(b, &QPushButton::clicked, this, [this, step] { setCanaryTo(step); });
        steps->addWidget(b);
    }
    steps->addStretch();
    layout->addLayout(steps);

    auto *actions = new QHBoxLayout;
    m_promote = new QPushButton(tr("Promote canary (100%)"), this);
    m_promote->setObjectName(QStringLiteral("promote"));
    m_abort = new QPushButton(tr("Abort (canary to 0)"), this);
    m_abort->setObjectName(QStringLiteral("abort"));
    connect(m_promote, &QPushButton::clicked, this, &GrayReleasePanel::promote);
    connect(m_abort, &QPushButton::clicked, this, &GrayReleasePanel::abort);
    actions->addWidget(m_promote);
    actions->addWidget(m_abort);
    actions->addStretch();
    layout->addLayout(actions);

    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("applyState"));
    m_state->setWordWrap(true);
    layout->addWidget(m_state);
    m_verdict = new QLabel(this);
    m_verdict->setObjectName(QStringLiteral("verdict"));
    m_verdict->setWordWrap(true);
    layout->addWidget(m_verdict);

    m_chart = new TrafficChart(this);
    layout->addWidget(m_chart, 1);

    m_coalescer = new gateway::WeightCoalescer(
        [this](const QMap<QString, int> &w, std::function<void(bool, const QMap<QString, int> &)> done) { apply(w, std::move(done)); }, 1000,
        this);
    connect(m_coalescer, &gateway::WeightCoalescer::changeStarted, this, [this](const QMap<QString, int> &w) {
        QStringList parts;
        for (auto it = w.cbegin(); it != w.cend(); ++it)
            parts << QStringLiteral("%1 %2%").arg(it.key()).arg(it.value());
        m_state->setText(tr("Applying %1…").arg(parts.join(QStringLiteral(" · "))));
    });
    connect(m_coalescer, &gateway::WeightCoalescer::appliedChanged, this, [this](const QMap<QString, int> &w) {
        m_applied = w;
        showSplit();
    });
    connect(m_routes, &QComboBox::currentIndexChanged, this, [this] {
        const QStringList parts = m_routes->currentData().toString().split(QLatin1Char('/'));
        if (parts.size() == 3)
            selectRoute(parts[0], parts[1], parts[2]);
    });
    refreshRoutes();
}

void GrayReleasePanel::watch(telemetry::HostTraffic *traffic)
{
    for (const auto &w : std::as_const(m_watched))
        if (w == traffic)
            return;
    m_watched << traffic;
    connect(traffic, &telemetry::HostTraffic::specsChanged, this, &GrayReleasePanel::refreshRoutes);
    connect(traffic, &telemetry::HostTraffic::updated, this, &GrayReleasePanel::refreshFigures);
    connect(traffic->guard(), &telemetry::RolloutGuard::judged, this, &GrayReleasePanel::refreshFigures);
    const QString host = traffic->hostName();
    connect(traffic->guard(), &telemetry::RolloutGuard::rolledBack, this,
            [this, host](const QString &gw, const QString &route, const QString &reason, const QJsonObject &figures) {
                const QJsonObject canary = figures.value(QLatin1String("canaryFigures")).toObject();
                const QString text = tr("Automatic rollback on %1: %2/%3 sent canary %4 back to 0% (%5; %6 requests in the window). "
                                        "The audit log has the figures.")
                                         .arg(host, gw, route, figures.value(QLatin1String("canary")).toString(), reason)
                                         .arg(canary.value(QLatin1String("requests")).toInteger());
                m_alert->setText(text);
                m_alert->show();
                if (auto *routes = m_fleet->deployedRoutes(host))
                    routes->refreshNow();
                Q_EMIT rolledBackAlert(text);
            });
}

void GrayReleasePanel::refreshRoutes()
{
    const QString current = currentRoute();
    QSignalBlocker block(m_routes);
    m_routes->clear();
    for (const hosts::HostConfig &config : m_registry->hosts()) {
        telemetry::HostTraffic *traffic = m_fleet->traffic(config.name);
        if (!traffic)
            continue;
        watch(traffic);
        QStringList gateways = traffic->gateways();
        gateways.sort();
        for (const QString &gw : gateways)
            for (const gateway::Route &r : traffic->spec(gw).routes)
                if (r.backends.size() >= 2)
                    m_routes->addItem(QStringLiteral("%1 · %2 / %3").arg(config.name, gw, r.name.value),
                                      QStringLiteral("%1/%2/%3").arg(config.name, gw, r.name.value));
    }
    if (m_routes->count() == 0) {
        m_routes->addItem(tr("No route with two or more versions runs on a connected gateway"));
        m_sliderArea->setEnabled(false);
        return;
    }
    const int index = std::max(0, m_routes->findData(current));
    m_routes->setCurrentIndex(index);
    const QStringList parts = m_routes->itemData(index).toString().split(QLatin1Char('/'));
    if (parts.size() == 3)
        selectRoute(parts[0], parts[1], parts[2]); // a new route, or new weights of the same one
}

QString GrayReleasePanel::currentRoute() const
{
    return m_host.isEmpty() ? QString() : QStringLiteral("%1/%2/%3").arg(m_host, m_gateway, m_route);
}

QSlider *GrayReleasePanel::slider(const QString &version) const
{
    return m_sliders.value(version);
}

bool GrayReleasePanel::selectRoute(const QString &host, const QString &gatewayName, const QString &routeName)
{
    telemetry::HostTraffic *traffic = m_fleet->traffic(host);
    if (!traffic)
        return false;
    const gateway::GatewaySpec spec = traffic->spec(gatewayName);
    const gateway::Route *route = nullptr;
    for (const gateway::Route &r : spec.routes)
        if (r.name.value == routeName)
            route = &r;
    if (!route)
        return false;
    const bool same = host == m_host && gatewayName == m_gateway && routeName == m_route;
    m_host = host;
    m_gateway = gatewayName;
    m_route = routeName;
    const QList<std::pair<QString, int>> running = gateway::routeWeights(*route);
    m_applied.clear();
    for (const auto &[k, w] : running)
        m_applied.insert(k, w);
    m_stable = route->rollout ? route->rollout->stable.value : running.first().first;
    m_canary = route->rollout ? route->rollout->canary.value : running.last().first;
    m_coalescer->setApplied(m_applied);
    // Mid-change the operator's desired split stays; otherwise it follows what runs.
    if (!same || (!m_coalescer->busy() && m_coalescer->desired() == m_applied))
        m_desired = running;
    {
        QSignalBlocker block(m_routes);
        m_routes->setCurrentIndex(std::max(0, m_routes->findData(currentRoute())));
    }
    if (!same || m_sliders.size() != running.size())
        buildSliders();
    showSplit();
    m_promote->setText(tr("Promote %1 (100%)").arg(m_canary));
    m_abort->setText(tr("Abort: %1 to 0").arg(m_canary));
    refreshFigures();
    m_sliderArea->setEnabled(true);
    return true;
}

void GrayReleasePanel::buildSliders()
{
    qDeleteAll(m_sliders);
    qDeleteAll(m_desiredLabels);
    qDeleteAll(m_appliedLabels);
    while (QLayoutItem *item = m_grid->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_sliders.clear();
    m_desiredLabels.clear();
    m_appliedLabels.clear();
    int row = 0;
    for (const auto &[version, weight] : m_desired) {
        const QString role = version == m_canary ? tr("canary") : version == m_stable ? tr("stable") : QString();
        auto *name = new QLabel(role.isEmpty() ? version : QStringLiteral("<b>%1</b> <small>%2</small>").arg(version, role), m_sliderArea);
        auto *slider = new QSlider(Qt::Horizontal, m_sliderArea);
        slider->setObjectName(QStringLiteral("weight_") + version);
        slider->setRange(0, 100);
        slider->setSingleStep(1);
        slider->setPageStep(10);
        slider->setValue(weight);
        slider->setTickPosition(QSlider::TicksBelow);
        slider->setTickInterval(10);
        slider->setFocusPolicy(Qt::StrongFocus);
        slider->setToolTip(tr("Drag, or use the arrow keys (1%) and Page Up/Down (10%); the others share the rest"));
        auto *desired = new QLabel(m_sliderArea);
        auto *applied = new QLabel(m_sliderArea);
        desired->setMinimumWidth(90);
        applied->setMinimumWidth(90);
        m_grid->addWidget(name, row, 0);
        m_grid->addWidget(slider, row, 1);
        m_grid->addWidget(desired, row, 2);
        m_grid->addWidget(applied, row, 3);
        m_sliders.insert(version, slider);
        m_desiredLabels.insert(version, desired);
        m_appliedLabels.insert(version, applied);
        const QString key = version;
        connect(slider, &QSlider::valueChanged, this, [this, key, slider](int value) { onSlider(key, value, !slider->isSliderDown()); });
        connect(slider, &QSlider::sliderReleased, this, [this, key, slider] { onSlider(key, slider->value(), true); });
        ++row;
    }
    m_grid->setColumnStretch(1, 1);
}

void GrayReleasePanel::onSlider(const QString &version, int value, bool released)
{
    m_desired = gateway::rebalance(m_desired, version, value);
    m_nextKind = QStringLiteral("weights");
    showSplit();
    m_coalescer->setDesired(desiredMap(), released);
}

void GrayReleasePanel::setCanaryTo(int percent, const QString &kind)
{
    if (m_canary.isEmpty())
        return;
    m_desired = gateway::rebalance(m_desired, m_canary, percent);
    // Promote and abort move everything else to the stable version.
    if (percent == 0 || percent == 100)
        for (auto &[k, w] : m_desired)
            w = k == m_canary ? percent : k == m_stable ? 100 - percent : 0;
    m_nextKind = kind;
    showSplit();
    m_coalescer->setDesired(desiredMap(), true);
}

void GrayReleasePanel::promote()
{
    setCanaryTo(100, QStringLiteral("promote"));
}

void GrayReleasePanel::abort()
{
    setCanaryTo(0, QStringLiteral("abort"));
}

QMap<QString, int> GrayReleasePanel::desiredMap() const
{
    QMap<QString, int> out;
    for (const auto &[k, w] : m_desired)
        out.insert(k, w);
    return out;
}

void GrayReleasePanel::showSplit()
{
    for (const auto &[version, weight] : m_desired) {
        if (QSlider *s = m_sliders.value(version); s && s->value() != weight) {
            QSignalBlocker block(s);
            s->setValue(weight);
        }
        if (QLabel *l = m_desiredLabels.value(version))
            l->setText(tr("desired %1%").arg(weight));
        if (QLabel *l = m_appliedLabels.value(version)) {
            const int applied = m_applied.value(version);
            l->setText(tr("applied %1%").arg(applied));
            l->setStyleSheet(applied == weight ? QString() : QStringLiteral("color: #d55e00; font-weight: bold"));
        }
    }
    if (!m_coalescer->busy())
        m_state->setText(desiredMap() == m_applied ? tr("The gateway runs %1.").arg(splitText(m_desired))
                                                   : tr("Waiting to apply %1 (at most one change a second)…").arg(splitText(m_desired)));
    QList<TrafficChart::Line> lines;
    for (const auto &[k, w] : m_desired) {
        const QString role = k == m_canary ? tr("canary") : k == m_stable ? tr("stable") : QString();
        lines << TrafficChart::Line{role.isEmpty() ? QStringLiteral("%1 · %2%").arg(k).arg(m_applied.value(k))
                                                   : QStringLiteral("%1 · %2 · %3%").arg(k, role).arg(m_applied.value(k)),
                                    telemetry::EdgeKey{m_gateway, m_route, QString(), k, QString()}};
    }
    m_chart->setLines(lines);
}

void GrayReleasePanel::refreshFigures()
{
    telemetry::HostTraffic *traffic = m_fleet->traffic(m_host);
    if (!traffic)
        return;
    m_chart->refresh(traffic->store(), QDateTime::currentMSecsSinceEpoch());
    QString verdict = tr("No rollout policy on this route: nothing is judged automatically.");
    for (const auto &r : traffic->guard()->routes()) {
        if (r.gateway != m_gateway || r.route != m_route)
            continue;
        if (r.canaryWeight == 0)
            verdict = tr("Rollout guard: canary %1 gets no traffic.").arg(r.canary);
        else if (!r.verdict.enoughData)
            verdict = tr("Rollout guard: waiting for enough canary requests (%1 so far).").arg(r.canaryFigures.requests);
        else if (r.verdict.breached)
            verdict = tr("Rollout guard: canary %1 breached the policy: %2").arg(r.canary, r.verdict.localReason);
        else
            verdict = tr("Rollout guard: canary %1 within the policy (%2 requests, %3% 5xx, p99 %4 ms; stable p99 %5 ms).")
                          .arg(r.canary)
                          .arg(r.canaryFigures.requests)
                          .arg(r.canaryFigures.errorRate * 100, 0, 'f', 1)
                          .arg(r.canaryFigures.p99Ms, 0, 'f', 0)
                          .arg(r.stableFigures.p99Ms, 0, 'f', 0);
    }
    m_verdict->setText(verdict);
}

void GrayReleasePanel::apply(const QMap<QString, int> &weights, std::function<void(bool, const QMap<QString, int> &)> done)
{
    hosts::HostConnection *connection = m_fleet->connection(m_host);
    if (!connection) {
        m_state->setText(tr("%1 is not connected: nothing was changed.").arg(m_host));
        return done(false, {});
    }
    gateway::WeightApply::Request request;
    request.hostUrl = connection->endpoint().url();
    request.gateway = m_gateway;
    request.route = m_route;
    request.weights = weights;
    request.kind = m_nextKind;
    auto *change = new gateway::WeightApply(connection->client(), m_hostGraph(m_host), request, this);
    const QString host = m_host;
    connect(change, &gateway::WeightApply::finished, this, [this, change, done, host](const gateway::WeightApply::Outcome &o) {
        change->deleteLater();
        if (o.ok)
            m_state->setText(o.method == QLatin1String("runtime") ? tr("Applied through the HAProxy runtime API (no reload).")
                                                                   : o.method == QLatin1String("reload") ? tr("Applied with a graceful reload.")
                                                                                                         : tr("The gateway already ran this split."));
        else {
            QStringList parts;
            for (auto it = o.from.cbegin(); it != o.from.cend(); ++it)
                parts << QStringLiteral("%1 %2%").arg(it.key()).arg(it.value());
            m_state->setText(tr("Not applied: %1. The gateway keeps %2.").arg(o.error.text(), parts.join(QStringLiteral(" · "))));
        }
        if (auto *routes = m_fleet->deployedRoutes(host))
            routes->refreshNow();
        done(o.ok, o.to);
    });
    change->start();
}

} // namespace mcp::ui
