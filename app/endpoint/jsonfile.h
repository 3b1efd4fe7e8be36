#pragma once

#include "common/result.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace mcp::endpoint {

// The Docker CLI's files (config.json, contexts/meta/*/meta.json) are read by Go's
// encoding/json, so two of its habits are kept here: an empty file is "no settings", and
// object keys match case-insensitively ("currentContext" == "CurrentContext").

// The top-level object of a JSON file; nullopt when the file does not exist (or is empty).
// A file that is unreadable, malformed or not an object is a Config error with the given
// code whose detail names the path and, for syntax errors, line:column of the fault.
Result<std::optional<QJsonObject>> readJsonObjectFile(const QString &path, const QString &errorCode);

// obj[key], or failing that the first key equal to it ignoring case, as Go does.
QJsonValue jsonField(const QJsonObject &obj, const QString &key);

} // namespace mcp::endpoint
