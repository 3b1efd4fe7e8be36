#include "svgraster.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>

#include <algorithm>

#include <unistd.h>

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

std::unique_ptr<QCoreApplication> makeApplication(int &argc, char **argv, bool draws)
{
    if (!draws)
        return std::make_unique<QCoreApplication>(argc, argv);
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    if (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) {
        // What Qt would fall back to, made quietly (root shells and CI have no session dir).
        const QString dir = QDir::tempPath() + QStringLiteral("/runtime-") + QString::number(::getuid());
        if (QDir().mkpath(dir) && QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner))
            qputenv("XDG_RUNTIME_DIR", QFile::encodeName(dir));
    }
    return std::make_unique<QGuiApplication>(argc, argv);
}

} // namespace mcp::raster
