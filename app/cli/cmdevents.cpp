#include "commands.h"
#include "endpoint/endpointresolver.h"
#include "hosts/connectorfactory.h"
#include "hosts/hostconnection.h"
#include "session.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QRegularExpression>

namespace mcp::cli {

namespace {

Error usage(const QString &detail)
{
    return Error::make(ErrorKind::Usage, QStringLiteral("usage"), detail);
}

// "10m", "90s", "2h" back from now, or an absolute "seconds[.fraction]" since the epoch.
Result<qint64> parseSince(const QString &text)
{
    static const QRegularExpression relative(QStringLiteral("^(\\d+)(ms|s|m|h)$"));
    const auto m = relative.match(text);
    const qint64 nowNs = QDateTime::currentMSecsSinceEpoch() * 1000000LL;
    if (m.hasMatch()) {
        const qint64 n = m.captured(1).toLongLong();
        const QString unit = m.captured(2);
        const qint64 ms = unit == QLatin1String("ms") ? n
                          : unit == QLatin1String("s") ? n * 1000
                          : unit == QLatin1String("m") ? n * 60000
                                                       : n * 3600000;
        return nowNs - ms * 1000000LL;
    }
    bool ok = false;
    const double seconds = text.toDouble(&ok);
    if (ok && seconds > 0)
        return qint64(seconds * 1e9);
    return usage(QStringLiteral("--since takes a duration (90s, 10m, 2h) or seconds since the epoch, not '%1'").arg(text));
}

QString formatEventText(const QJsonObject &e)
{
    const qint64 ns = e.value(QLatin1String("timeNano")).toInteger();
    const QString when = QDateTime::fromMSecsSinceEpoch(ns / 1000000, Qt::UTC).toString(Qt::ISODateWithMs);
    const QJsonObject actor = e.value(QLatin1String("Actor")).toObject();
    const QJsonObject attrs = actor.value(QLatin1String("Attributes")).toObject();
    QString line = QStringLiteral("%1 %2 %3 %4").arg(when, e.value(QLatin1String("Type")).toString(),
                                                     e.value(QLatin1String("Action")).toString(),
                                                     actor.value(QLatin1String("ID")).toString().left(12));
    if (attrs.contains(QLatin1String("name")))
        line += QStringLiteral(" (name=%1)").arg(attrs.value(QLatin1String("name")).toString());
    return line;
}

} // namespace

// `mcpctl events`: follows the engine's event stream, one line (text) or one JSON object
// (json) per event. It survives a lost engine: the state goes to stderr, the stream resumes
// where it stopped once the engine is back, and nothing is printed twice.
int runEvents(const GlobalOptions &options, const Output &out)
{
    QJsonObject filters;
    qint64 sinceNs = 0;
    int count = -1;
    for (qsizetype i = 0; i < options.arguments.size(); ++i) {
        const QString &arg = options.arguments.at(i);
        const bool hasNext = i + 1 < options.arguments.size();
        if ((arg == QLatin1String("--filter") || arg == QLatin1String("-f")) && hasNext) {
            const QString kv = options.arguments.at(++i);
            const qsizetype eq = kv.indexOf(QLatin1Char('='));
            if (eq <= 0)
                return out.fail(usage(QStringLiteral("--filter takes key=value, not '%1'").arg(kv)));
            QJsonArray values = filters.value(kv.left(eq)).toArray();
            values.append(kv.mid(eq + 1));
            filters.insert(kv.left(eq), values);
        } else if (arg == QLatin1String("--since") && hasNext) {
            const auto since = parseSince(options.arguments.at(++i));
            if (!since)
                return out.fail(since.error());
            sinceNs = *since;
        } else if (arg == QLatin1String("--count") && hasNext) {
            bool ok = false;
            count = options.arguments.at(++i).toInt(&ok);
            if (!ok || count <= 0)
                return out.fail(usage(QStringLiteral("--count takes a number > 0")));
        } else {
            return out.fail(usage(QStringLiteral("events: unknown argument '%1' (takes --filter k=v, --since, --count)").arg(arg)));
        }
    }

    auto endpoint = resolveEndpoint(options);
    if (!endpoint)
        return out.fail(endpoint.error());
    const hosts::ConnectOptions connect = connectOptions(options);

    hosts::HostConnection host(endpoint->url(), *endpoint, hosts::makeConnector(*endpoint, connect));
    host.setEventFilters(filters);
    host.setResumePoint(sinceNs);
    int exitCode = ExitOk;
    int printed = 0;
    bool everConnected = false;
    QObject::connect(&host, &hosts::HostConnection::eventReceived, &host, [&](const QJsonObject &e) {
        if (out.isJson())
            out.json(e);
        else
            out.line(formatEventText(e));
        if (count > 0 && ++printed >= count)
            QCoreApplication::exit(ExitOk);
    });
    QObject::connect(&host, &hosts::HostConnection::stateChanged, &host, [&](hosts::HostState state, const Error &reason) {
        if (state == hosts::HostState::Connected) {
            if (everConnected)
                out.warn(QStringLiteral("reconnected to %1; resuming the stream").arg(endpoint->url()));
            everConnected = true;
        } else if (state == hosts::HostState::Unreachable || state == hosts::HostState::Degraded) {
            // Before the first contact a failure is final, as for every other command: a
            // typo in --host should not retry forever. Afterwards the stream waits it out.
            if (!everConnected) {
                exitCode = out.fail(reason);
                QCoreApplication::exit(exitCode);
                return;
            }
            out.warn(QStringLiteral("%1 %2: %3; retrying").arg(endpoint->url(), hosts::hostStateName(state), reason.toString()));
        }
    });
    host.start();
    return QCoreApplication::exec();
}

} // namespace mcp::cli
