#pragma once

#include "pusher.h"

#include "common/error.h"
#include "topology/graph.h"

#include <QJsonObject>
#include <QMap>
#include <QObject>
#include <QPointer>

namespace mcp::docker {
class DockerClient;
}

namespace mcp::gateway {

// One change of a route's traffic split on a running gateway, the way every weight change
// goes (the gray-release panel, promote/abort, `mcpctl weights`, the automatic rollback):
//   read the spec the gateway runs (and the certificate files it serves, so no local file
//   or passphrase is needed) -> set the weights in its text -> the push plan's checks
//   (offline and against the host's topology) -> HAProxy: the runtime API, no reload (a
//   structural difference falls back to a push); nginx: a push (graceful reload) that
//   expects the version it read -> an audit record (kind, route, from and to, the method,
//   and any details the caller adds, such as the figures that tripped a rollback).
class WeightApply final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WeightApply)
public:
    struct Request
    {
        QString hostUrl;          // for the audit record
        QString gateway, route;
        QMap<QString, int> weights; // backend key (version) -> weight
        QString kind = QStringLiteral("weights"); // weights | promote | abort | auto-rollback
        QJsonObject details;      // added to the audit record
    };
    struct Outcome
    {
        bool ok = false;
        Error error;
        QString method;           // runtime | reload | none (nothing to change)
        QMap<QString, int> from, to;
        QString fromVersion, toVersion;
        QStringList replicas;
    };

    WeightApply(docker::DockerClient *client, topology::Graph hostGraph, Request request, QObject *parent = nullptr);
    void start();
    const Request &request() const { return m_request; }
    const Outcome &outcome() const { return m_outcome; }

Q_SIGNALS:
    void finished(const mcp::gateway::WeightApply::Outcome &outcome);

private:
    // certificateContents: the gateway's own certificate files in place of the spec's
    // (deployedCertificateContents; GatewaySpec::fileContents).
    void apply(const QByteArray &deployedText, const QString &driver, const QHash<QString, QByteArray> &certificateContents);
    QString specFileName() const; // what findings name: "<gateway> (deployed)"
    void push(const RenderedConfig &config);
    void finish(bool ok, const Error &error = {});

    QPointer<docker::DockerClient> m_client;
    topology::Graph m_graph;
    Request m_request;
    Outcome m_outcome;
};

} // namespace mcp::gateway
