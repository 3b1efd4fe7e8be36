#include "tcpconnector.h"

#include "tcpstream.h"

namespace mcp::transport {

std::unique_ptr<ByteStream> TcpConnector::createStream()
{
    return std::make_unique<TcpStream>(m_host, m_port, m_tls);
}

QString TcpConnector::pathDescription() const
{
    if (!m_tls.enabled)
        return tr("TCP, unencrypted");
    return m_tls.certFile.isEmpty() ? tr("TLS") : tr("TLS with client certificate");
}

} // namespace mcp::transport
