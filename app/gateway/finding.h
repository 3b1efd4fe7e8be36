#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace mcp::gateway {

// Where a spec value came from: the file, its 1-based line and column, and the field path
// ("spec.routes[0].backends[1].weight") so an editor can jump to it.
struct SourcePos
{
    int line = 0;
    int column = 0;
    QString path;
};

// One validation result. Codes are stable (scripts and docs refer to them).
struct Finding
{
    enum class Severity { Error, Warning, Info };
    QString code;
    Severity severity = Severity::Error;
    QString file;
    SourcePos pos;
    QString message;
    QString hint;

    QString severityName() const; // "error", "warning", "info"
    // "file:line:column: error: message [code]" as compilers print it.
    QString toString() const;
    // {code, severity, file, line, column, path, message, hint}: the shape `mcpctl validate`
    // and `mcpctl certs` print.
    QJsonObject toJson() const;
};

using Findings = QList<Finding>;

bool hasErrors(const Findings &findings);

} // namespace mcp::gateway
