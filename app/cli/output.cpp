#include "output.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cstdio>

namespace mcp::cli {

int exitCodeFor(const Error &error)
{
    return error.kind == ErrorKind::Api || error.kind == ErrorKind::Http ? ExitProblem : ExitFailure;
}

QJsonObject errorToJson(const Error &error)
{
    QJsonObject o{{QStringLiteral("code"), error.code},
                  {QStringLiteral("kind"), errorKindName(error.kind)},
                  {QStringLiteral("message"), error.detail}};
    if (error.httpStatus)
        o.insert(QStringLiteral("httpStatus"), error.httpStatus);
    return o;
}

void Output::line(const QString &text) const
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

void Output::json(const QJsonObject &object) const
{
    const QByteArray bytes = QJsonDocument(object).toJson(QJsonDocument::Compact);
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

void Output::jsonPretty(const QJsonObject &object) const
{
    const QByteArray bytes = QJsonDocument(object).toJson(QJsonDocument::Indented);
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

void Output::json(const QJsonArray &array) const
{
    const QByteArray bytes = QJsonDocument(array).toJson(QJsonDocument::Indented);
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

int Output::fail(const Error &error) const
{
    if (isJson())
        json(QJsonObject{{QStringLiteral("error"), errorToJson(error)}});
    warn(error.toString());
    return exitCodeFor(error);
}

void Output::warn(const QString &text) const
{
    const QByteArray bytes = QStringLiteral("mcpctl: %1\n").arg(text).toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

} // namespace mcp::cli
