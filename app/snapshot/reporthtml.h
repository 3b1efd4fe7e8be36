#pragma once

#include "snapshot.h"
#include "snapshotfile.h"

#include <QByteArray>

namespace mcp::snapshot {

// index.html: the whole story on one page that opens in any browser with no network (all
// styles and images inline): hosts and the window, findings (doctor and spec checks), the
// graph and the charts as inline SVG, gateways with their specs, events, audit entries,
// log lines, and what was redacted or could not be collected.
QByteArray reportHtml(const Snapshot &snapshot, const QByteArray &graphSvg, const QList<SnapshotChart> &charts,
                      const QJsonArray &doctorFindings);

} // namespace mcp::snapshot
