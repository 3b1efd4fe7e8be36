#include "ziparchive.h"

#include <QFile>
#include <QSaveFile>

#include <zip.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <memory>

namespace mcp::snapshot {

namespace {

Error zipError(const QString &file, const QString &what)
{
    return Error::make(ErrorKind::Config, QStringLiteral("snapshot.zip"), Message(QT_TRANSLATE_NOOP("mcp::Errors", "%1: %2"), {file, what}));
}

struct ZipCloser
{
    void operator()(zip_t *z) const { zip_discard(z); }
};

} // namespace

Status writeZip(const QString &file, const QList<ZipEntry> &entries)
{
    // libzip writes the archive on close; build it in memory, then save it atomically so a
    // failed export never leaves half a snapshot under the chosen name.
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t *buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
    if (!buffer)
        return zipError(file, QString::fromUtf8(zip_error_strerror(&error)));
    zip_source_keep(buffer);
    std::unique_ptr<zip_t, ZipCloser> archive(zip_open_from_source(buffer, ZIP_TRUNCATE, &error));
    if (!archive) {
        zip_source_free(buffer);
        return zipError(file, QString::fromUtf8(zip_error_strerror(&error)));
    }
    for (const ZipEntry &e : entries) {
        // The data must outlive zip_close: libzip reads sources then, so each source owns a copy.
        void *copy = std::malloc(size_t(std::max<qsizetype>(1, e.data.size())));
        std::memcpy(copy, e.data.constData(), size_t(e.data.size()));
        zip_source_t *src = zip_source_buffer(archive.get(), copy, zip_uint64_t(e.data.size()), 1);
        if (!src) {
            std::free(copy);
            zip_source_free(buffer);
            return zipError(file, QString::fromUtf8(zip_strerror(archive.get())));
        }
        const zip_int64_t index = zip_file_add(archive.get(), e.path.toUtf8().constData(), src, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE);
        if (index < 0) {
            zip_source_free(src);
            zip_source_free(buffer);
            return zipError(file, QString::fromUtf8(zip_strerror(archive.get())));
        }
        const bool alreadyCompressed = e.path.endsWith(QLatin1String(".png"));
        zip_set_file_compression(archive.get(), zip_uint64_t(index), alreadyCompressed ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 6);
    }
    if (zip_close(archive.get()) < 0) {
        const QString why = QString::fromUtf8(zip_strerror(archive.get()));
        zip_source_free(buffer);
        return zipError(file, why);
    }
    archive.release(); // closed
    QByteArray bytes;
    if (zip_source_open(buffer) == 0) {
        zip_source_seek(buffer, 0, SEEK_END);
        const zip_int64_t size = zip_source_tell(buffer);
        zip_source_seek(buffer, 0, SEEK_SET);
        bytes.resize(qsizetype(std::max<zip_int64_t>(0, size)));
        zip_source_read(buffer, bytes.data(), zip_uint64_t(bytes.size()));
        zip_source_close(buffer);
    }
    zip_source_free(buffer);
    if (bytes.isEmpty())
        return zipError(file, QStringLiteral("the archive came out empty"));

    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit())
        return Error::make(ErrorKind::Config, QStringLiteral("snapshot.write"), Message(QT_TRANSLATE_NOOP("mcp::Errors", "%1: %2"), {file, out.errorString()}));
    return Done{};
}

Result<QMap<QString, QByteArray>> readZip(const QString &file)
{
    int code = 0;
    std::unique_ptr<zip_t, ZipCloser> archive(zip_open(QFile::encodeName(file).constData(), ZIP_RDONLY, &code));
    if (!archive) {
        zip_error_t error;
        zip_error_init_with_code(&error, code);
        const QString why = QString::fromUtf8(zip_error_strerror(&error));
        zip_error_fini(&error);
        return Error::make(ErrorKind::Config, QStringLiteral("snapshot.open"), Message(QT_TRANSLATE_NOOP("mcp::Errors", "%1: not a snapshot (%2)"), {file, why}));
    }
    QMap<QString, QByteArray> out;
    const zip_int64_t n = zip_get_num_entries(archive.get(), 0);
    for (zip_int64_t i = 0; i < n; ++i) {
        zip_stat_t st;
        if (zip_stat_index(archive.get(), zip_uint64_t(i), 0, &st) != 0)
            continue;
        const QString path = QString::fromUtf8(st.name);
        if (path.endsWith(u'/'))
            continue;
        if (path.startsWith(u'/') || path.split(u'/').contains(QLatin1String("..")))
            return zipError(file, QStringLiteral("entry %1 points outside the archive").arg(path));
        zip_file_t *f = zip_fopen_index(archive.get(), zip_uint64_t(i), 0);
        if (!f)
            return zipError(file, QStringLiteral("entry %1: %2").arg(path, QString::fromUtf8(zip_strerror(archive.get()))));
        QByteArray data(qsizetype(st.size), Qt::Uninitialized);
        const zip_int64_t got = zip_fread(f, data.data(), st.size);
        zip_fclose(f);
        if (got != zip_int64_t(st.size))
            return zipError(file, QStringLiteral("entry %1 is damaged").arg(path));
        out.insert(path, data);
    }
    return out;
}

} // namespace mcp::snapshot
