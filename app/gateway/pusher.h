#pragma once

#include "finding.h"
#include "render.h"

#include "common/error.h"
#include "common/result.h"

#include <QObject>
#include <QPointer>

namespace mcp::docker {
class DockerClient;
}

namespace mcp::gateway {

// One push of a rendered config to the containers of a gateway (label mcp.gateway=NAME),
// one replica at a time, stopping at the first failure:
//   fetch what runs (version, files) -> conflict check -> back up -> write the new files ->
//   the gateway's own check (nginx -t / haproxy -c) -> reload -> verify (the gateway serves
//   the new version at /.mcp/version, and every TLS listener the certificate just written)
//   -> done.
// HAProxy, when only certificate contents change (same files, the config the same but for
// its version): the new PEM files are written and checked as above, then applied through
// the runtime API (`set ssl cert` + `commit ssl cert` on the admin socket the renderer binds
// to 127.0.0.1:9999, fed from the file just written so no key material is on a command
// line), and the served certificate is verified; no reload, the worker keeps its
// connections. A failure aborts the transaction, puts the old files back and applies them
// the same way (a reload if that fails too). The running process keeps answering
// /.mcp/version with the version it was started with, as after a runtime weight change.
// Writing files does not change what is served (nothing is reloaded until the check
// passed), so a failed check only needs the old files back. A failure after the reload
// restores the old files and reloads again. The previous files stay in the container
// (<stateDir>/previous.tar) for `rollback`.
class GatewayPush final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GatewayPush)
public:
    enum class Step { Discover, Fetch, Conflict, Backup, Write, Check, Reload, Runtime, Verify, Restore, Done };
    Q_ENUM(Step)

    struct Outcome
    {
        bool ok = false;
        Step failedStep = Step::Done;
        Error error;
        QString previousVersion; // what ran before (per the first replica)
        QString newVersion;
        QStringList replicas;    // container names pushed (in order)
        QString diff;            // unified-style diff of the main config file
        bool rolledBack = false; // a failure after the write was undone
        // How the new config took effect: "reload", or "runtime" (HAProxy certificates
        // through the runtime API on every replica, no reload); a dry run says which it
        // would be for the first replica.
        QString method;
    };

    // expectVersion: refuse when the gateway runs another version (empty: take what runs
    // when the push starts as the base). dryRun: stop after the diff.
    GatewayPush(docker::DockerClient *client, QString gatewayName, RenderedConfig config, QString expectVersion = {},
                bool dryRun = false, QObject *parent = nullptr);

    void start();
    const Outcome &outcome() const { return m_outcome; }

Q_SIGNALS:
    void stepStarted(mcp::gateway::GatewayPush::Step step, const QString &replica);
    void finished(const mcp::gateway::GatewayPush::Outcome &outcome);

private:
    void nextReplica();
    void fetch(const QString &id);
    void backupAndWrite(const QString &id);
    void check(const QString &id);
    void reload(const QString &id, bool restoring);
    void applyCertificates(const QString &id, bool restoring);
    void verify(const QString &id, int attempt);
    void verifyCertificates(const QString &id, int listener, int attempt);
    void restore(const QString &id, Step failedStep, const Error &error);
    void fail(Step step, const Error &error);
    QString method(bool withCurrent) const;
    void succeed();
    QStringList checkCommand() const;
    QStringList reloadCommand() const;

    QPointer<docker::DockerClient> m_client;
    QString m_gateway;
    RenderedConfig m_config;
    QString m_expect;
    bool m_dryRun;
    QStringList m_ids, m_names;
    int m_index = -1;
    QByteArray m_backupTar; // this replica's files as they were
    QStringList m_runtimeCerts; // this replica: the certificate files applied at run time (empty: reload)
    QStringList m_methods;      // per replica pushed: runtime | reload
    Step m_failedStep = Step::Done; // while restoring: the failure to report once the old files serve
    Error m_failure;
    Outcome m_outcome;
};

// Lines removed (-) and added (+) between two texts, with the unchanged common head and tail
// left out: enough to review what a push changes.
QString lineDiff(const QString &before, const QString &after, const QString &name);

// The config saved in a gateway container before its last push (<stateDir>/previous.tar as
// fetched with the archive API), ready to push back: `rollback`.
Result<RenderedConfig> previousConfig(const QString &driver, const QByteArray &previousTarArchive);

// The HAProxy certificate files whose contents are all that differs between what runs
// (`running`: its files by path, as fetched; `runningVersion`: its version) and `config`,
// when nothing else does but the version the config carries: what the runtime API can
// apply. Empty when the change is structural (another config, a new file), not HAProxy, or
// changes no certificate: then a reload.
QStringList certificateOnlyChange(const RenderedConfig &config, const QMap<QString, QByteArray> &running, const QString &runningVersion);

// Where each driver keeps its state and the file its check reads.
QString stateDirFor(const QString &driver);

} // namespace mcp::gateway
