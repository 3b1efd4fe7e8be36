#pragma once

#include "connector.h"

namespace mcp::transport {

// Streams to an engine's unix socket on this machine.
class UnixConnector final : public Connector
{
    Q_OBJECT
public:
    explicit UnixConnector(QString socketPath, QObject *parent = nullptr)
        : Connector(parent), m_socketPath(std::move(socketPath))
    {
    }
    std::unique_ptr<ByteStream> createStream() override;
    QString pathDescription() const override;

private:
    QString m_socketPath;
};

} // namespace mcp::transport
