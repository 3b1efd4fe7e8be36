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

namespace mcp::ui {

void FindingIndex::rebuild(const gateway::Findings &findings)
{
    m_byRoute.clear();
    for (const gateway::Finding &f : findings) {
        const FindingLocation loc = FindingLocation::parse(f.pos.path);
        if (loc.route >= 0)
            m_byRoute[loc.route].append({loc, f});
    }
}

QList<gateway::Finding> FindingIndex::at(int route, int backend, const QString &field) const
{
    QList<gateway::Finding> out;
    for (const auto &[loc, f] : m_byRoute.value(route))
        if (loc.backend == backend && loc.field == field)
            out << f;
    return out;
}

QList<gateway::Finding> FindingIndex::inRoute(int route) const
{
    QList<gateway::Finding> out;
    for (const auto &entry : m_byRoute.value(route))
        out << entry.second;
    return out;
}

} // namespace mcp::ui
