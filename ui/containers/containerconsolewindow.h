#pragma once

#include <QPointer>
#include <QWidget>

#include <memory>

class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace mcp::docker {
class AttachSession;
}
namespace mcp::hosts {
class HostConnection;
}

namespace mcp::ui {

// A live console on a container's main process through the engine's attach endpoint (the
// HTTP upgrade the Docker CLI uses, over the host's own transport: nothing is exposed on a
// local port). Output appears as it comes; a line typed below is sent to stdin. Closing
// the window detaches; the container keeps running.
class ContainerConsoleWindow final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ContainerConsoleWindow)
public:
    ContainerConsoleWindow(hosts::HostConnection *host, const QString &containerId, const QString &name,
                           QWidget *parent = nullptr);
    ~ContainerConsoleWindow() override;

    QString output() const;
    bool isAttached() const { return m_attached; }
    void sendLine(const QString &line);

Q_SIGNALS:
    void attachedChanged(bool attached);
    void outputArrived();

private:
    void start(bool tty, bool openStdin);
    void detach(const QString &why);

    QPointer<hosts::HostConnection> m_host;
    QString m_containerId;
    QPlainTextEdit *m_output;
    QLineEdit *m_input;
    QLabel *m_status;
    std::unique_ptr<docker::AttachSession> m_session;
    bool m_attached = false;
};

} // namespace mcp::ui
