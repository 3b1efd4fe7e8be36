#pragma once

#include "graph.h"

#include <QAbstractTableModel>
#include <QPointer>
#include <QStringList>

namespace mcp::topology {

class TopologyModel;

// The Qt item-model adapter over the live topology: one row per node of one kind
// (services or instances), for table views with sort and filter proxies. It follows the
// model's GraphDelta: removed rows are removed, added rows appended, and all updated rows
// announced with ONE dataChanged over the range they span, so a burst of events costs one
// notification, as it costs one rebuild.
//
// Display text is for people (translated); raw values live in roles: NodeIdRole (stable
// key), HealthRole (int(Health)), SortRole (numbers as numbers), NodeRole (the whole Node
// as a QVariant for filters and details).
class NodeTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NodeTableModel)
public:
    enum Role {
        NodeIdRole = Qt::UserRole + 1,
        HealthRole,
        SortRole,
        NodeRole,
    };
    enum class Columns { Services, Instances };
    // Service columns.
    enum ServiceColumn { SvcName, SvcHealth, SvcInstances, SvcVersions, SvcProblems, SvcReason, SvcColumnCount };
    // Instance columns.
    enum InstanceColumn {
        InstName,
        InstHealth,
        InstService,
        InstVersion,
        InstHost,
        InstState,
        InstAddress,
        InstNetworks,
        InstProblems,
        InstColumnCount
    };

    NodeTableModel(TopologyModel *model, Columns columns, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    QModelIndex indexOfNode(const QString &id) const;
    int dataChangedSignals() const { return m_dataChangedSignals; } // for tests of batching

private:
    bool wants(const Node &node) const;
    void apply(const GraphDelta &delta);
    void reindex();
    QVariant serviceData(const Node &node, int column, int role) const;
    QVariant instanceData(const Node &node, int column, int role) const;

    QPointer<TopologyModel> m_model;
    Columns m_columns;
    QStringList m_ids;           // row -> node id
    QHash<QString, int> m_rowOf; // node id -> row
    int m_dataChangedSignals = 0;
};

} // namespace mcp::topology

Q_DECLARE_METATYPE(mcp::topology::Node)
