#pragma once

#include "backoff.h"
#include "common/error.h"
#include "docker/dockertypes.h"
#include "endpoint/endpoint.h"
#include "hoststate.h"

#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <deque>
#include <memory>
#include <utility>

namespace mcp::transport {
class Connector;
}
namespace mcp::docker {
class DockerClient;
class EventStream;
} // namespace mcp::docker

namespace mcp::hosts {

// One Docker host kept connected: negotiates the API, follows the event stream, and when
// either breaks, reports the state and reconnects with exponential backoff and jitter.
//
// Event continuity: the engine keeps only 256 events for `since` replay and drops events for
// a reader that stalls, so a reconnect resumes the stream a second before the newest event
// seen (dropping the events it delivered before, by their keys: the engine's events can
// arrive a little out of time order, so time alone does not tell a replay from a late
// event) and then asks its consumers to re-list and reconcile
// (resyncRequired). The stream is always subscribed before that list is taken, so a
// container started in between is seen by one or the other. Consumers therefore see one
// consistent sequence: resync, events, [gap] resync, events ...
class HostConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostConnection)
public:
    HostConnection(QString name, endpoint::Endpoint endpoint, std::unique_ptr<transport::Connector> connector,
                   QObject *parent = nullptr);
    ~HostConnection() override;

    void start();
    void stop();
    // Drops the current attempt and any SSH session and connects again now (after the user
    // trusted a host key or fixed a file), with the backoff reset.
    void reconnectNow();

    QString name() const { return m_name; }
    const endpoint::Endpoint &endpoint() const { return m_endpoint; }
    HostState state() const { return m_state; }
    // Why the host is unreachable or degraded (empty code when all is well).
    const Error &lastError() const { return m_lastError; }
    const docker::PingInfo &pingInfo() const { return m_ping; }
    QString pathDescription() const;
    docker::DockerClient *client() const { return m_client.get(); }
    transport::Connector *connector() const { return m_connector.get(); }
    qint64 lastEventNs() const { return m_lastEventNs; }
    int reconnects() const { return m_reconnects; }

    void setHealthCheckInterval(int ms) { m_healthTimer.setInterval(ms); }
    // Only events matching these engine-side filters ({"type":["container"]}); set before start().
    void setEventFilters(const QJsonObject &filters) { m_eventFilters = filters; }
    // Replay events from this time (ns since the epoch) on first contact; set before start().
    void setResumePoint(qint64 ns) { m_lastEventNs = ns; }
    void setBackoff(const Backoff &backoff) { m_backoff = backoff; }

Q_SIGNALS:
    void stateChanged(mcp::hosts::HostState state, const mcp::Error &reason);
    // Re-list everything and reconcile: first contact, or events may have been missed.
    void resyncRequired();
    void eventReceived(const QJsonObject &event);

private:
    void connectOnce();
    void openEvents();
    void onEvent(const QJsonObject &event);
    void onEventsEnded(const Error &reason);
    void onHealthCheck();
    void lost(const Error &reason);
    void setState(HostState state, const Error &reason = {});
    void scheduleRetry();

    QString m_name;
    endpoint::Endpoint m_endpoint;
    std::unique_ptr<transport::Connector> m_connector;
    std::unique_ptr<docker::DockerClient> m_client;
    std::unique_ptr<docker::EventStream> m_events;
    HostState m_state = HostState::Idle;
    Error m_lastError;
    docker::PingInfo m_ping;
    Backoff m_backoff;
    QTimer m_retryTimer;
    QTimer m_healthTimer;
    qint64 m_lastEventNs = 0;
    QJsonObject m_eventFilters;
    // The events delivered in the last second before the newest one (its time and key, in
    // the order they came), and their keys: what a resumed stream may deliver again.
    std::deque<std::pair<qint64, QByteArray>> m_recentEvents;
    QSet<QByteArray> m_recentKeys;
    quint64 m_generation = 0;        // bumps on every (re)connect; stale callbacks check it
    int m_reconnects = 0;
    bool m_running = false;
};

} // namespace mcp::hosts
