#include "opensshstream.h"

#include "sshlog.h"

namespace mcp::transport {

namespace {
constexpr qsizetype kStderrCap = 8192;
}

OpenSshStream::OpenSshStream(QString program, QStringList arguments, QString destination, QObject *parent)
    : ByteStream(parent), m_program(std::move(program)), m_arguments(std::move(arguments)),
      m_destination(std::move(destination))
{
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    connect(&m_process, &QProcess::started, this, [this] {
        if (m_state != State::Opening)
            return;
        m_state = State::Open;
        emit opened();
    });
    connect(&m_process, &QProcess::readyReadStandardOutput, this, [this] {
        if (m_state != State::Open)
            return;
        m_gotData = true;
        emit readyRead();
    });
    connect(&m_process, &QProcess::readyReadStandardError, this, [this] {
        const QByteArray chunk = m_process.readAllStandardError();
        if (m_stderr.size() < kStderrCap)
            m_stderr += chunk.left(kStderrCap - m_stderr.size());
    });
    connect(&m_process, &QProcess::finished, this, &OpenSshStream::onFinished);
    connect(&m_process, &QProcess::errorOccurred, this, &OpenSshStream::onErrorOccurred);
}

OpenSshStream::~OpenSshStream()
{
    end();
}

void OpenSshStream::open()
{
    if (m_state != State::Idle)
        return;
    m_state = State::Opening;
    qCDebug(lcSsh) << "starting" << m_program << m_arguments;
    m_process.start(m_program, m_arguments);
}

void OpenSshStream::write(const QByteArray &data)
{
    if (m_state == State::Open || m_state == State::Opening)
        m_process.write(data);
}

QByteArray OpenSshStream::readAll()
{
    return m_process.readAllStandardOutput();
}

void OpenSshStream::closeWrite()
{
    if (m_state == State::Open)
        m_process.closeWriteChannel();
}

void OpenSshStream::close()
{
    end();
}

void OpenSshStream::end()
{
    m_state = State::Ended;
    if (m_process.state() != QProcess::NotRunning) {
        disconnect(&m_process, nullptr, this, nullptr);
        m_process.kill(); // ssh exits at once on SIGKILL; the remote dial-stdio sees EOF
        m_process.waitForFinished(2000);
    }
}

void OpenSshStream::onErrorOccurred(QProcess::ProcessError error)
{
    if (error != QProcess::FailedToStart || m_state == State::Ended)
        return;
    m_state = State::Ended;
    emit failed(Error::make(ErrorKind::Ssh, QStringLiteral("ssh.client.missing"),
                            Message(QT_TRANSLATE_NOOP("mcp::Errors", "cannot run %1: %2"), {m_program, m_process.errorString()})));
}

void OpenSshStream::onFinished(int exitCode, QProcess::ExitStatus status)
{
    if (m_state == State::Ended)
        return;
    m_stderr += m_process.readAllStandardError();
    m_state = State::Ended;
    const bool hasUnread = m_process.bytesAvailable() > 0;
    if (hasUnread)
        emit readyRead();
    if (status == QProcess::NormalExit && (exitCode == 0 || m_gotData || hasUnread)) {
        emit closed();
        return;
    }
    emit failed(errorFromSsh(status == QProcess::NormalExit ? exitCode : -1, m_stderr, m_destination));
}

Error OpenSshStream::errorFromSsh(int exitCode, const QByteArray &stderrBytes, const QString &destination)
{
    const QString text = QString::fromUtf8(stderrBytes).trimmed();
    // ssh prints "\r\n" and a lot of '@' banners; keep the lines that say something.
    QStringList lines;
    for (QString line : text.split(QLatin1Char('\n'))) {
        line = line.trimmed();
        if (!line.isEmpty() && !line.startsWith(QLatin1Char('@')))
            lines << line;
    }
    const QString detail = lines.join(QLatin1Char(' '));
    auto has = [&](const char *s) { return text.contains(QLatin1String(s), Qt::CaseInsensitive); };

    if (has("REMOTE HOST IDENTIFICATION HAS CHANGED") || has("Host key for")) {
        // ssh names the offered fingerprint; the known one is behind "Offending ... key in".
        return Error::make(
            ErrorKind::Ssh, QStringLiteral("ssh.hostkey.mismatch"),
            Message(QT_TRANSLATE_NOOP("mcp::Errors", "the host key of %1 does not match known_hosts: %2"), {destination, detail}));
    }
    if (has("Host key verification failed") || (has("No ") && has("host key is known")))
        return Error::make(ErrorKind::Ssh, QStringLiteral("ssh.hostkey.unknown"),
                           Message(QT_TRANSLATE_NOOP("mcp::Errors", "%1 is not in known_hosts: %2"), {destination, detail}));
    if (has("Permission denied"))
        return Error::make(ErrorKind::Ssh, QStringLiteral("ssh.auth.failed"),
                           Message(QT_TRANSLATE_NOOP("mcp::Errors", "%1 refused authentication: %2"), {destination, detail}));
    if (has("Connection refused"))
        return Error::make(ErrorKind::Transport, QStringLiteral("transport.refused"), detail);
    if (has("Could not resolve hostname") || has("Name or service not known"))
        return Error::make(ErrorKind::Transport, QStringLiteral("transport.dns"), detail);
    if (has("timed out"))
        return Error::make(ErrorKind::Timeout, QStringLiteral("timeout.connect"), detail);
    if (has("No route to host") || has("Network is unreachable"))
        return Error::make(ErrorKind::Transport, QStringLiteral("transport.unreachable"), detail);
    if (has("Connection closed") || has("Connection reset"))
        return Error::make(ErrorKind::Transport, QStringLiteral("transport.reset"), detail);
    if (exitCode == 255)
        return Error::make(ErrorKind::Ssh, QStringLiteral("ssh.client.failed"),
                           Message(QT_TRANSLATE_NOOP("mcp::Errors", "ssh to %1 failed: %2"), {destination, detail}));
    return Error::make(ErrorKind::Ssh, QStringLiteral("ssh.dial-stdio.failed"),
                       Message(QT_TRANSLATE_NOOP("mcp::Errors", "'docker system dial-stdio' on %1 exited with %2: %3"), {destination, exitCode, detail}));
}

} // namespace mcp::transport
