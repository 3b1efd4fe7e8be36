#pragma once

#include "bytestream.h"
#include "endpoint/endpoint.h"

#include <QSslSocket>

namespace mcp::transport {

// A ByteStream over TCP, with TLS when the endpoint asks for it. TLS always verifies the
// server against the configured CA (never "insecure skip verify") and presents the client
// certificate when one is configured. The key file is read into QSslKey only.
class TcpStream final : public ByteStream
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TcpStream)
public:
    TcpStream(QString host, quint16 port, endpoint::TlsConfig tls, QObject *parent = nullptr);

    void open() override;
    void write(const QByteArray &data) override;
    QByteArray readAll() override;
    void close() override;
    bool isOpen() const override;

private:
    Status configureTls();
    void fail(const Error &error);
    void onSocketError(QAbstractSocket::SocketError error);
    void onSslErrors(const QList<QSslError> &errors);

    QString m_host;
    quint16 m_port;
    endpoint::TlsConfig m_tls;
    QSslSocket m_socket;
    bool m_ended = false;
    bool m_open = false;
};

} // namespace mcp::transport
