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
// Writing files does not change what is served (nothing is reloaded until the check
// passed), so a failed check only needs the old files back. A failure after the reload
// restores the old files and reloads again. The previous files stay in the container
// (<stateDir>/previous.tar) for `rollback`.
class GatewayPush final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GatewayPush)
public:
    enum class Step { Discover, Fetch, Conflict, Backup, Write, Check, Reload, Verify, Restore, Done };
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
    void verify(const QString &id, int attempt);
    void verifyCertificates(const QString &id, int listener, int attempt);
    void restore(const QString &id, Step failedStep, const Error &error);
    void fail(Step step, const Error &error);
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
    Outcome m_outcome;
};

// Lines removed (-) and added (+) between two texts, with the unchanged common head and tail
// left out: enough to review what a push changes.
QString lineDiff(const QString &before, const QString &after, const QString &name);

// The config saved in a gateway container before its last push (<stateDir>/previous.tar as
// fetched with the archive API), ready to push back: `rollback`.
Result<RenderedConfig> previousConfig(const QString &driver, const QByteArray &previousTarArchive);

// Where each driver keeps its state and the file its check reads.
QString stateDirFor(const QString &driver);

} // namespace mcp::gateway
