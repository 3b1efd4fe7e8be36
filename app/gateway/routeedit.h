#pragma once

#include "spec.h"
#include "specedit.h"

namespace mcp::gateway {

// The fields of a route (and of a backend) as the editor's form and tables see them: where
// each one sits in the YAML, its current value as text, and the text edit that sets it from
// what the operator typed (an empty input removes an optional field). Built on specedit,
// so comments and layout survive.
struct FieldSlot
{
    enum class Kind { Text, Integer, List, Duration };
    QString field;            // "timeouts.read", "match.pathPrefix", "weight"
    QString key;              // "read"
    QString parentKey;        // "timeouts" ("" for the route's or backend's own keys)
    Kind kind = Kind::Text;
    bool present = false;     // the field is in the YAML
    SourcePos pos;            // the value (present) or its mapping (absent)
    bool parentPresent = true;
    SourcePos ownerPos;       // the route's (or backend's) mapping
    QString text;             // the current value as the form shows it
};

// Route fields in form order: name, listeners, match.hosts, match.pathPrefix, timeouts.*,
// retries.*, passiveHealth.*.
QStringList routeFieldNames();
FieldSlot routeField(const Route &route, const QString &field);
// Backend fields: service, version, weight.
QStringList backendFieldNames();
FieldSlot backendField(const Backend &backend, const QString &field);

// The edit that makes the field read `input` (lists: comma-separated). An empty edit (no
// change) when the input equals the current value or clears an absent field; std::nullopt
// when the YAML has a shape the edit cannot be placed in.
std::optional<TextEdit> editField(const QString &yaml, const FieldSlot &slot, const QString &input);

// A new route after the last one (named `name`, matching /name, one backend to fill in).
std::optional<TextEdit> appendRoute(const QString &yaml, const GatewaySpec &spec, const QString &name);
// A new backend after the route's last one: the same service, a new version, weight 0.
std::optional<TextEdit> appendBackend(const QString &yaml, const Route &route);

// Durations as the form shows them: 1m, 5s, 250ms.
QString formatDurationMs(qint64 ms);

} // namespace mcp::gateway
