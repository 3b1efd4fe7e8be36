#pragma once

#include "topology/bundlerouting.h"
#include "topology/layeredlayout.h"
#include "trafficstyle.h"

#include "telemetry/trafficoverlay.h"
#include "topology/graph.h"

#include <QGraphicsScene>
#include <QGraphicsRectItem>
#include <QHash>

namespace mcp::ui {

class BundleItem;
class NodeItem;
class EdgeItem;

// The scene is a projection of the topology model: it maps node and edge ids to items and,
// on each sync, creates, updates and removes only what changed (the model's diff), then moves
// the items whose layout position changed. Items belong to the scene (Qt parent ownership).
class TopologyScene final : public QGraphicsScene
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TopologyScene)
public:
    explicit TopologyScene(QObject *parent = nullptr);
    ~TopologyScene() override;

    void sync(const topology::Graph &graph);
    // The same, knowing what changed since the graph of the last sync: when only nodes'
    // facts changed (health, state; no node or edge came or went), the layout cannot
    // change, so only the changed items are updated (O(changes), not O(graph)).
    void sync(const topology::Graph &graph, const topology::GraphDelta &delta);
    int fullSyncs() const { return m_fullSyncs; }
    // Lanes per Docker host or Compose project; takes effect at the next sync.
    void setGroupBy(topology::GroupBy groupBy) { m_groupBy = groupBy; }
    topology::GroupBy groupBy() const { return m_groupBy; }
    QStringList laneTitles() const;
    NodeItem *nodeItem(const QString &id) const { return m_nodes.value(id); }
    const QHash<QString, NodeItem *> &nodeItems() const { return m_nodes; }
    int edgeCount() const { return int(m_edges.size()); }
    int bundleCount() const { return int(m_bundles.size()); }
    const QList<BundleItem *> &bundles() const { return m_bundles; }
    // Applies the search language (topology::NodeFilter): matching nodes are highlighted,
    // the others dimmed, nothing moves. An empty text restores every node. Returns the
    // number of matches. The filter stays applied across syncs.
    int applyFilter(const QString &text);
    int highlight(const QString &text) { return applyFilter(text); }
    // Health only, or live traffic on top (figures keyed by node and edge id); kept across
    // syncs, replaced by the next call (once a second while traffic flows).
    void setOverlay(OverlayMode mode, const telemetry::TrafficOverlay &traffic);
    OverlayMode overlayMode() const { return m_overlayMode; }

private:
    void syncLanes(const QList<topology::LayoutLane> &lanes);
    void syncBundles(const topology::Graph &graph, const QList<topology::BundleRoute> &routes);
    void applyOverlay();

    QHash<QString, NodeItem *> m_nodes;
    QHash<QString, EdgeItem *> m_edges;
    QString m_filterText;
    topology::GroupBy m_groupBy = topology::GroupBy::None;
    QList<QGraphicsRectItem *> m_lanes; // lane backgrounds with their titles (children)
    QList<BundleItem *> m_bundles;      // fan-outs above the threshold, rebuilt each sync
    QHash<QString, std::pair<BundleItem *, int>> m_tickOf; // a bundled target: its bundle and tick
    int m_fullSyncs = 0;
    OverlayMode m_overlayMode = OverlayMode::Health;
    telemetry::TrafficOverlay m_traffic;
};

} // namespace mcp::ui
