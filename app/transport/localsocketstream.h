#pragma once

#include "bytestream.h"

#include <QLocalSocket>

namespace mcp::transport {

// A ByteStream over a local (unix domain) socket: the engine's own socket on this machine.
class LocalSocketStream final : public ByteStream
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalSocketStream)
public:
    explicit LocalSocketStream(QString path, QObject *parent = nullptr);

    void open() override;
    void write(const QByteArray &data) override;
    QByteArray readAll() override;
    void close() override;
    bool isOpen() const override;

private:
    void onError(QLocalSocket::LocalSocketError error);

    QString m_path;
    QLocalSocket m_socket;
    bool m_ended = false;
};

} // namespace mcp::transport
