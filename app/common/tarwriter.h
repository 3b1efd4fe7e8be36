#pragma once

#include <QByteArray>
#include <QString>

namespace mcp {

// Builds a POSIX ustar archive in memory: what the Engine API's archive endpoint takes to
// put files into a container (gateway configs, certificates). Regular files and directories
// only; names up to 255 bytes.
class TarWriter
{
public:
    void addDirectory(const QString &path, int mode = 0755);
    void addFile(const QString &path, const QByteArray &content, int mode = 0644);
    // The archive with its two zero end blocks.
    QByteArray finish() const;

private:
    void addEntry(const QString &path, char type, const QByteArray &content, int mode);
    QByteArray m_data;
};

// The regular files of a ustar archive (as the engine returns from GET archive): path -> content.
QList<QPair<QString, QByteArray>> readTar(const QByteArray &archive);

} // namespace mcp
