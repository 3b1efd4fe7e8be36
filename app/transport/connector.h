#pragma once

#include "bytestream.h"

#include <QObject>
#include <QString>

#include <memory>

namespace mcp::transport {

// Makes byte streams to one Docker engine. A connector may hold shared state across its
// streams (the SSH session that carries every channel); streams are independent of each
// other so that an events stream and API calls run side by side.
class Connector : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    ~Connector() override = default;

    // A new, unopened stream; the caller owns it and calls open().
    virtual std::unique_ptr<ByteStream> createStream() = 0;
    // A stream to host:port as the engine's machine reaches it (an SSH direct-tcpip
    // channel: a container's bridge address from a remote Docker host), or null when the
    // transport cannot open one. The health prober's vantage when no gateway can reach.
    virtual std::unique_ptr<ByteStream> createTcpStream(const QString &host, int port)
    {
        Q_UNUSED(host)
        Q_UNUSED(port)
        return nullptr;
    }
    // How this engine is reached, for the UI: "unix socket", "TLS (client certificate)",
    // "SSH (libssh2)", "SSH (OpenSSH client)".
    virtual QString pathDescription() const = 0;
    // Drops shared state (an SSH session) so the next stream starts from scratch; called
    // before a reconnect.
    virtual void reset() {}
};

} // namespace mcp::transport
