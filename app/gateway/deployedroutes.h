#pragma once

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace mcp::hosts {
class ContainerInventory;
class HostConnection;
} // namespace mcp::hosts

namespace mcp::gateway {

// Reads the spec each gateway of a host runs (the copy a push leaves in the container) so
// the topology can draw its routes: gateway -> route -> service/version, with weights. One
// running container per gateway is read, when the host's gateways change and every 15 s.
// routes() gives, per gateway name, {"version", "routes":[{"name","hosts","pathPrefix",
// "backends":[{"service","version","weight"}]}]}: plain JSON, so the topology does not
// depend on the gateway module.
class DeployedRoutes final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeployedRoutes)
public:
    DeployedRoutes(hosts::HostConnection *host, hosts::ContainerInventory *inventory, QObject *parent = nullptr);

    void start();
    void refreshNow();
    const QHash<QString, QJsonObject> &routes() const { return m_routes; }
    // The spec text the gateway runs (what the last push left in it); empty when none.
    QByteArray deployedSpec(const QString &gateway) const { return m_specs.value(gateway); }
    QStringList gatewaysWithSpec() const { return m_specs.keys(); }
    int refreshes() const { return m_refreshes; }

Q_SIGNALS:
    void changed();
    // After every refreshNow(), also when there was nothing to read (host not connected).
    void refreshed();

private:
    QPointer<hosts::HostConnection> m_host;
    QPointer<hosts::ContainerInventory> m_inventory;
    QTimer m_timer;
    QHash<QString, QJsonObject> m_routes;
    QHash<QString, QByteArray> m_specs;
    bool m_busy = false;
    bool m_again = false; // a refresh was asked for while one ran
    int m_refreshes = 0;
};

} // namespace mcp::gateway
