#include "specpassphrases.h"

#include "terminalprompt.h"

#include "certs/privatekey.h"
#include "gateway/certcheck.h"
#include "gateway/specreader.h"

#include <QFile>
#include <QFileInfo>

#include <optional>

namespace mcp::cli {

namespace {

Result<QByteArray> passphraseFromFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error::make(ErrorKind::Config, QStringLiteral("spec.unreadable"),
                           QStringLiteral("cannot read the passphrase file %1: %2").arg(path, f.errorString()));
    QByteArray all = f.readAll();
    QByteArray line = all.left(all.indexOf('\n') < 0 ? all.size() : all.indexOf('\n'));
    all.fill('\0');
    if (line.endsWith('\r'))
        line.chop(1);
    return line;
}

} // namespace

Result<QHash<QString, QByteArray>> openEncryptedKeys(const QByteArray &specText, const QString &specFile, const QString &passphraseFile)
{
    QHash<QString, QByteArray> opened;
    gateway::GatewaySpec spec = gateway::readSpecText(specText, specFile).spec;
    spec.file = QFileInfo(specFile).absoluteFilePath(); // as planPush resolves the key paths
    std::optional<QByteArray> fromFile;
    for (const gateway::EncryptedKey &key : gateway::encryptedKeysOf(spec)) {
        QByteArray passphrase;
        if (!passphraseFile.isEmpty()) {
            if (!fromFile) {
                Result<QByteArray> read = passphraseFromFile(passphraseFile);
                if (!read)
                    return read.error();
                fromFile = *read;
            }
            passphrase = *fromFile;
        } else if (const auto typed = promptHidden(QStringLiteral("Passphrase for %1: ").arg(key.path))) {
            passphrase = typed->toUtf8();
        } else {
            continue; // no terminal: cert.key-encrypted from the checks
        }
        const Result<QByteArray> plain = certs::loadPrivateKey(key.pem, passphrase);
        passphrase.fill('\0');
        if (!plain) {
            if (fromFile)
                fromFile->fill('\0');
            return Error::make(ErrorKind::Config, QStringLiteral("cert.key-passphrase"),
                               QStringLiteral("the passphrase does not open %1 (%2:%3:%4)").arg(key.path, specFile).arg(key.pos.line).arg(key.pos.column));
        }
        opened.insert(key.path, *plain);
    }
    if (fromFile)
        fromFile->fill('\0');
    return opened;
}

} // namespace mcp::cli
