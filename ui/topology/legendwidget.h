#pragma once

#include <QWidget>

namespace mcp::ui {

// The key to the health glyphs: shape and colour for healthy, degraded, down and unknown.
class LegendWidget final : public QWidget
{
    Q_OBJECT
public:
    explicit LegendWidget(QWidget *parent = nullptr);
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
};

} // namespace mcp::ui
