#pragma once

#include "bytestream.h"

#include <QPointer>

#include <memory>

namespace mcp::transport {

class SshAutoConnector;

// A stream of an SshAutoConnector: forwards to a libssh2 or OpenSSH stream and, when the
// libssh2 one fails in a way the OpenSSH client may overcome before it ever opened,
// replaces it with an OpenSSH stream without the caller noticing.
class SshAutoStream final : public ByteStream
{
    Q_OBJECT
public:
    explicit SshAutoStream(SshAutoConnector *connector, QObject *parent = nullptr);
    ~SshAutoStream() override;
    Q_DISABLE_COPY_MOVE(SshAutoStream)

    void open() override;
    void write(const QByteArray &data) override;
    QByteArray readAll() override;
    void close() override;
    bool isOpen() const override;
    void closeWrite() override;

private:
    void attach(std::unique_ptr<ByteStream> inner);
    void onInnerFailed(const mcp::Error &error);

    QPointer<SshAutoConnector> m_connector;
    std::unique_ptr<ByteStream> m_inner;
    bool m_opened = false;
    bool m_retried = false;
};

} // namespace mcp::transport
