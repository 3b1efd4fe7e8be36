#include "weightapply.h"

#include "auditlog.h"
#include "deployedcertificates.h"
#include "deployedspec.h"
#include "pushplan.h"
#include "runtimeweights.h"
#include "specvalidator.h"
#include "weightedit.h"

#include "docker/dockerclient.h"

#include <QFileInfo>
#include <QJsonArray>

namespace mcp::gateway {

namespace {

QMap<QString, int> weightsOf(const QByteArray &specText, const QString &route)
{
    QMap<QString, int> out;
    const SpecReading reading = readSpecText(specText, QStringLiteral("spec"));
    for (const Route &r : reading.spec.routes)
        if (r.name.value == route)
            for (const auto &[key, weight] : routeWeights(r))
                out.insert(key, weight);
    return out;
}

} // namespace

WeightApply::WeightApply(docker::DockerClient *client, topology::Graph hostGraph, Request request, QObject *parent)
    : QObject(parent), m_client(client), m_graph(std::move(hostGraph)), m_request(std::move(request))
{
}

void WeightApply::start()
{
    if (!m_client)
        return finish(false, Error::make(ErrorKind::Cancelled, QStringLiteral("cancelled"), Message(QT_TRANSLATE_NOOP("mcp::Errors", "the host is gone"))));
    fetchDeployedSpec(m_client, m_request.gateway, this, [this](Result<DeployedSpec> deployed) {
        if (!deployed)
            return finish(false, deployed.error());
        if (deployed->text.isEmpty())
            return finish(false, Error::make(ErrorKind::Api, QStringLiteral("weights.no-spec"),
                                             Message(QT_TRANSLATE_NOOP("mcp::Errors", "%1 runs no pushed spec: push one before changing weights"), {m_request.gateway})));
        const QByteArray text = deployed->text;
        const QString driver = deployed->driver;
        GatewaySpec running = readSpecText(text, specFileName()).spec;
        running.file = QFileInfo(specFileName()).absoluteFilePath(); // as planPush resolves the certificate paths
        if (running.certificates.isEmpty() || !m_client)
            return apply(text, driver, {});
        // The certificates the gateway already serves, not the operator's files (deployedcertificates.h);
        // a weight edit leaves the spec's certificates as they are.
        fetchDeployedCertificateFiles(m_client, deployed->containerIds.first(), driver, this,
                                      [this, text, driver, running](Result<QHash<QString, QByteArray>> files) {
                                          if (!files)
                                              return finish(false, files.error());
                                          apply(text, driver, deployedCertificateContents(running, driver, *files));
                                      });
    });
}

QString WeightApply::specFileName() const
{
    return m_request.gateway + QStringLiteral(" (deployed)");
}

void WeightApply::apply(const QByteArray &deployedText, const QString &driver, const QHash<QString, QByteArray> &certificateContents)
{
    m_outcome.from = weightsOf(deployedText, m_request.route);
    m_outcome.fromVersion = specVersion(deployedText);
    const Result<QString> edited = specWithWeights(QString::fromUtf8(deployedText), m_request.route, m_request.weights);
    if (!edited)
        return finish(false, edited.error());
    const QByteArray text = edited->toUtf8();
    m_outcome.to = weightsOf(text, m_request.route);
    if (text == deployedText) {
        m_outcome.method = QStringLiteral("none");
        m_outcome.toVersion = m_outcome.fromVersion;
        return finish(true);
    }
    const PushPlan plan = planPush(text, specFileName(), &m_graph, certificateContents);
    if (!plan.ready) {
        QStringList problems;
        for (const Finding &f : plan.findings)
            if (f.severity == Finding::Severity::Error)
                problems << f.message;
        return finish(false, Error::make(ErrorKind::Config, QStringLiteral("weights.invalid"),
                                         Message(QT_TRANSLATE_NOOP("mcp::Errors", "the change does not pass the checks: %1"), {problems.isEmpty() ? QStringLiteral("the host's topology is unknown") : problems.join(QStringLiteral("; "))})));
    }
    m_outcome.toVersion = plan.config.version;
    if (driver != QLatin1String("haproxy"))
        return push(plan.config);
    auto *change = new RuntimeWeightChange(m_client, m_request.gateway, plan.reading.spec, plan.config, plan.endpoints, this);
    change->setExpectedVersion(m_outcome.fromVersion);
    const RenderedConfig config = plan.config;
    connect(change, &RuntimeWeightChange::finished, this, [this, change, config] {
        const RuntimeWeightChange::Outcome o = change->outcome();
        change->deleteLater();
        if (!o.ok && o.error.code == QLatin1String("runtime.structural"))
            return push(config); // servers came or went since the last push: reload instead
        m_outcome.method = QStringLiteral("runtime");
        m_outcome.replicas = o.replicas;
        finish(o.ok, o.error);
    });
    change->start();
}

void WeightApply::push(const RenderedConfig &config)
{
    auto *push = new GatewayPush(m_client, m_request.gateway, config, m_outcome.fromVersion, false, this);
    connect(push, &GatewayPush::finished, this, [this, push](const GatewayPush::Outcome &o) {
        push->deleteLater();
        m_outcome.method = QStringLiteral("reload");
        m_outcome.replicas = o.replicas;
        if (o.ok)
            return finish(true);
        finish(false, Error::make(o.error.kind, o.error.code,
                                  o.rolledBack ? Message(QT_TRANSLATE_NOOP("mcp::Errors", "%1 (at %2, the previous config was restored)"), {o.error, pushStepName(o.failedStep)})
                                               : Message(QT_TRANSLATE_NOOP("mcp::Errors", "%1 (at %2)"), {o.error, pushStepName(o.failedStep)})));
    });
    push->start();
}

void WeightApply::finish(bool ok, const Error &error)
{
    m_outcome.ok = ok;
    m_outcome.error = error;
    if (m_outcome.method != QLatin1String("none")) {
        QJsonObject record{{QStringLiteral("kind"), m_request.kind},
                           {QStringLiteral("host"), m_request.hostUrl},
                           {QStringLiteral("gateway"), m_request.gateway},
                           {QStringLiteral("route"), m_request.route},
                           {QStringLiteral("weightsFrom"), weightsJson(m_outcome.from)},
                           {QStringLiteral("weightsTo"), weightsJson(m_outcome.to.isEmpty() ? m_request.weights : m_outcome.to)},
                           {QStringLiteral("method"), m_outcome.method},
                           {QStringLiteral("from"), m_outcome.fromVersion},
                           {QStringLiteral("to"), m_outcome.toVersion},
                           {QStringLiteral("ok"), ok},
                           {QStringLiteral("replicas"), QJsonArray::fromStringList(m_outcome.replicas)}};
        if (!ok)
            record.insert(QStringLiteral("error"), error.detail);
        for (auto it = m_request.details.begin(); it != m_request.details.end(); ++it)
            record.insert(it.key(), it.value());
        appendAudit(record);
    }
    Q_EMIT finished(m_outcome);
}

} // namespace mcp::gateway
