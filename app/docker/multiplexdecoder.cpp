#include "multiplexdecoder.h"

namespace mcp::docker {

bool MultiplexDecoder::feed(const QByteArray &data)
{
    m_buffer += data;
    qsizetype pos = 0;
    while (m_buffer.size() - pos >= 8) {
        const auto *h = reinterpret_cast<const unsigned char *>(m_buffer.constData() + pos);
        if (h[0] > 2 || h[1] != 0 || h[2] != 0 || h[3] != 0)
            return false;
        const quint32 length = (quint32(h[4]) << 24) | (quint32(h[5]) << 16) | (quint32(h[6]) << 8) | quint32(h[7]);
        if (m_buffer.size() - pos - 8 < qsizetype(length))
            break;
        m_sink(static_cast<StdStream>(h[0]), m_buffer.mid(pos + 8, qsizetype(length)));
        pos += 8 + qsizetype(length);
    }
    m_buffer.remove(0, pos);
    return true;
}

} // namespace mcp::docker
