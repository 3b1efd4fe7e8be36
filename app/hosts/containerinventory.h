#pragma once

#include "common/error.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QStringList>

namespace mcp::hosts {

class HostConnection;

// What changed in one step; ids only, the entries are in the inventory.
struct InventoryDelta
{
    QStringList added;
    QStringList updated;
    QStringList removed;
    bool isEmpty() const { return added.isEmpty() && updated.isEmpty() && removed.isEmpty(); }
};

// The containers of one host, as /containers/json lists them, kept current from the events
// stream. Events only mark ids dirty; the dirty ids are refreshed in batches with one
// filtered list call (a burst of 1,000 events costs a few calls, not 1,000 inspects), and a
// full re-list reconciles after every (re)connect. Calls are serialised so that the deltas
// form one consistent sequence.
//
// The list does not carry a container's restart count: for our containers (those with an
// mcp.* label) it is inspected once after each full list and again after each die, start
// or restart event, one inspect at a time behind the lists, and kept in the entry as
// "RestartCount" (absent until known).
class ContainerInventory final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ContainerInventory)
public:
    explicit ContainerInventory(HostConnection *host, QObject *parent = nullptr);

    const QHash<QString, QJsonObject> &containers() const { return m_containers; }
    bool isSynced() const { return m_synced; }
    int resyncCount() const { return m_resyncs; }

Q_SIGNALS:
    void changed(const mcp::hosts::InventoryDelta &delta);
    // A full reconcile finished (after connect or reconnect).
    void resynced();
    void refreshFailed(const mcp::Error &error);

private:
    void onEvent(const QJsonObject &event);
    void pump();
    void applyFull(const QJsonArray &list);
    void applyPartial(const QStringList &ids, const QJsonArray &list);
    void expectFromEvent(const QString &id, const QJsonObject &event);
    void checkExpectations(const QStringList &ids);
    void schedulePump();
    void pumpInspects();
    QJsonObject withRestartCount(const QString &id, QJsonObject entry) const;
    void inspectIfOurs(const QString &id, const QJsonObject &labels);

    // What an event says the list must show next: the engine updates the view that
    // /containers/json reads AFTER it emits die/stop/destroy (and start), so a list taken
    // right after the event can still show the old state. An id whose list entry
    // contradicts its last event is re-listed with a short backoff until they agree, and in
    // the meantime its entry shows the state the event announced (State and a Status text
    // marked as "from event"), so the view does not lag the engine's own event.
    enum class Expect { Running, NotRunning, Paused, Gone };
    struct Expectation
    {
        Expect state;
        QString exitCode; // die: the event's exitCode attribute
        int attempts = 0;
    };
    QHash<QString, Expectation> m_expect;
    QSet<QString> m_recheck; // ids to list again when the recheck timer fires

    HostConnection *m_host;
    QHash<QString, QJsonObject> m_containers;
    QSet<QString> m_dirty;
    QHash<QString, int> m_restartCounts; // by id, from the last inspect
    QSet<QString> m_toInspect;
    bool m_inspecting = false;
    bool m_fullPending = false;
    bool m_busy = false;
    bool m_synced = false;
    bool m_pumpQueued = false;
    int m_resyncs = 0;
    int m_rechecks = 0;

public:
    // How many times a list contradicted the event before it and was taken again (tests).
    int staleListRechecks() const { return m_rechecks; }
    // Nothing to do: no id dirty or waiting for a recheck, no list or inspect running or
    // due. Every event received so far is in the entries (tests wait for it before they
    // count what a burst cost).
    bool isIdle() const
    {
        return !m_busy && !m_inspecting && !m_fullPending && !m_pumpQueued && m_dirty.isEmpty() && m_recheck.isEmpty() &&
               m_toInspect.isEmpty();
    }
};

} // namespace mcp::hosts

Q_DECLARE_METATYPE(mcp::hosts::InventoryDelta)
