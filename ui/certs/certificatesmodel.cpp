#include "certificatesmodel.h"

#include <QBrush>
#include <QColor>

namespace mcp::ui {

CertificatesModel::CertificatesModel(QObject *parent) : QAbstractTableModel(parent) {}

void CertificatesModel::setRows(const QString &sourcePrefix, const QList<CertificateRow> &rows)
{
    beginResetModel();
    m_rows.erase(std::remove_if(m_rows.begin(), m_rows.end(), [&](const CertificateRow &r) { return r.source.startsWith(sourcePrefix); }),
                 m_rows.end());
    m_rows << rows;
    std::stable_sort(m_rows.begin(), m_rows.end(), [](const CertificateRow &a, const CertificateRow &b) {
        const QDateTime ea = a.chain.isEmpty() ? QDateTime() : a.chain.first().notAfter;
        const QDateTime eb = b.chain.isEmpty() ? QDateTime() : b.chain.first().notAfter;
        return ea < eb; // soonest expiry first
    });
    endResetModel();
}

int CertificatesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CertificatesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CertificatesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const CertificateRow &r = m_rows.at(index.row());
    if (role == RowRole)
        return index.row();
    const certs::CertificateInfo *leaf = r.chain.isEmpty() ? nullptr : &r.chain.first();
    const QDateTime now = m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
    const qint64 days = leaf ? leaf->daysLeft(now) : 0;
    const bool expired = leaf && leaf->notAfter < now;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Name:
            return leaf ? (leaf->subjectAltNames.isEmpty() ? leaf->commonName : leaf->subjectAltNames.join(QStringLiteral(", "))) : tr("(unreadable)");
        case Source:
            return r.source;
        case Expires:
            return leaf ? QLocale().toString(leaf->notAfter.toLocalTime(), QLocale::ShortFormat) : QString();
        case DaysLeft:
            if (!leaf)
                return {};
            return expired ? tr("✖ expired %n day(s) ago", nullptr, int(-days)) : days < 30 ? tr("⚠ %n day(s)", nullptr, int(days)) : tr("%n day(s)", nullptr, int(days));
        case Key:
            return leaf ? QStringLiteral("%1 %2").arg(leaf->keyType).arg(leaf->keyBits) : QString();
        case Issuer:
            return leaf ? leaf->issuer : QString();
        case Problems: {
            int errors = 0, warnings = 0;
            for (const auto &f : r.findings)
                (f.severity == gateway::Finding::Severity::Error ? errors : warnings)++;
            if (errors == 0 && warnings == 0)
                return tr("none");
            QStringList codes;
            for (const auto &f : r.findings)
                codes << f.code;
            codes.removeDuplicates();
            return tr("%1 error(s), %2 warning(s): %3").arg(errors).arg(warnings).arg(codes.join(QStringLiteral(", ")));
        }
        }
    }
    if (role == Qt::BackgroundRole && index.column() == DaysLeft && leaf) {
        // Okabe-Ito: vermillion expired, orange expiring, bluish green fine (pale tints).
        if (expired)
            return QBrush(QColor(0xf4, 0xc7, 0xb0));
        if (days < 30)
            return QBrush(QColor(0xfb, 0xe3, 0xa8));
        return QBrush(QColor(0xc4, 0xe8, 0xdb));
    }
    if (role == Qt::ToolTipRole && index.column() == Problems) {
        QStringList lines;
        for (const auto &f : r.findings)
            lines << QStringLiteral("%1 [%2]").arg(f.message, f.code);
        return lines.join(QLatin1Char('\n'));
    }
    return {};
}

QVariant CertificatesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Names");
    case Source:
        return tr("Where");
    case Expires:
        return tr("Expires");
    case DaysLeft:
        return tr("Left");
    case Key:
        return tr("Key");
    case Issuer:
        return tr("Issuer");
    case Problems:
        return tr("Problems");
    }
    return {};
}

} // namespace mcp::ui
