#pragma once

#include "endpoint/endpoint.h"

#include <QByteArray>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace mcp::transport {

// Asked for the passphrase of an encrypted private key; runs on the connector's (owner's)
// thread so a GUI can show a dialog. std::nullopt or an empty string: the user declined.
using PassphraseProvider = std::function<std::optional<QString>(const QString &keyPath)>;

// What the SSH connectors need to know. Empty / 0 fields fall back to ~/.ssh/config and then
// to OpenSSH's defaults (port 22, the local user, ~/.ssh/known_hosts).
struct SshOptions
{
    QString host; // alias or address as the user typed it (ssh config Host matching)
    int port = 0;
    QString user;
    QString socketPath; // remote Docker socket; empty: the engine default

    QStringList identityFiles;   // tried first, in order (after the agent)
    bool identitiesOnly = false; // only identityFiles: no agent, no config/default keys
    bool useAgent = true;        // ssh-agent via SSH_AUTH_SOCK

    QString knownHostsFile;        // empty: ssh config UserKnownHostsFile, then ~/.ssh/known_hosts
    bool acceptNewHostKey = false; // unknown host: add its key instead of refusing
    QString configFile;            // empty: ~/.ssh/config; "none": no config at all (ssh -F none)

    PassphraseProvider passphraseProvider;
    int connectTimeoutMs = 10000; // DNS + TCP connect + handshake + authentication
    int keepaliveIntervalSec = 15;

    // Host, port, user and socket from an ssh:// endpoint; the rest stays default.
    static SshOptions fromEndpoint(const endpoint::Endpoint &endpoint);
};

// Where to connect after ~/.ssh/config has been applied to SshOptions.
struct SshTarget
{
    QString hostName; // what we connect to and look up in known_hosts
    int port = 22;
    QString user;
    QStringList identityFiles; // existing files, in the order they are to be tried
    bool useAgent = true;
    QString knownHostsFile;
    QString configFile;      // the file that was applied ("" if none)
    bool needsProxy = false; // ProxyJump / ProxyCommand: only the OpenSSH path can connect

    // "user@host" or "user@[host]:port" for messages.
    QString displayName() const;
    // The known_hosts name: "host" on port 22, "[host]:port" otherwise (as OpenSSH writes it).
    QString knownHostsName() const;
};

SshTarget resolveSshTarget(const SshOptions &options);

// The host key a server offered, for a "do you trust this host?" dialog after an
// ssh.hostkey.* refusal. Fingerprints are OpenSSH style: "SHA256:" + unpadded base64.
struct SshHostKeyInfo
{
    QString host;             // known_hosts name: "host" or "[host]:port"
    QString keyType;          // "ssh-ed25519", "ecdsa-sha2-nistp256", "ssh-rsa"
    QString fingerprint;      // offered key
    QString knownFingerprint; // the key known_hosts has for the host (mismatch only)
    QString knownHostsFile;
    QByteArray keyBlob; // the offered public key, so "trust" writes exactly the key the user saw
    enum class Status
    {
        None,
        Match,
        Mismatch,
        Unknown,
        Added
    } status = Status::None;
};

} // namespace mcp::transport

Q_DECLARE_METATYPE(mcp::transport::SshHostKeyInfo)
