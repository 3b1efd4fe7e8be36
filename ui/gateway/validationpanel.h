#pragma once

#include "gateway/finding.h"

#include <QWidget>

class QLabel;
class QTreeView;

namespace mcp::ui {

class FindingsModel;

// The findings of the spec as it is now (updated as the operator types): a summary line and
// the list, worst first. Activating a finding asks the editor to jump to its field.
class ValidationPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ValidationPanel)
public:
    explicit ValidationPanel(QWidget *parent = nullptr);

    void setFindings(const gateway::Findings &findings, bool live, const QString &host);
    FindingsModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }
    QString summary() const;

Q_SIGNALS:
    void findingActivated(const mcp::gateway::Finding &finding);

private:
    FindingsModel *m_model;
    QTreeView *m_view;
    QLabel *m_summary;
};

} // namespace mcp::ui
