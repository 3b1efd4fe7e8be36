#pragma once

#include <QByteArray>

namespace mcp::telemetry {

// One request as a gateway logged it (the JSON access-log line the drivers configure),
// reduced to what the figures need. Strings are the raw bytes of the line's values.
struct AccessRecord
{
    qint64 timeMs = 0;      // from the line ("time"); the Docker log timestamp is better when there is one
    QByteArray route;       // the route's config id (nginx $mcp_route, HAProxy backend without "be_")
    QByteArray upstream;    // the address that answered last ("ip:port"), empty when none
    QByteArray version;     // nginx: the version the upstream address maps to; empty for HAProxy
    QByteArray server;      // HAProxy: the server name
    int status = 0;
    int upstreamStatus = 0; // 0: no upstream answered
    double requestMs = 0;   // the whole request as the gateway timed it
    double upstreamMs = -1; // the upstream's answer time, -1 when none answered
    bool gatewayMade = false; // a 5xx the gateway made itself (no upstream answer, or it replaced the upstream's status)
    bool haproxy = false;
};

} // namespace mcp::telemetry
