#include "hostconnection.h"

#include "docker/dockerclient.h"
#include "docker/eventstream.h"
#include "transport/connector.h"

#include "common/whenready.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcHosts, "mcp.hosts")

namespace mcp::hosts {

namespace {
// How far behind the newest event another may arrive and still be new. The engine stamps an
// event before it takes the lock that queues it, so the events of operations that run in
// parallel (one `docker pause` of 20 containers) arrive up to a few milliseconds out of
// order; a second is far more than that and costs a second of keys.
constexpr qint64 kReorderWindowNs = 1000 * 1000 * 1000;

QByteArray eventKey(const QJsonObject &e)
{
    return QByteArray::number(e.value(QLatin1String("timeNano")).toInteger()) + '/' +
           e.value(QLatin1String("Type")).toString().toUtf8() + '/' + e.value(QLatin1String("Action")).toString().toUtf8() +
           '/' + e.value(QLatin1String("Actor")).toObject().value(QLatin1String("ID")).toString().toUtf8();
}
} // namespace

HostConnection::HostConnection(QString name, endpoint::Endpoint endpoint,
                               std::unique_ptr<transport::Connector> connector, QObject *parent)
    : QObject(parent), m_name(std::move(name)), m_endpoint(std::move(endpoint)), m_connector(std::move(connector)),
      m_client(std::make_unique<docker::DockerClient>(m_connector.get()))
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &HostConnection::connectOnce);
    m_healthTimer.setInterval(10000);
    connect(&m_healthTimer, &QTimer::timeout, this, &HostConnection::onHealthCheck);
}

HostConnection::~HostConnection()
{
    m_running = false;
    m_events.reset();
    m_client.reset(); // before the connector it uses
}

QString HostConnection::pathDescription() const
{
    return m_connector->pathDescription();
}

void HostConnection::start()
{
    if (m_running)
        return;
    m_running = true;
    m_backoff.reset();
    connectOnce();
}

void HostConnection::stop()
{
    m_running = false;
    ++m_generation;
    m_retryTimer.stop();
    m_healthTimer.stop();
    m_events.reset();
    m_client->http().abortAll(Error::make(ErrorKind::Cancelled, QStringLiteral("cancelled"), Message(QT_TRANSLATE_NOOP("mcp::Errors", "host stopped"))));
    setState(HostState::Idle);
}

void HostConnection::reconnectNow()
{
    stop();
    m_connector->reset();
    start();
}

void HostConnection::connectOnce()
{
    if (!m_running)
        return;
    const quint64 generation = ++m_generation;
    if (m_state != HostState::Connected)
        setState(HostState::Connecting, m_lastError);
    whenReady(m_client->ping(), this, [this, generation](Result<docker::PingInfo> ping) {
        if (generation != m_generation)
            return;
        if (!ping) {
            lost(ping.error());
            return;
        }
        m_ping = *ping;
        openEvents();
    });
}

void HostConnection::openEvents()
{
    const quint64 generation = m_generation;
    // Resumed a window before the newest event seen, so that one that was still on its way
    // when the stream broke comes too; what was delivered before is dropped by its key.
    m_events = m_client->events(m_recentEvents.empty() ? m_lastEventNs : m_lastEventNs - kReorderWindowNs, m_eventFilters);
    connect(m_events.get(), &docker::EventStream::started, this, [this, generation] {
        if (generation != m_generation)
            return;
        m_backoff.reset();
        setState(HostState::Connected);
        m_healthTimer.start();
        Q_EMIT resyncRequired();
    });
    connect(m_events.get(), &docker::EventStream::event, this, &HostConnection::onEvent);
    connect(m_events.get(), &docker::EventStream::ended, this, [this, generation](const Error &reason) {
        if (generation == m_generation)
            onEventsEnded(reason);
    });
    m_events->start();
}

void HostConnection::onEvent(const QJsonObject &event)
{
    const qint64 t = event.value(QLatin1String("timeNano")).toInteger();
    // A resumed stream replays from `since`: what was delivered before is dropped here, by
    // its key, not by its time: an event older than the newest one seen may be new (see
    // kReorderWindowNs).
    const QByteArray key = eventKey(event);
    if (m_recentKeys.contains(key))
        return;
    m_recentKeys.insert(key);
    m_recentEvents.emplace_back(t, key);
    if (t > m_lastEventNs) {
        m_lastEventNs = t;
        while (m_recentEvents.front().first < m_lastEventNs - kReorderWindowNs) {
            m_recentKeys.remove(m_recentEvents.front().second);
            m_recentEvents.pop_front();
        }
    }
    Q_EMIT eventReceived(event);
}

void HostConnection::onEventsEnded(const Error &reason)
{
    if (!m_running)
        return;
    qCInfo(lcHosts) << m_name << "event stream ended:" << reason.toString();
    // Is the engine gone, or just the stream? A ping tells.
    const quint64 generation = ++m_generation;
    whenReady(m_client->ping(), this, [this, generation, reason](Result<docker::PingInfo> ping) {
        if (generation != m_generation)
            return;
        if (!ping) {
            lost(ping.error());
            return;
        }
        setState(HostState::Degraded, reason);
        scheduleRetry();
    });
}

void HostConnection::onHealthCheck()
{
    const quint64 generation = m_generation;
    whenReady(m_client->ping(), this, [this, generation](Result<docker::PingInfo> ping) {
        if (generation != m_generation || ping.ok())
            return;
        if (ping.error().isConnectivity())
            lost(ping.error());
    });
}

void HostConnection::lost(const Error &reason)
{
    ++m_generation;
    m_healthTimer.stop();
    m_events.reset();
    m_client->http().abortAll(reason);
    m_connector->reset();
    setState(HostState::Unreachable, reason);
    scheduleRetry();
}

void HostConnection::scheduleRetry()
{
    if (!m_running)
        return;
    // Security refusals (unknown or changed host key, bad credentials) do not fix themselves.
    if (m_lastError.code.startsWith(QLatin1String("ssh.hostkey")) || m_lastError.code.startsWith(QLatin1String("ssh.key")) ||
        m_lastError.kind == ErrorKind::Config || m_lastError.kind == ErrorKind::Usage)
        return;
    ++m_reconnects;
    m_retryTimer.start(m_backoff.nextDelayMs());
}

void HostConnection::setState(HostState state, const Error &reason)
{
    const bool changed = state != m_state || reason.code != m_lastError.code;
    m_state = state;
    m_lastError = reason;
    if (changed)
        Q_EMIT stateChanged(state, reason);
}

} // namespace mcp::hosts
