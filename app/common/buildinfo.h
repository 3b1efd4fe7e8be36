#pragma once

#include <QString>

namespace mcp {

// The git revision the binaries were built from ("unknown" outside a checkout), for
// --version and snapshot manifests. Generated at build time (cmake/buildinfo.cmake).
QString buildRevision();

} // namespace mcp
