#include "tarwriter.h"

#include <QDateTime>
#include <QList>
#include <QPair>

#include <cstring>

namespace mcp {

namespace {
constexpr int kBlock = 512;

void putOctal(char *field, int width, qint64 value)
{
    // width includes the terminating NUL
    const QByteArray digits = QByteArray::number(value, 8).rightJustified(width - 1, '0');
    std::memcpy(field, digits.constData(), size_t(width - 1));
    field[width - 1] = '\0';
}
} // namespace

void TarWriter::addDirectory(const QString &path, int mode)
{
    QString p = path;
    if (!p.endsWith(QLatin1Char('/')))
        p += QLatin1Char('/');
    addEntry(p, '5', {}, mode);
}

void TarWriter::addFile(const QString &path, const QByteArray &content, int mode)
{
    addEntry(path, '0', content, mode);
}

void TarWriter::addEntry(const QString &path, char type, const QByteArray &content, int mode)
{
    char header[kBlock];
    std::memset(header, 0, sizeof header);
    QByteArray name = path.toUtf8();
    QByteArray prefix;
    if (name.size() > 100) {
        // ustar: a prefix of up to 155 bytes, split at a slash, plus a name of up to 100.
        for (qsizetype i = 0; i < name.size() && i <= 155; ++i) {
            if (name.at(i) == '/' && name.size() - i - 1 <= 100) {
                prefix = name.left(i);
                name = name.mid(i + 1);
                break;
            }
        }
    }
    std::memcpy(header, name.constData(), size_t(qMin<qsizetype>(name.size(), 100)));
    putOctal(header + 100, 8, mode);
    putOctal(header + 108, 8, 0);
    putOctal(header + 116, 8, 0);
    putOctal(header + 124, 12, content.size());
    putOctal(header + 136, 12, QDateTime::currentSecsSinceEpoch());
    std::memset(header + 148, ' ', 8);
    header[156] = type;
    std::memcpy(header + 257, "ustar", 6);
    std::memcpy(header + 263, "00", 2);
    std::memcpy(header + 345, prefix.constData(), size_t(qMin<qsizetype>(prefix.size(), 155)));
    unsigned sum = 0;
    for (unsigned char c : header)
        sum += c;
    putOctal(header + 148, 7, sum);
    header[155] = ' ';

    m_data.append(header, kBlock);
    m_data.append(content);
    const qsizetype pad = (kBlock - content.size() % kBlock) % kBlock;
    m_data.append(QByteArray(pad, '\0'));
}

QByteArray TarWriter::finish() const
{
    return m_data + QByteArray(2 * kBlock, '\0');
}

QList<QPair<QString, QByteArray>> readTar(const QByteArray &archive)
{
    QList<QPair<QString, QByteArray>> files;
    qsizetype pos = 0;
    while (pos + kBlock <= archive.size()) {
        const char *h = archive.constData() + pos;
        if (h[0] == '\0')
            break;
        const QByteArray name = QByteArray(h, 100).left(int(qstrnlen(h, 100)));
        const QByteArray prefix = QByteArray(h + 345, 155).left(int(qstrnlen(h + 345, 155)));
        const qint64 size = QByteArray(h + 124, 12).trimmed().replace('\0', "").toLongLong(nullptr, 8);
        const char type = h[156];
        pos += kBlock;
        if (type == '0' || type == '\0') {
            const QString path = QString::fromUtf8(prefix.isEmpty() ? name : prefix + '/' + name);
            files.append({path, archive.mid(pos, size)});
        }
        pos += (size + kBlock - 1) / kBlock * kBlock;
    }
    return files;
}

} // namespace mcp
