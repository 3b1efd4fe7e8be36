#include "auditlog.h"

#include <pwd.h>
#include <unistd.h>

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QStandardPaths>

namespace mcp::gateway {

QString auditLogPath()
{
    const QString over = qEnvironmentVariable("MCP_AUDIT_LOG");
    if (!over.isEmpty())
        return over;
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/mcp-console/audit.jsonl");
}

namespace {
// Who is at the keyboard: $USER, else the account the process runs as.
QString currentUser()
{
    QString user = qEnvironmentVariable("USER", qEnvironmentVariable("LOGNAME"));
    if (user.isEmpty())
        if (const passwd *pw = getpwuid(getuid()))
            user = QString::fromLocal8Bit(pw->pw_name);
    return user.isEmpty() ? QStringLiteral("unknown") : user;
}
} // namespace

bool appendAudit(QJsonObject entry)
{
    const QString path = auditLogPath();
    QDir().mkpath(QFileInfo(path).absolutePath());
    if (!entry.contains(QLatin1String("time")))
        entry.insert(QStringLiteral("time"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    if (!entry.contains(QLatin1String("user")))
        entry.insert(QStringLiteral("user"), currentUser());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Append))
        return false;
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return f.write(QJsonDocument(entry).toJson(QJsonDocument::Compact) + '\n') > 0;
}

QJsonArray readAudit(int last)
{
    QFile f(auditLogPath());
    QJsonArray all;
    if (!f.open(QIODevice::ReadOnly))
        return all;
    while (!f.atEnd()) {
        const QJsonDocument doc = QJsonDocument::fromJson(f.readLine());
        if (doc.isObject())
            all.append(doc.object());
    }
    QJsonArray out;
    for (qsizetype i = std::max<qsizetype>(0, all.size() - last); i < all.size(); ++i)
        out.append(all.at(i));
    return out;
}

} // namespace mcp::gateway
