#pragma once

#include "gateway/finding.h"

#include <QColor>
#include <QIcon>

namespace mcp::ui {

// How a finding's severity looks everywhere in the editor: an icon (shape, not only colour)
// and a pale cell background.
QIcon severityIcon(gateway::Finding::Severity severity);
QColor severityBackground(gateway::Finding::Severity severity);
QString severityText(gateway::Finding::Severity severity);

} // namespace mcp::ui
