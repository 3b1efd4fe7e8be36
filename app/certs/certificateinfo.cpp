#include "certificateinfo.h"

#include "opensslhelpers.h"

#include <openssl/asn1.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>

namespace mcp::certs {

namespace detail {

QString lastOpensslError()
{
    const unsigned long e = ERR_peek_last_error();
    QString text;
    if (e != 0) {
        char buf[256];
        ERR_error_string_n(e, buf, sizeof buf);
        text = QString::fromUtf8(buf);
    }
    ERR_clear_error();
    return text;
}

std::vector<X509Ptr> readChain(const QByteArray &pem, QString *error)
{
    std::vector<X509Ptr> chain;
    BioPtr bio(BIO_new_mem_buf(pem.constData(), int(pem.size())));
    while (X509 *x = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr))
        chain.emplace_back(x);
    // The loop ends at the end of the text (PEM_R_NO_START_LINE) or at a damaged block.
    const unsigned long e = ERR_peek_last_error();
    const bool damaged = e != 0 && !(ERR_GET_LIB(e) == ERR_LIB_PEM && ERR_GET_REASON(e) == PEM_R_NO_START_LINE);
    const QString reason = lastOpensslError();
    if (error) {
        if (damaged)
            *error = QStringLiteral("certificate %1 does not parse: %2").arg(chain.size() + 1).arg(reason);
        else if (chain.empty())
            *error = pem.contains("-----BEGIN") ? QStringLiteral("no CERTIFICATE block (a key or another PEM type?)")
                                               : QStringLiteral("no PEM block: the text does not contain -----BEGIN CERTIFICATE-----");
    }
    return chain;
}

QString subjectOf(X509 *x)
{
    char buf[512];
    X509_NAME_oneline(X509_get_subject_name(x), buf, sizeof buf);
    return QString::fromUtf8(buf);
}

QString issuerOf(X509 *x)
{
    char buf[512];
    X509_NAME_oneline(X509_get_issuer_name(x), buf, sizeof buf);
    return QString::fromUtf8(buf);
}

} // namespace detail

namespace {

QDateTime toDateTime(const ASN1_TIME *t)
{
    struct tm tm {};
    if (ASN1_TIME_to_tm(t, &tm) != 1)
        return {};
    return QDateTime(QDate(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday), QTime(tm.tm_hour, tm.tm_min, tm.tm_sec), Qt::UTC);
}

CertificateInfo infoOf(X509 *x)
{
    CertificateInfo i;
    i.subject = detail::subjectOf(x);
    i.issuer = detail::issuerOf(x);
    char cn[256] = {};
    if (X509_NAME_get_text_by_NID(X509_get_subject_name(x), NID_commonName, cn, sizeof cn) > 0)
        i.commonName = QString::fromUtf8(cn);
    if (auto *names = static_cast<GENERAL_NAMES *>(X509_get_ext_d2i(x, NID_subject_alt_name, nullptr, nullptr))) {
        for (int n = 0; n < sk_GENERAL_NAME_num(names); ++n) {
            const GENERAL_NAME *g = sk_GENERAL_NAME_value(names, n);
            if (g->type == GEN_DNS)
                i.subjectAltNames << QString::fromUtf8(reinterpret_cast<const char *>(ASN1_STRING_get0_data(g->d.dNSName)),
                                                       ASN1_STRING_length(g->d.dNSName));
            else if (g->type == GEN_IPADD && ASN1_STRING_length(g->d.iPAddress) == 4) {
                const unsigned char *a = ASN1_STRING_get0_data(g->d.iPAddress);
                i.subjectAltNames << QStringLiteral("%1.%2.%3.%4").arg(a[0]).arg(a[1]).arg(a[2]).arg(a[3]);
            }
        }
        GENERAL_NAMES_free(names);
    }
    if (BIGNUM *bn = ASN1_INTEGER_to_BN(X509_get0_serialNumber(x), nullptr)) {
        char *hex = BN_bn2hex(bn);
        i.serial = QString::fromLatin1(hex);
        OPENSSL_free(hex);
        BN_free(bn);
    }
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (X509_digest(x, EVP_sha256(), md, &len) == 1)
        i.sha256 = QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(md), int(len)).toHex(':').toUpper());
    if (EVP_PKEY *pub = X509_get0_pubkey(x)) {
        i.keyBits = EVP_PKEY_get_bits(pub);
        switch (EVP_PKEY_get_base_id(pub)) {
        case EVP_PKEY_RSA:
            i.keyType = QStringLiteral("RSA");
            break;
        case EVP_PKEY_EC:
            i.keyType = QStringLiteral("EC");
            break;
        case EVP_PKEY_ED25519:
            i.keyType = QStringLiteral("Ed25519");
            break;
        default:
            i.keyType = QStringLiteral("other");
        }
    }
    i.signatureAlgorithm = QString::fromLatin1(OBJ_nid2ln(X509_get_signature_nid(x)));
    i.notBefore = toDateTime(X509_get0_notBefore(x));
    i.notAfter = toDateTime(X509_get0_notAfter(x));
    i.selfSigned = X509_check_issued(x, x) == X509_V_OK;
    i.isCa = X509_check_ca(x) > 0;
    return i;
}

} // namespace

Result<QList<CertificateInfo>> readCertificates(const QByteArray &pem)
{
    QString error;
    const auto chain = detail::readChain(pem, &error);
    if (!error.isEmpty())
        return Error::make(ErrorKind::Config, QStringLiteral("cert.parse"), error);
    QList<CertificateInfo> out;
    for (const auto &x : chain)
        out << infoOf(x.get());
    return out;
}

} // namespace mcp::certs
