#pragma once

#include "redactor.h"
#include "snapshot.h"

#include "common/result.h"
#include "docker/dockerclient.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>
#include <vector>


namespace mcp::snapshot {

// Gathers an incident snapshot from live hosts, asynchronously (every part is an Engine
// API call over the host's own transport; nothing blocks the caller's thread): per host the
// events of the window, each gateway's deployed spec, the rendered files it runs (key files
// left out) and its checks against the topology, the inspect and the last log lines of
// gateways and of unhealthy instances, and, where no live telemetry is given, the gateways'
// access logs of the window read into a fresh store. Every text goes through the Redactor
// on arrival. Progress is reported as parts finish; an unreachable host or a failed call is
// a note in the snapshot, not a failure of the whole.
class SnapshotCollector final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SnapshotCollector)
public:
    struct Host
    {
        SnapshotHost info;
        QPointer<docker::DockerClient> client; // null: not connected (its state says why)
        const telemetry::TelemetryStore *traffic = nullptr; // the console's live store, or null
    };
    struct Input
    {
        QList<Host> hosts;
        TopologyTimeline timeline;
        // The topology one host alone sees (live checks of its gateways' specs).
        std::function<topology::Graph(const QString &host)> hostGraph;
        qint64 fromMs = 0, toMs = 0;
        QStringList gateways; // only these (empty: every gateway)
        QString createdBy;
        int logLines = 200;
        int maxInstanceLogs = 50; // unhealthy instances whose logs and inspect are kept
    };

    explicit SnapshotCollector(Input input, QObject *parent = nullptr);
    ~SnapshotCollector() override;
    void start();
    const Snapshot &snapshot() const { return m_snapshot; }

Q_SIGNALS:
    void progress(int done, int total, const QString &step);
    void finished();

private:
    struct HostRun;
    void collectHost(HostRun *run);
    void collectEvents(HostRun *run);
    void collectGateway(HostRun *run, const QString &gateway);
    void collectContainer(HostRun *run, const QString &id, const QString &name, const QString &reason);
    void collectTraffic(HostRun *run, const QString &gateway, const QByteArray &specText);
    void begin(const QString &step);
    void end(const QString &step);
    void note(const QString &host, const QString &what, const QString &why);

    Input m_input;
    Snapshot m_snapshot;
    std::unique_ptr<Redactor> m_redactor;
    std::vector<std::unique_ptr<HostRun>> m_runs;
    int m_pending = 0, m_done = 0, m_total = 0;
    bool m_finished = false;
};

} // namespace mcp::snapshot
