#include "certcheck.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <ctime>
#include <memory>

namespace mcp::gateway {

namespace {

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

QString subjectOf(X509 *x)
{
    char buf[512];
    X509_NAME_oneline(X509_get_subject_name(x), buf, sizeof buf);
    return QString::fromUtf8(buf);
}

int passwordRefused(char *, int, int, void *)
{
    return -1; // an encrypted key is reported, never prompted for
}

} // namespace

QString resolveSpecPath(const QString &specFile, const QString &path)
{
    if (QFileInfo(path).isAbsolute())
        return path;
    return QFileInfo(specFile).absoluteDir().filePath(path);
}

Findings checkCertificate(const QString &specFile, const Certificate &c, const QStringList &routeHosts)
{
    Findings out;
    const auto add = [&](const QString &code, const SourcePos &pos, const QString &message, const QString &hint,
                         Finding::Severity severity = Finding::Severity::Error) {
        out << Finding{code, severity, specFile, pos, message, hint};
    };
    if (!c.certFile.present || !c.keyFile.present)
        return out;
    const QString certPath = resolveSpecPath(specFile, c.certFile.value);
    const QString keyPath = resolveSpecPath(specFile, c.keyFile.value);
    QFile certFile(certPath), keyFile(keyPath);
    if (!certFile.open(QIODevice::ReadOnly)) {
        add(QStringLiteral("cert.file-unreadable"), c.certFile.pos, QStringLiteral("cannot read certificate %1: %2").arg(certPath, certFile.errorString()),
            QStringLiteral("check the path (relative to the spec file) and its permissions"));
        return out;
    }
    if (!keyFile.open(QIODevice::ReadOnly)) {
        add(QStringLiteral("cert.file-unreadable"), c.keyFile.pos, QStringLiteral("cannot read key %1: %2").arg(keyPath, keyFile.errorString()),
            QStringLiteral("check the path (relative to the spec file) and its permissions"));
        return out;
    }
    const QByteArray certPem = certFile.readAll();
    QByteArray keyPem = keyFile.readAll();

    std::vector<X509Ptr> chain;
    {
        std::unique_ptr<BIO, BioFree> bio(BIO_new_mem_buf(certPem.constData(), int(certPem.size())));
        while (X509 *x = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr))
            chain.emplace_back(x);
        ERR_clear_error();
    }
    if (chain.empty()) {
        add(QStringLiteral("cert.parse"), c.certFile.pos, QStringLiteral("%1 holds no PEM certificate").arg(certPath),
            QStringLiteral("the file must start with -----BEGIN CERTIFICATE-----"));
        return out;
    }
    std::unique_ptr<EVP_PKEY, KeyFree> key;
    {
        std::unique_ptr<BIO, BioFree> bio(BIO_new_mem_buf(keyPem.constData(), int(keyPem.size())));
        key.reset(PEM_read_bio_PrivateKey(bio.get(), nullptr, passwordRefused, nullptr));
        ERR_clear_error();
    }
    keyPem.fill('\0'); // do not keep key material around longer than needed
    X509 *leaf = chain.front().get();
    if (!key) {
        add(QStringLiteral("cert.key-unusable"), c.keyFile.pos,
            QStringLiteral("%1 is not an unencrypted PEM private key").arg(keyPath),
            QStringLiteral("gateways load keys without a passphrase: decrypt it (openssl pkey -in key -out key.plain) and keep "
                           "the file private"));
    } else if (X509_check_private_key(leaf, key.get()) != 1) {
        ERR_clear_error();
        add(QStringLiteral("cert.key-mismatch"), c.keyFile.pos,
            QStringLiteral("the key %1 does not belong to the certificate %2 (%3)").arg(keyPath, certPath, subjectOf(leaf)),
            QStringLiteral("use the key the certificate was issued for"));
    }

    // Chain order: each certificate is issued by the next one in the file.
    for (std::size_t i = 0; i + 1 < chain.size(); ++i) {
        if (X509_check_issued(chain[i + 1].get(), chain[i].get()) != X509_V_OK) {
            add(QStringLiteral("cert.chain-order"), c.certFile.pos,
                QStringLiteral("in %1, certificate %2 (%3) is not issued by the next one (%4)")
                    .arg(certPath)
                    .arg(i + 1)
                    .arg(subjectOf(chain[i].get()), subjectOf(chain[i + 1].get())),
                QStringLiteral("order the file leaf first, then each issuer: leaf, intermediate(s), optionally the root"));
            break;
        }
    }
    const bool selfSigned = X509_check_issued(leaf, leaf) == X509_V_OK;
    if (chain.size() == 1 && !selfSigned)
        add(QStringLiteral("cert.chain-incomplete"), c.certFile.pos,
            QStringLiteral("%1 holds only the leaf certificate; clients that do not have its issuer cannot verify it").arg(certPath),
            QStringLiteral("append the intermediate certificate(s) after the leaf"), Finding::Severity::Warning);

    // Validity.
    if (X509_cmp_current_time(X509_get0_notAfter(leaf)) < 0) {
        add(QStringLiteral("cert.expired"), c.certFile.pos, QStringLiteral("certificate %1 (%2) has expired").arg(certPath, subjectOf(leaf)),
            QStringLiteral("renew it before pushing"));
    } else {
        time_t in30 = time(nullptr) + 30 * 24 * 3600;
        if (X509_cmp_time(X509_get0_notAfter(leaf), &in30) < 0)
            add(QStringLiteral("cert.expiring"), c.certFile.pos,
                QStringLiteral("certificate %1 (%2) expires within 30 days").arg(certPath, subjectOf(leaf)),
                QStringLiteral("renew it soon"), Finding::Severity::Warning);
    }
    if (X509_cmp_current_time(X509_get0_notBefore(leaf)) > 0)
        add(QStringLiteral("cert.not-yet-valid"), c.certFile.pos,
            QStringLiteral("certificate %1 (%2) is not valid yet").arg(certPath, subjectOf(leaf)),
            QStringLiteral("check the issuing machine's clock, or wait"));

    // Names: every route host must be covered (a route host *.x.com needs a wildcard).
    for (const QString &host : routeHosts) {
        const QString probe = host.startsWith(QLatin1String("*.")) ? QStringLiteral("mcp-wildcard-check") + host.mid(1) : host;
        const QByteArray name = probe.toUtf8();
        if (X509_check_host(leaf, name.constData(), size_t(name.size()), 0, nullptr) != 1)
            add(QStringLiteral("cert.san-mismatch"), c.certFile.pos,
                QStringLiteral("certificate %1 (%2) does not cover the route host %3").arg(certPath, subjectOf(leaf), host),
                QStringLiteral("issue a certificate whose subjectAltName includes %1").arg(host));
    }

    // Strength, for the leaf and any intermediate (a self-signed root's own signature does
    // not matter to clients).
    for (std::size_t i = 0; i < chain.size(); ++i) {
        X509 *x = chain[i].get();
        const bool root = X509_check_issued(x, x) == X509_V_OK;
        const int nid = X509_get_signature_nid(x);
        if (!root && (nid == NID_sha1WithRSAEncryption || nid == NID_ecdsa_with_SHA1 || nid == NID_dsaWithSHA1))
            add(QStringLiteral("cert.sha1-signature"), c.certFile.pos,
                QStringLiteral("certificate %1 in %2 is signed with SHA-1, which clients reject").arg(subjectOf(x), certPath),
                QStringLiteral("reissue it with SHA-256"));
        EVP_PKEY *pub = X509_get0_pubkey(x);
        if (!pub)
            continue;
        const int bits = EVP_PKEY_get_bits(pub);
        const int type = EVP_PKEY_get_base_id(pub);
        if ((type == EVP_PKEY_RSA && bits < 2048) || (type == EVP_PKEY_EC && bits < 256))
            add(QStringLiteral("cert.weak-key"), c.certFile.pos,
                QStringLiteral("certificate %1 in %2 has a weak %3-bit %4 key").arg(subjectOf(x), certPath).arg(bits)
                    .arg(type == EVP_PKEY_RSA ? QStringLiteral("RSA") : QStringLiteral("EC")),
                QStringLiteral("use RSA 2048+ or EC P-256+"));
    }
    return out;
}

} // namespace mcp::gateway
