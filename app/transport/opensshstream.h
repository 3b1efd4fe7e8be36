#pragma once

#include "bytestream.h"

#include <QProcess>
#include <QStringList>

namespace mcp::transport {

// One Docker API stream as the stdio of `ssh ... docker system dial-stdio`, exactly what the
// Docker CLI does for ssh:// hosts. opened() follows the process start (ssh has no earlier
// point at which the stream is known to work); if ssh then gives up, its stderr is mapped
// to the same error codes as the libssh2 path. Write-side EOF is closing ssh's stdin.
class OpenSshStream final : public ByteStream
{
    Q_OBJECT
public:
    // destination: "user@host:port" for messages.
    OpenSshStream(QString program, QStringList arguments, QString destination, QObject *parent = nullptr);
    ~OpenSshStream() override;
    Q_DISABLE_COPY_MOVE(OpenSshStream)

    void open() override;
    void write(const QByteArray &data) override;
    QByteArray readAll() override;
    void close() override;
    bool isOpen() const override { return m_state == State::Open; }
    void closeWrite() override;

    // ssh's exit code and stderr turned into our error codes (exposed for tests).
    static Error errorFromSsh(int exitCode, const QByteArray &stderrText, const QString &destination);

private:
    enum class State
    {
        Idle,
        Opening,
        Open,
        Ended
    };

    void onFinished(int exitCode, QProcess::ExitStatus status);
    void onErrorOccurred(QProcess::ProcessError error);
    void end();

    QString m_program;
    QStringList m_arguments;
    QString m_destination;
    QProcess m_process;
    State m_state = State::Idle;
    QByteArray m_stderr;
    bool m_gotData = false;
};

} // namespace mcp::transport
