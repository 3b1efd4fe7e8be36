#pragma once

#include "gateway/finding.h"

#include <QAbstractTableModel>

namespace mcp::ui {

// The findings of the spec being edited, worst first: severity, where (line:column and the
// field path), code, message; the fix hint as the tooltip. SeverityRole carries the raw
// severity for sorting and tests.
class FindingsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FindingsModel)
public:
    enum Column { SeverityColumn, LocationColumn, CodeColumn, MessageColumn, ColumnCount };
    enum Role { SeverityRole = Qt::UserRole + 1, PathRole };

    explicit FindingsModel(QObject *parent = nullptr);

    void setFindings(gateway::Findings findings);
    const gateway::Finding &finding(int row) const { return m_findings.at(row); }
    const gateway::Findings &findings() const { return m_findings; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    gateway::Findings m_findings;
};

} // namespace mcp::ui
