#include "commands.h"

#include "gateway/discovery.h"
#include "gateway/render.h"
#include "gateway/specreader.h"
#include "gateway/specvalidator.h"
#include "discover.h"
#include "session.h"

#include "hosts/connectorfactory.h"
#include "hosts/containerinventory.h"
#include "hosts/hostconnection.h"
#include "topology/topologymodel.h"

#include <QCoreApplication>
#include <QFile>
#include <QTimer>

namespace mcp::cli {


// `mcpctl render SPEC [--host URL]`: the files the driver would write, without private keys.
// With --host, upstreams are the live instances; without, each backend is a placeholder.
int runRender(const GlobalOptions &options, const Output &out)
{
    if (options.arguments.size() != 1)
        return out.fail(Error::make(ErrorKind::Usage, QStringLiteral("usage"), QStringLiteral("usage: mcpctl render SPEC.yaml [--host URL]")));
    const QString file = options.arguments.first();
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return out.fail(Error::make(ErrorKind::Config, QStringLiteral("spec.unreadable"), QStringLiteral("cannot read %1: %2").arg(file, f.errorString())));
    const QByteArray text = f.readAll();
    const gateway::SpecReading reading = gateway::readSpecFile(file);
    gateway::Findings findings = reading.findings;
    if (reading.parsed)
        findings << gateway::validateSpec(reading.spec);
    if (gateway::hasErrors(findings)) {
        for (const auto &x : findings)
            std::fprintf(stderr, "%s\n", qPrintable(x.toString()));
        return out.fail(Error::make(ErrorKind::Config, QStringLiteral("spec.invalid"),
                                    QStringLiteral("%1 has errors; run mcpctl validate %1").arg(file)));
    }
    gateway::EndpointMap endpoints;
    if (!options.host.isEmpty() || !options.context.isEmpty()) {
        auto found = discover(options, reading.spec.name.value);
        if (!found)
            return out.fail(found.error());
        endpoints = *found;
    }
    const gateway::RenderedConfig config = gateway::renderConfig(reading.spec, text, endpoints);
    for (auto it = config.files.constBegin(); it != config.files.constEnd(); ++it) {
        out.line(QStringLiteral("# ==> %1").arg(it.key()));
        if (config.secretFiles.contains(it.key()))
            out.line(QStringLiteral("# (private key material, not shown)"));
        else
            out.line(QString::fromUtf8(it.value()));
    }
    return ExitOk;
}

} // namespace mcp::cli
