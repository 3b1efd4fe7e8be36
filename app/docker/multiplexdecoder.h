#pragma once

#include "dockertypes.h"

#include <QByteArray>

#include <functional>

namespace mcp::docker {

// Splits Docker's multiplexed stdout/stderr stream (frames of: stream byte, three zero bytes,
// big-endian uint32 length, payload) into pieces per stream, across arbitrary chunk borders.
class MultiplexDecoder final
{
public:
    using Sink = std::function<void(StdStream, const QByteArray &)>;
    explicit MultiplexDecoder(Sink sink) : m_sink(std::move(sink)) {}

    // false when a header is malformed (the stream is not multiplexed after all).
    bool feed(const QByteArray &data);
    // Bytes held back waiting for the rest of a frame.
    qsizetype pending() const { return m_buffer.size(); }

private:
    Sink m_sink;
    QByteArray m_buffer;
};

} // namespace mcp::docker
