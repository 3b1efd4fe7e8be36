#pragma once

#include <QByteArray>
#include <QList>

namespace mcp::http {

struct Header
{
    QByteArray name;
    QByteArray value;
};

// An HTTP/1.1 request to the engine. The Host header and framing are added on the wire.
struct Request
{
    QByteArray method = "GET";
    QByteArray target; // origin form: "/v1.41/containers/json?all=1"
    QList<Header> headers;
    QByteArray body;
    // Ask the engine to hijack the connection ("Connection: Upgrade", "Upgrade: tcp"), as the
    // Docker CLI does for attach and exec: after "101 UPGRADED" the stream is raw.
    bool upgrade = false;

    QByteArray serialize() const;
};

struct ResponseHead
{
    int status = 0;
    QList<Header> headers;
    // The first value of a header, compared case-insensitively; empty when absent.
    QByteArray header(const QByteArray &name) const;
};

struct Response
{
    ResponseHead head;
    QByteArray body;
};

} // namespace mcp::http
