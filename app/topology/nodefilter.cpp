#include "nodefilter.h"

#include <QJsonArray>

namespace mcp::topology {

namespace {
bool contains(const QString &haystack, const QString &needle)
{
    return haystack.contains(needle, Qt::CaseInsensitive);
}

QList<Health> parseHealths(const QString &value)
{
    QList<Health> out;
    for (const QString &part : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString p = part.toLower();
        if (p == QLatin1String("healthy") || p == QLatin1String("ok"))
            out << Health::Healthy;
        else if (p == QLatin1String("degraded"))
            out << Health::Degraded;
        else if (p == QLatin1String("down"))
            out << Health::Down;
        else if (p == QLatin1String("unknown"))
            out << Health::Unknown;
        else if (p == QLatin1String("bad") || p == QLatin1String("problems"))
            out << Health::Degraded << Health::Down;
    }
    return out;
}

bool textMatches(const Node &n, const QString &text)
{
    if (contains(n.name, text) || contains(n.id, text) || healthName(n.health).compare(text, Qt::CaseInsensitive) == 0)
        return true;
    for (auto a = n.attributes.begin(); a != n.attributes.end(); ++a) {
        if (a.value().isString() && contains(a.value().toString(), text))
            return true;
    }
    return false;
}
} // namespace

NodeFilter NodeFilter::parse(const QString &text)
{
    NodeFilter f;
    for (const QString &word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        Term t;
        const qsizetype colon = word.indexOf(QLatin1Char(':'));
        const qsizetype equals = word.indexOf(QLatin1Char('='));
        const QString prefix = colon > 0 ? word.left(colon).toLower() : QString();
        const QString rest = colon > 0 ? word.mid(colon + 1) : QString();
        if (prefix == QLatin1String("health")) {
            t.kind = Term::Kind::Health;
            t.healths = parseHealths(rest);
        } else if (prefix == QLatin1String("host")) {
            t.kind = Term::Kind::Host;
            t.value = rest;
        } else if (prefix == QLatin1String("kind")) {
            t.kind = Term::Kind::NodeKind;
            t.value = rest.toLower();
        } else if (prefix == QLatin1String("problem")) {
            t.kind = Term::Kind::Problem;
            t.value = rest;
        } else if (equals > 0) {
            t.kind = Term::Kind::Label;
            t.key = word.left(equals);
            t.value = word.mid(equals + 1);
        } else {
            t.value = word;
        }
        f.m_terms << t;
    }
    return f;
}

bool NodeFilter::matches(const Node &n) const
{
    for (const Term &t : m_terms) {
        bool ok = false;
        switch (t.kind) {
        case Term::Kind::Text:
            ok = textMatches(n, t.value);
            break;
        case Term::Kind::Health:
            ok = t.healths.contains(n.health);
            break;
        case Term::Kind::Host:
            ok = contains(n.host, t.value);
            break;
        case Term::Kind::NodeKind:
            ok = nodeKindName(n.kind).startsWith(t.value);
            break;
        case Term::Kind::Problem:
            for (const Problem &p : n.problems)
                ok = ok || contains(p.code, t.value);
            break;
        case Term::Kind::Label: {
            const QJsonObject labels = n.attributes.value(QLatin1String("labels")).toObject();
            for (auto it = labels.begin(); it != labels.end() && !ok; ++it)
                ok = it.key().compare(t.key, Qt::CaseInsensitive) == 0 && contains(it.value().toString(), t.value);
            break;
        }
        }
        if (!ok)
            return false;
    }
    return true;
}

} // namespace mcp::topology
