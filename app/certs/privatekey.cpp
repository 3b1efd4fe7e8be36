#include "privatekey.h"

#include "opensslhelpers.h"

#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/pem.h>

#include <cstring>

namespace mcp::certs {

using namespace detail;

namespace {

struct Passphrase
{
    const QByteArray *bytes;
};

// OpenSSL asks for the passphrase through a callback: hand over the bytes we were given,
// never prompt.
int providePassphrase(char *buffer, int size, int, void *user)
{
    const QByteArray *p = static_cast<Passphrase *>(user)->bytes;
    if (!p || p->isEmpty() || p->size() > size)
        return -1;
    std::memcpy(buffer, p->constData(), size_t(p->size()));
    return int(p->size());
}

} // namespace

namespace detail {
KeyPtr readPrivateKey(const QByteArray &pem, const QByteArray *passphrase)
{
    BioPtr bio(BIO_new_mem_buf(pem.constData(), int(pem.size())));
    Passphrase p{passphrase};
    return KeyPtr(PEM_read_bio_PrivateKey(bio.get(), nullptr, providePassphrase, &p));
}
} // namespace detail

bool isEncryptedKey(const QByteArray &pem)
{
    return pem.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----") || pem.contains("Proc-Type: 4,ENCRYPTED");
}

Result<QByteArray> loadPrivateKey(const QByteArray &pem, const QByteArray &passphrase)
{
    const bool encrypted = isEncryptedKey(pem);
    const KeyPtr key = readPrivateKey(pem, &passphrase);
    if (!key) {
        const QString reason = lastOpensslError();
        if (encrypted)
            return Error::make(ErrorKind::Config, QStringLiteral("cert.key-passphrase"),
                               Message(QT_TRANSLATE_NOOP("mcp::Errors", "the passphrase does not open the encrypted key")));
        return Error::make(ErrorKind::Config, QStringLiteral("cert.key-unusable"), Message(QT_TRANSLATE_NOOP("mcp::Errors", "not a PEM private key (%1)"), {reason}));
    }
    // Written to secure memory (cleansed when freed), copied out once.
    BioPtr out(BIO_new(BIO_s_secmem()));
    if (!out || PEM_write_bio_PrivateKey(out.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1)
        return Error::make(ErrorKind::Config, QStringLiteral("cert.key-unusable"), Message(QT_TRANSLATE_NOOP("mcp::Errors", "the key cannot be written out (%1)"), {lastOpensslError()}));
    char *data = nullptr;
    const long size = BIO_get_mem_data(out.get(), &data);
    return QByteArray(data, int(size));
}

} // namespace mcp::certs
