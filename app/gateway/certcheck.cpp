#include "certcheck.h"

#include "certs/certificatecheck.h"
#include "certs/privatekey.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>

namespace mcp::gateway {

QString resolveSpecPath(const QString &specFile, const QString &path)
{
    if (QFileInfo(path).isAbsolute())
        return path;
    return QFileInfo(specFile).absoluteDir().filePath(path);
}

SpecFile readSpecFile(const QString &specFile, const QString &path, const QHash<QString, QByteArray> &fileContents)
{
    SpecFile out;
    out.path = resolveSpecPath(specFile, path);
    if (const auto held = fileContents.constFind(out.path); held != fileContents.constEnd()) {
        out.bytes = *held;
        return out;
    }
    QFile file(out.path);
    if (file.open(QIODevice::ReadOnly))
        out.bytes = file.readAll();
    else
        out.error = file.errorString();
    return out;
}

QList<EncryptedKey> encryptedKeysOf(const GatewaySpec &spec)
{
    QList<EncryptedKey> out;
    QSet<QString> seen;
    for (const Certificate &c : spec.certificates) {
        if (!c.keyFile.present)
            continue;
        const SpecFile key = readSpecFile(spec.file, c.keyFile.value, {});
        if (!key.bytes || !certs::isEncryptedKey(*key.bytes) || spec.fileContents.contains(key.path) || seen.contains(key.path))
            continue;
        seen.insert(key.path);
        out << EncryptedKey{key.path, c.keyFile.pos, *key.bytes};
    }
    return out;
}

Findings checkCertificate(const QString &specFile, const Certificate &c, const QStringList &routeHosts,
                          const QHash<QString, QByteArray> &fileContents)
{
    Findings out;
    if (!c.certFile.present || !c.keyFile.present)
        return out;
    const SpecFile cert = readSpecFile(specFile, c.certFile.value, fileContents);
    const SpecFile key = cert.bytes ? readSpecFile(specFile, c.keyFile.value, fileContents) : SpecFile{};
    const SpecFile &unreadable = !cert.bytes ? cert : key;
    if (!unreadable.bytes) {
        const bool isCert = &unreadable == &cert;
        const QString message = isCert ? QCoreApplication::translate("mcp::gateway::Validation", "cannot read certificate %1: %2")
                                       : QCoreApplication::translate("mcp::gateway::Validation", "cannot read key %1: %2");
        out << Finding{QStringLiteral("cert.file-unreadable"), Finding::Severity::Error, specFile, isCert ? c.certFile.pos : c.keyFile.pos,
                       message.arg(unreadable.path, unreadable.error),
                       QCoreApplication::translate("mcp::gateway::Validation", "check the path (relative to the spec file) and its permissions")};
        return out;
    }
    certs::CheckSubject subject;
    subject.findingFile = specFile;
    subject.certPos = c.certFile.pos;
    subject.keyPos = c.keyFile.pos;
    subject.certPath = cert.path;
    subject.certPem = *cert.bytes;
    subject.keyPath = key.path;
    subject.keyPem = *key.bytes;
    certs::CheckOptions options;
    options.hosts = routeHosts;
    out << certs::checkCertificatePem(subject, options);
    return out;
}

} // namespace mcp::gateway
