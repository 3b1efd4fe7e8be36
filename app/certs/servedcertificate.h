#pragma once

#include "certificateinfo.h"

#include "common/result.h"

#include <QObject>

#include <functional>
#include <memory>

namespace mcp::docker {
class DockerClient;
}

namespace mcp::certs {

// The client side of the first round of a TLS 1.2 handshake, for reading what a listener
// serves: a ClientHello (with SNI), then the server's first flight (ServerHello, Certificate,
// ...) parsed by OpenSSL, which hands over the certificate chain the server sent. TLS 1.2
// because it sends the chain in clear in that first flight (1.3 encrypts it); every gateway
// configuration here allows 1.2. No key exchange is completed, nothing is sent after the hello.
class TlsPeek
{
public:
    explicit TlsPeek(const QString &serverName);
    ~TlsPeek();
    TlsPeek(const TlsPeek &) = delete;
    TlsPeek &operator=(const TlsPeek &) = delete;

    QByteArray clientHello();
    // The chain in the server's answer; cert.tls-handshake when the bytes hold no certificate
    // (not TLS, an alert, a refused connection).
    Result<QList<CertificateInfo>> readServerFlight(const QByteArray &bytes);

private:
    struct State;
    std::unique_ptr<State> d;
};

// What a gateway container's listener on `port` serves for `serverName` (empty: no SNI),
// asked from inside the container (an exec of its busybox nc to 127.0.0.1): works the same
// over every transport the host is reached by. `done` runs on the context's thread.
void fetchServedCertificate(docker::DockerClient *client, const QString &containerId, int port, const QString &serverName, QObject *context,
                            std::function<void(Result<QList<CertificateInfo>>)> done);

} // namespace mcp::certs
