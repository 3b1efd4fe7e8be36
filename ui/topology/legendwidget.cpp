#include "legendwidget.h"

#include "healthstyle.h"

#include <QPainter>

namespace mcp::ui {

using topology::Health;

LegendWidget::LegendWidget(QWidget *parent) : QWidget(parent) {}

QSize LegendWidget::sizeHint() const
{
    return {420, 24};
}

void LegendWidget::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    qreal x = 8;
    for (Health h : {Health::Healthy, Health::Degraded, Health::Down, Health::Unknown}) {
        const QColor c = healthColor(h);
        p.save();
        p.translate(x + 7, height() / 2.0);
        if (healthGlyphIsStroked(h)) {
            p.setPen(QPen(c.darker(110), 2));
            p.setBrush(h == Health::Down ? c.lighter(160) : Qt::NoBrush);
        } else {
            p.setPen(QPen(c.darker(130), 1));
            p.setBrush(c);
        }
        p.drawPath(healthGlyph(h, 12));
        p.restore();
        p.setPen(palette().color(QPalette::WindowText));
        const QString text = healthText(h);
        p.drawText(QPointF(x + 20, height() / 2.0 + fontMetrics().ascent() / 2.5), text);
        x += 32 + fontMetrics().horizontalAdvance(text);
    }
}

} // namespace mcp::ui
