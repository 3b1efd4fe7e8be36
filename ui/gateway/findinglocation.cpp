#include "findinglocation.h"

#include <QRegularExpression>

namespace mcp::ui {

FindingLocation FindingLocation::parse(const QString &path)
{
    static const QRegularExpression re(QStringLiteral("^spec\\.routes\\[(\\d+)\\](?:\\.backends(?:\\[(\\d+)\\])?)?\\.?(.*)$"));
    FindingLocation out;
    const auto m = re.match(path);
    if (!m.hasMatch())
        return out;
    out.route = m.captured(1).toInt();
    const bool backends = path.mid(m.capturedEnd(1) + 1).startsWith(QLatin1String(".backends"));
    if (!m.captured(2).isEmpty())
        out.backend = m.captured(2).toInt();
    out.field = backends && m.captured(2).isEmpty() && m.captured(3).isEmpty() ? QStringLiteral("backends") : m.captured(3);
    return out;
}

} // namespace mcp::ui
