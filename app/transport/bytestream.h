#pragma once

#include "common/error.h"

#include <QByteArray>
#include <QObject>

namespace mcp::transport {

// One bidirectional byte stream to a Docker engine's API socket: a unix socket, a TCP/TLS
// connection, an SSH channel, or the stdio of an `ssh ... docker system dial-stdio` process.
// The HTTP layer above speaks to this and never learns which one it has.
//
// Life cycle: open() -> opened() | failed(); then readyRead() any number of times; it ends
// with exactly one of closed() (the peer ended the stream) or failed() (it broke). close()
// ends it from our side and emits nothing. All signals arrive on the thread that owns the
// object; implementations that do I/O elsewhere (libssh2) marshal to it.
class ByteStream : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    ~ByteStream() override = default;

    virtual void open() = 0;
    virtual void write(const QByteArray &data) = 0;
    // Everything received and not yet read.
    virtual QByteArray readAll() = 0;
    virtual void close() = 0;
    virtual bool isOpen() const = 0;
    // Half-close (EOF to the peer) where the transport supports it: an attached console's
    // stdin ends while its output keeps flowing.
    virtual void closeWrite() {}

signals:
    void opened();
    void readyRead();
    void closed();
    void failed(const mcp::Error &error);
};

} // namespace mcp::transport
