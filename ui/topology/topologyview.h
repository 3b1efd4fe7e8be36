#pragma once

#include <QGraphicsView>

namespace mcp::ui {

class TopologyScene;

// The graph view: wheel zoom around the cursor, drag to pan, fit, and arrow keys that move
// the selection to the nearest node in that direction.
class TopologyView final : public QGraphicsView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TopologyView)
public:
    explicit TopologyView(TopologyScene *scene, QWidget *parent = nullptr);

    void fitAll();
    void zoomBy(qreal factor);
    qreal zoom() const { return transform().m11(); }
    QString selectedNodeId() const;
    void selectNode(const QString &id);
    // Shown in the middle of an empty scene: what to do to see something.
    void setPlaceholderText(const QString &text);

Q_SIGNALS:
    void nodeSelected(const QString &id);
    void nodeContextMenuRequested(const QString &id, const QPoint &globalPos);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    void moveSelection(int dx, int dy);
    TopologyScene *m_scene;
    QString m_placeholder;
};

} // namespace mcp::ui
