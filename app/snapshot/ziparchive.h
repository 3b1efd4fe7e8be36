#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>

namespace mcp::snapshot {

// The one file that includes libzip: a whole archive to and from memory. Entries are
// written in the order given, deflated (stored when that does not help: PNGs), with
// forward-slash paths and no directories of their own.
struct ZipEntry
{
    QString path;
    QByteArray data;
};

Status writeZip(const QString &file, const QList<ZipEntry> &entries);
// Reads every entry (a snapshot is read whole: it is tens of megabytes at most). Refuses
// absolute paths and "..", so nothing read can point outside the archive.
Result<QMap<QString, QByteArray>> readZip(const QString &file);

} // namespace mcp::snapshot
