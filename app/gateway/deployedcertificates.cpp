#include "deployedcertificates.h"

#include "certcheck.h"
#include "pusher.h"
#include "weights.h"

#include "common/tarwriter.h"
#include "common/whenready.h"
#include "docker/dockerclient.h"

#include <QFileInfo>
#include <QRegularExpression>

namespace mcp::gateway {

namespace {

// A combined PEM file split into its certificate blocks (in order) and its private key block.
QPair<QByteArray, QByteArray> splitCombinedPem(const QByteArray &pem)
{
    static const QRegularExpression block(QStringLiteral("-----BEGIN ([A-Z0-9 ]+)-----.*?-----END \\1-----\\n?"),
                                          QRegularExpression::DotMatchesEverythingOption);
    QByteArray certificates, key;
    for (auto it = block.globalMatch(QString::fromLatin1(pem)); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        QByteArray text = m.captured(0).toLatin1();
        if (!text.endsWith('\n'))
            text += '\n';
        (m.captured(1).endsWith(QLatin1String("PRIVATE KEY")) ? key : certificates) += text;
    }
    return {certificates, key};
}

} // namespace

void fetchDeployedCertificateFiles(docker::DockerClient *client, const QString &containerId, const QString &driver, QObject *context,
                                   std::function<void(Result<QHash<QString, QByteArray>>)> done)
{
    whenReady(client->getArchive(containerId, stateDirFor(driver) + QStringLiteral("/certs")), context,
              [done = std::move(done)](Result<QByteArray> tar) {
                  QHash<QString, QByteArray> files;
                  if (!tar) {
                      if (tar.error().httpStatus == 404)
                          return done(files); // no certificate was ever pushed
                      return done(tar.error());
                  }
                  for (const auto &[path, bytes] : readTar(*tar))
                      files.insert(QFileInfo(path).fileName(), bytes);
                  done(files);
              });
}

QHash<QString, QByteArray> deployedCertificateContents(const GatewaySpec &spec, const QString &driver,
                                                       const QHash<QString, QByteArray> &deployedFiles)
{
    QHash<QString, QByteArray> out;
    for (const Certificate &c : spec.certificates) {
        if (!c.certFile.present || !c.keyFile.present)
            continue;
        const QString id = configId(c.name.value);
        QByteArray chain, key;
        if (driver == QLatin1String("haproxy")) {
            if (!deployedFiles.contains(id + QStringLiteral(".pem")))
                continue;
            std::tie(chain, key) = splitCombinedPem(deployedFiles.value(id + QStringLiteral(".pem")));
        } else {
            if (!deployedFiles.contains(id + QStringLiteral(".pem")) || !deployedFiles.contains(id + QStringLiteral(".key")))
                continue;
            chain = deployedFiles.value(id + QStringLiteral(".pem"));
            key = deployedFiles.value(id + QStringLiteral(".key"));
        }
        if (chain.isEmpty() || key.isEmpty())
            continue;
        out.insert(resolveSpecPath(spec.file, c.certFile.value), chain);
        out.insert(resolveSpecPath(spec.file, c.keyFile.value), key);
    }
    return out;
}

} // namespace mcp::gateway
