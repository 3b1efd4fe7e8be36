#include "hosttraffic.h"

#include "gatewaytraffic.h"

#include "gateway/deployedroutes.h"
#include "gateway/discovery.h"
#include "gateway/specreader.h"
#include "hosts/hostconnection.h"

#include <QDateTime>

namespace mcp::telemetry {

HostTraffic::HostTraffic(hosts::HostConnection *host, gateway::DeployedRoutes *routes, QObject *parent)
    : QObject(parent), m_host(host), m_routes(routes)
{
    m_guard = std::make_unique<RolloutGuard>(host->client(), &m_store, host->endpoint().url(), [this] {
        return m_graph ? m_graph() : topology::Graph{};
    });
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, [this] {
        if (++m_ticks % 5 == 0)
            refreshEndpoints(); // instances come and go between spec changes
        if (m_ticks % 60 == 0)
            m_store.prune(QDateTime::currentMSecsSinceEpoch());
        if (m_dirty) {
            m_dirty = false;
            Q_EMIT updated();
        }
    });
}

HostTraffic::~HostTraffic()
{
    for (auto &f : m_followers)
        f->stop();
}

QString HostTraffic::hostName() const
{
    return m_host ? m_host->name() : QString();
}

void HostTraffic::start()
{
    if (m_routes)
        connect(m_routes, &gateway::DeployedRoutes::changed, this, &HostTraffic::sync);
    m_tick.start();
    m_guard->start();
    sync();
}

void HostTraffic::sync()
{
    if (!m_routes || !m_host)
        return;
    const QStringList gateways = m_routes->gatewaysWithSpec();
    bool changed = false;
    // Gone gateways stop being followed.
    for (auto it = m_followers.begin(); it != m_followers.end();) {
        if (!gateways.contains((*it)->gateway())) {
            (*it)->stop();
            m_specs.remove((*it)->gateway());
            m_specTexts.remove((*it)->gateway());
            it = m_followers.erase(it);
            changed = true;
        } else {
            ++it;
        }
    }
    const topology::Graph graph = m_graph ? m_graph() : topology::Graph{};
    for (const QString &name : gateways) {
        const QByteArray text = m_routes->deployedSpec(name);
        if (m_specTexts.value(name) == text)
            continue;
        const gateway::SpecReading reading = gateway::readSpecText(text, name + QStringLiteral(" (deployed)"));
        if (!reading.parsed)
            continue;
        m_specTexts.insert(name, text);
        m_specs.insert(name, reading.spec);
        changed = true;
        m_guard->setSpec(name, reading.spec);
        GatewayTraffic *follower = nullptr;
        for (auto &f : m_followers)
            if (f->gateway() == name)
                follower = f.get();
        if (!follower) {
            m_followers.push_back(std::make_unique<GatewayTraffic>(m_host->client(), name, &m_store));
            follower = m_followers.back().get();
            connect(follower, &GatewayTraffic::counted, this, [this] { m_dirty = true; });
            follower->setDeployment(reading.spec, gateway::endpointsFromGraph(graph, name));
            follower->start((QDateTime::currentMSecsSinceEpoch() - 15 * 60 * 1000) * 1000000LL, true);
        } else {
            follower->setDeployment(reading.spec, gateway::endpointsFromGraph(graph, name));
        }
    }
    if (changed)
        Q_EMIT specsChanged();
}

void HostTraffic::refreshEndpoints()
{
    if (!m_graph || m_followers.empty())
        return;
    const topology::Graph graph = m_graph();
    for (auto &f : m_followers)
        f->setDeployment(m_specs.value(f->gateway()), gateway::endpointsFromGraph(graph, f->gateway()));
}

} // namespace mcp::telemetry
