#pragma once

#include "connector.h"
#include "endpoint/endpoint.h"

namespace mcp::transport {

// Streams to an engine's TCP listener, plain or TLS with a client certificate.
class TcpConnector final : public Connector
{
    Q_OBJECT
public:
    TcpConnector(QString host, quint16 port, endpoint::TlsConfig tls, QObject *parent = nullptr)
        : Connector(parent), m_host(std::move(host)), m_port(port), m_tls(std::move(tls))
    {
    }
    std::unique_ptr<ByteStream> createStream() override;
    QString pathDescription() const override;

private:
    QString m_host;
    quint16 m_port;
    endpoint::TlsConfig m_tls;
};

} // namespace mcp::transport
