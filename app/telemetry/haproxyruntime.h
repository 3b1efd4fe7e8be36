#pragma once

#include "common/error.h"
#include "common/result.h"

#include <QList>
#include <QObject>
#include <QString>

#include <functional>

namespace mcp::docker {
class DockerClient;
}

namespace mcp::telemetry {

// One row of HAProxy's `show stat` (a server, or a proxy's FRONTEND/BACKEND line): what the
// runtime knows without any log: state, health-check result, counters and response times
// (HAProxy averages rtime/ttime over the last 1024 requests).
struct HaproxyServerStat
{
    QString proxy;        // pxname: be_<route>
    QString server;       // svname: s<N>_<version>, FRONTEND, BACKEND
    QString address;      // addr: ip:port (servers only)
    QString status;       // UP, DOWN, MAINT, "UP 1/3", no check
    QString checkStatus;  // L7OK, L4CON, L7STS, ... (empty: no check)
    int checkCode = 0;    // the HTTP status of the last check
    int checkMs = -1;     // the last check's duration
    int weight = 0;
    qint64 sessions = 0;  // stot
    qint64 responses5xx = 0;
    int responseMs = 0;   // rtime: average response time
    int totalMs = 0;      // ttime: average total session time
};

struct HaproxyRuntime
{
    qint64 droppedLogs = 0; // log lines HAProxy could not write (stdout full) since it started
    QList<HaproxyServerStat> servers;
};

// Parses `show stat` CSV (the "# pxname,svname,..." header names the columns, so a newer
// HAProxy with more columns still parses).
QList<HaproxyServerStat> parseShowStat(const QByteArray &csv);
// "DroppedLogs: N" from `show info`; 0 when absent.
qint64 parseDroppedLogs(const QByteArray &info);

// Asks the runtime API of one gateway container (the admin socket the renderer binds to
// 127.0.0.1:9999 inside it) for `show info` and `show stat`. `done` runs on the context's
// thread, not at all when the context is gone first.
void readHaproxyRuntime(docker::DockerClient *client, const QString &containerId, QObject *context,
                        std::function<void(Result<HaproxyRuntime>)> done);

} // namespace mcp::telemetry
