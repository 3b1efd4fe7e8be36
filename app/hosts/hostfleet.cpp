#include "hostfleet.h"

#include "telemetry/hosttraffic.h"

#include "containerinventory.h"
#include "gateway/deployedroutes.h"
#include "health/healthprober.h"
#include "hostconnection.h"
#include "hostregistry.h"
#include "transport/sshautoconnector.h"
#include "transport/sshconnector.h"
#include "transport/sshknownhosts.h"

namespace mcp::hosts {

struct HostFleet::Member
{
    QString name;
    std::unique_ptr<HostConnection> connection;
    std::unique_ptr<ContainerInventory> inventory;
    std::unique_ptr<health::HealthProber> prober;
    std::unique_ptr<gateway::DeployedRoutes> routes;
    std::unique_ptr<telemetry::HostTraffic> traffic;
    std::optional<Error> configError;
};

HostFleet::HostFleet(HostRegistry *registry, QObject *parent) : QObject(parent), m_registry(registry)
{
    connect(m_registry, &HostRegistry::hostAdded, this, [this](const QString &name) {
        if (m_started)
            create(name);
    });
    connect(m_registry, &HostRegistry::hostRemoved, this, [this](const QString &name) { destroy(name); });
    connect(m_registry, &HostRegistry::hostChanged, this, [this](const QString &oldName, const QString &newName) {
        destroy(oldName);
        if (m_started)
            create(newName);
    });
}

HostFleet::~HostFleet()
{
    // Listeners are going away too; nobody may call back into a fleet being destroyed.
    blockSignals(true);
    while (!m_members.empty())
        destroy(m_members.back()->name);
}

void HostFleet::start()
{
    if (m_started)
        return;
    m_started = true;
    for (const HostConfig &c : m_registry->hosts())
        create(c.name);
}

HostFleet::Member *HostFleet::member(const QString &name) const
{
    for (const auto &m : m_members) {
        if (m->name == name)
            return m.get();
    }
    return nullptr;
}

HostConnection *HostFleet::connection(const QString &name) const
{
    const Member *m = member(name);
    return m ? m->connection.get() : nullptr;
}

gateway::DeployedRoutes *HostFleet::deployedRoutes(const QString &name) const
{
    const Member *m = member(name);
    return m ? m->routes.get() : nullptr;
}

telemetry::HostTraffic *HostFleet::traffic(const QString &name) const
{
    const Member *m = member(name);
    return m ? m->traffic.get() : nullptr;
}

health::HealthProber *HostFleet::prober(const QString &name) const
{
    const Member *m = member(name);
    return m ? m->prober.get() : nullptr;
}

ContainerInventory *HostFleet::inventory(const QString &name) const
{
    const Member *m = member(name);
    return m ? m->inventory.get() : nullptr;
}

std::optional<Error> HostFleet::configError(const QString &name) const
{
    const Member *m = member(name);
    return m ? m->configError : std::nullopt;
}

void HostFleet::create(const QString &name)
{
    const HostConfig *config = m_registry->find(name);
    if (!config || member(name))
        return;
    auto m = std::make_unique<Member>();
    m->name = name;
    auto endpoint = config->resolveEndpoint();
    if (!endpoint) {
        m->configError = endpoint.error();
        m_members.push_back(std::move(m));
        Q_EMIT hostUpdated(name);
        return;
    }
    ConnectOptions options = config->connectOptions();
    options.passphraseProvider = m_passphrase;
    auto connector = makeConnector(*endpoint, options);
    if (auto *ssh = qobject_cast<transport::SshAutoConnector *>(connector.get()))
        connect(ssh, &transport::SshAutoConnector::pathChanged, this, [this, name] { Q_EMIT hostUpdated(name); });
    m->connection = std::make_unique<HostConnection>(name, *endpoint, std::move(connector));
    m->inventory = std::make_unique<ContainerInventory>(m->connection.get());
    m->prober = std::make_unique<health::HealthProber>(m->connection.get(), m->inventory.get());
    m->prober->setInterval(config->probeIntervalMs);
    m->prober->setTimeout(config->probeTimeoutMs);
    m->routes = std::make_unique<gateway::DeployedRoutes>(m->connection.get(), m->inventory.get());
    m->traffic = std::make_unique<telemetry::HostTraffic>(m->connection.get(), m->routes.get());
    if (m_graphProvider)
        m->traffic->setGraphProvider([provider = m_graphProvider, name] { return provider(name); });
    connect(m->connection.get(), &HostConnection::stateChanged, this, [this, name] { Q_EMIT hostUpdated(name); });
    HostConnection *connection = m->connection.get();
    ContainerInventory *inventory = m->inventory.get();
    m_members.push_back(std::move(m));
    health::HealthProber *prober = m_members.back()->prober.get();
    Q_EMIT hostAttached(connection, inventory);
    connection->start();
    prober->start();
    m_members.back()->routes->start();
    m_members.back()->traffic->start();
    Q_EMIT trafficAttached(name, m_members.back()->traffic.get());
    Q_EMIT hostUpdated(name);
}

void HostFleet::destroy(const QString &name)
{
    const auto it = std::find_if(m_members.begin(), m_members.end(), [&](const auto &m) { return m->name == name; });
    if (it == m_members.end())
        return;
    std::unique_ptr<Member> m = std::move(*it);
    m_members.erase(it);
    if (m->connection) {
        Q_EMIT hostDetaching(m->connection.get());
        m->connection->stop();
    }
    m->prober.reset();
    m->traffic.reset();
    m->routes.reset();
    m->inventory.reset();
    m->connection.reset();
    Q_EMIT hostUpdated(name);
}

void HostFleet::reconnect(const QString &name)
{
    Member *m = member(name);
    if (!m)
        return;
    if (!m->connection) { // the config or the context may have been fixed meanwhile
        destroy(name);
        create(name);
        return;
    }
    m->connection->reconnectNow();
}

std::optional<transport::SshHostKeyInfo> HostFleet::offeredHostKey(const QString &name) const
{
    const Member *m = member(name);
    if (!m || !m->connection)
        return std::nullopt;
    const auto *ssh = qobject_cast<const transport::SshAutoConnector *>(m->connection->connector());
    if (!ssh || !ssh->libssh2Connector())
        return std::nullopt;
    auto key = ssh->libssh2Connector()->lastHostKey();
    if (key.status == transport::SshHostKeyInfo::Status::None)
        return std::nullopt;
    return key;
}

std::optional<Error> HostFleet::trustHostKey(const QString &name, const transport::SshHostKeyInfo &key)
{
    const auto offered = offeredHostKey(name);
    if (!offered || offered->status != transport::SshHostKeyInfo::Status::Unknown || offered->keyBlob != key.keyBlob ||
        key.keyBlob.isEmpty())
        return Error::make(ErrorKind::Ssh, QStringLiteral("ssh.hostkey.not-trustable"),
                           Message(QT_TRANSLATE_NOOP("mcp::Errors", "only the key an unknown host offered on its last attempt can be trusted; a changed key must be removed from known_hosts by hand")));
    if (auto err = transport::SshKnownHosts::append(key.knownHostsFile, key.host, key.keyType, key.keyBlob))
        return err;
    reconnect(name);
    return std::nullopt;
}

} // namespace mcp::hosts
