#include "healthreasontext.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace mcp::topology {

namespace {


// The children a parent's health rolls up over (graphbuilder's rollUp).
QString what(const QString &english)
{
    if (english == QLatin1String("instances"))
        return QCoreApplication::translate("mcp::topology::HealthReason", "instances");
    if (english == QLatin1String("gateway containers"))
        return QCoreApplication::translate("mcp::topology::HealthReason", "gateway containers");
    if (english == QLatin1String("weighted backends"))
        return QCoreApplication::translate("mcp::topology::HealthReason", "weighted backends");
    return english;
}

// Where a probe ran from (healthprober's vantage).
QString vantageText(const QString &english)
{
    static const QRegularExpression gateway(QStringLiteral("^gateway (.+)$"));
    if (english == QLatin1String("console"))
        return QCoreApplication::translate("mcp::topology::HealthReason", "console");
    if (english == QLatin1String("the Docker host (SSH direct-tcpip)"))
        return QCoreApplication::translate("mcp::topology::HealthReason", "the Docker host (SSH direct-tcpip)");
    if (const auto m = gateway.match(english); m.hasMatch())
        return QCoreApplication::translate("mcp::topology::HealthReason", "gateway %1").arg(m.captured(1));
    return english;
}

} // namespace

QString probeDetailText(const QString &detail)
{
    // Details without arguments: the English text is the source string.
    static const char *const fixed[] = {
        QT_TRANSLATE_NOOP("mcp::topology::HealthReason", "connection refused"),
        QT_TRANSLATE_NOOP("mcp::topology::HealthReason", "timed out"),
        QT_TRANSLATE_NOOP("mcp::topology::HealthReason", "no HTTP answer"),
        QT_TRANSLATE_NOOP("mcp::topology::HealthReason", "the container has no network address"),
        QT_TRANSLATE_NOOP("mcp::topology::HealthReason", "connection refused: nothing listens in the container"),
        QT_TRANSLATE_NOOP("mcp::topology::HealthReason", "no running gateway shares a network with it, and the host's transport cannot reach container addresses"),
    };
    for (const char *english : fixed)
        if (detail == QLatin1String(english))
            return QCoreApplication::translate("mcp::topology::HealthReason", english);

    static const QRegularExpression timedOutAfter(QStringLiteral("^timed out after (\\d+) ms$"));
    static const QRegularExpression noAnswer(QStringLiteral("^no answer within (\\d+) ms$"));
    static const QRegularExpression late(QStringLiteral("^answered after (\\d+) ms, over the (\\d+) ms timeout$"));
    static const QRegularExpression loopback(QStringLiteral("^connection refused: the process listens on port (\\d+) on 127\\.0\\.0\\.1 only$"));
    static const QRegularExpression otherPorts(QStringLiteral("^connection refused: nothing listens on (\\d+); the container listens on (.+)$"));
    static const QRegularExpression noWget(QStringLiteral("^gateway (.+) has no wget to probe with$"));
    static const QRegularExpression execFailed(QStringLiteral("^exec in gateway (.+?) failed: (.*)$"));
    if (const auto m = timedOutAfter.match(detail); m.hasMatch())
        return QCoreApplication::translate("mcp::topology::HealthReason", "timed out after %1 ms").arg(m.captured(1));
    if (const auto m = noAnswer.match(detail); m.hasMatch())
        return QCoreApplication::translate("mcp::topology::HealthReason", "no answer within %1 ms").arg(m.captured(1));
    if (const auto m = late.match(detail); m.hasMatch())
        return QCoreApplication::translate("mcp::topology::HealthReason", "answered after %1 ms, over the %2 ms timeout").arg(m.captured(1), m.captured(2));
    if (const auto m = loopback.match(detail); m.hasMatch())
        return QCoreApplication::translate("mcp::topology::HealthReason", "connection refused: the process listens on port %1 on 127.0.0.1 only").arg(m.captured(1));
    if (const auto m = otherPorts.match(detail); m.hasMatch())
        return QCoreApplication::translate("mcp::topology::HealthReason", "connection refused: nothing listens on %1; the container listens on %2")
            .arg(m.captured(1), m.captured(2));
    if (const auto m = noWget.match(detail); m.hasMatch())
        return QCoreApplication::translate("mcp::topology::HealthReason", "gateway %1 has no wget to probe with").arg(m.captured(1));
    if (const auto m = execFailed.match(detail); m.hasMatch())
        return QCoreApplication::translate("mcp::topology::HealthReason", "exec in gateway %1 failed: %2").arg(m.captured(1), m.captured(2));
    return detail; // HTTP 404, a client library's own words
}

QString healthReasonText(const QString &reason)
{
    if (reason == QLatin1String("running"))
        return QCoreApplication::translate("mcp::topology::HealthReason", "running");
    if (reason == QLatin1String("running, HEALTHCHECK failing"))
        return QCoreApplication::translate("mcp::topology::HealthReason", "running, HEALTHCHECK failing");
    if (reason == QLatin1String("running, HEALTHCHECK starting"))
        return QCoreApplication::translate("mcp::topology::HealthReason", "running, HEALTHCHECK starting");
    if (reason == QLatin1String("running, HEALTHCHECK passing"))
        return QCoreApplication::translate("mcp::topology::HealthReason", "running, HEALTHCHECK passing");
    if (reason == QLatin1String("restarting"))
        return QCoreApplication::translate("mcp::topology::HealthReason", "restarting");
    if (reason == QLatin1String("paused"))
        return QCoreApplication::translate("mcp::topology::HealthReason", "paused");
    if (reason == QLatin1String("connected"))
        return QCoreApplication::translate("mcp::topology::HealthReason", "connected");

    static const QRegularExpression some(QStringLiteral("^(\\d+) of (\\d+) (.+) healthy$"));
    static const QRegularExpression none(QStringLiteral("^no healthy (.+) \\((\\d+) down\\)$"));
    static const QRegularExpression empty(QStringLiteral("^no (instances|gateway containers|weighted backends)$"));
    static const QRegularExpression probe(QStringLiteral("^health probe from (.*?): (.*)$"));
    if (const auto m = some.match(reason); m.hasMatch())
        return QCoreApplication::translate("mcp::topology::HealthReason", "%1 of %2 %3 healthy").arg(m.captured(1), m.captured(2), what(m.captured(3)));
    if (const auto m = none.match(reason); m.hasMatch())
        return QCoreApplication::translate("mcp::topology::HealthReason", "no healthy %1 (%2 down)").arg(what(m.captured(1)), m.captured(2));
    if (const auto m = empty.match(reason); m.hasMatch())
        return QCoreApplication::translate("mcp::topology::HealthReason", "no %1").arg(what(m.captured(1)));
    if (const auto m = probe.match(reason); m.hasMatch())
        return QCoreApplication::translate("mcp::topology::HealthReason", "health probe from %1: %2")
            .arg(vantageText(m.captured(1)), probeDetailText(m.captured(2)));
    return reason;
}

} // namespace mcp::topology
