#pragma once

// The test bed's second, private Docker engine (scripts/testbed/engine2): the one a test may
// kill mid-stream or expect to hold only its own containers, without disturbing the main
// engine that the other tests share.
#include "support/testbed.h"

#include <QDebug>
#include <QProcess>
#include <QStringList>

namespace mcp::test {

// engine2 start|stop|kill|restart|status, its output passed through; true when it succeeded.
inline bool engine2(const QString &action)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::ForwardedChannels);
    p.start(Testbed::instance().require(QStringLiteral("MCP_TB_ENGINE2_CTL")), {action});
    return p.waitForFinished(120000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

// The docker CLI against engine2 (synchronous); its trimmed stdout, empty on failure.
inline QString engine2Cli(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral("docker"),
            QStringList{QStringLiteral("-H"),
                        Testbed::instance().require(QStringLiteral("MCP_TB_ENGINE2_HOST"))} +
                args);
    if (!p.waitForFinished(60000) || p.exitCode() != 0) {
        qWarning() << "docker (engine2)" << args << "failed:" << p.readAllStandardError();
        return {};
    }
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

} // namespace mcp::test
