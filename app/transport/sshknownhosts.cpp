#include "sshknownhosts.h"
#include "common/messagephrase.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <libssh2.h>

namespace mcp::transport {

namespace {

struct KeyType
{
    const char *name;
    int knownHostBit;
};

KeyType keyTypeOf(int hostKeyType)
{
    switch (hostKeyType) {
    case LIBSSH2_HOSTKEY_TYPE_RSA:
        return {"ssh-rsa", LIBSSH2_KNOWNHOST_KEY_SSHRSA};
    case LIBSSH2_HOSTKEY_TYPE_DSS:
        return {"ssh-dss", LIBSSH2_KNOWNHOST_KEY_SSHDSS};
    case LIBSSH2_HOSTKEY_TYPE_ECDSA_256:
        return {"ecdsa-sha2-nistp256", LIBSSH2_KNOWNHOST_KEY_ECDSA_256};
    case LIBSSH2_HOSTKEY_TYPE_ECDSA_384:
        return {"ecdsa-sha2-nistp384", LIBSSH2_KNOWNHOST_KEY_ECDSA_384};
    case LIBSSH2_HOSTKEY_TYPE_ECDSA_521:
        return {"ecdsa-sha2-nistp521", LIBSSH2_KNOWNHOST_KEY_ECDSA_521};
    case LIBSSH2_HOSTKEY_TYPE_ED25519:
        return {"ssh-ed25519", LIBSSH2_KNOWNHOST_KEY_ED25519};
    default:
        return {"unknown", LIBSSH2_KNOWNHOST_KEY_UNKNOWN};
    }
}

Error sshError(const QString &code, const Message &detail)
{
    return Error::make(ErrorKind::Ssh, code, detail);
}

struct KnownHostsHandle
{
    LIBSSH2_KNOWNHOSTS *kh;
    ~KnownHostsHandle()
    {
        if (kh)
            libssh2_knownhost_free(kh);
    }
};

} // namespace

QString SshKnownHosts::fingerprint(const QByteArray &keyBlob)
{
    const QByteArray digest = QCryptographicHash::hash(keyBlob, QCryptographicHash::Sha256);
    return QStringLiteral("SHA256:") +
           QString::fromLatin1(digest.toBase64(QByteArray::Base64Encoding | QByteArray::OmitTrailingEquals));
}

std::optional<Error> SshKnownHosts::verify(LIBSSH2_SESSION *session, const SshTarget &target, bool acceptNew,
                                           SshHostKeyInfo *info)
{
    size_t len = 0;
    int type = 0;
    const char *key = libssh2_session_hostkey(session, &len, &type);
    if (!key)
        return sshError(QStringLiteral("ssh.hostkey.unavailable"),
                        Message(QT_TRANSLATE_NOOP("mcp::Errors", "%1 sent no host key"), {target.knownHostsName()}));
    const QByteArray blob(key, qsizetype(len));
    const KeyType kt = keyTypeOf(type);

    *info = SshHostKeyInfo{};
    info->host = target.knownHostsName();
    info->keyType = QString::fromLatin1(kt.name);
    info->fingerprint = fingerprint(blob);
    info->knownHostsFile = target.knownHostsFile;
    info->keyBlob = blob;

    KnownHostsHandle kh{libssh2_knownhost_init(session)};
    if (!kh.kh)
        return sshError(QStringLiteral("ssh.hostkey.internal"),
                        Message(QT_TRANSLATE_NOOP("mcp::Errors", "libssh2_knownhost_init failed")));
    QFile file(target.knownHostsFile);
    if (file.open(QIODevice::ReadOnly)) {
        while (!file.atEnd()) {
            const QByteArray line = file.readLine().trimmed();
            if (line.isEmpty() || line.startsWith('#') || line.startsWith('@'))
                continue;
            // Unparseable lines are skipped, as ssh(1) does.
            libssh2_knownhost_readline(kh.kh, line.constData(), size_t(line.size()),
                                       LIBSSH2_KNOWNHOST_FILE_OPENSSH);
        }
    }

    struct libssh2_knownhost *found = nullptr;
    const int rc = libssh2_knownhost_checkp(
        kh.kh, target.hostName.toUtf8().constData(), target.port, key, len,
        LIBSSH2_KNOWNHOST_TYPE_PLAIN | LIBSSH2_KNOWNHOST_KEYENC_RAW | kt.knownHostBit, &found);
    switch (rc) {
    case LIBSSH2_KNOWNHOST_CHECK_MATCH:
        info->status = SshHostKeyInfo::Status::Match;
        return std::nullopt;
    case LIBSSH2_KNOWNHOST_CHECK_MISMATCH: {
        info->status = SshHostKeyInfo::Status::Mismatch;
        if (found && found->key)
            info->knownFingerprint = fingerprint(QByteArray::fromBase64(QByteArray(found->key)));
        return sshError(QStringLiteral("ssh.hostkey.mismatch"),
                        Message(QT_TRANSLATE_NOOP("mcp::Errors", "the %1 host key of %2 does not match %3: the server offered %4, known_hosts has %5; refusing to connect (the key changed or someone is intercepting the connection)"), {info->keyType, info->host, info->knownHostsFile, info->fingerprint, info->knownFingerprint.isEmpty() ? phrase(Message(QT_TRANSLATE_NOOP("mcp::Errors", "an unreadable key"))) : MessageArg(info->knownFingerprint)}));
    }
    case LIBSSH2_KNOWNHOST_CHECK_NOTFOUND:
        if (acceptNew) {
            if (auto err = append(target.knownHostsFile, info->host, info->keyType, blob))
                return err;
            info->status = SshHostKeyInfo::Status::Added;
            return std::nullopt;
        }
        info->status = SshHostKeyInfo::Status::Unknown;
        return sshError(
            QStringLiteral("ssh.hostkey.unknown"),
            Message(QT_TRANSLATE_NOOP("mcp::Errors", "%1 is not in %2; it offered the %3 key %4. Verify the fingerprint and accept it to continue"), {info->host, info->knownHostsFile, info->keyType, info->fingerprint}));
    default:
        return sshError(QStringLiteral("ssh.hostkey.internal"),
                        Message(QT_TRANSLATE_NOOP("mcp::Errors", "could not check the host key of %1 against %2"), {info->host, info->knownHostsFile}));
    }
}

std::optional<Error> SshKnownHosts::append(const QString &path, const QString &name, const QString &keyType,
                                           const QByteArray &keyBlob)
{
    const QFileInfo fi(path);
    QDir dir = fi.absoluteDir();
    if (!dir.exists()) {
        if (!dir.mkpath(QStringLiteral(".")))
            return sshError(QStringLiteral("ssh.hostkey.write-failed"),
                            Message(QT_TRANSLATE_NOOP("mcp::Errors", "cannot create %1"), {dir.path()}));
        QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
    QFile file(path);
    const bool existed = file.exists();
    if (!file.open(QIODevice::Append))
        return sshError(QStringLiteral("ssh.hostkey.write-failed"),
                        Message(QT_TRANSLATE_NOOP("mcp::Errors", "cannot write %1: %2"), {path, file.errorString()}));
    if (!existed)
        file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    // A file whose last line lacks a newline would glue our entry onto it.
    if (existed && file.size() > 0) {
        QFile reader(path);
        if (reader.open(QIODevice::ReadOnly) && reader.seek(reader.size() - 1) && reader.read(1) != "\n")
            file.write("\n");
    }
    const QByteArray line = name.toUtf8() + ' ' + keyType.toLatin1() + ' ' + keyBlob.toBase64() + '\n';
    if (file.write(line) != line.size() || !file.flush())
        return sshError(QStringLiteral("ssh.hostkey.write-failed"),
                        Message(QT_TRANSLATE_NOOP("mcp::Errors", "cannot write %1: %2"), {path, file.errorString()}));
    return std::nullopt;
}

} // namespace mcp::transport
