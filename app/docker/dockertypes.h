#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace mcp::docker {

// The newest Engine API this client speaks; the engine may speak an older one, and the
// lower of the two is used (as the Docker CLI negotiates).
inline constexpr auto kMaxApiVersion = "1.41";
inline constexpr auto kMinApiVersion = "1.24";

struct PingInfo
{
    QString apiVersion; // the engine's API-Version header
    QString negotiatedVersion;
    QString osType;
    qint64 roundTripUs = 0;
};

struct ExecResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// Log and attach streams of containers without a TTY carry 8-byte frame headers naming the
// stream; with a TTY the bytes are raw and all count as stdout.
enum class StdStream { In = 0, Out = 1, Err = 2 };

} // namespace mcp::docker
