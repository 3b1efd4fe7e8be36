#pragma once

#include <QByteArray>
#include <QString>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include <memory>
#include <vector>

// Small owners for OpenSSL objects, shared by the certificate code (not part of any API).
namespace mcp::certs::detail {

struct X509Free
{
    void operator()(X509 *x) const { X509_free(x); }
};
struct KeyFree
{
    void operator()(EVP_PKEY *k) const { EVP_PKEY_free(k); }
};
struct BioFree
{
    void operator()(BIO *b) const { BIO_free(b); }
};
using X509Ptr = std::unique_ptr<X509, X509Free>;
using KeyPtr = std::unique_ptr<EVP_PKEY, KeyFree>;
using BioPtr = std::unique_ptr<BIO, BioFree>;

// The PEM certificates of a text; `error` says what was wrong when a block did not parse.
std::vector<X509Ptr> readChain(const QByteArray &pem, QString *error);
QString subjectOf(X509 *x);
QString issuerOf(X509 *x);
// The last OpenSSL error as text (and the queue cleared).
QString lastOpensslError();
// A PEM private key; an encrypted one opens with `passphrase` only (nullptr or empty: it
// does not open; nobody is ever prompted).
KeyPtr readPrivateKey(const QByteArray &pem, const QByteArray *passphrase);

} // namespace mcp::certs::detail
