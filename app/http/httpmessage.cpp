#include "httpmessage.h"

namespace mcp::http {

QByteArray Request::serialize() const
{
    QByteArray out;
    out.reserve(256 + body.size());
    out += method + ' ' + target + " HTTP/1.1\r\n";
    // The engine ignores Host on a socket; "docker" is what the Docker CLI sends.
    out += "Host: docker\r\n";
    out += "User-Agent: mcp-console/" MCP_VERSION "\r\n";
    bool hasContentType = false;
    for (const auto &h : headers) {
        out += h.name + ": " + h.value + "\r\n";
        hasContentType = hasContentType || h.name.compare("content-type", Qt::CaseInsensitive) == 0;
    }
    if (!body.isEmpty() && !hasContentType)
        out += "Content-Type: application/json\r\n";
    if (!body.isEmpty() || method == "POST" || method == "PUT")
        out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    if (upgrade)
        out += "Connection: Upgrade\r\nUpgrade: tcp\r\n";
    out += "\r\n";
    out += body;
    return out;
}

QByteArray ResponseHead::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.name.compare(name, Qt::CaseInsensitive) == 0)
            return h.value;
    }
    return {};
}

} // namespace mcp::http
