#pragma once

#include "spec.h"

namespace mcp::gateway {

struct SpecReading
{
    GatewaySpec spec;
    Findings findings; // syntax, schema and type errors; unknown fields
    bool parsed = false; // false: the YAML itself could not be read (the spec is empty)
};

// Reads a GatewayConfig YAML file (or text, for editors: `file` then names it in findings).
// The only place that includes yaml-cpp: its exceptions and marks become findings with
// file:line:column. Unknown fields are errors, so a typo such as `weigth` cannot pass.
SpecReading readSpecFile(const QString &file);
SpecReading readSpecText(const QByteArray &yaml, const QString &file);

} // namespace mcp::gateway
