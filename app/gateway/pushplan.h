#pragma once

#include "pusher.h"
#include "render.h"
#include "specreader.h"

#include "common/result.h"
#include "topology/graph.h"

#include <QJsonObject>

#include <functional>

namespace mcp::docker {
class DockerClient;
}

namespace mcp::gateway {

// Everything that happens to a spec before a push, shared by `mcpctl push` and the
// console's editor: read, offline checks, live checks against the host's topology, and the
// rendered config for its current instances. Nothing is pushed unless `ready`.
struct PushPlan
{
    SpecReading reading;
    Findings findings; // reading, offline and (with a graph) live findings, in that order
    EndpointMap endpoints;
    RenderedConfig config;
    bool ready = false; // no error-level finding, and a graph was given
};

// hostGraph: the topology of the one host the gateway runs on (nullptr: offline checks only,
// never ready). fileContents: certificate and key files held in memory, by absolute path
// (GatewaySpec::fileContents): keys opened with their passphrase, a gateway's own files.
PushPlan planPush(const QByteArray &specText, const QString &file, const topology::Graph *hostGraph,
                  const QHash<QString, QByteArray> &fileContents = {});

// The audit record of a push, rollback or conflict (the audit log adds who and when).
QJsonObject pushAuditRecord(const QString &kind, const QString &hostUrl, const QString &gateway, const GatewayPush::Outcome &outcome,
                            bool dryRun);

// The step's name as the CLI prints it and the audit log stores it ("check", "verify").
QString pushStepName(GatewayPush::Step step);

// Fetches the config a gateway ran before its last push (the first running replica's
// <stateDir>/previous.tar): what `rollback` pushes back. `done` runs on the context's
// thread, not at all when the context is gone first.
void fetchPreviousConfig(docker::DockerClient *client, const QString &gateway, QObject *context,
                         std::function<void(Result<RenderedConfig>)> done);

} // namespace mcp::gateway
