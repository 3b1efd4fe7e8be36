#include "tcpstream.h"

#include <QFile>
#include <QSslConfiguration>
#include <QSslKey>

namespace mcp::transport {

namespace {
Result<QByteArray> readPem(const QString &path, const QString &what)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::make(ErrorKind::Config, QStringLiteral("tls.file-unreadable"),
                           QStringLiteral("cannot read the %1 %2: %3").arg(what, path, file.errorString()));
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
        auto pem = readPem(m_tls.caFile, QStringLiteral("CA bundle"));
        if (!pem)
            return pem.error();
        const auto cas = QSslCertificate::fromData(*pem, QSsl::Pem);
        if (cas.isEmpty())
            return Error::make(ErrorKind::Config, QStringLiteral("tls.bad-ca"),
                               QStringLiteral("%1 holds no PEM certificate").arg(m_tls.caFile));
        config.setCaCertificates(cas);
    }
    if (!m_tls.certFile.isEmpty()) {
        auto certPem = readPem(m_tls.certFile, QStringLiteral("client certificate"));
        if (!certPem)
            return certPem.error();
        const auto certs = QSslCertificate::fromData(*certPem, QSsl::Pem);
        if (certs.isEmpty())
            return Error::make(ErrorKind::Config, QStringLiteral("tls.bad-cert"),
                               QStringLiteral("%1 holds no PEM certificate").arg(m_tls.certFile));
        auto keyPem = readPem(m_tls.keyFile, QStringLiteral("client key"));
        if (!keyPem)
            return keyPem.error();
        QSslKey key(*keyPem, QSsl::Ec, QSsl::Pem);
        if (key.isNull())
            key = QSslKey(*keyPem, QSsl::Rsa, QSsl::Pem);
        keyPem->fill('\0');
        if (key.isNull())
            return Error::make(ErrorKind::Config, QStringLiteral("tls.bad-key"),
                               QStringLiteral("%1 holds no usable unencrypted PEM private key").arg(m_tls.keyFile));
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
                                QStringLiteral("connection to %1 refused").arg(where)));
    case QAbstractSocket::HostNotFoundError:
        return fail(Error::make(ErrorKind::Transport, QStringLiteral("transport.dns"),
                                QStringLiteral("host %1 not found").arg(m_host)));
    case QAbstractSocket::SocketTimeoutError:
        return fail(Error::make(ErrorKind::Timeout, QStringLiteral("transport.timeout"),
                                QStringLiteral("no answer from %1").arg(where)));
    case QAbstractSocket::SslHandshakeFailedError:
    case QAbstractSocket::SslInternalError:
    case QAbstractSocket::SslInvalidUserDataError:
        return fail(Error::make(ErrorKind::Tls, QStringLiteral("tls.handshake"),
                                QStringLiteral("TLS handshake with %1 failed: %2").arg(where, m_socket.errorString())));
    case QAbstractSocket::RemoteHostClosedError:
        return fail(Error::make(m_tls.enabled ? ErrorKind::Tls : ErrorKind::Transport,
                                m_tls.enabled ? QStringLiteral("tls.closed-by-peer") : QStringLiteral("transport.closed"),
                                m_tls.enabled ? QStringLiteral("%1 closed the connection during the TLS handshake "
                                                               "(is the client certificate accepted?)")
                                                    .arg(where)
                                              : QStringLiteral("%1 closed the connection").arg(where)));
    default:
        return fail(Error::make(ErrorKind::Transport, QStringLiteral("transport.error"),
                                QStringLiteral("%1: %2").arg(where, m_socket.errorString())));
    }
}

void TcpStream::onSslErrors(const QList<QSslError> &errors)
{
    // Never ignored: every verification failure ends the stream with the reasons.
    QStringList reasons;
    for (const auto &e : errors)
        reasons << e.errorString();
    fail(Error::make(ErrorKind::Tls, QStringLiteral("tls.verify"),
                     QStringLiteral("the server certificate of %1:%2 did not verify: %3")
                         .arg(m_host)
                         .arg(m_port)
                         .arg(reasons.join(QStringLiteral("; ")))));
}

} // namespace mcp::transport
