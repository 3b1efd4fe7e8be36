#include "layeredlayout.h"

#include <QList>

#include <algorithm>

namespace mcp::ui {

using topology::NodeKind;

int layerOf(NodeKind kind)
{
    switch (kind) {
    case NodeKind::Gateway: return 0;
    case NodeKind::Route: return 1;
    case NodeKind::Service: return 2;
    case NodeKind::Version: return 3;
    case NodeKind::Instance: return 4;
    default: return -1;
    }
}

QHash<QString, QPointF> layeredLayout(const topology::Graph &graph, const LayoutMetrics &m)
{
    // Sort keys are computed once per node (not per comparison): this runs on every rebuild.
    struct Row
    {
        QString key; // instances: owner; versions: service; others: Compose group
        QString name;
        const topology::Node *node;
    };
    QList<Row> columns[5];
    for (const auto &n : graph.nodes) {
        int layer = layerOf(n.kind);
        if (layer < 0)
            continue;
        // Gateway containers stand right of their gateway (the routes' column until routes
        // exist), so their edges do not cross the whole graph.
        if (n.kind == NodeKind::Instance && n.attributes.value(QLatin1String("role")).toString() == QLatin1String("gateway"))
            layer = 1;
        QString key = n.group;
        if (layer == 3) {
            key = n.attributes.value(QLatin1String("service")).toString();
        } else if (layer == 4) {
            // Instances follow their version (or gateway) so edges stay short.
            const QString service = n.attributes.value(QLatin1String("service")).toString();
            const QString gateway = n.attributes.value(QLatin1String("gateway")).toString();
            key = !service.isEmpty() ? QLatin1String("1/") + service + QLatin1Char('/') +
                                           n.attributes.value(QLatin1String("version")).toString()
                  : !gateway.isEmpty() ? QLatin1String("0/") + gateway
                                       : QStringLiteral("2/");
            key += QLatin1Char('/') + n.group;
        }
        columns[layer].append(Row{key, n.name, &n});
    }
    QHash<QString, QPointF> out;
    out.reserve(graph.nodes.size());
    int usedColumn = 0;
    for (int layer = 0; layer < 5; ++layer) {
        auto &col = columns[layer];
        if (col.isEmpty())
            continue;
        std::sort(col.begin(), col.end(), [](const Row &a, const Row &b) {
            const int c = a.key.compare(b.key);
            return c != 0 ? c < 0 : a.name < b.name;
        });
        qreal y = 0;
        int row = 0;
        int wraps = 0;
        QString lastKey = col.first().key;
        for (const Row &r : col) {
            if (r.key != lastKey) {
                y += m.groupGap;
                lastKey = r.key;
            }
            if (row == m.maxRows) {
                row = 0;
                y = 0;
                ++wraps;
            }
            out.insert(r.node->id, QPointF((usedColumn + wraps) * m.columnWidth, y));
            y += m.rowHeight;
            ++row;
        }
        usedColumn += wraps + 1;
    }
    return out;
}

} // namespace mcp::ui
