#pragma once

#include "findinglocation.h"

#include <QAbstractTableModel>

namespace mcp::ui {

class SpecDocument;

// The backends of one route of the spec being edited: service, version and weight, all
// editable in place (as YAML text edits), with findings marked like the routes table.
class BackendsTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BackendsTableModel)
public:
    enum Column { ServiceColumn, VersionColumn, WeightColumn, ColumnCount };
    enum Role { SeverityRole = Qt::UserRole + 1 };

    explicit BackendsTableModel(SpecDocument *document, QObject *parent = nullptr);

    void setRoute(int route); // -1: none
    int route() const { return m_route; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    static QString fieldOf(int column);

Q_SIGNALS:
    void editRefused(const QString &why);

private:
    void refresh();
    int backendCount() const;

    SpecDocument *m_document;
    FindingIndex m_index;
    int m_route = -1;
    int m_rows = 0;
};

} // namespace mcp::ui
