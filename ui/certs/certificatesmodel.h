#pragma once

#include "certs/certificateinfo.h"
#include "gateway/finding.h"

#include <QAbstractTableModel>
#include <QDateTime>

namespace mcp::ui {

// One certificate the operator sees: an imported PEM file, or what a gateway listener serves
// (with the spec's certificate beside it), its chain and its findings.
struct CertificateRow
{
    QString source;   // the file, or "gateway · listener:port · SNI"
    QString host;     // the Docker host (gateway rows)
    QString gateway;  // empty for files
    QString certificateName; // the spec's name for it (gateway rows)
    QList<certs::CertificateInfo> chain;
    gateway::Findings findings;
    bool servedMatchesSpec = true;
};

// The certificates table: name, source, issuer, expiry with a countdown coloured by the days
// left (expired, under 30 days, fine; colour-blind safe with a text mark too), key, and the
// findings in a word. One row per certificate; rows from a source are replaced together.
class CertificatesModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Name, Source, Expires, DaysLeft, Problems, Key, Issuer, ColumnCount };
    static constexpr int RowRole = Qt::UserRole + 1;

    explicit CertificatesModel(QObject *parent = nullptr);
    // Replaces the rows whose source starts with `sourcePrefix` (a file, or a host's gateways).
    void setRows(const QString &sourcePrefix, const QList<CertificateRow> &rows);
    const CertificateRow &row(int index) const { return m_rows.at(index); }
    void setNow(const QDateTime &now) { m_now = now; } // tests: a fixed clock

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<CertificateRow> m_rows;
    QDateTime m_now;
};

} // namespace mcp::ui
