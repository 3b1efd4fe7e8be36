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

} // namespace

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
        return QCoreApplication::translate("mcp::topology::HealthReason", "health probe from %1: %2").arg(m.captured(1), m.captured(2));
    return reason;
}

} // namespace mcp::topology
