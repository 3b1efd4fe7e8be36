#pragma once

#include "common/result.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace mcp::certs {

// What an operator reads off one certificate (the inventory, `mcpctl certs`, the panel).
// Public material only: nothing here comes from a private key.
struct CertificateInfo
{
    QString subject;             // "/CN=api.example.com"
    QString commonName;
    QString issuer;
    QStringList subjectAltNames; // DNS names and IP addresses
    QString serial;              // hex, upper case
    QString sha256;              // fingerprint, "AB:CD:..."
    QString keyType;             // RSA, EC, Ed25519
    int keyBits = 0;
    QString signatureAlgorithm;  // sha256WithRSAEncryption
    QDateTime notBefore, notAfter;
    bool selfSigned = false;
    bool isCa = false;

    qint64 daysLeft(const QDateTime &now = QDateTime::currentDateTimeUtc()) const { return now.daysTo(notAfter); }
};

// Every certificate of a PEM text, in file order; an error (code cert.parse) that says what
// OpenSSL could not read when there is none, or when a block is damaged.
Result<QList<CertificateInfo>> readCertificates(const QByteArray &pem);

} // namespace mcp::certs
