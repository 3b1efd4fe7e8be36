#include "tlspolicy.h"
#include "common/messagephrase.h"

#include <QDir>
#include <QFileInfo>

namespace mcp::endpoint {

namespace {
QString existing(const QString &dir, const QString &file)
{
    const QString path = QDir(dir).filePath(file);
    return QFileInfo::exists(path) ? path : QString();
}
} // namespace

Status applyTls(Endpoint &ep, const TlsRequest &request)
{
    if (ep.kind != Endpoint::Kind::Tcp)
        return Done{};

    const QString ca = existing(request.dir, QStringLiteral("ca.pem"));
    const QString cert = existing(request.dir, QStringLiteral("cert.pem"));
    const QString key = existing(request.dir, QStringLiteral("key.pem"));
    const QString caPath = QDir(request.dir).filePath(QStringLiteral("ca.pem"));

    switch (request.demand) {
    case TlsDemand::IfPresent:
        if (ca.isEmpty() && cert.isEmpty() && key.isEmpty())
            return Done{};
        break;
    case TlsDemand::Verify:
        if (ca.isEmpty())
            return Error::make(ErrorKind::Config, QStringLiteral("tls.ca-missing"),
                               Message(QT_TRANSLATE_NOOP("mcp::Errors", "%1, but there is no CA certificate at %2. %3"), {phrase(request.reason), caPath, phrase(request.hint)}));
        break;
    case TlsDemand::CliWouldSkip:
        if (ca.isEmpty())
            return Error::make(ErrorKind::Config, QStringLiteral("tls.verify-required"),
                               Message(QT_TRANSLATE_NOOP("mcp::Errors", "%1. MCP Console always verifies the server certificate of %2 and found no CA certificate at %3. %4"), {phrase(request.reason), ep.url(), caPath, phrase(request.hint)}));
        break;
    }

    ep.tls.enabled = true;
    ep.tls.caFile = ca; // empty: the system CAs (IfPresent only)
    if (!cert.isEmpty() && !key.isEmpty()) {
        ep.tls.certFile = cert;
        ep.tls.keyFile = key;
    }
    return Done{};
}

} // namespace mcp::endpoint
