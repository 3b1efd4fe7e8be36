#include "weightcoalescer.h"

namespace mcp::gateway {

WeightCoalescer::WeightCoalescer(ApplyFunction apply, int intervalMs, QObject *parent)
    : QObject(parent), m_apply(std::move(apply)), m_interval(intervalMs)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &WeightCoalescer::startChange);
}

void WeightCoalescer::setApplied(const Weights &weights)
{
    m_applied = weights;
    if (!m_busy && !m_timer.isActive())
        m_desired = weights;
}

void WeightCoalescer::setDesired(const Weights &weights, bool released)
{
    m_desired = weights;
    schedule(released);
}

void WeightCoalescer::schedule(bool released)
{
    if (m_busy || m_desired == m_applied)
        return; // a running change reschedules when it ends
    const qint64 since = m_sinceStart.isValid() ? m_sinceStart.elapsed() : std::numeric_limits<qint64>::max();
    qint64 wait = since >= m_interval ? 0 : m_interval - since;
    if (!released)
        wait = std::max<qint64>(wait, m_timer.isActive() ? m_timer.remainingTime() : m_interval);
    if (wait == 0) {
        m_timer.stop();
        startChange();
    } else if (!m_timer.isActive() || m_timer.remainingTime() > wait) {
        m_timer.start(int(wait));
    }
}

void WeightCoalescer::startChange()
{
    if (m_busy || m_desired == m_applied)
        return;
    m_busy = true;
    m_inFlight = m_desired;
    ++m_started;
    m_sinceStart.start();
    Q_EMIT changeStarted(m_inFlight);
    m_apply(m_inFlight, [this, guard = QPointer<WeightCoalescer>(this)](bool ok, const Weights &applied) {
        if (!guard)
            return;
        m_busy = false;
        if (ok) {
            m_applied = applied.isEmpty() ? m_inFlight : applied;
            Q_EMIT appliedChanged(m_applied);
        } else {
            // Not retried on its own (the operator sees the failure); a new desired value is.
            Q_EMIT changeFailed(m_inFlight);
            return;
        }
        schedule(true);
    });
}

} // namespace mcp::gateway
