#include "containerinventory.h"

#include "docker/dockerclient.h"
#include "hostconnection.h"

#include "common/whenready.h"

#include <QJsonArray>
#include <QTimer>

namespace mcp::hosts {

namespace {
constexpr int kBatch = 100;
}

ContainerInventory::ContainerInventory(HostConnection *host, QObject *parent) : QObject(parent), m_host(host)
{
    connect(host, &HostConnection::resyncRequired, this, [this] {
        m_fullPending = true;
        m_dirty.clear();
        pump();
    });
    connect(host, &HostConnection::eventReceived, this, &ContainerInventory::onEvent);
}

void ContainerInventory::onEvent(const QJsonObject &event)
{
    const QString type = event.value(QLatin1String("Type")).toString();
    const QJsonObject actor = event.value(QLatin1String("Actor")).toObject();
    QString id;
    if (type == QLatin1String("container"))
        id = actor.value(QLatin1String("ID")).toString();
    else if (type == QLatin1String("network")) // connect/disconnect name the container
        id = actor.value(QLatin1String("Attributes")).toObject().value(QLatin1String("container")).toString();
    if (id.isEmpty())
        return;
    m_dirty.insert(id);
    // Coalesce: everything that arrives in this turn of the event loop goes in one call.
    if (!m_pumpQueued) {
        m_pumpQueued = true;
        QTimer::singleShot(0, this, [this] {
            m_pumpQueued = false;
            pump();
        });
    }
}

void ContainerInventory::pump()
{
    if (m_busy)
        return;
    auto *client = m_host->client();
    if (m_fullPending) {
        m_fullPending = false;
        m_busy = true;
        whenReady(client->listContainers(true), this, [this](Result<QJsonArray> r) {
            m_busy = false;
            if (!r) {
                // The host connection notices a lost engine and asks for a resync later.
                Q_EMIT refreshFailed(r.error());
                return;
            }
            applyFull(*r);
            pump();
        });
        return;
    }
    if (m_dirty.isEmpty() || !m_synced)
        return;
    QStringList ids;
    for (auto it = m_dirty.begin(); it != m_dirty.end() && ids.size() < kBatch;)
        ids << *it, it = m_dirty.erase(it);
    m_busy = true;
    whenReady(client->listContainers(true, QJsonObject{{QStringLiteral("id"), QJsonArray::fromStringList(ids)}}), this,
              [this, ids](Result<QJsonArray> r) {
            m_busy = false;
            if (!r) {
                for (const auto &id : ids)
                    m_dirty.insert(id);
                Q_EMIT refreshFailed(r.error());
                return;
            }
            applyPartial(ids, *r);
            pump();
        });
}

void ContainerInventory::applyFull(const QJsonArray &list)
{
    InventoryDelta delta;
    QHash<QString, QJsonObject> next;
    next.reserve(list.size());
    for (const auto &v : list) {
        const QJsonObject c = v.toObject();
        const QString id = c.value(QLatin1String("Id")).toString();
        next.insert(id, c);
        const auto old = m_containers.constFind(id);
        if (old == m_containers.constEnd())
            delta.added << id;
        else if (*old != c)
            delta.updated << id;
    }
    for (auto it = m_containers.constBegin(); it != m_containers.constEnd(); ++it) {
        if (!next.contains(it.key()))
            delta.removed << it.key();
    }
    m_containers = std::move(next);
    m_synced = true;
    ++m_resyncs;
    if (!delta.isEmpty())
        Q_EMIT changed(delta);
    Q_EMIT resynced();
}

void ContainerInventory::applyPartial(const QStringList &ids, const QJsonArray &list)
{
    InventoryDelta delta;
    QSet<QString> seen;
    for (const auto &v : list) {
        const QJsonObject c = v.toObject();
        const QString id = c.value(QLatin1String("Id")).toString();
        seen.insert(id);
        const auto old = m_containers.constFind(id);
        if (old == m_containers.constEnd())
            delta.added << id;
        else if (*old != c)
            delta.updated << id;
        else
            continue;
        m_containers.insert(id, c);
    }
    for (const auto &id : ids) {
        if (!seen.contains(id) && m_containers.remove(id))
            delta.removed << id;
    }
    if (!delta.isEmpty())
        Q_EMIT changed(delta);
}

} // namespace mcp::hosts
