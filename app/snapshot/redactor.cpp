#include "redactor.h"

#include <QRegularExpression>

#include <algorithm>
#include <functional>

namespace mcp::snapshot {

namespace {

const QRegularExpression &privateKeyBlock()
{
    static const QRegularExpression re(QStringLiteral(
        "-----BEGIN ([A-Z0-9 ]*PRIVATE KEY)-----.*?(-----END \\1-----|$)"),
        QRegularExpression::DotMatchesEverythingOption);
    return re;
}

// Header lines (HTTP dumps, logs that print headers) and JSON fields named like them.
const QRegularExpression &authHeader()
{
    static const QRegularExpression re(QStringLiteral(
        "((?:proxy-)?authorization|cookie|set-cookie|x-api-key|x-auth-token)(\"?\\s*[:=]\\s*\"?)([^\"\\r\\n]+)"),
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

const QRegularExpression &bearer()
{
    static const QRegularExpression re(QStringLiteral("\\b(bearer|basic)\\s+([A-Za-z0-9._~+/=-]{8,})"),
                                       QRegularExpression::CaseInsensitiveOption);
    return re;
}

// key=value pairs in query strings, command lines and key: value configs.
const QRegularExpression &secretPair()
{
    static const QRegularExpression re(QStringLiteral(
        "\\b([A-Za-z0-9_.-]*(?:password|passwd|pwd|token|secret|api[_-]?key|access[_-]?key|private[_-]?key|credential)[A-Za-z0-9_.-]*)"
        "(\"?\\s*[=:]\\s*\"?)([^\\s&\"',;]+)"),
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

const QRegularExpression &urlCredentials()
{
    static const QRegularExpression re(QStringLiteral("([a-z][a-z0-9+.-]*://)([^/@\\s:\"]+):([^/@\\s\"]+)@"),
                                       QRegularExpression::CaseInsensitiveOption);
    return re;
}

const QRegularExpression &secretName()
{
    static const QRegularExpression re(QStringLiteral("PASSWORD|PASSWD|TOKEN|SECRET|KEY|CREDENTIAL"),
                                       QRegularExpression::CaseInsensitiveOption);
    return re;
}

// JSON field names: as environment names, but a bare "key" is a key name, not a secret
// (SandboxKey, keyFile, keyType).
const QRegularExpression &secretField()
{
    static const QRegularExpression re(QStringLiteral("PASSWORD|PASSWD|TOKEN|SECRET|CREDENTIAL|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY"),
                                       QRegularExpression::CaseInsensitiveOption);
    return re;
}

} // namespace

bool Redactor::isSecretName(const QString &name)
{
    return secretName().match(name).hasMatch();
}

void Redactor::note(const QString &file, const QString &what, int count)
{
    for (Record &r : m_records) {
        if (r.file == file && r.what == what) {
            r.count += count;
            return;
        }
    }
    m_records << Record{file, what, count};
}

QByteArray Redactor::text(const QString &file, const QByteArray &content)
{
    QString s = QString::fromUtf8(content);
    const QString mark = QLatin1String(kMark);

    // Replaces one group of every match with what `replacement` makes of the match, skipping
    // matches already redacted (a second pass changes and counts nothing).
    const auto replace = [&](const QRegularExpression &re, int group, const QString &what,
                             const std::function<QString(const QRegularExpressionMatch &)> &replacement,
                             bool (*looksSecret)(QStringView) = nullptr) {
        QString out;
        qsizetype last = 0;
        int count = 0;
        for (auto it = re.globalMatch(s); it.hasNext();) {
            const auto m = it.next();
            const QString with = replacement(m);
            if (m.captured(group) == with || (looksSecret && !looksSecret(m.capturedView(group))))
                continue;
            out += QStringView(s).mid(last, m.capturedStart(group) - last);
            out += with;
            last = m.capturedEnd(group);
            ++count;
        }
        if (!count)
            return;
        out += QStringView(s).mid(last);
        s = out;
        note(file, what, count);
    };
    const auto replaceGroup = [&](const QRegularExpression &re, int group, const QString &what,
                                  bool (*looksSecret)(QStringView) = nullptr) {
        replace(re, group, what, [&](const QRegularExpressionMatch &) { return mark; }, looksSecret);
    };

    // Private keys first: the whole block goes, whatever is inside it.
    replace(privateKeyBlock(), 0, QStringLiteral("private key"), [&](const QRegularExpressionMatch &m) {
        return QStringLiteral("-----BEGIN %1-----\n%2\n-----END %1-----").arg(m.captured(1), mark);
    });
    replaceGroup(authHeader(), 3, QStringLiteral("authorization or cookie header"));
    // "Basic Settings" is prose, "Basic dXNlcjpwYXNz" is not: a credential has a digit or
    // a token character in it.
    replaceGroup(bearer(), 2, QStringLiteral("bearer or basic credentials"), [](QStringView v) {
        return std::any_of(v.begin(), v.end(), [](QChar c) { return c.isDigit() || QStringView(u"._~+/=-").contains(c); });
    });
    replaceGroup(urlCredentials(), 3, QStringLiteral("password in a URL"));
    replaceGroup(secretPair(), 3, QStringLiteral("password, token or secret value"));
    return s.toUtf8();
}

QJsonValue Redactor::value(const QString &file, const QJsonValue &v)
{
    if (v.isString()) {
        const QString s = v.toString();
        const QByteArray r = text(file, s.toUtf8());
        return r == s.toUtf8() ? v : QJsonValue(QString::fromUtf8(r));
    }
    if (v.isArray())
        return json(file, v.toArray());
    if (v.isObject())
        return json(file, v.toObject());
    return v;
}

QJsonObject Redactor::json(const QString &file, const QJsonObject &object)
{
    QJsonObject out;
    for (auto it = object.begin(); it != object.end(); ++it) {
        // A field named like a secret loses its value whatever it looks like.
        if (it.value().isString() && !it.value().toString().isEmpty() && secretField().match(it.key()).hasMatch()) {
            out.insert(it.key(), QLatin1String(kMark));
            note(file, QStringLiteral("field %1").arg(it.key()));
            continue;
        }
        out.insert(it.key(), value(file, it.value()));
    }
    return out;
}

QJsonArray Redactor::json(const QString &file, const QJsonArray &array)
{
    QJsonArray out;
    for (const auto &v : array)
        out.append(value(file, v));
    return out;
}

QJsonObject Redactor::container(const QString &file, const QJsonObject &inspect)
{
    QJsonObject c = inspect;
    QJsonObject config = c.value(QLatin1String("Config")).toObject();
    if (config.contains(QLatin1String("Env"))) {
        QJsonArray env;
        for (const auto &v : config.value(QLatin1String("Env")).toArray()) {
            const QString entry = v.toString();
            const qsizetype eq = entry.indexOf(u'=');
            const QString name = eq < 0 ? entry : entry.left(eq);
            if (eq >= 0 && isSecretName(name)) {
                env.append(QString(name + u'=' + QLatin1String(kMark)));
                note(file, QStringLiteral("environment variable %1").arg(name));
            } else {
                env.append(entry);
            }
        }
        config.insert(QStringLiteral("Env"), env);
        c.insert(QStringLiteral("Config"), config);
    }
    return json(file, c);
}

QJsonArray Redactor::recordsJson() const
{
    QJsonArray out;
    for (const Record &r : m_records)
        out.append(QJsonObject{{QStringLiteral("file"), r.file}, {QStringLiteral("what"), r.what}, {QStringLiteral("count"), r.count}});
    return out;
}

} // namespace mcp::snapshot
