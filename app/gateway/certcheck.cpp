#include "certcheck.h"

#include "certs/certificatecheck.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace mcp::gateway {

QString resolveSpecPath(const QString &specFile, const QString &path)
{
    if (QFileInfo(path).isAbsolute())
        return path;
    return QFileInfo(specFile).absoluteDir().filePath(path);
}

Findings checkCertificate(const QString &specFile, const Certificate &c, const QStringList &routeHosts,
                          const QHash<QString, QByteArray> &decryptedKeys)
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
        add(QStringLiteral("cert.file-unreadable"), c.certFile.pos, QCoreApplication::translate("mcp::gateway::Validation", "cannot read certificate %1: %2").arg(certPath, certFile.errorString()),
            QCoreApplication::translate("mcp::gateway::Validation", "check the path (relative to the spec file) and its permissions"));
        return out;
    }
    const auto decrypted = decryptedKeys.constFind(keyPath);
    if (decrypted == decryptedKeys.constEnd() && !keyFile.open(QIODevice::ReadOnly)) {
        add(QStringLiteral("cert.file-unreadable"), c.keyFile.pos, QCoreApplication::translate("mcp::gateway::Validation", "cannot read key %1: %2").arg(keyPath, keyFile.errorString()),
            QCoreApplication::translate("mcp::gateway::Validation", "check the path (relative to the spec file) and its permissions"));
        return out;
    }
    certs::CheckSubject subject;
    subject.findingFile = specFile;
    subject.certPos = c.certFile.pos;
    subject.keyPos = c.keyFile.pos;
    subject.certPath = certPath;
    subject.certPem = certFile.readAll();
    subject.keyPath = keyPath;
    subject.keyPem = decrypted != decryptedKeys.constEnd() ? *decrypted : keyFile.readAll();
    certs::CheckOptions options;
    options.hosts = routeHosts;
    out << certs::checkCertificatePem(subject, options);
    return out;
}

} // namespace mcp::gateway
