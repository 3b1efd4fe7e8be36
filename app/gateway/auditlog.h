#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace mcp::gateway {

// The append-only local record of every push, rollback and conflict: one JSON object per
// line in $XDG_DATA_HOME/mcp-console/audit.jsonl (MCP_AUDIT_LOG overrides the path), shared
// by mcp-console and mcpctl. Entries carry who, when, host, gateway, versions, the diff and
// the result; never file contents or key material.
QString auditLogPath();
bool appendAudit(QJsonObject entry);
QJsonArray readAudit(int last = 50);

} // namespace mcp::gateway
