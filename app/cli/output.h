#pragma once

#include "common/error.h"
#include "globaloptions.h"

#include <QJsonObject>
#include <QString>

namespace mcp::cli {

enum ExitCode { ExitOk = 0, ExitProblem = 1, ExitFailure = 2 };

// Where a command's results go: text for people, one JSON document (or one object per line
// for streams) for scripts. Errors always add one line on stderr.
class Output final
{
public:
    explicit Output(OutputFormat format) : m_format(format) {}

    OutputFormat format() const { return m_format; }
    bool isJson() const { return m_format == OutputFormat::Json; }

    void line(const QString &text) const;
    void json(const QJsonObject &object) const;      // compact, one line
    void jsonPretty(const QJsonObject &object) const; // indented, for one-shot documents
    void json(const QJsonArray &array) const;

    // Reports the error (stderr line; JSON error object on stdout with --format json) and
    // returns the exit code it calls for.
    int fail(const Error &error) const;
    // One line on stderr without ending the command (a stream that reconnects).
    void warn(const QString &text) const;

private:
    OutputFormat m_format;
};

// 2 for usage and connection-type errors, 1 for an engine that answered with an error.
int exitCodeFor(const Error &error);
QJsonObject errorToJson(const Error &error);

} // namespace mcp::cli
