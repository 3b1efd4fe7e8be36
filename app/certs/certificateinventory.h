#pragma once

#include "certificateinfo.h"

#include "common/error.h"
#include "gateway/finding.h"

#include <QObject>
#include <QPointer>

#include <optional>

namespace mcp::docker {
class DockerClient;
}

namespace mcp::certs {

// One TLS listener of a running gateway, for one server name: the certificate its spec puts
// there (the PEM the last push wrote into the container) and the one it actually serves
// (read with a TLS handshake from inside the container).
struct ServedEntry
{
    QString gateway, listener, certificateName, serverName; // serverName empty: no SNI
    int port = 0;
    std::optional<QList<CertificateInfo>> spec, served;
    QString specError, servedError;
    bool matches() const { return spec && served && !spec->isEmpty() && !served->isEmpty() && spec->first().sha256 == served->first().sha256; }
};

// Reads every TLS listener of the named gateways (empty: every gateway with a pushed spec),
// for each route host on the listener and without SNI; findings: the spec certificate's
// checks against those hosts, and cert.served-mismatch where what is served differs.
class CertificateInventory final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CertificateInventory)
public:
    CertificateInventory(docker::DockerClient *client, QStringList gateways, QObject *parent = nullptr);
    // Verify each spec chain to this CA bundle too (cert.untrusted, cert.chain-incomplete);
    // empty (the default): no trust check.
    void setCaFile(const QString &caFile) { m_caFile = caFile; }
    void start();
    const QList<ServedEntry> &entries() const { return m_entries; }
    const gateway::Findings &findings() const { return m_findings; }
    const std::optional<Error> &error() const { return m_error; }

Q_SIGNALS:
    void finished();

private:
    void nextGateway();
    void readGateway(const QString &name);
    void nextEntry(int index);
    void finish();

    QPointer<docker::DockerClient> m_client;
    QStringList m_pending;
    QList<ServedEntry> m_entries;
    QHash<int, QString> m_containerOf; // entry index -> container
    gateway::Findings m_findings;
    std::optional<Error> m_error;
    QString m_caFile;
    bool m_listAll = false;
};

} // namespace mcp::certs
