#pragma once

#include <QRandomGenerator>

namespace mcp::hosts {

// Exponential backoff with jitter for reconnects: 0.5 s, 1 s, 2 s ... capped, each delay
// spread by +-20% so that many hosts lost at once do not reconnect in lockstep.
class Backoff
{
public:
    Backoff(int initialMs = 500, int maxMs = 30000, quint32 seed = QRandomGenerator::global()->generate())
        : m_initialMs(initialMs), m_maxMs(maxMs), m_random(seed)
    {
    }

    int nextDelayMs()
    {
        const qint64 base = qMin<qint64>(qint64(m_initialMs) << qMin(m_attempt, 20), m_maxMs);
        ++m_attempt;
        const double jitter = 0.8 + 0.4 * m_random.generateDouble();
        return int(base * jitter);
    }
    void reset() { m_attempt = 0; }
    int attempts() const { return m_attempt; }

private:
    int m_initialMs;
    int m_maxMs;
    int m_attempt = 0;
    QRandomGenerator m_random;
};

} // namespace mcp::hosts
