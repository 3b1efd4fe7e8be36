// The layered layout's geometry on a real graph (containers and gateway routes through
// buildGraph): edges reach their targets without passing over unrelated nodes, a service
// keeps its versions under it (also across a wrapped column), and a node that comes or goes
// moves only the nodes below it in its own column.
#include "support/shopgraph.h"
#include "topology/graphbuilder.h"
#include "topology/layeredlayout.h"

#include <QJsonArray>
#include <QtTest>

#include <algorithm>
#include <cmath>

using namespace mcp;
using topology::NodeKind;
using test::shopHost;

namespace {

// Whether the segment p-q passes through the inside of r (Liang-Barsky clipping).
bool segmentCrosses(QPointF p, QPointF q, const QRectF &r)
{
    qreal t0 = 0, t1 = 1;
    const qreal dx = q.x() - p.x(), dy = q.y() - p.y();
    const std::array<std::pair<qreal, qreal>, 4> edges{{{-dx, p.x() - r.left()}, {dx, r.right() - p.x()},
                                                        {-dy, p.y() - r.top()}, {dy, r.bottom() - p.y()}}};
    for (const auto &[pk, qk] : edges) {
        if (pk == 0) {
            if (qk < 0)
                return false;
        } else {
            const qreal t = qk / pk;
            if (pk < 0)
                t0 = std::max(t0, t);
            else
                t1 = std::min(t1, t);
        }
    }
    return t0 < t1;
}

// The drawn edge as a polyline (the curve sampled finely).
QList<QPointF> polyline(const topology::EdgeShape &s)
{
    if (s.tree)
        return {s.from, s.corner, s.to};
    QList<QPointF> points;
    constexpr int kSteps = 200;
    for (int i = 0; i <= kSteps; ++i) {
        const qreal t = qreal(i) / kSteps, u = 1 - t;
        points << u * u * u * s.from + 3 * u * u * t * s.c1 + 3 * u * t * t * s.c2 + t * t * t * s.entry;
    }
    return points << s.to; // the straight lead-in
}

QRectF box(QPointF pos)
{
    // Inside the box: touching its border does not count.
    return QRectF(pos, QSizeF(topology::kNodeWidth, topology::kNodeHeight)).adjusted(1, 1, -1, -1);
}

// Edges drawn over nodes that are neither of their ends, as "edge over node" lines.
QStringList edgesOverNodes(const topology::Graph &graph, const QHash<QString, QPointF> &pos, NodeKind fromKind)
{
    QStringList out;
    for (const auto &e : graph.edges) {
        if (!pos.contains(e.from) || !pos.contains(e.to) || graph.nodes.value(e.from).kind != fromKind)
            continue;
        const QList<QPointF> line = polyline(topology::edgeShape(pos.value(e.from), pos.value(e.to), graph.nodes.value(e.to).kind));
        for (auto it = pos.constBegin(); it != pos.constEnd(); ++it) {
            if (it.key() == e.from || it.key() == e.to)
                continue;
            for (qsizetype i = 1; i < line.size(); ++i) {
                if (segmentCrosses(line[i - 1], line[i], box(it.value()))) {
                    out << e.id() + QStringLiteral(" over ") + it.key();
                    break;
                }
            }
        }
    }
    return out;
}

} // namespace

class TestLayeredLayout : public QObject
{
    Q_OBJECT
private slots:
    void routeEdgesPassNoOtherNode_data();
    void routeEdgesPassNoOtherNode();
    void versionsStandUnderTheirService();
    void wrappedColumnKeepsServiceWithVersions();
    void newVersionMovesOnlyNodesBelowIt();
    void removedVersionMovesOnlyNodesBelowIt();
};

void TestLayeredLayout::routeEdgesPassNoOtherNode_data()
{
    QTest::addColumn<int>("groupBy");
    QTest::newRow("no grouping") << int(topology::GroupBy::None);
    QTest::newRow("by host") << int(topology::GroupBy::Host);
}

void TestLayeredLayout::routeEdgesPassNoOtherNode()
{
    QFETCH(int, groupBy);
    const topology::Graph graph = topology::buildGraph({shopHost()});
    const auto pos = topology::layeredLayout(graph, topology::GroupBy(groupBy)).positions;
    int routeEdges = 0;
    for (const auto &e : graph.edges)
        routeEdges += graph.nodes.value(e.from).kind == NodeKind::Route && pos.contains(e.to) ? 1 : 0;
    QCOMPARE(routeEdges, 9); // route -> version, and /pay -> the payments service (no version named)
    // The property the operator reads: a route's edge reaches its version (or service)
    // without passing over any other service, version or instance box; and the same for
    // every other edge of the graph.
    for (NodeKind kind : {NodeKind::Route, NodeKind::Gateway, NodeKind::Service, NodeKind::Version}) {
        const QStringList over = edgesOverNodes(graph, pos, kind);
        QVERIFY2(over.isEmpty(), qPrintable(over.join(QStringLiteral("; "))));
    }
}

void TestLayeredLayout::versionsStandUnderTheirService()
{
    const topology::Graph graph = topology::buildGraph({shopHost()});
    const topology::LayoutMetrics m;
    const auto pos = topology::layeredLayout(graph, m);
    for (const auto &n : graph.nodes) {
        if (n.kind != NodeKind::Version)
            continue;
        const QPointF service = pos.value(topology::serviceNodeId(n.attributes.value(QLatin1String("service")).toString()));
        const QPointF version = pos.value(n.id);
        QCOMPARE(version.x(), service.x() + m.versionIndent);
        QVERIFY2(version.y() > service.y(), qPrintable(n.id));
        // Nothing but the service's own versions between the service and this version.
        for (auto it = pos.constBegin(); it != pos.constEnd(); ++it) {
            const auto &other = graph.nodes.value(it.key());
            if (qAbs(it->x() - service.x()) < topology::kNodeWidth && it->y() > service.y() && it->y() < version.y())
                QCOMPARE(other.attributes.value(QLatin1String("service")).toString(), n.attributes.value(QLatin1String("service")).toString());
        }
        // The tree connector goes down the service's left side into the version.
        const topology::EdgeShape s = topology::edgeShape(service, version, NodeKind::Version);
        QVERIFY(s.tree);
        QCOMPARE(s.to, version + QPointF(0, topology::kNodeHeight / 2));
    }
}

void TestLayeredLayout::wrappedColumnKeepsServiceWithVersions()
{
    // Six rows a column: the services column (6 services and their 10 versions, 16 rows)
    // wraps, and no service is split from its versions: catalog (4 rows) does not fit
    // after alpha and billing (5) and starts the next column whole.
    topology::LayoutMetrics m;
    m.maxRows = 6;
    const topology::Graph graph = topology::buildGraph({shopHost()});
    const auto pos = topology::layeredLayout(graph, m);
    QSet<qreal> serviceColumns;
    for (const auto &n : graph.nodes) {
        if (n.kind == NodeKind::Service)
            serviceColumns.insert(pos.value(n.id).x());
        if (n.kind != NodeKind::Version)
            continue;
        const QPointF service = pos.value(topology::serviceNodeId(n.attributes.value(QLatin1String("service")).toString()));
        QCOMPARE(pos.value(n.id).x(), service.x() + m.versionIndent);
        QVERIFY(pos.value(n.id).y() > service.y());
    }
    QVERIFY(serviceColumns.size() > 1);
    // Each column holds at most maxRows rows.
    QHash<qreal, int> rows;
    for (const auto &n : graph.nodes)
        if (n.kind == NodeKind::Service || n.kind == NodeKind::Version)
            ++rows[pos.value(n.id).x() - (n.kind == NodeKind::Version ? m.versionIndent : 0)];
    for (int count : std::as_const(rows))
        QVERIFY(count <= m.maxRows);
}

void TestLayeredLayout::newVersionMovesOnlyNodesBelowIt()
{
    const topology::Graph before = topology::buildGraph({shopHost()});
    const topology::Graph after = topology::buildGraph({shopHost({QStringLiteral("billing/v2")})});
    const auto p0 = topology::layeredLayout(before);
    const auto p1 = topology::layeredLayout(after);
    const QString added = topology::versionNodeId(QStringLiteral("billing"), QStringLiteral("v2"));
    QVERIFY(p1.contains(added));
    for (auto it = p0.constBegin(); it != p0.constEnd(); ++it) {
        const QPointF now = p1.value(it.key());
        QCOMPARE(now.x(), it->x()); // nothing changes column
        const NodeKind kind = before.nodes.value(it.key()).kind;
        if (kind == NodeKind::Gateway || kind == NodeKind::Route || (kind == NodeKind::Instance && it->x() < p1.value(added).x()))
            QCOMPARE(now, *it); // other columns stay as they were
        else if ((kind == NodeKind::Service || kind == NodeKind::Version) && it->y() < p1.value(added).y())
            QCOMPARE(now, *it); // above the new version: unmoved
        else
            QVERIFY(now.y() >= it->y()); // below it: moved down, never up
    }
}

void TestLayeredLayout::removedVersionMovesOnlyNodesBelowIt()
{
    // catalog/v2 goes (its two instances removed: no route sends to it): its version row
    // leaves the services column, and its instances, a block of their own, the instances
    // column. Every other node stays where it was, except those below a removed row in the
    // same column: they close the gap, all by the same distance.
    const topology::HostSnapshot host = shopHost();
    topology::HostSnapshot smaller = host;
    QStringList removedInstances;
    for (auto it = host.containers.cbegin(); it != host.containers.cend(); ++it) {
        const QJsonObject labels = it->value(QLatin1String("Labels")).toObject();
        if (labels.value(QLatin1String("mcp.service.name")).toString() == QLatin1String("catalog") &&
            labels.value(QLatin1String("mcp.service.version")).toString() == QLatin1String("v2")) {
            smaller.containers.remove(it.key());
            removedInstances << topology::instanceNodeId(host.name, it.key());
        }
    }
    QCOMPARE(removedInstances.size(), 2);
    const topology::Graph before = topology::buildGraph({host});
    const topology::Graph after = topology::buildGraph({smaller});
    const QString removed = topology::versionNodeId(QStringLiteral("catalog"), QStringLiteral("v2"));
    QVERIFY(before.nodes.contains(removed));
    QVERIFY(!after.nodes.contains(removed));
    const topology::LayoutMetrics m;
    const auto p0 = topology::layeredLayout(before, m);
    const auto p1 = topology::layeredLayout(after, m);
    QCOMPARE(p1.size(), p0.size() - 3);

    // Each column's removed rows (by the x of the column's rows: a version stands indented).
    const auto columnOf = [&](const QString &id, QPointF p) {
        return before.nodes.value(id).kind == NodeKind::Version ? p.x() - m.versionIndent : p.x();
    };
    QHash<qreal, qreal> firstRemovedY; // column -> the top of its first removed row
    for (const QString &id : removedInstances + QStringList{removed}) {
        QVERIFY(p0.contains(id));
        QVERIFY(!p1.contains(id));
        const qreal column = columnOf(id, p0.value(id));
        firstRemovedY[column] = firstRemovedY.contains(column) ? std::min(firstRemovedY[column], p0.value(id).y()) : p0.value(id).y();
    }
    QCOMPARE(firstRemovedY.size(), 2); // the services column and the instances column

    // The gap each column closes: one row in the services column (catalog keeps v1 and v3),
    // two rows and the gap before their block in the instances column.
    const qreal servicesColumn = columnOf(removed, p0.value(removed));
    const QHash<qreal, qreal> closed{{servicesColumn, m.rowHeight},
                                     {columnOf(removedInstances.first(), p0.value(removedInstances.first())), 2 * m.rowHeight + m.groupGap}};
    QHash<qreal, int> movedPerColumn;
    for (auto it = p1.constBegin(); it != p1.constEnd(); ++it) {
        QVERIFY2(p0.contains(it.key()), qPrintable(it.key()));
        const QPointF was = p0.value(it.key());
        const QPointF now = *it;
        const qreal column = columnOf(it.key(), was);
        QCOMPARE(now.x(), was.x()); // nothing changes column
        if (!firstRemovedY.contains(column) || was.y() < firstRemovedY.value(column)) {
            QVERIFY2(now == was, qPrintable(it.key())); // another column, or above the removed rows
        } else {
            QVERIFY2(qFuzzyCompare(was.y() - now.y(), closed.value(column)),
                     qPrintable(QStringLiteral("%1 moved up by %2").arg(it.key()).arg(was.y() - now.y())));
            ++movedPerColumn[column];
        }
    }
    // Something was below the removed rows in both columns (the test would prove nothing else):
    // catalog's v3, then orders, payments, users under it; the instances that follow.
    QCOMPARE(movedPerColumn.size(), 2);
    QVERIFY(movedPerColumn.value(servicesColumn) >= 1);
}

QTEST_GUILESS_MAIN(TestLayeredLayout)
#include "tst_layered_layout.moc"
