#pragma once

#include "endpointresolver.h"

#include <optional>
#include <vector>

namespace mcp::endpoint {

// One row of the hosts panel, like a line of `docker context ls`.
struct ContextEntry
{
    QString name;        // for an unreadable meta.json: its directory id
    QString description; // Metadata.Description; the CLI's text for "default"
    QString endpointUrl; // canonical URL; the host as written when it does not resolve
    bool isCurrent = false;
    std::optional<Error> error; // why this context cannot be used (unreadable, refused TLS, ...)
};

// The virtual "default" context first, then the store's contexts sorted by name, each
// resolved with the same rules as EndpointResolver::resolve(), so a context the console
// would refuse shows its error here rather than on connect. Fails only when the current
// context cannot be decided (--host with --context, malformed config.json).
Result<std::vector<ContextEntry>> listContexts(const EndpointResolver &resolver);

} // namespace mcp::endpoint
