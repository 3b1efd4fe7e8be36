#include "commands.h"
#include "docker/dockerclient.h"
#include "session.h"
#include "transport/connector.h"

#include <QJsonObject>

namespace mcp::cli {

// `mcpctl ping`: engine version, API version, OS and round-trip time. The first ping
// includes opening the connection (an SSH handshake, a TLS handshake); the round trip is
// measured by a second ping on the connection the first one left open.
int runPing(const GlobalOptions &options, const Output &out)
{
    if (!options.arguments.isEmpty())
        return out.fail(Error::make(ErrorKind::Usage, QStringLiteral("usage"),
                                    QStringLiteral("ping takes no arguments: %1").arg(options.arguments.join(u' '))));
    auto session = Session::open(options);
    if (!session)
        return out.fail(session.error());
    Session &s = **session;

    const auto first = s.wait(s.client().ping());
    if (!first)
        return out.fail(first.error());
    const auto second = s.wait(s.client().ping());
    if (!second)
        return out.fail(second.error());
    const auto version = s.wait(s.client().version());
    if (!version)
        return out.fail(version.error());

    const QJsonObject v = *version;
    const double connectMs = first->roundTripUs / 1000.0;
    const double rttMs = second->roundTripUs / 1000.0;
    if (out.isJson()) {
        out.jsonPretty(QJsonObject{
            {QStringLiteral("host"), s.endpoint().url()},
            {QStringLiteral("origin"), s.endpoint().origin},
            {QStringLiteral("context"), s.endpoint().contextName},
            {QStringLiteral("transport"), s.connector().pathDescription()},
            {QStringLiteral("engineVersion"), v.value(QLatin1String("Version")).toString()},
            {QStringLiteral("apiVersion"), second->apiVersion},
            {QStringLiteral("negotiatedApiVersion"), second->negotiatedVersion},
            {QStringLiteral("minApiVersion"), v.value(QLatin1String("MinAPIVersion")).toString()},
            {QStringLiteral("os"), v.value(QLatin1String("Os")).toString()},
            {QStringLiteral("arch"), v.value(QLatin1String("Arch")).toString()},
            {QStringLiteral("kernelVersion"), v.value(QLatin1String("KernelVersion")).toString()},
            {QStringLiteral("connectMs"), connectMs},
            {QStringLiteral("rttMs"), rttMs},
        });
    } else {
        out.line(QStringLiteral("%1 (%2)").arg(s.endpoint().url(), s.connector().pathDescription()));
        out.line(QStringLiteral("  engine   %1").arg(v.value(QLatin1String("Version")).toString()));
        out.line(QStringLiteral("  api      %1 (engine %2, minimum %3)")
                     .arg(second->negotiatedVersion, second->apiVersion, v.value(QLatin1String("MinAPIVersion")).toString()));
        out.line(QStringLiteral("  os       %1/%2, kernel %3")
                     .arg(v.value(QLatin1String("Os")).toString(), v.value(QLatin1String("Arch")).toString(),
                          v.value(QLatin1String("KernelVersion")).toString()));
        out.line(QStringLiteral("  rtt      %1 ms (first, with connect: %2 ms)")
                     .arg(rttMs, 0, 'f', 2)
                     .arg(connectMs, 0, 'f', 1));
    }
    return ExitOk;
}

} // namespace mcp::cli
