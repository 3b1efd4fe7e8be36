#include "servedcertificate.h"

#include "opensslhelpers.h"

#include "common/whenready.h"
#include "docker/dockerclient.h"

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>

namespace mcp::certs {

struct TlsPeek::State
{
    SSL_CTX *ctx = nullptr;
    SSL *ssl = nullptr;
    BIO *in = nullptr;  // owned by ssl
    BIO *out = nullptr; // owned by ssl
    ~State()
    {
        if (ssl)
            SSL_free(ssl);
        if (ctx)
            SSL_CTX_free(ctx);
    }
};

TlsPeek::TlsPeek(const QString &serverName) : d(std::make_unique<State>())
{
    d->ctx = SSL_CTX_new(TLS_client_method());
    SSL_CTX_set_max_proto_version(d->ctx, TLS1_2_VERSION);
    SSL_CTX_set_verify(d->ctx, SSL_VERIFY_NONE, nullptr); // we read the chain; the checks judge it
    d->ssl = SSL_new(d->ctx);
    d->in = BIO_new(BIO_s_mem());
    d->out = BIO_new(BIO_s_mem());
    SSL_set_bio(d->ssl, d->in, d->out);
    SSL_set_connect_state(d->ssl);
    if (!serverName.isEmpty())
        SSL_set_tlsext_host_name(d->ssl, serverName.toUtf8().constData());
}

TlsPeek::~TlsPeek() = default;

QByteArray TlsPeek::clientHello()
{
    SSL_do_handshake(d->ssl); // writes the hello into the out BIO, then wants to read
    QByteArray hello;
    char buf[4096];
    int n = 0;
    while ((n = BIO_read(d->out, buf, sizeof buf)) > 0)
        hello.append(buf, n);
    ERR_clear_error();
    return hello;
}

Result<QList<CertificateInfo>> TlsPeek::readServerFlight(const QByteArray &bytes)
{
    BIO_write(d->in, bytes.constData(), int(bytes.size()));
    SSL_do_handshake(d->ssl); // processes ServerHello, Certificate, ...; stops wanting more
    const QString reason = detail::lastOpensslError();
    STACK_OF(X509) *chain = SSL_get_peer_cert_chain(d->ssl);
    if (!chain || sk_X509_num(chain) == 0)
        return Error::make(ErrorKind::Api, QStringLiteral("cert.tls-handshake"),
                           bytes.isEmpty() ? Message(QT_TRANSLATE_NOOP("mcp::Errors", "the listener did not answer the TLS hello"))
                                           : Message(QT_TRANSLATE_NOOP("mcp::Errors", "no certificate in the listener's answer (%1)"), {reason.isEmpty() ? QStringLiteral("not TLS?") : reason}));
    QByteArray pem;
    for (int i = 0; i < sk_X509_num(chain); ++i) {
        detail::BioPtr bio(BIO_new(BIO_s_mem()));
        PEM_write_bio_X509(bio.get(), sk_X509_value(chain, i));
        char *data = nullptr;
        const long len = BIO_get_mem_data(bio.get(), &data);
        pem.append(data, int(len));
    }
    return readCertificates(pem);
}

void fetchServedCertificate(docker::DockerClient *client, const QString &containerId, int port, const QString &serverName, QObject *context,
                            std::function<void(Result<QList<CertificateInfo>>)> done)
{
    auto peek = std::make_shared<TlsPeek>(serverName);
    // The hello as octal escapes for the container's printf (binary-safe in any sh).
    QString escaped;
    for (const char c : peek->clientHello())
        escaped += QStringLiteral("\\%1").arg(uint(uchar(c)), 3, 8, QLatin1Char('0'));
    const QString script = QStringLiteral("printf '%1' | nc -w 2 127.0.0.1 %2").arg(escaped).arg(port);
    whenReady(client->exec(containerId, {QStringLiteral("sh"), QStringLiteral("-c"), script}), context,
              [peek, done = std::move(done)](Result<docker::ExecResult> r) {
                  if (!r)
                      return done(r.error());
                  done(peek->readServerFlight(r->out));
              });
}

} // namespace mcp::certs
