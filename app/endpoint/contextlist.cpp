#include "contextlist.h"

namespace mcp::endpoint {

namespace {
const QString kDefault = QString::fromLatin1(kDefaultContextName);

void fillEndpoint(ContextEntry &entry, const Result<Endpoint> &ep, const QString &fallbackUrl)
{
    if (ep.ok()) {
        entry.endpointUrl = ep->url();
    } else {
        entry.endpointUrl = fallbackUrl;
        entry.error = ep.error();
    }
}
} // namespace

Result<std::vector<ContextEntry>> listContexts(const EndpointResolver &resolver)
{
    const auto choice = resolver.choose();
    if (!choice.ok())
        return choice.error();

    std::vector<ContextEntry> out;
    ContextEntry def;
    def.name = kDefault;
    def.description = QStringLiteral("Current DOCKER_HOST based configuration"); // the CLI's wording
    def.isCurrent = choice->contextName == kDefault;
    fillEndpoint(def, resolver.resolveContext(kDefault, def.isCurrent ? choice->origin : kDefault),
                 QString());
    out.push_back(std::move(def));

    for (const auto &listed : resolver.store().list()) {
        ContextEntry entry;
        if (!listed.context.ok()) {
            entry.name = listed.id;
            entry.error = listed.context.error();
            out.push_back(std::move(entry));
            continue;
        }
        const StoredContext &stored = *listed.context;
        if (stored.name == kDefault)
            continue; // "default" is always the virtual context, in the CLI too
        entry.name = stored.name;
        entry.description = stored.description;
        entry.isCurrent = choice->contextName == stored.name;
        fillEndpoint(entry,
                     resolver.resolveContext(stored.name, entry.isCurrent ? choice->origin : QString()),
                     stored.host);
        out.push_back(std::move(entry));
    }
    return out;
}

} // namespace mcp::endpoint
