#include "certificateinventory.h"

#include "certificatecheck.h"
#include "servedcertificate.h"

#include "common/tarwriter.h"
#include "common/whenready.h"
#include "docker/dockerclient.h"
#include "gateway/deployedspec.h"
#include "gateway/pusher.h"
#include "gateway/specreader.h"
#include "gateway/weights.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

namespace mcp::certs {

CertificateInventory::CertificateInventory(docker::DockerClient *client, QStringList gateways, QObject *parent)
    : QObject(parent), m_client(client), m_pending(std::move(gateways))
{
    m_listAll = m_pending.isEmpty();
}

void CertificateInventory::start()
{
    if (!m_client)
        return finish();
    if (!m_listAll)
        return nextGateway();
    const QJsonObject filters{{QStringLiteral("label"), QJsonArray{QStringLiteral("mcp.gateway")}}};
    whenReady(m_client->listContainers(false, filters), this, [this](Result<QJsonArray> list) {
        if (!list) {
            m_error = list.error();
            return finish();
        }
        QSet<QString> names;
        for (const auto &c : *list)
            names.insert(c.toObject().value(QLatin1String("Labels")).toObject().value(QLatin1String("mcp.gateway")).toString());
        m_pending = QStringList(names.begin(), names.end());
        m_pending.sort();
        nextGateway();
    });
}

void CertificateInventory::nextGateway()
{
    if (m_pending.isEmpty())
        return nextEntry(0);
    readGateway(m_pending.takeFirst());
}

void CertificateInventory::readGateway(const QString &name)
{
    gateway::fetchDeployedSpec(m_client, name, this, [this, name](Result<gateway::DeployedSpec> deployed) {
        if (!deployed) {
            if (!m_listAll)
                m_error = deployed.error();
            return nextGateway();
        }
        if (deployed->text.isEmpty())
            return nextGateway(); // never pushed: nothing known about its listeners
        const gateway::GatewaySpec spec = gateway::readSpecText(deployed->text, name + QStringLiteral(" (deployed)")).spec;
        const QString container = deployed->containerIds.first();
        const QString dir = gateway::stateDirFor(deployed->driver);
        QList<int> added;
        for (const gateway::Listener &l : spec.listeners) {
            if (l.protocol.value != QLatin1String("https"))
                continue;
            QStringList names{QString()}; // no SNI, then every route host on the listener
            for (const gateway::Route &r : spec.routes)
                if (!r.listeners.present || r.listeners.value.contains(l.name.value))
                    for (const QString &h : r.hosts.value)
                        if (!h.startsWith(QLatin1String("*.")) && !names.contains(h))
                            names << h;
            for (const QString &serverName : names) {
                ServedEntry e;
                e.gateway = name;
                e.listener = l.name.value;
                e.port = l.port.value;
                e.certificateName = l.certificate.value;
                e.serverName = serverName;
                m_containerOf.insert(int(m_entries.size()), container);
                added << int(m_entries.size());
                m_entries << e;
            }
        }
        if (added.isEmpty())
            return nextGateway();
        // The spec's certificates: the PEM files the push wrote (HAProxy's hold the key too:
        // only CERTIFICATE blocks are read, and the buffer is wiped).
        auto remaining = std::make_shared<int>(int(added.size()));
        for (const int index : added) {
            const QString path = QStringLiteral("%1/certs/%2.pem").arg(dir, gateway::configId(m_entries[index].certificateName));
            QStringList hosts;
            if (!m_entries[index].serverName.isEmpty())
                hosts << m_entries[index].serverName;
            whenReady(m_client->getArchive(container, path), this, [this, index, path, hosts, remaining](Result<QByteArray> tar) {
                ServedEntry &e = m_entries[index];
                if (!tar) {
                    e.specError = tar.error().detail;
                } else {
                    auto files = readTar(*tar);
                    if (files.isEmpty()) {
                        e.specError = QStringLiteral("%1 is missing in the container").arg(path);
                    } else {
                        QByteArray pem = files.first().second;
                        const auto chain = readCertificates(pem);
                        if (chain)
                            e.spec = *chain;
                        else
                            e.specError = chain.error().detail;
                        CheckSubject subject;
                        subject.findingFile = QStringLiteral("%1:%2").arg(e.gateway, path);
                        subject.certPath = path;
                        subject.certPem = pem;
                        CheckOptions options;
                        options.hosts = hosts;
                        options.verifyTrust = !m_caFile.isEmpty();
                        options.caFile = m_caFile;
                        // The file's own checks come once per file, the name checks per name.
                        for (const gateway::Finding &f : checkCertificatePem(subject, options)) {
                            const bool seen = std::any_of(m_findings.cbegin(), m_findings.cend(), [&](const gateway::Finding &g) {
                                return g.code == f.code && g.message == f.message;
                            });
                            if (!seen)
                                m_findings << f;
                        }
                        pem.fill('\0');
                        files.first().second.fill('\0');
                    }
                }
                if (--*remaining == 0)
                    nextGateway();
            });
        }
    });
}

void CertificateInventory::nextEntry(int index)
{
    if (index >= m_entries.size() || !m_client)
        return finish();
    fetchServedCertificate(m_client, m_containerOf.value(index), m_entries[index].port, m_entries[index].serverName, this,
                           [this, index](Result<QList<CertificateInfo>> served) {
                               ServedEntry &e = m_entries[index];
                               if (served)
                                   e.served = *served;
                               else
                                   e.servedError = served.error().detail;
                               if (e.spec && e.served && !e.matches())
                                   m_findings << gateway::Finding{
                                       QStringLiteral("cert.served-mismatch"), gateway::Finding::Severity::Error, e.gateway, {},
                                       QStringLiteral("listener %1 (port %2%3) of %4 serves %5 (serial %6), not the spec's %7 (serial %8)")
                                           .arg(e.listener)
                                           .arg(e.port)
                                           .arg(e.serverName.isEmpty() ? QString() : QStringLiteral(", %1").arg(e.serverName))
                                           .arg(e.gateway, e.served->first().subject, e.served->first().serial, e.spec->first().subject,
                                                e.spec->first().serial),
                                       QStringLiteral("the gateway runs other files than it was given, or was not reloaded: push the spec again")};
                               nextEntry(index + 1);
                           });
}

void CertificateInventory::finish()
{
    Q_EMIT finished();
}

} // namespace mcp::certs
