#pragma once

#include "docker/dockertypes.h"

#include <QPointer>
#include <QWidget>

#include <memory>

class QCheckBox;
class QLabel;
class QPlainTextEdit;

namespace mcp::docker {
class LogStream;
}
namespace mcp::hosts {
class HostConnection;
}

namespace mcp::ui {

// A container's log, live: the last 500 lines, then new lines as they are written, stderr
// marked. Closing the window (or the host going away) ends the stream. The view keeps at
// most 10,000 lines so a chatty container cannot eat the console's memory.
class ContainerLogWindow final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ContainerLogWindow)
public:
    ContainerLogWindow(hosts::HostConnection *host, const QString &containerId, const QString &name,
                       QWidget *parent = nullptr);
    ~ContainerLogWindow() override;

    QString text() const;
    int lineCount() const { return m_lines; }

Q_SIGNALS:
    void linesArrived();

private:
    void start(bool tty);
    void append(docker::StdStream stream, qint64 ns, const QByteArray &line);
    void stopStream(const QString &why);

    QPointer<hosts::HostConnection> m_host;
    QString m_containerId;
    QPlainTextEdit *m_text;
    QLabel *m_status;
    QCheckBox *m_follow;
    std::unique_ptr<docker::LogStream> m_stream;
    int m_lines = 0;
};

} // namespace mcp::ui
