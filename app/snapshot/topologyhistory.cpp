#include "topologyhistory.h"

#include "topology/graphjson.h"
#include "topology/topologymodel.h"

#include <QDateTime>
#include <QJsonArray>

#include <algorithm>

namespace mcp::snapshot {

void applyFrame(topology::Graph &graph, const TopologyFrame &frame)
{
    for (const QString &id : frame.removedEdges)
        graph.edges.remove(id);
    for (const QString &id : frame.removedNodes)
        graph.nodes.remove(id);
    for (const topology::Node &n : frame.nodes)
        graph.nodes.insert(n.id, n);
    for (const topology::Edge &e : frame.addedEdges)
        graph.edges.insert(e.id(), e);
}

topology::Graph TopologyTimeline::graphAt(qint64 timeMs) const
{
    topology::Graph g = base;
    for (const TopologyFrame &f : frames) {
        if (f.timeMs > timeMs)
            break;
        applyFrame(g, f);
    }
    return g;
}

QJsonObject TopologyTimeline::toJson() const
{
    QJsonArray out;
    for (const TopologyFrame &f : frames) {
        QJsonArray nodes, edges;
        for (const auto &n : f.nodes)
            nodes.append(topology::nodeToFullJson(n));
        for (const auto &e : f.addedEdges)
            edges.append(topology::edgeToJson(e));
        out.append(QJsonObject{{QStringLiteral("timeMs"), f.timeMs},
                               {QStringLiteral("nodes"), nodes},
                               {QStringLiteral("removedNodes"), QJsonArray::fromStringList(f.removedNodes)},
                               {QStringLiteral("addedEdges"), edges},
                               {QStringLiteral("removedEdges"), QJsonArray::fromStringList(f.removedEdges)}});
    }
    return QJsonObject{{QStringLiteral("baseTimeMs"), baseTimeMs},
                       {QStringLiteral("base"), topology::graphToJson(base)},
                       {QStringLiteral("frames"), out}};
}

Result<TopologyTimeline> TopologyTimeline::fromJson(const QJsonObject &json)
{
    TopologyTimeline t;
    t.baseTimeMs = qint64(json.value(QLatin1String("baseTimeMs")).toDouble());
    auto base = topology::graphFromJson(json.value(QLatin1String("base")).toObject());
    if (!base)
        return base.error();
    t.base = std::move(*base);
    const auto strings = [](const QJsonValue &v) {
        QStringList out;
        for (const auto &s : v.toArray())
            out << s.toString();
        return out;
    };
    for (const auto &v : json.value(QLatin1String("frames")).toArray()) {
        const QJsonObject o = v.toObject();
        TopologyFrame f;
        f.timeMs = qint64(o.value(QLatin1String("timeMs")).toDouble());
        for (const auto &n : o.value(QLatin1String("nodes")).toArray()) {
            auto node = topology::nodeFromFullJson(n.toObject());
            if (!node)
                return node.error();
            f.nodes << *node;
        }
        for (const auto &e : o.value(QLatin1String("addedEdges")).toArray()) {
            auto edge = topology::edgeFromJson(e.toObject());
            if (!edge)
                return edge.error();
            f.addedEdges << *edge;
        }
        f.removedNodes = strings(o.value(QLatin1String("removedNodes")));
        f.removedEdges = strings(o.value(QLatin1String("removedEdges")));
        t.frames << f;
    }
    std::stable_sort(t.frames.begin(), t.frames.end(), [](const auto &a, const auto &b) { return a.timeMs < b.timeMs; });
    return t;
}

TopologyHistory::TopologyHistory(topology::TopologyModel *model, QObject *parent)
    : QObject(parent), m_model(model), m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
{
    connect(model, &topology::TopologyModel::changed, this, &TopologyHistory::record);
}

void TopologyHistory::record(const topology::GraphDelta &delta)
{
    if (!m_model)
        return;
    const qint64 now = m_clock();
    const topology::Graph &g = m_model->graph();
    if (!m_started) {
        // The first graph seen is the start; what it already holds is not a change.
        m_started = true;
        m_timeline.baseTimeMs = now;
        m_timeline.base = g;
        return;
    }
    TopologyFrame f;
    f.timeMs = now;
    for (const QString &id : delta.addedNodes + delta.updatedNodes)
        if (const auto it = g.nodes.constFind(id); it != g.nodes.constEnd())
            f.nodes << *it;
    f.removedNodes = delta.removedNodes;
    for (const QString &id : delta.addedEdges)
        if (const auto it = g.edges.constFind(id); it != g.edges.constEnd())
            f.addedEdges << *it;
    f.removedEdges = delta.removedEdges;
    m_timeline.frames << f;
    trim(now);
}

namespace {
// Moves the start of a timeline forward: frames before fromMs, and the oldest beyond
// maxFrames, go into its start graph.
void foldBefore(TopologyTimeline &t, qint64 fromMs, qsizetype maxFrames)
{
    qsizetype fold = 0;
    while (fold < t.frames.size() && (t.frames[fold].timeMs < fromMs || t.frames.size() - fold > maxFrames))
        applyFrame(t.base, t.frames[fold++]);
    if (fold > 0) {
        t.baseTimeMs = t.frames[fold - 1].timeMs;
        t.frames.remove(0, fold);
    }
}
} // namespace

void TopologyHistory::trim(qint64 nowMs)
{
    foldBefore(m_timeline, nowMs - kWindowMs, kMaxFrames);
}

TopologyTimeline TopologyHistory::timeline(qint64 windowMs) const
{
    TopologyTimeline t = m_timeline;
    foldBefore(t, m_clock() - windowMs, kMaxFrames);
    if (!m_started && m_model) {
        t.base = m_model->graph();
        t.baseTimeMs = m_clock();
    }
    return t;
}

} // namespace mcp::snapshot
