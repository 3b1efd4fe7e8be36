#include "legendwidget.h"

#include "healthstyle.h"

#include <QPainter>

namespace mcp::ui {

using topology::Health;

LegendWidget::LegendWidget(QWidget *parent) : QWidget(parent) {}

QSize LegendWidget::sizeHint() const
{
    return {520, 24};
}

void LegendWidget::setMode(OverlayMode mode)
{
    m_mode = mode;
    update();
}

void LegendWidget::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    qreal x = 8;
    const qreal baseline = height() / 2.0 + fontMetrics().ascent() / 2.5;
    const auto swatch = [&](const QColor &c, qreal width, const QString &text) {
        p.setPen(QPen(c, width, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(QPointF(x, height() / 2.0), QPointF(x + 18, height() / 2.0));
        p.setPen(palette().color(QPalette::WindowText));
        p.drawText(QPointF(x + 24, baseline), text);
        x += 34 + fontMetrics().horizontalAdvance(text);
    };
    switch (m_mode) {
    case OverlayMode::Traffic:
        swatch(trafficColor(), 1.5, tr("width: requests/s"));
        swatch(trafficColor(), 6, tr("busiest"));
        swatch(errorRateColor(0.02), 3, tr("1–5% errors"));
        swatch(errorRateColor(0.1), 3, tr("≥ 5% errors"));
        return;
    case OverlayMode::Errors:
        swatch(errorRateColor(0), 3, tr("< 1% 5xx"));
        swatch(errorRateColor(0.02), 3, tr("1–5%"));
        swatch(errorRateColor(0.1), 3, tr("≥ 5%"));
        p.setPen(QPen(QColor(0xa0, 0xa0, 0xa0), 1.2, Qt::DashLine));
        p.drawLine(QPointF(x, height() / 2.0), QPointF(x + 18, height() / 2.0));
        p.setPen(palette().color(QPalette::WindowText));
        p.drawText(QPointF(x + 24, baseline), tr("no traffic"));
        return;
    case OverlayMode::Latency:
        swatch(latencyColor(0), 3, tr("p99 < 100 ms"));
        swatch(latencyColor(200), 3, tr("< 500 ms"));
        swatch(latencyColor(900), 3, tr("≥ 500 ms"));
        return;
    case OverlayMode::Health:
        break;
    }
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
