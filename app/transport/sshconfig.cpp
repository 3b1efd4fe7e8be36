#include "sshconfig.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace mcp::transport {

namespace {

constexpr int kMaxIncludeDepth = 16; // ssh(1) stops at 16 as well: cycles end here

QString homeOr(const QString &home)
{
    return home.isEmpty() ? QDir::homePath() : home;
}

// Splits "Key Value", "Key=Value", "Key = \"quoted value\"" into key and arguments.
QStringList tokenize(const QString &line)
{
    QStringList out;
    QString cur;
    bool quoted = false;
    bool have = false;
    bool equalsSeen = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (c == QLatin1Char('"')) {
            quoted = !quoted;
            have = true;
            continue;
        }
        // Only one '=' between the key and the first argument separates; later ones belong
        // to values.
        const bool keyEquals = c == QLatin1Char('=') && !equalsSeen && out.size() + (have ? 1 : 0) == 1;
        if (keyEquals)
            equalsSeen = true;
        const bool sep = !quoted && (c.isSpace() || keyEquals);
        if (sep) {
            if (have)
                out << cur;
            cur.clear();
            have = false;
            continue;
        }
        cur += c;
        have = true;
    }
    if (have)
        out << cur;
    return out;
}

// '*' and '?' glob, case-insensitive like ssh's host matching. Hand-written because Qt 6.4's
// wildcard conversion treats '/' specially and has no flag to turn that off.
bool globMatch(QStringView pattern, QStringView text)
{
    qsizetype p = 0, t = 0, starP = -1, starT = 0;
    while (t < text.size()) {
        if (p < pattern.size() &&
            (pattern[p] == QLatin1Char('?') || pattern[p].toCaseFolded() == text[t].toCaseFolded())) {
            ++p;
            ++t;
        } else if (p < pattern.size() && pattern[p] == QLatin1Char('*')) {
            starP = p++;
            starT = t;
        } else if (starP >= 0) {
            p = starP + 1; // let the last '*' swallow one more character
            t = ++starT;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == QLatin1Char('*'))
        ++p;
    return p == pattern.size();
}

QString expandTilde(const QString &path, const QString &home)
{
    if (path == QLatin1String("~"))
        return home;
    if (path.startsWith(QLatin1String("~/")))
        return home + path.mid(1);
    return path;
}

// %-tokens of ssh_config(5) TOKENS; unknown ones are left as they are.
QString expandTokens(const QString &in, const QHash<QChar, QString> &tokens)
{
    QString out;
    out.reserve(in.size());
    for (qsizetype i = 0; i < in.size(); ++i) {
        const QChar c = in.at(i);
        if (c == QLatin1Char('%') && i + 1 < in.size()) {
            const QChar t = in.at(i + 1);
            if (t == QLatin1Char('%')) {
                out += QLatin1Char('%');
                ++i;
                continue;
            }
            const auto it = tokens.constFind(t);
            if (it != tokens.constEnd()) {
                out += *it;
                ++i;
                continue;
            }
        }
        out += c;
    }
    return out;
}

} // namespace

QString SshConfig::defaultPath()
{
    return QDir::homePath() + QStringLiteral("/.ssh/config");
}

SshConfig SshConfig::load(const QString &path, const QString &homeDir)
{
    SshConfig config;
    config.m_homeDir = homeOr(homeDir);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return config;
    config.m_files << path;
    config.parseText(QString::fromUtf8(file.readAll()), path, -1, 0);
    return config;
}

SshConfig SshConfig::parse(const QString &text, const QString &homeDir)
{
    SshConfig config;
    config.m_homeDir = homeOr(homeDir);
    config.parseText(text, QStringLiteral("<text>"), -1, 0);
    return config;
}

void SshConfig::parseText(const QString &text, const QString &fileName, int condition, int depth)
{
    // A Host line inside an included file starts a block that ends with that file; the
    // includer's condition resumes afterwards.
    int current = condition;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (qsizetype n = 0; n < lines.size(); ++n) {
        const QString line = lines.at(n).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const QStringList words = tokenize(line);
        if (words.isEmpty())
            continue;
        const QString key = words.first().toLower();
        const QStringList args = words.mid(1);
        if (key == QLatin1String("host")) {
            m_conditions.append(Condition{args, false});
            current = int(m_conditions.size()) - 1;
        } else if (key == QLatin1String("match")) {
            const bool all =
                args.size() == 1 && args.first().compare(QLatin1String("all"), Qt::CaseInsensitive) == 0;
            if (all) {
                current = -1;
            } else {
                m_conditions.append(Condition{{}, true});
                current = int(m_conditions.size()) - 1;
                m_warnings << QStringLiteral("%1:%2: Match blocks are not evaluated and never apply")
                                  .arg(fileName)
                                  .arg(n + 1);
            }
        } else if (key == QLatin1String("include")) {
            if (depth >= kMaxIncludeDepth) {
                m_warnings << QStringLiteral("%1:%2: Include nested too deeply").arg(fileName).arg(n + 1);
                continue;
            }
            for (const QString &arg : args)
                include(arg, current, depth + 1);
        } else if (!args.isEmpty()) {
            m_entries.append(Entry{current, key, args.join(QLatin1Char(' '))});
        }
    }
}

void SshConfig::include(const QString &value, int condition, int depth)
{
    QString path = expandTilde(value, m_homeDir);
    if (QFileInfo(path).isRelative())
        path = m_homeDir + QStringLiteral("/.ssh/") + path;
    const QFileInfo info(path);
    QStringList matches;
    if (info.fileName().contains(QLatin1Char('*')) || info.fileName().contains(QLatin1Char('?'))) {
        const QDir dir = info.dir();
        for (const QString &name : dir.entryList({info.fileName()}, QDir::Files, QDir::Name))
            matches << dir.filePath(name);
    } else {
        matches << path;
    }
    for (const QString &file : std::as_const(matches)) {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
            continue; // ssh(1) silently ignores missing includes too
        m_files << file;
        parseText(QString::fromUtf8(f.readAll()), file, condition, depth);
    }
}

bool SshConfig::matchesHostPatterns(const QStringList &patterns, const QString &host)
{
    bool matched = false;
    for (const QString &p : patterns) {
        if (p.startsWith(QLatin1Char('!'))) {
            if (globMatch(p.mid(1), host))
                return false; // a negated match vetoes the whole line
        } else if (globMatch(p, host)) {
            matched = true;
        }
    }
    return matched;
}

bool SshConfig::conditionHolds(int condition, const QString &host) const
{
    if (condition < 0)
        return true;
    const Condition &c = m_conditions.at(condition);
    return !c.never && matchesHostPatterns(c.patterns, host);
}

SshHostConfig SshConfig::resolve(const QString &alias, const QString &localUser) const
{
    SshHostConfig out;
    QString hostName, user, port, identitiesOnly, proxyJump, proxyCommand;
    QStringList identities, knownHosts;
    auto first = [](QString &slot, const QString &value) {
        if (slot.isEmpty())
            slot = value;
    };
    for (const Entry &e : m_entries) {
        if (!conditionHolds(e.condition, alias))
            continue;
        if (e.key == QLatin1String("hostname"))
            first(hostName, e.value);
        else if (e.key == QLatin1String("user"))
            first(user, e.value);
        else if (e.key == QLatin1String("port"))
            first(port, e.value);
        else if (e.key == QLatin1String("identityfile"))
            identities << e.value;
        else if (e.key == QLatin1String("identitiesonly"))
            first(identitiesOnly, e.value);
        else if (e.key == QLatin1String("proxyjump"))
            first(proxyJump, e.value);
        else if (e.key == QLatin1String("proxycommand"))
            first(proxyCommand, e.value);
        else if (e.key == QLatin1String("userknownhostsfile") && knownHosts.isEmpty())
            knownHosts = e.value.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    }

    out.hostName = expandTokens(hostName, {{QLatin1Char('h'), alias}});
    out.user = user;
    out.port = port.toInt();
    out.identitiesOnly = identitiesOnly.compare(QLatin1String("yes"), Qt::CaseInsensitive) == 0;
    out.proxyJump = proxyJump;
    out.proxyCommand = proxyCommand;

    const QString effectiveHost = out.hostName.isEmpty() ? alias : out.hostName;
    const QHash<QChar, QString> tokens{
        {QLatin1Char('d'), m_homeDir},
        {QLatin1Char('u'), localUser},
        {QLatin1Char('h'), effectiveHost},
        {QLatin1Char('n'), alias},
        {QLatin1Char('r'), user.isEmpty() ? localUser : user},
        {QLatin1Char('p'), QString::number(out.port > 0 ? out.port : 22)},
    };
    for (const QString &id : std::as_const(identities)) {
        if (id.compare(QLatin1String("none"), Qt::CaseInsensitive) == 0)
            continue;
        const QString path = expandTilde(expandTokens(id, tokens), m_homeDir);
        if (!out.identityFiles.contains(path))
            out.identityFiles << path;
    }
    for (const QString &kh : std::as_const(knownHosts))
        out.userKnownHostsFiles << expandTilde(expandTokens(kh, tokens), m_homeDir);
    return out;
}

} // namespace mcp::transport
