#pragma once

#include "topology/graph.h"

#include <QTextBrowser>

namespace mcp::ui {

// The selection's details, for reading rather than raw JSON: health and why, the doctor's
// and the labels' problems with their fixes, then what the node is made of (labels, ports,
// networks, image, state) and, for instances, the health-probe history when there is one.
class DetailsPanel final : public QTextBrowser
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DetailsPanel)
public:
    explicit DetailsPanel(QWidget *parent = nullptr);

    void showNode(const topology::Node *node); // nullptr: nothing selected
    QString shownNodeId() const { return m_nodeId; }

private:
    QString m_nodeId;
};

} // namespace mcp::ui
