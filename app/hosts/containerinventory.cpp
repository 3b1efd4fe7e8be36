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
    // Events about processes inside the container or file copies change nothing a list
    // shows but the uptime text; health probes exec every few seconds, so re-listing on
    // them would repaint the gateways for nothing.
    const QString action = event.value(QLatin1String("Action")).toString();
    static const QStringList quiet{QStringLiteral("exec_create"), QStringLiteral("exec_start"), QStringLiteral("exec_detach"),
                                   QStringLiteral("exec_die"),    QStringLiteral("attach"),     QStringLiteral("detach"),
                                   QStringLiteral("resize"),      QStringLiteral("top"),        QStringLiteral("archive-path"),
                                   QStringLiteral("extract-to-dir"), QStringLiteral("copy"),    QStringLiteral("export")};
    if (type == QLatin1String("container") && (quiet.contains(action) || action.startsWith(QLatin1String("exec_"))))
        return;
    if (type == QLatin1String("container")) {
        expectFromEvent(id, event);
        if (action == QLatin1String("die") || action == QLatin1String("start") || action == QLatin1String("restart"))
            inspectIfOurs(id, actor.value(QLatin1String("Attributes")).toObject()); // the labels are attributes
    }
    m_dirty.insert(id);
    // Coalesce: everything that arrives in this turn of the event loop goes in one call.
    schedulePump();
}

void ContainerInventory::inspectIfOurs(const QString &id, const QJsonObject &labels)
{
    for (auto it = labels.constBegin(); it != labels.constEnd(); ++it) {
        if (it.key().startsWith(QLatin1String("mcp."))) {
            m_toInspect.insert(id);
            return;
        }
    }
}

QJsonObject ContainerInventory::withRestartCount(const QString &id, QJsonObject entry) const
{
    const auto it = m_restartCounts.constFind(id);
    if (it != m_restartCounts.constEnd())
        entry.insert(QStringLiteral("RestartCount"), *it);
    return entry;
}

// Behind the lists: one inspect at a time, only while no list is due, so that a burst of
// events is listed first and its restart counts follow.
void ContainerInventory::pumpInspects()
{
    if (m_inspecting || m_busy || m_fullPending || !m_dirty.isEmpty() || m_toInspect.isEmpty() || !m_synced)
        return;
    const QString id = *m_toInspect.begin();
    m_toInspect.erase(m_toInspect.begin());
    m_inspecting = true;
    whenReady(m_host->client()->inspectContainer(id), this, [this, id](Result<QJsonObject> r) {
        m_inspecting = false;
        if (r) { // a container gone meanwhile: its destroy event removes it
            const int count = r->value(QLatin1String("RestartCount")).toInt();
            m_restartCounts.insert(id, count);
            const auto c = m_containers.find(id);
            if (c != m_containers.end() && c->value(QLatin1String("RestartCount")).toInt(-1) != count) {
                c->insert(QStringLiteral("RestartCount"), count);
                Q_EMIT changed(InventoryDelta{{}, {id}, {}});
            }
        }
        pumpInspects();
    });
}

void ContainerInventory::schedulePump()
{
    if (m_pumpQueued)
        return;
    m_pumpQueued = true;
    QTimer::singleShot(0, this, [this] {
        m_pumpQueued = false;
        pump();
    });
}

void ContainerInventory::expectFromEvent(const QString &id, const QJsonObject &event)
{
    const QString action = event.value(QLatin1String("Action")).toString();
    std::optional<Expect> expect;
    if (action == QLatin1String("die") || action == QLatin1String("stop"))
        expect = Expect::NotRunning;
    else if (action == QLatin1String("start") || action == QLatin1String("restart") || action == QLatin1String("unpause"))
        expect = Expect::Running;
    else if (action == QLatin1String("pause"))
        expect = Expect::Paused;
    else if (action == QLatin1String("destroy"))
        expect = Expect::Gone;
    if (expect)
        m_expect.insert(id, Expectation{*expect,
                                        event.value(QLatin1String("Actor")).toObject().value(QLatin1String("Attributes"))
                                            .toObject().value(QLatin1String("exitCode")).toString(),
                                        0});
}

void ContainerInventory::checkExpectations(const QStringList &ids)
{
    static constexpr int kMaxAttempts = 6; // 25, 50, ... 800 ms: about 1.6 s in all
    int delay = 0;
    InventoryDelta patchedDelta;
    for (const QString &id : ids) {
        const auto it = m_expect.find(id);
        if (it == m_expect.end())
            continue;
        const auto c = m_containers.constFind(id);
        const QString state = c == m_containers.constEnd() ? QString() : c->value(QLatin1String("State")).toString();
        bool agrees = false;
        switch (it->state) {
        case Expect::Running:
            // A container that exits at once is legitimately not running any more; only a
            // "created" entry after a start event is stale.
            agrees = c == m_containers.constEnd() || state != QLatin1String("created");
            break;
        case Expect::NotRunning:
            agrees = c == m_containers.constEnd() || (state != QLatin1String("running") && state != QLatin1String("paused"));
            break;
        case Expect::Paused:
            agrees = c == m_containers.constEnd() || state == QLatin1String("paused");
            break;
        case Expect::Gone:
            agrees = c == m_containers.constEnd();
            break;
        }
        if (agrees || it->attempts >= kMaxAttempts) {
            m_expect.erase(it);
            continue;
        }
        ++m_rechecks;
        if (it->attempts == 0 && c != m_containers.constEnd() && it->state != Expect::Gone) {
            // Show what the event said until the list catches up.
            QJsonObject patched = *c;
            switch (it->state) {
            case Expect::Running:
                patched.insert(QStringLiteral("State"), QStringLiteral("running"));
                patched.insert(QStringLiteral("Status"), QStringLiteral("Up (from event)"));
                break;
            case Expect::NotRunning:
                patched.insert(QStringLiteral("State"), QStringLiteral("exited"));
                patched.insert(QStringLiteral("Status"), it->exitCode.isEmpty()
                                                             ? QStringLiteral("Exited (from event)")
                                                             : QStringLiteral("Exited (%1) (from event)").arg(it->exitCode));
                break;
            case Expect::Paused:
                patched.insert(QStringLiteral("State"), QStringLiteral("paused"));
                break;
            case Expect::Gone:
                break;
            }
            m_containers.insert(id, patched);
            patchedDelta.updated << id;
        }
        delay = std::max(delay, 25 << it->attempts);
        ++it->attempts;
        m_recheck.insert(id);
    }
    if (!patchedDelta.isEmpty())
        Q_EMIT changed(patchedDelta);
    if (delay > 0) {
        QTimer::singleShot(delay, this, [this] {
            for (const QString &id : std::as_const(m_recheck))
                m_dirty.insert(id);
            m_recheck.clear();
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
    if (m_dirty.isEmpty() || !m_synced) {
        pumpInspects(); // the lists are done: the restart counts they are waiting for
        return;
    }
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
            checkExpectations(ids);
            pump();
        });
}

void ContainerInventory::applyFull(const QJsonArray &list)
{
    InventoryDelta delta;
    QHash<QString, QJsonObject> next;
    next.reserve(list.size());
    for (const auto &v : list) {
        const QString id = v.toObject().value(QLatin1String("Id")).toString();
        const QJsonObject c = withRestartCount(id, v.toObject());
        next.insert(id, c);
        inspectIfOurs(id, c.value(QLatin1String("Labels")).toObject()); // restarts during a gap
        const auto old = m_containers.constFind(id);
        if (old == m_containers.constEnd())
            delta.added << id;
        else if (*old != c)
            delta.updated << id;
    }
    for (auto it = m_containers.constBegin(); it != m_containers.constEnd(); ++it) {
        if (!next.contains(it.key())) {
            delta.removed << it.key();
            m_restartCounts.remove(it.key());
        }
    }
    m_containers = std::move(next);
    m_expect.clear(); // a full list taken after the events is the truth
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
        const QString id = v.toObject().value(QLatin1String("Id")).toString();
        const QJsonObject c = withRestartCount(id, v.toObject());
        seen.insert(id);
        const auto old = m_containers.constFind(id);
        if (old == m_containers.constEnd()) {
            delta.added << id;
            inspectIfOurs(id, c.value(QLatin1String("Labels")).toObject());
        }
        else if (*old != c)
            delta.updated << id;
        else
            continue;
        m_containers.insert(id, c);
    }
    for (const auto &id : ids) {
        if (!seen.contains(id) && m_containers.remove(id)) {
            delta.removed << id;
            m_restartCounts.remove(id);
        }
    }
    if (!delta.isEmpty())
        Q_EMIT changed(delta);
}

} // namespace mcp::hosts
