#include "jsonfile.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonParseError>

namespace mcp::endpoint {

namespace {
// QJsonParseError gives a byte offset; people fix files by line and column.
QString lineColumn(const QByteArray &data, int offset)
{
    int line = 1;
    int column = 1;
    for (int i = 0; i < offset && i < data.size(); ++i) {
        if (data.at(i) == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return QStringLiteral("%1:%2").arg(line).arg(column);
}
} // namespace

Result<std::optional<QJsonObject>> readJsonObjectFile(const QString &path, const QString &errorCode)
{
    QFile file(path);
    if (!QFileInfo::exists(path))
        return std::optional<QJsonObject>();
    if (!file.open(QIODevice::ReadOnly))
        return Error::make(ErrorKind::Config, errorCode,
                           Message(QT_TRANSLATE_NOOP("mcp::Errors", "cannot read %1: %2"), {path, file.errorString()}));
    const QByteArray data = file.readAll();
    if (data.trimmed().isEmpty())
        return std::optional<QJsonObject>();

    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error::make(ErrorKind::Config, errorCode,
                           Message(QT_TRANSLATE_NOOP("mcp::Errors", "%1:%2: malformed JSON: %3 (byte offset %4)"), {path, lineColumn(data, parseError.offset), parseError.errorString(), parseError.offset}));
    if (!doc.isObject())
        return Error::make(ErrorKind::Config, errorCode,
                           Message(QT_TRANSLATE_NOOP("mcp::Errors", "%1: expected a JSON object at the top level"), {path}));
    return std::optional<QJsonObject>(doc.object());
}

QJsonValue jsonField(const QJsonObject &obj, const QString &key)
{
    const auto exact = obj.constFind(key);
    if (exact != obj.constEnd())
        return *exact;
    for (auto it = obj.constBegin(); it != obj.constEnd(); ++it) {
        if (it.key().compare(key, Qt::CaseInsensitive) == 0)
            return it.value();
    }
    return QJsonValue(QJsonValue::Undefined);
}

} // namespace mcp::endpoint
