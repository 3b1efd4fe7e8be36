#include "finding.h"

namespace mcp::gateway {

QString Finding::severityName() const
{
    switch (severity) {
    case Severity::Error: return QStringLiteral("error");
    case Severity::Warning: return QStringLiteral("warning");
    case Severity::Info: return QStringLiteral("info");
    }
    return {};
}

QString Finding::toString() const
{
    if (pos.line <= 0) // a finding about a whole file (a certificate), not a place in it
        return QStringLiteral("%1: %2: %3 [%4]").arg(file, severityName(), message, code);
    return QStringLiteral("%1:%2:%3: %4: %5 [%6]").arg(file).arg(pos.line).arg(pos.column).arg(severityName(), message, code);
}

QJsonObject Finding::toJson() const
{
    return QJsonObject{{QStringLiteral("code"), code},
                       {QStringLiteral("severity"), severityName()},
                       {QStringLiteral("file"), file},
                       {QStringLiteral("line"), pos.line},
                       {QStringLiteral("column"), pos.column},
                       {QStringLiteral("path"), pos.path},
                       {QStringLiteral("message"), message},
                       {QStringLiteral("hint"), hint}};
}

bool hasErrors(const Findings &findings)
{
    for (const auto &f : findings) {
        if (f.severity == Finding::Severity::Error)
            return true;
    }
    return false;
}

} // namespace mcp::gateway
