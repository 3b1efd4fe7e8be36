#include "unixconnector.h"

#include "localsocketstream.h"

namespace mcp::transport {

std::unique_ptr<ByteStream> UnixConnector::createStream()
{
    return std::make_unique<LocalSocketStream>(m_socketPath);
}

QString UnixConnector::pathDescription() const
{
    return tr("unix socket %1").arg(m_socketPath);
}

} // namespace mcp::transport
