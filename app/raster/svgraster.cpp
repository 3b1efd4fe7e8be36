#include "svgraster.h"

#include <QBuffer>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>

#include <algorithm>

namespace mcp::raster {

QByteArray svgToPng(const QByteArray &svg, int maxPixels)
{
    QSvgRenderer renderer(svg);
    if (!renderer.isValid())
        return {};
    const QSizeF size = renderer.viewBoxF().size().isEmpty() ? QSizeF(renderer.defaultSize()) : renderer.viewBoxF().size();
    if (size.isEmpty())
        return {};
    const double longer = std::max(size.width(), size.height());
    // Small pictures (charts) at twice their size for sharp text, large ones scaled to fit.
    const double scale = std::min(longer * 2 <= maxPixels ? 2.0 : 1.0, double(maxPixels) / longer);
    QImage image((size * scale).toSize().expandedTo(QSize(1, 1)), QImage::Format_RGB32);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::TextAntialiasing);
        renderer.render(&painter, QRectF(QPointF(0, 0), size * scale));
    }
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return png;
}

} // namespace mcp::raster
