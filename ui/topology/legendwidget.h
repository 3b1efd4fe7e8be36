#pragma once

#include "trafficstyle.h"

#include <QWidget>

namespace mcp::ui {

// The key to the health glyphs (shape and colour for healthy, degraded, down and unknown),
// and under a traffic overlay the key to its colours and widths.
class LegendWidget final : public QWidget
{
    Q_OBJECT
public:
    explicit LegendWidget(QWidget *parent = nullptr);
    QSize sizeHint() const override;
    void setMode(OverlayMode mode);
    OverlayMode mode() const { return m_mode; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    OverlayMode m_mode = OverlayMode::Health;
};

} // namespace mcp::ui
