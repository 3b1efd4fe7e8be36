#include "topologyview.h"

#include <QPainter>

#include "linecolor.h"
#include "nodeitem.h"
#include "topologyscene.h"

#include <QContextMenuEvent>
#include <QKeyEvent>
#include <QWheelEvent>

#include <limits>

namespace mcp::ui {

TopologyView::TopologyView(TopologyScene *scene, QWidget *parent) : QGraphicsView(scene, parent), m_scene(scene)
{
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setViewportUpdateMode(QGraphicsView::MinimalViewportUpdate);
    setBackgroundBrush(viewBackground());
    setFocusPolicy(Qt::StrongFocus);
    connect(scene, &QGraphicsScene::selectionChanged, this, [this] { Q_EMIT nodeSelected(selectedNodeId()); });
}

void TopologyView::fitAll()
{
    const QRectF r = m_scene->itemsBoundingRect().adjusted(-20, -20, 20, 20);
    if (!r.isEmpty())
        fitInView(r, Qt::KeepAspectRatio);
    // Never blow a small graph up beyond 1:1: text would look coarse and huge.
    if (zoom() > 1.0)
        setTransform(QTransform());
}

void TopologyView::zoomBy(qreal factor)
{
    const qreal next = zoom() * factor;
    if (next < 0.02 || next > 4)
        return;
    scale(factor, factor);
}

QString TopologyView::selectedNodeId() const
{
    const auto selected = m_scene->selectedItems();
    return selected.isEmpty() ? QString() : selected.first()->data(0).toString();
}

void TopologyView::selectNode(const QString &id)
{
    m_scene->clearSelection();
    if (NodeItem *item = m_scene->nodeItem(id)) {
        item->setSelected(true);
        ensureVisible(item);
    }
}

void TopologyView::wheelEvent(QWheelEvent *event)
{
    zoomBy(event->angleDelta().y() > 0 ? 1.15 : 1 / 1.15);
    event->accept();
}

void TopologyView::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Left: return moveSelection(-1, 0);
    case Qt::Key_Right: return moveSelection(1, 0);
    case Qt::Key_Up: return moveSelection(0, -1);
    case Qt::Key_Down: return moveSelection(0, 1);
    case Qt::Key_Plus:
    case Qt::Key_Equal: return zoomBy(1.25);
    case Qt::Key_Minus: return zoomBy(0.8);
    case Qt::Key_0: return fitAll();
    default: QGraphicsView::keyPressEvent(event);
    }
}

void TopologyView::moveSelection(int dx, int dy)
{
    NodeItem *current = m_scene->nodeItem(selectedNodeId());
    if (!current) {
        // Nothing selected yet: start at the top-left node.
        NodeItem *first = nullptr;
        for (NodeItem *item : m_scene->nodeItems()) {
            if (!first || item->pos().x() < first->pos().x() ||
                (item->pos().x() == first->pos().x() && item->pos().y() < first->pos().y()))
                first = item;
        }
        if (first)
            selectNode(first->node().id);
        return;
    }
    const QPointF from = current->pos();
    NodeItem *best = nullptr;
    qreal bestScore = std::numeric_limits<qreal>::max();
    for (NodeItem *item : m_scene->nodeItems()) {
        const QPointF d = item->pos() - from;
        // Only nodes that lie in the asked direction; prefer straight ahead.
        const qreal along = dx != 0 ? d.x() * dx : d.y() * dy;
        const qreal across = dx != 0 ? qAbs(d.y()) : qAbs(d.x());
        if (along <= 0)
            continue;
        const qreal score = along + 3 * across;
        if (score < bestScore) {
            bestScore = score;
            best = item;
        }
    }
    if (best)
        selectNode(best->node().id);
}

} // namespace mcp::ui

namespace mcp::ui {

void TopologyView::setPlaceholderText(const QString &text)
{
    if (text == m_placeholder)
        return;
    m_placeholder = text;
    viewport()->update();
}

void TopologyView::contextMenuEvent(QContextMenuEvent *event)
{
    for (QGraphicsItem *item : items(event->pos())) {
        if (auto *node = dynamic_cast<NodeItem *>(item)) {
            selectNode(node->node().id);
            Q_EMIT nodeContextMenuRequested(node->node().id, event->globalPos());
            return;
        }
    }
    QGraphicsView::contextMenuEvent(event);
}

void TopologyView::paintEvent(QPaintEvent *event)
{
    QGraphicsView::paintEvent(event);
    if (m_placeholder.isEmpty() || !m_scene->nodeItems().isEmpty())
        return;
    QPainter p(viewport());
    p.setPen(palette().color(QPalette::PlaceholderText));
    QFont f = font();
    f.setPointSizeF(f.pointSizeF() * 1.15);
    p.setFont(f);
    p.drawText(viewport()->rect().adjusted(40, 40, -40, -40), Qt::AlignCenter | Qt::TextWordWrap, m_placeholder);
}

} // namespace mcp::ui
