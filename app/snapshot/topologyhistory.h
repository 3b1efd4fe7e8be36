#pragma once

#include "common/result.h"
#include "topology/graph.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>
#include <limits>

namespace mcp::topology {
class TopologyModel;
}

namespace mcp::snapshot {

// The topology over time, for the incident snapshot's replay: the graph at the start of the
// kept window and every change since, each with the full nodes it added or changed. Kept
// for the last 15 minutes (older changes fold into the start graph) and at most kMaxFrames
// changes, so memory follows the churn, not the uptime.
struct TopologyFrame
{
    qint64 timeMs = 0;
    QList<topology::Node> nodes; // added or updated, in full
    QStringList removedNodes;
    QList<topology::Edge> addedEdges;
    QStringList removedEdges;
};

struct TopologyTimeline
{
    qint64 baseTimeMs = 0;
    topology::Graph base;
    QList<TopologyFrame> frames; // oldest first

    // The graph as it was at timeMs (the base before it, the last frame at or before it).
    topology::Graph graphAt(qint64 timeMs) const;
    topology::Graph latest() const { return graphAt(std::numeric_limits<qint64>::max()); }
    qint64 endTimeMs() const { return frames.isEmpty() ? baseTimeMs : frames.last().timeMs; }

    QJsonObject toJson() const;
    static Result<TopologyTimeline> fromJson(const QJsonObject &json);
};

void applyFrame(topology::Graph &graph, const TopologyFrame &frame);

class TopologyHistory final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TopologyHistory)
public:
    static constexpr qint64 kWindowMs = 15 * 60 * 1000;
    static constexpr int kMaxFrames = 20000;

    // The model is not owned; the clock is injectable for tests (ms since the epoch).
    explicit TopologyHistory(topology::TopologyModel *model, QObject *parent = nullptr);
    void setClock(std::function<qint64()> clock) { m_clock = std::move(clock); }

    // The timeline up to now, starting no earlier than `windowMs` ago.
    TopologyTimeline timeline(qint64 windowMs = kWindowMs) const;
    int frameCount() const { return int(m_timeline.frames.size()); }

private:
    void record(const topology::GraphDelta &delta);
    void trim(qint64 nowMs);

    QPointer<topology::TopologyModel> m_model;
    std::function<qint64()> m_clock;
    TopologyTimeline m_timeline;
    bool m_started = false;
};

} // namespace mcp::snapshot
