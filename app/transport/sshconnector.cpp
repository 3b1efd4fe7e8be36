#include "sshconnector.h"

#include "sshchannelstream.h"
#include "sshsessionworker.h"

namespace mcp::transport {

SshConnector::SshConnector(SshOptions options, QObject *parent)
    : Connector(parent), m_options(std::move(options)), m_worker(new SshSessionWorker(m_options))
{
    m_thread.setObjectName(QStringLiteral("ssh:%1").arg(m_options.host));
    m_worker->moveToThread(&m_thread);
    // The worker dies on its own thread once the loop has stopped (deferred deletes are
    // run by QThread on finish), so its socket notifiers are torn down where they live.
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);

    connect(m_worker, &SshSessionWorker::hostKeyChecked, this, [this](const SshHostKeyInfo &info) {
        m_lastHostKey = info;
        emit hostKeyChecked(info);
    });
    connect(m_worker, &SshSessionWorker::dialStdioSelected, this, [this] {
        m_dialStdio = true;
        emit pathChanged(pathDescription());
    });
    connect(m_worker, &SshSessionWorker::sessionEstablished, this, [this](qint64 c, qint64 h, qint64 a) {
        m_connectMs = c;
        m_handshakeMs = h;
        m_authMs = a;
    });
    connect(m_worker, &SshSessionWorker::passphraseRequested, this, &SshConnector::onPassphraseRequested);
    m_thread.start();
}

SshConnector::~SshConnector()
{
    m_thread.quit();
    m_thread.wait();
}

std::unique_ptr<ByteStream> SshConnector::createStream()
{
    return std::make_unique<SshChannelStream>(m_worker, m_nextId++);
}

std::unique_ptr<ByteStream> SshConnector::createTcpStream(const QString &host, int port)
{
    return std::make_unique<SshChannelStream>(m_worker, m_nextId++, host, port);
}

QString SshConnector::pathDescription() const
{
    return m_dialStdio ? QStringLiteral("SSH (libssh2, dial-stdio)") : QStringLiteral("SSH (libssh2)");
}

void SshConnector::reset()
{
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker] { w->resetSession(); }, Qt::QueuedConnection);
}

void SshConnector::onPassphraseRequested(const QString &keyPath)
{
    // May show a modal dialog: runs here, on the owner's thread, while the worker waits
    // (its connect timeout paused).
    std::optional<QString> answer;
    if (m_options.passphraseProvider)
        answer = m_options.passphraseProvider(keyPath);
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker, a = std::move(answer)]() mutable { w->providePassphrase(std::move(a)); },
        Qt::QueuedConnection);
    if (answer)
        answer->fill(QChar(0));
}

} // namespace mcp::transport
