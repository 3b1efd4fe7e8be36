#include "haproxyruntime.h"

#include "common/whenready.h"
#include "docker/dockerclient.h"

#include <QHash>

namespace mcp::telemetry {

namespace {

const QByteArray kSeparator = QByteArrayLiteral("\n--mcp-show-stat--\n");

} // namespace

QList<HaproxyServerStat> parseShowStat(const QByteArray &csv)
{
    QList<HaproxyServerStat> out;
    QHash<QByteArray, int> column;
    for (const QByteArray &rawLine : csv.split('\n')) {
        const QByteArray line = rawLine.trimmed();
        if (line.isEmpty())
            continue;
        if (line.startsWith("# ")) {
            const QList<QByteArray> names = line.mid(2).split(',');
            for (int i = 0; i < names.size(); ++i)
                column.insert(names[i], i);
            continue;
        }
        if (column.isEmpty())
            continue; // no header yet: not a stat table
        const QList<QByteArray> cells = line.split(',');
        const auto cell = [&](const char *name) -> QByteArray {
            const int i = column.value(name, -1);
            return i >= 0 && i < cells.size() ? cells[i] : QByteArray();
        };
        HaproxyServerStat s;
        s.proxy = QString::fromUtf8(cell("pxname"));
        s.server = QString::fromUtf8(cell("svname"));
        if (s.proxy.isEmpty() || s.server.isEmpty())
            continue;
        s.address = QString::fromUtf8(cell("addr"));
        s.status = QString::fromUtf8(cell("status"));
        s.checkStatus = QString::fromUtf8(cell("check_status")).remove(QLatin1Char('*')).trimmed();
        s.checkCode = cell("check_code").toInt();
        const QByteArray duration = cell("check_duration");
        s.checkMs = duration.isEmpty() ? -1 : duration.toInt();
        s.weight = cell("weight").toInt();
        s.sessions = cell("stot").toLongLong();
        s.responses5xx = cell("hrsp_5xx").toLongLong();
        s.responseMs = cell("rtime").toInt();
        s.totalMs = cell("ttime").toInt();
        out.append(s);
    }
    return out;
}

qint64 parseDroppedLogs(const QByteArray &info)
{
    for (const QByteArray &line : info.split('\n'))
        if (line.startsWith("DroppedLogs:"))
            return line.mid(12).trimmed().toLongLong();
    return 0;
}

void readHaproxyRuntime(docker::DockerClient *client, const QString &containerId, QObject *context,
                        std::function<void(Result<HaproxyRuntime>)> done)
{
    const QString script = QStringLiteral("echo 'show info' | nc -w 2 127.0.0.1 9999; printf '%1'; echo 'show stat' | nc -w 2 127.0.0.1 9999")
                               .arg(QString::fromLatin1(kSeparator).replace(QLatin1String("\n"), QLatin1String("\\n")));
    whenReady(client->exec(containerId, {QStringLiteral("sh"), QStringLiteral("-c"), script}), context,
              [done = std::move(done)](Result<docker::ExecResult> r) {
                  if (!r)
                      return done(r.error());
                  const qsizetype cut = r->out.indexOf(kSeparator);
                  if (cut < 0 || r->exitCode != 0)
                      return done(Error::make(ErrorKind::Api, QStringLiteral("haproxy.runtime-unreachable"),
                                              Message(QT_TRANSLATE_NOOP("mcp::Errors", "the HAProxy runtime API did not answer: %1"), {QString::fromUtf8(r->err).trimmed()})));
                  HaproxyRuntime runtime;
                  runtime.droppedLogs = parseDroppedLogs(r->out.left(cut));
                  runtime.servers = parseShowStat(r->out.mid(cut + kSeparator.size()));
                  done(runtime);
              });
}

} // namespace mcp::telemetry
