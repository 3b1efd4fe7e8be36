#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace mcp::transport {

// What ~/.ssh/config says about one host, after applying every matching Host block in file
// order. Empty / 0 means "the file says nothing", so callers layer their own defaults.
struct SshHostConfig
{
    QString hostName;          // HostName, tokens expanded (%h); empty: the alias itself
    QString user;              // User
    int port = 0;              // Port
    QStringList identityFiles; // IdentityFile, all of them in order, ~ and %d/%u/%h/%r/%p expanded
    bool identitiesOnly = false;
    QString proxyJump;               // ProxyJump (libssh2 cannot do it: the OpenSSH path must)
    QString proxyCommand;            // ProxyCommand (likewise)
    QStringList userKnownHostsFiles; // UserKnownHostsFile, ~ expanded

    bool needsProxy() const
    {
        return (!proxyJump.isEmpty() && proxyJump.compare(QLatin1String("none"), Qt::CaseInsensitive) != 0) ||
               (!proxyCommand.isEmpty() &&
                proxyCommand.compare(QLatin1String("none"), Qt::CaseInsensitive) != 0);
    }
};

// A parser for the part of OpenSSH's client configuration that decides where and how we
// connect. Like ssh(1): keywords are case-insensitive, "Key Value" or "Key=Value", the
// first value obtained for a keyword wins (IdentityFile accumulates), a Host line holds
// patterns with '*', '?' and '!negation', Include pulls in files (relative to ~/.ssh) under
// the condition of the block it appears in. Match blocks are not evaluated: they never
// apply, which errs on the side of "the file says nothing" and is reported in warnings().
class SshConfig
{
public:
    SshConfig() = default;

    // A missing file is an empty configuration, not an error: most machines have none.
    // homeDir expands '~' and anchors relative Include paths (default: the user's home).
    static SshConfig load(const QString &path, const QString &homeDir = QString());
    static SshConfig parse(const QString &text, const QString &homeDir = QString());

    // Settings for `ssh alias`; localUser feeds %u and is the default for %r.
    SshHostConfig resolve(const QString &alias, const QString &localUser = QString()) const;

    QStringList warnings() const { return m_warnings; }
    // Files actually read (the main one and includes), for diagnostics.
    QStringList files() const { return m_files; }

    // Host pattern list matching as in ssh_config(5) (exposed for tests).
    static bool matchesHostPatterns(const QStringList &patterns, const QString &host);

    static QString defaultPath();

private:
    struct Entry
    {
        int condition; // index into m_conditions, -1: applies to every host
        QString key;   // lower-case keyword
        QString value; // raw (quotes removed) value
    };
    struct Condition
    {
        QStringList patterns;
        bool never = false; // Match blocks
    };

    void parseText(const QString &text, const QString &fileName, int condition, int depth);
    void include(const QString &value, int condition, int depth);
    bool conditionHolds(int condition, const QString &host) const;

    QString m_homeDir;
    QList<Entry> m_entries;
    QList<Condition> m_conditions;
    QStringList m_warnings;
    QStringList m_files;
};

} // namespace mcp::transport
