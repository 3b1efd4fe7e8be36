#pragma once

#include "snapshot.h"
#include "ziparchive.h"

#include "common/result.h"
#include "topology/layeredlayout.h"

#include <functional>

namespace mcp::snapshot {

// The `.mcpsnap` file: a zip with a versioned manifest.json (format "mcpsnap", version 1;
// docs/snapshots.md lists every entry). Writing runs every text through a last Redactor
// sweep (defence in depth behind the collector's) and lists what was redacted in the
// manifest. Reading refuses another format or a newer version with a clear error.
//
// PNGs need a rasterizer (Qt Gui + Svg, which the core does not link): mcpctl and the console
// pass mcpraster's; without one the PNGs are left out and the manifest says so.
using Rasterizer = std::function<QByteArray(const QByteArray &svg, int maxPixels)>;

struct WriteOptions
{
    Rasterizer rasterize;
    topology::GroupBy groupBy = topology::GroupBy::Host;
};

QList<ZipEntry> snapshotEntries(const Snapshot &snapshot, const WriteOptions &options);
Status writeSnapshot(const QString &file, const Snapshot &snapshot, const WriteOptions &options);

Result<Snapshot> readSnapshot(const QString &file);
Result<Snapshot> snapshotFromEntries(const QMap<QString, QByteArray> &entries, const QString &file);

// Charts the snapshot carries: per gateway route, requests/s, 5xx % and p99 per version.
struct SnapshotChart
{
    QString name; // "charts/<gateway>--<route>-rps"
    QString title;
    QByteArray svg;
};
QList<SnapshotChart> snapshotCharts(const Snapshot &snapshot, const telemetry::TelemetryStore &store);

} // namespace mcp::snapshot
