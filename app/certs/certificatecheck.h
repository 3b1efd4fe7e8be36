#pragma once

#include "gateway/finding.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace mcp::certs {

// What to hold a certificate against.
struct CheckOptions
{
    QStringList hosts;          // names it must cover (wildcards as browsers match them)
    int expiringDays = 30;      // fewer days left: warning cert.expiring
    int maxLifetimeDays = 398;  // a longer validity: warning cert.lifetime (browsers refuse them)
    bool verifyTrust = false;   // verify the chain to a trust store (cert.untrusted)
    QString caFile;             // that store: a PEM bundle; empty: the system's
};

// One certificate file and (optionally) its key, as PEM text, with where findings point.
struct CheckSubject
{
    QString findingFile;        // the file findings name (the spec, or the certificate)
    gateway::SourcePos certPos, keyPos;
    QString certPath;           // as shown in messages
    QByteArray certPem;
    QString keyPath;            // empty: no key to check
    QByteArray keyPem;          // wiped by the check after use (the caller's copy too)
    QByteArray keyPassphrase;   // opens an encrypted key (in memory only); wiped like keyPem
};

// Every check, with stable codes: cert.parse (what does not parse), cert.key-encrypted (no
// passphrase given), cert.key-passphrase (the given one does not open the key),
// cert.key-unusable, cert.key-mismatch, cert.chain-order, cert.chain-incomplete,
// cert.untrusted, cert.expired, cert.not-yet-valid, cert.expiring, cert.lifetime,
// cert.san-mismatch, cert.sha1-signature, cert.md5-signature, cert.weak-key. Key material
// is only read into OpenSSL and never appears in a finding.
gateway::Findings checkCertificatePem(CheckSubject &subject, const CheckOptions &options);

} // namespace mcp::certs
