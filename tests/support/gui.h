#pragma once

// Helpers the GUI tests share: the demo stack on the test bed's engine, and screenshots
// (QWidget::grab) saved to MCP_SCREENSHOT_DIR for a person to look at.
#include <QDir>
#include <QProcess>
#include <QWidget>
#include <QtTest>

namespace mcp::test {

// scripts/demo-stack up|down, its output passed through.
inline bool demoStack(const QString &action)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::ForwardedChannels);
    p.start(qEnvironmentVariable("MCP_SOURCE_DIR") + QStringLiteral("/scripts/demo-stack"), {action});
    return p.waitForFinished(180000) && p.exitCode() == 0;
}

// MCP_SCREENSHOT_DIR/<name>.png; a failed save fails the calling test.
#define MCP_SAVE_SCREENSHOT(widget, name)                                                                   \
    do {                                                                                                    \
        QDir().mkpath(QStringLiteral(MCP_SCREENSHOT_DIR));                                                  \
        const QString mcpShotPath = QStringLiteral(MCP_SCREENSHOT_DIR "/%1.png").arg(name);                 \
        QVERIFY((widget)->grab().save(mcpShotPath));                                                        \
        qInfo("screenshot: %s", qPrintable(mcpShotPath));                                                   \
    } while (false)

} // namespace mcp::test
