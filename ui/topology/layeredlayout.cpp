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
    QList<const topology::Node *> columns[5];
    for (const auto &n : graph.nodes) {
        const int layer = layerOf(n.kind);
        if (layer >= 0)
            columns[layer] << &n;
    }
    // Instances follow their version (or gateway) so edges stay short: sort key is the
    // owner's name, then the group, then the instance name.
    const auto ownerKey = [](const topology::Node *n) {
        const QString service = n->attributes.value(QLatin1String("service")).toString();
        if (!service.isEmpty())
            return QStringLiteral("1/%1/%2").arg(service, n->attributes.value(QLatin1String("version")).toString());
        const QString gateway = n->attributes.value(QLatin1String("gateway")).toString();
        if (!gateway.isEmpty())
            return QStringLiteral("0/%1").arg(gateway);
        return QStringLiteral("2/");
    };
    QHash<QString, QPointF> out;
    int usedColumn = 0;
    for (int layer = 0; layer < 5; ++layer) {
        auto &col = columns[layer];
        if (col.isEmpty())
            continue;
        std::sort(col.begin(), col.end(), [&](const topology::Node *a, const topology::Node *b) {
            // Instances follow their owner; versions follow their service.
            const QString ka = layer == 4 ? ownerKey(a) : layer == 3 ? a->attributes.value(QLatin1String("service")).toString() : QString();
            const QString kb = layer == 4 ? ownerKey(b) : layer == 3 ? b->attributes.value(QLatin1String("service")).toString() : QString();
            if (ka != kb)
                return ka < kb;
            if (a->group != b->group)
                return a->group < b->group;
            return a->name < b->name;
        });
        qreal y = 0;
        int row = 0;
        int wraps = 0;
        QString lastKey = col.first()->group;
        for (const topology::Node *n : col) {
            const QString key = layer == 4 ? ownerKey(n) : n->group;
            if (key != lastKey) {
                y += m.groupGap;
                lastKey = key;
            }
            if (row == m.maxRows) {
                row = 0;
                y = 0;
                ++wraps;
            }
            out.insert(n->id, QPointF((usedColumn + wraps) * m.columnWidth, y));
            y += m.rowHeight;
            ++row;
        }
        usedColumn += wraps;
        ++usedColumn;
    }
    return out;
}

} // namespace mcp::ui
