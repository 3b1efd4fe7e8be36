#include "contextstore.h"
#include "common/messagephrase.h"

#include "jsonfile.h"

#include <QCollator>
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QJsonObject>

#include <algorithm>

namespace mcp::endpoint {

namespace {
const QString kMalformed = QStringLiteral("context.malformed");

Error malformed(const QString &file, const Message &what)
{
    return Error::make(ErrorKind::Config, kMalformed, Message(QT_TRANSLATE_NOOP("mcp::Errors", "%1: %2"), {file, phrase(what)}));
}

QString existing(const QString &dir, const QString &file)
{
    const QString path = QDir(dir).filePath(file);
    return QFileInfo::exists(path) ? path : QString();
}
} // namespace

ContextStore::ContextStore(QString configDir) : m_configDir(std::move(configDir))
{
}

QString ContextStore::contextId(const QString &name)
{
    return QString::fromLatin1(QCryptographicHash::hash(name.toUtf8(), QCryptographicHash::Sha256).toHex());
}

QString ContextStore::metaRoot() const
{
    return QDir(m_configDir).filePath(QStringLiteral("contexts/meta"));
}

QString ContextStore::metaFile(const QString &name) const
{
    return QDir(metaRoot()).filePath(contextId(name) + QStringLiteral("/meta.json"));
}

QString ContextStore::tlsDir(const QString &name) const
{
    return QDir(m_configDir)
        .filePath(QStringLiteral("contexts/tls/") + contextId(name) + QStringLiteral("/docker"));
}

Result<StoredContext> ContextStore::load(const QString &name) const
{
    const QString file = metaFile(name);
    if (!QFileInfo::exists(file))
        return Error::make(ErrorKind::Config, QStringLiteral("context.not-found"),
                           Message(QT_TRANSLATE_NOOP("mcp::Errors", "context \"%1\" not found: there is no %2 (context store %3)"), {name, file, metaRoot()}));
    return loadFile(file);
}

Result<StoredContext> ContextStore::loadFile(const QString &file) const
{
    auto json = readJsonObjectFile(file, kMalformed);
    if (!json.ok())
        return json.error();
    if (!json->has_value())
        return malformed(file, Message(QT_TRANSLATE_NOOP("mcp::Errors", "empty file")));
    const QJsonObject &root = **json;

    StoredContext ctx;
    ctx.metaFile = file;
    const QJsonValue name = jsonField(root, QStringLiteral("Name"));
    if (!name.isString() || name.toString().isEmpty())
        return malformed(file, Message(QT_TRANSLATE_NOOP("mcp::Errors", "no \"Name\" string")));
    ctx.name = name.toString();

    const QJsonValue metadata = jsonField(root, QStringLiteral("Metadata"));
    if (metadata.isObject()) {
        const QJsonValue description = jsonField(metadata.toObject(), QStringLiteral("Description"));
        if (!description.isUndefined() && !description.isNull() && !description.isString())
            return malformed(file, Message(QT_TRANSLATE_NOOP("mcp::Errors", "\"Metadata.Description\" is not a string")));
        ctx.description = description.toString();
    } else if (!metadata.isUndefined() && !metadata.isNull()) {
        return malformed(file, Message(QT_TRANSLATE_NOOP("mcp::Errors", "\"Metadata\" is not an object")));
    }

    // The CLI's message for a context without a docker endpoint, kept recognisable.
    const QJsonValue docker =
        jsonField(jsonField(root, QStringLiteral("Endpoints")).toObject(), QStringLiteral("docker"));
    if (!docker.isObject())
        return Error::make(
            ErrorKind::Config, QStringLiteral("context.no-docker-endpoint"),
            Message(QT_TRANSLATE_NOOP("mcp::Errors", "%1: cannot find docker endpoint in context \"%2\""), {file, ctx.name}));
    const QJsonValue host = jsonField(docker.toObject(), QStringLiteral("Host"));
    if (!host.isUndefined() && !host.isNull() && !host.isString())
        return malformed(file, Message(QT_TRANSLATE_NOOP("mcp::Errors", "\"Endpoints.docker.Host\" is not a string")));
    ctx.host = host.toString();
    const QJsonValue skip = jsonField(docker.toObject(), QStringLiteral("SkipTLSVerify"));
    if (!skip.isUndefined() && !skip.isNull() && !skip.isBool())
        return malformed(file, Message(QT_TRANSLATE_NOOP("mcp::Errors", "\"Endpoints.docker.SkipTLSVerify\" is not a boolean")));
    ctx.skipTlsVerify = skip.toBool();

    ctx.tlsDir = tlsDir(ctx.name);
    ctx.caFile = existing(ctx.tlsDir, QStringLiteral("ca.pem"));
    ctx.certFile = existing(ctx.tlsDir, QStringLiteral("cert.pem"));
    ctx.keyFile = existing(ctx.tlsDir, QStringLiteral("key.pem"));
    return ctx;
}

std::vector<ContextStore::Listed> ContextStore::list() const
{
    std::vector<Listed> out;
    const QDir root(metaRoot());
    QDirIterator it(metaRoot(), {QStringLiteral("meta.json")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        out.push_back(Listed{root.relativeFilePath(QFileInfo(file).path()), loadFile(file)});
    }
    QCollator collator;
    collator.setNumericMode(true); // "gw2" before "gw10", like the CLI's natural sort
    const auto key = [](const Listed &l) { return l.context.ok() ? l.context->name : l.id; };
    std::sort(out.begin(), out.end(),
              [&](const Listed &a, const Listed &b) { return collator.compare(key(a), key(b)) < 0; });
    return out;
}

} // namespace mcp::endpoint
