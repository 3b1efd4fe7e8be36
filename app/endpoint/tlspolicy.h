#pragma once

#include "endpoint.h"

namespace mcp::endpoint {

// How strongly the source of TLS settings asks for TLS.
enum class TlsDemand
{
    // A context without SkipTLSVerify: TLS when any of ca/cert/key.pem exists (as the CLI);
    // without ca.pem the server is checked against the system CAs.
    IfPresent,
    // DOCKER_TLS_VERIFY: ca.pem is required (the CLI fails without it as well).
    Verify,
    // DOCKER_TLS or DOCKER_CERT_PATH without DOCKER_TLS_VERIFY, or a context with
    // SkipTLSVerify: the CLI (or the Go SDK) would use TLS without checking the server.
    // We check it against ca.pem, and refuse (tls.verify-required) when there is none.
    CliWouldSkip,
};

struct TlsRequest
{
    TlsDemand demand = TlsDemand::IfPresent;
    QString dir;    // holds ca.pem, cert.pem, key.pem
    Message reason; // why TLS applies and what the CLI would do, one sentence without a full stop
    Message hint;   // what the user can do when we refuse
};

// Sets ep.tls from the files in request.dir (paths only; the key is never read). Only a
// tcp endpoint takes TLS: unix sockets and ssh tunnels ignore it, as in the CLI. The client
// pair is used only when both cert.pem and key.pem exist, as in the CLI.
Status applyTls(Endpoint &ep, const TlsRequest &request);

} // namespace mcp::endpoint
