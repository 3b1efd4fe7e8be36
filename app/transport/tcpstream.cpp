#include "tcpstream.h"
#include "common/messagephrase.h"

#include <QFile>
#include <QSslConfiguration>
#include <QSslKey>

namespace mcp::transport {

namespace {
Result<QByteArray> readPem(const QString &path, const Message &what)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::make(ErrorKind::Config, QStringLiteral("tls.file-unreadable"),
                           Message(QT_TRANSLATE_NOOP("mcp::Errors", "cannot read the %1 %2: %3"), {phrase(what), path, file.errorString()}));
    return file.readAll();
}
} // namespace

TcpStream::TcpStream(QString host, quint16 port, endpoint::TlsConfig tls, QObject *parent)
    : ByteStream(parent), m_host(std::move(host)), m_port(port), m_tls(std::move(tls)), m_socket(this)
{
    connect(&m_socket, &QSslSocket::readyRead, this, &ByteStream::readyRead);
    connect(&m_socket, &QSslSocket::errorOccurred, this, &TcpStream::onSocketError);
    connect(&m_socket, &QSslSocket::sslErrors, this, &TcpStream::onSslErrors);
    const auto becameOpen = [this] {
        m_open = true;
        Q_EMIT opened();
    };
    if (m_tls.enabled)
        connect(&m_socket, &QSslSocket::encrypted, this, becameOpen);
    else
        connect(&m_socket, &QSslSocket::connected, this, becameOpen);
    connect(&m_socket, &QSslSocket::disconnected, this, [this] {
        if (!m_ended) {
            m_ended = true;
            m_open = false;
            Q_EMIT closed();
        }
    });
}

Status TcpStream::configureTls()
{
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setPeerVerifyMode(QSslSocket::VerifyPeer);
    if (!m_tls.caFile.isEmpty()) {
        auto pem = readPem(m_tls.caFile, Message(QT_TRANSLATE_NOOP("mcp::Errors", "CA bundle")));
        if (!pem)
            return pem.error();
        const auto cas = QSslCertificate::fromData(*pem, QSsl::Pem);
        if (cas.isEmpty())
            return Error::make(ErrorKind::Config, QStringLiteral("tls.bad-ca"),
                               Message(QT_TRANSLATE_NOOP("mcp::Errors", "%1 holds no PEM certificate"), {m_tls.caFile}));
        config.setCaCertificates(cas);
    }
    if (!m_tls.certFile.isEmpty()) {
        auto certPem = readPem(m_tls.certFile, Message(QT_TRANSLATE_NOOP("mcp::Errors", "client certificate")));
        if (!certPem)
            return certPem.error();
        const auto certs = QSslCertificate::fromData(*certPem, QSsl::Pem);
        if (certs.isEmpty())
            return Error::make(ErrorKind::Config, QStringLiteral("tls.bad-cert"),
                               Message(QT_TRANSLATE_NOOP("mcp::Errors", "%1 holds no PEM certificate"), {m_tls.certFile}));
        auto keyPem = readPem(m_tls.keyFile, Message(QT_TRANSLATE_NOOP("mcp::Errors", "client key")));
        if (!keyPem)
            return keyPem.error();
        QSslKey key(*keyPem, QSsl::Ec, QSsl::Pem);
        if (key.isNull())
            key = QSslKey(*keyPem, QSsl::Rsa, QSsl::Pem);
        keyPem->fill('\0');
        if (key.isNull())
            return Error::make(ErrorKind::Config, QStringLiteral("tls.bad-key"),
                               Message(QT_TRANSLATE_NOOP("mcp::Errors", "%1 holds no usable unencrypted PEM private key"), {m_tls.keyFile}));
        config.setLocalCertificate(certs.first());
        if (certs.size() > 1)
            config.setLocalCertificateChain(certs);
        config.setPrivateKey(key);
    }
    m_socket.setSslConfiguration(config);
    return Done{};
}

void TcpStream::open()
{
    m_ended = false;
    m_open = false;
    if (m_tls.enabled) {
        if (auto configured = configureTls(); !configured) {
            // Report asynchronously: callers connect to failed() after open() returns.
            QMetaObject::invokeMethod(this, [this, e = configured.error()] { fail(e); }, Qt::QueuedConnection);
            return;
        }
        m_socket.connectToHostEncrypted(m_host, m_port);
    } else {
        m_socket.connectToHost(m_host, m_port);
    }
}

void TcpStream::write(const QByteArray &data)
{
    m_socket.write(data);
}

QByteArray TcpStream::readAll()
{
    return m_socket.readAll();
}

void TcpStream::close()
{
    m_ended = true;
    m_open = false;
    m_socket.abort();
}

bool TcpStream::isOpen() const
{
    return m_open;
}

void TcpStream::fail(const Error &error)
{
    if (m_ended)
        return;
    m_ended = true;
    m_open = false;
    m_socket.abort();
    Q_EMIT failed(error);
}

void TcpStream::onSocketError(QAbstractSocket::SocketError error)
{
    if (error == QAbstractSocket::RemoteHostClosedError && m_open)
        return; // an ordinary end of stream, reported by disconnected()
    const QString where = QStringLiteral("%1:%2").arg(m_host).arg(m_port);
    switch (error) {
    case QAbstractSocket::ConnectionRefusedError:
        return fail(Error::make(ErrorKind::Transport, QStringLiteral("transport.refused"),
                                Message(QT_TRANSLATE_NOOP("mcp::Errors", "connection to %1 refused"), {where})));
    case QAbstractSocket::HostNotFoundError:
        return fail(Error::make(ErrorKind::Transport, QStringLiteral("transport.dns"),
                                Message(QT_TRANSLATE_NOOP("mcp::Errors", "host %1 not found"), {m_host})));
    case QAbstractSocket::SocketTimeoutError:
        return fail(Error::make(ErrorKind::Timeout, QStringLiteral("transport.timeout"),
                                Message(QT_TRANSLATE_NOOP("mcp::Errors", "no answer from %1"), {where})));
    case QAbstractSocket::SslHandshakeFailedError:
    case QAbstractSocket::SslInternalError:
    case QAbstractSocket::SslInvalidUserDataError:
        return fail(Error::make(ErrorKind::Tls, QStringLiteral("tls.handshake"),
                                Message(QT_TRANSLATE_NOOP("mcp::Errors", "TLS handshake with %1 failed: %2"), {where, m_socket.errorString()})));
    case QAbstractSocket::RemoteHostClosedError:
        return fail(Error::make(m_tls.enabled ? ErrorKind::Tls : ErrorKind::Transport,
                                m_tls.enabled ? QStringLiteral("tls.closed-by-peer") : QStringLiteral("transport.closed"),
                                m_tls.enabled ? Message(QT_TRANSLATE_NOOP("mcp::Errors", "%1 closed the connection during the TLS handshake (is the client certificate accepted?)"), {where})
                                              : Message(QT_TRANSLATE_NOOP("mcp::Errors", "%1 closed the connection"), {where})));
    default:
        return fail(Error::make(ErrorKind::Transport, QStringLiteral("transport.error"),
                                Message(QT_TRANSLATE_NOOP("mcp::Errors", "%1: %2"), {where, m_socket.errorString()})));
    }
}

void TcpStream::onSslErrors(const QList<QSslError> &errors)
{
    // Never ignored: every verification failure ends the stream with the reasons.
    QStringList reasons;
    for (const auto &e : errors)
        reasons << e.errorString();
    fail(Error::make(ErrorKind::Tls, QStringLiteral("tls.verify"),
                     Message(QT_TRANSLATE_NOOP("mcp::Errors", "the server certificate of %1:%2 did not verify: %3"), {m_host, m_port, reasons.join(QStringLiteral("; "))})));
}

} // namespace mcp::transport
