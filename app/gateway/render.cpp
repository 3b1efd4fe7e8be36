#include "render.h"

#include "certcheck.h"
#include "nginxrenderer.h"
#include "haproxyrenderer.h"

#include "common/tarwriter.h"

#include <QCryptographicHash>
#include <QSet>

namespace mcp::gateway {

QByteArray renderedTar(const RenderedConfig &config)
{
    TarWriter tar;
    QSet<QString> dirs;
    for (auto it = config.files.constBegin(); it != config.files.constEnd(); ++it) {
        const QString rel = it.key().mid(1); // "/etc/nginx/x" -> "etc/nginx/x"
        const QStringList parts = rel.split(QLatin1Char('/'));
        QString dir;
        for (int i = 0; i + 1 < parts.size(); ++i) {
            dir += (dir.isEmpty() ? QString() : QStringLiteral("/")) + parts[i];
            if (!dirs.contains(dir)) {
                dirs.insert(dir);
                tar.addDirectory(dir);
            }
        }
        tar.addFile(rel, it.value(), config.secretFiles.contains(it.key()) ? 0600 : 0644);
    }
    return tar.finish();
}

QString specVersion(const QByteArray &specText)
{
    return QString::fromLatin1(QCryptographicHash::hash(specText, QCryptographicHash::Sha256).toHex().left(16));
}

RenderedConfig renderConfig(const GatewaySpec &spec, const QByteArray &specText, const EndpointMap &endpoints)
{
    const QString version = specVersion(specText);
    RenderedConfig out = spec.driver.value == QLatin1String("haproxy") ? renderHaproxy(spec, version, endpoints)
                                                                       : renderNginx(spec, version, endpoints);
    out.version = version;
    out.stateDir = out.driver == QLatin1String("haproxy") ? QStringLiteral("/etc/haproxy/mcp") : QStringLiteral("/etc/nginx/mcp");
    out.files.insert(out.stateDir + QStringLiteral("/spec.yaml"), specText); // any console can diff from what runs
    return out;
}

} // namespace mcp::gateway
