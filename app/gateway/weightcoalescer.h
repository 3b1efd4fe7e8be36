#pragma once

#include <QElapsedTimer>
#include <QPointer>
#include <QMap>
#include <QObject>
#include <QTimer>

#include <functional>

namespace mcp::gateway {

// Turns a stream of desired splits (a slider being dragged, keys, step buttons) into few
// gateway changes: at most one change starts per interval (1 s), one at a time, and the last
// desired split always ends up applied. While dragging, the first change waits a whole
// interval (a drag through 50 positions in 2 s makes 2 or 3 changes, not 50); a released
// value goes out at once when the interval allows.
class WeightCoalescer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WeightCoalescer)
public:
    using Weights = QMap<QString, int>;
    // Starts one change; calls `done(ok, applied)` when the gateway has it (or not).
    using ApplyFunction = std::function<void(const Weights &weights, std::function<void(bool ok, const Weights &applied)> done)>;

    explicit WeightCoalescer(ApplyFunction apply, int intervalMs = 1000, QObject *parent = nullptr);

    // What the gateway runs now (from its spec); resets the desired split.
    void setApplied(const Weights &weights);
    void setDesired(const Weights &weights, bool released);

    Weights desired() const { return m_desired; }
    Weights applied() const { return m_applied; }
    bool busy() const { return m_busy; }
    int changesStarted() const { return m_started; }

Q_SIGNALS:
    void appliedChanged(const QMap<QString, int> &applied);
    void changeStarted(const QMap<QString, int> &weights);
    void changeFailed(const QMap<QString, int> &weights);

private:
    void schedule(bool released);
    void startChange();

    ApplyFunction m_apply;
    int m_interval;
    Weights m_desired, m_applied, m_inFlight;
    bool m_busy = false;
    int m_started = 0;
    QElapsedTimer m_sinceStart;
    QTimer m_timer;
};

} // namespace mcp::gateway
