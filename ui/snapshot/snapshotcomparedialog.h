#pragma once

#include "snapshot/snapshotcompare.h"

#include <QDialog>

class QStandardItemModel;
class QTreeView;

namespace mcp::ui {

// What changed between two incident snapshots (older first): hosts, nodes that came, went
// or changed health, findings that appeared or were resolved, gateway configs, and each
// route version's traffic in the last five minutes of each window.
class SnapshotCompareDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SnapshotCompareDialog)
public:
    SnapshotCompareDialog(const snapshot::Snapshot &before, const snapshot::Snapshot &after, const QString &beforeFile,
                          const QString &afterFile, QWidget *parent = nullptr);
    const snapshot::SnapshotDiff &diff() const { return m_diff; }
    QStandardItemModel *model() const { return m_model; }

private:
    snapshot::SnapshotDiff m_diff;
    QStandardItemModel *m_model;
    QTreeView *m_view;
};

} // namespace mcp::ui
