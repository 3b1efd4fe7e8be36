#include "certificatecheck.h"

#include "opensslhelpers.h"

#include <QCoreApplication>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>

#include <ctime>

namespace mcp::certs {

using gateway::Finding;
using namespace detail;

namespace {

struct StoreFree
{
    void operator()(X509_STORE *s) const { X509_STORE_free(s); }
};
struct StoreCtxFree
{
    void operator()(X509_STORE_CTX *c) const { X509_STORE_CTX_free(c); }
};

} // namespace

gateway::Findings checkCertificatePem(CheckSubject &s, const CheckOptions &options)
{
    gateway::Findings out;
    const auto add = [&](const QString &code, const gateway::SourcePos &pos, const QString &message, const QString &hint,
                         Finding::Severity severity = Finding::Severity::Error) {
        out << Finding{code, severity, s.findingFile, pos, message, hint};
    };
    QString parseError;
    std::vector<X509Ptr> chain = readChain(s.certPem, &parseError);
    if (!parseError.isEmpty() || chain.empty()) {
        add(QStringLiteral("cert.parse"), s.certPos, QStringLiteral("%1: %2").arg(s.certPath, parseError),
            QCoreApplication::translate("mcp::certs::Check", "a certificate file is PEM: -----BEGIN CERTIFICATE----- blocks, the leaf first"));
        s.keyPem.fill('\0');
        s.keyPassphrase.fill('\0');
        return out;
    }
    X509 *leaf = chain.front().get();

    if (!s.keyPath.isEmpty()) {
        // An encrypted key opens with the passphrase given, never by prompting.
        const KeyPtr key = readPrivateKey(s.keyPem, s.keyPassphrase.isEmpty() ? nullptr : &s.keyPassphrase);
        const bool encrypted = s.keyPem.contains("ENCRYPTED");
        const bool passphraseGiven = !s.keyPassphrase.isEmpty();
        const QString reason = lastOpensslError();
        s.keyPem.fill('\0'); // do not keep key material around longer than needed
        s.keyPassphrase.fill('\0');
        if (!key && encrypted && passphraseGiven) {
            add(QStringLiteral("cert.key-passphrase"), s.keyPos, QCoreApplication::translate("mcp::certs::Check", "the passphrase does not open the encrypted key %1").arg(s.keyPath),
                QCoreApplication::translate("mcp::certs::Check", "enter the passphrase the key was encrypted with"));
        } else if (!key && encrypted) {
            add(QStringLiteral("cert.key-encrypted"), s.keyPos, QCoreApplication::translate("mcp::certs::Check", "the key %1 is encrypted and no passphrase was given").arg(s.keyPath),
                QCoreApplication::translate("mcp::certs::Check", "give its passphrase (the console asks when the spec opens, or when this finding is activated; mcpctl push takes --key-passphrase-file) or decrypt it (openssl pkey -in key -out key.plain) and keep the file private"));
        } else if (!key) {
            add(QStringLiteral("cert.key-unusable"), s.keyPos, QCoreApplication::translate("mcp::certs::Check", "%1 is not a PEM private key (%2)").arg(s.keyPath, reason),
                QCoreApplication::translate("mcp::certs::Check", "name the private key file the certificate was issued for"));
        } else if (X509_check_private_key(leaf, key.get()) != 1) {
            ERR_clear_error();
            add(QStringLiteral("cert.key-mismatch"), s.keyPos,
                QCoreApplication::translate("mcp::certs::Check", "the key %1 does not belong to the certificate %2 (%3)").arg(s.keyPath, s.certPath, subjectOf(leaf)),
                QCoreApplication::translate("mcp::certs::Check", "use the key the certificate was issued for"));
        }
    }

    // Chain order: each certificate is issued by the next one in the file.
    bool ordered = true;
    for (std::size_t i = 0; i + 1 < chain.size(); ++i) {
        if (X509_check_issued(chain[i + 1].get(), chain[i].get()) != X509_V_OK) {
            ordered = false;
            add(QStringLiteral("cert.chain-order"), s.certPos,
                QCoreApplication::translate("mcp::certs::Check", "in %1, certificate %2 (%3) is not issued by the next one (%4)")
                    .arg(s.certPath)
                    .arg(i + 1)
                    .arg(subjectOf(chain[i].get()), subjectOf(chain[i + 1].get())),
                QCoreApplication::translate("mcp::certs::Check", "order the file leaf first, then each issuer: leaf, intermediate(s), optionally the root"));
            break;
        }
    }
    const bool selfSigned = X509_check_issued(leaf, leaf) == X509_V_OK;
    if (chain.size() == 1 && !selfSigned && !options.verifyTrust)
        add(QStringLiteral("cert.chain-incomplete"), s.certPos,
            QCoreApplication::translate("mcp::certs::Check", "%1 holds only the leaf certificate; clients that do not have its issuer cannot verify it").arg(s.certPath),
            QCoreApplication::translate("mcp::certs::Check", "append the intermediate certificate(s) after the leaf"), Finding::Severity::Warning);

    // Trust: the file's chain as the untrusted intermediates, the CA bundle (or the system's
    // store) as the anchors; time checks are reported on their own below.
    if (options.verifyTrust && ordered) {
        std::unique_ptr<X509_STORE, StoreFree> store(X509_STORE_new());
        const QByteArray ca = options.caFile.toLocal8Bit();
        const bool loaded = options.caFile.isEmpty() ? X509_STORE_set_default_paths(store.get()) == 1
                                                     : X509_STORE_load_file(store.get(), ca.constData()) == 1;
        if (!loaded) {
            add(QStringLiteral("cert.ca-unreadable"), s.certPos, QCoreApplication::translate("mcp::certs::Check", "the CA bundle %1 cannot be read: %2").arg(options.caFile, lastOpensslError()),
                QCoreApplication::translate("mcp::certs::Check", "name a PEM file of trusted root certificates"));
        } else {
            STACK_OF(X509) *untrusted = sk_X509_new_null();
            for (std::size_t i = 1; i < chain.size(); ++i)
                sk_X509_push(untrusted, chain[i].get());
            std::unique_ptr<X509_STORE_CTX, StoreCtxFree> ctx(X509_STORE_CTX_new());
            X509_STORE_CTX_init(ctx.get(), store.get(), leaf, untrusted);
            X509_STORE_CTX_set_flags(ctx.get(), X509_V_FLAG_NO_CHECK_TIME);
            const bool ok = X509_verify_cert(ctx.get()) == 1;
            const int err = X509_STORE_CTX_get_error(ctx.get());
            sk_X509_free(untrusted);
            ERR_clear_error();
            if (!ok) {
                const bool missingIssuer = err == X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY || err == X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT;
                add(missingIssuer && chain.size() == 1 ? QStringLiteral("cert.chain-incomplete") : QStringLiteral("cert.untrusted"), s.certPos,
                    QCoreApplication::translate("mcp::certs::Check", "%1 (%2) does not verify to %3: %4")
                        .arg(s.certPath, subjectOf(leaf),
                             options.caFile.isEmpty() ? QCoreApplication::translate("mcp::certs::Check", "the system's trust store") : options.caFile,
                             QString::fromUtf8(X509_verify_cert_error_string(err))),
                    missingIssuer ? QCoreApplication::translate("mcp::certs::Check", "append the intermediate certificate(s) after the leaf")
                                  : QCoreApplication::translate("mcp::certs::Check", "use a certificate from a CA the clients trust, or name that CA with --ca"));
            }
        }
    }

    // Validity.
    if (X509_cmp_current_time(X509_get0_notAfter(leaf)) < 0) {
        add(QStringLiteral("cert.expired"), s.certPos, QCoreApplication::translate("mcp::certs::Check", "certificate %1 (%2) has expired").arg(s.certPath, subjectOf(leaf)),
            QCoreApplication::translate("mcp::certs::Check", "renew it before pushing"));
    } else {
        time_t soon = time(nullptr) + time_t(options.expiringDays) * 24 * 3600;
        if (X509_cmp_time(X509_get0_notAfter(leaf), &soon) < 0)
            add(QStringLiteral("cert.expiring"), s.certPos,
                QCoreApplication::translate("mcp::certs::Check", "certificate %1 (%2) expires within %3 days").arg(s.certPath, subjectOf(leaf)).arg(options.expiringDays),
                QCoreApplication::translate("mcp::certs::Check", "renew it soon"), Finding::Severity::Warning);
    }
    if (X509_cmp_current_time(X509_get0_notBefore(leaf)) > 0)
        add(QStringLiteral("cert.not-yet-valid"), s.certPos, QCoreApplication::translate("mcp::certs::Check", "certificate %1 (%2) is not valid yet").arg(s.certPath, subjectOf(leaf)),
            QCoreApplication::translate("mcp::certs::Check", "check the issuing machine's clock, or wait"));
    int lifetimeDays = 0, seconds = 0;
    if (!selfSigned && ASN1_TIME_diff(&lifetimeDays, &seconds, X509_get0_notBefore(leaf), X509_get0_notAfter(leaf)) == 1 &&
        lifetimeDays > options.maxLifetimeDays)
        add(QStringLiteral("cert.lifetime"), s.certPos,
            QCoreApplication::translate("mcp::certs::Check", "certificate %1 (%2) is valid for %3 days, more than %4").arg(s.certPath, subjectOf(leaf)).arg(lifetimeDays).arg(options.maxLifetimeDays),
            QCoreApplication::translate("mcp::certs::Check", "browsers refuse server certificates valid for more than 398 days: reissue with a shorter lifetime"),
            Finding::Severity::Warning);

    // Names: every host must be covered (a host *.x.com needs a wildcard certificate).
    for (const QString &host : options.hosts) {
        const QString probe = host.startsWith(QLatin1String("*.")) ? QStringLiteral("mcp-wildcard-check") + host.mid(1) : host;
        const QByteArray name = probe.toUtf8();
        if (X509_check_host(leaf, name.constData(), size_t(name.size()), X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS, nullptr) != 1)
            add(QStringLiteral("cert.san-mismatch"), s.certPos,
                QCoreApplication::translate("mcp::certs::Check", "certificate %1 (%2) does not cover the host %3").arg(s.certPath, subjectOf(leaf), host),
                QCoreApplication::translate("mcp::certs::Check", "issue a certificate whose subjectAltName includes %1").arg(host));
    }

    // Strength, for the leaf and any intermediate (a self-signed root's own signature does
    // not matter to clients).
    for (std::size_t i = 0; i < chain.size(); ++i) {
        X509 *x = chain[i].get();
        const bool root = X509_check_issued(x, x) == X509_V_OK;
        const int nid = X509_get_signature_nid(x);
        if (!root && (nid == NID_sha1WithRSAEncryption || nid == NID_ecdsa_with_SHA1 || nid == NID_dsaWithSHA1))
            add(QStringLiteral("cert.sha1-signature"), s.certPos,
                QCoreApplication::translate("mcp::certs::Check", "certificate %1 in %2 is signed with SHA-1, which clients reject").arg(subjectOf(x), s.certPath),
                QCoreApplication::translate("mcp::certs::Check", "reissue it with SHA-256"));
        if (!root && (nid == NID_md5WithRSAEncryption || nid == NID_md5))
            add(QStringLiteral("cert.md5-signature"), s.certPos,
                QCoreApplication::translate("mcp::certs::Check", "certificate %1 in %2 is signed with MD5, which clients reject").arg(subjectOf(x), s.certPath),
                QCoreApplication::translate("mcp::certs::Check", "reissue it with SHA-256"));
        EVP_PKEY *pub = X509_get0_pubkey(x);
        if (!pub)
            continue;
        const int bits = EVP_PKEY_get_bits(pub);
        const int type = EVP_PKEY_get_base_id(pub);
        if ((type == EVP_PKEY_RSA && bits < 2048) || (type == EVP_PKEY_EC && bits < 256))
            add(QStringLiteral("cert.weak-key"), s.certPos,
                QCoreApplication::translate("mcp::certs::Check", "certificate %1 in %2 has a weak %3-bit %4 key")
                    .arg(subjectOf(x), s.certPath)
                    .arg(bits)
                    .arg(type == EVP_PKEY_RSA ? QStringLiteral("RSA") : QStringLiteral("EC")),
                QCoreApplication::translate("mcp::certs::Check", "use RSA 2048+ or EC P-256+"));
    }
    return out;
}

} // namespace mcp::certs
