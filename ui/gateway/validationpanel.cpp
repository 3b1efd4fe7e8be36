#include "validationpanel.h"

#include "findingsmodel.h"

#include <QHeaderView>
#include <QLabel>
#include <QTreeView>
#include <QVBoxLayout>

namespace mcp::ui {

ValidationPanel::ValidationPanel(QWidget *parent)
    : QWidget(parent), m_model(new FindingsModel(this)), m_view(new QTreeView(this)), m_summary(new QLabel(this))
{
    m_view->setObjectName(QStringLiteral("findingsView"));
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->header()->setStretchLastSection(true);
    m_view->setColumnWidth(FindingsModel::SeverityColumn, 90);
    m_view->setColumnWidth(FindingsModel::LocationColumn, 60);
    m_view->setColumnWidth(FindingsModel::CodeColumn, 190);
    m_summary->setObjectName(QStringLiteral("validationSummary"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_summary);
    layout->addWidget(m_view);
    connect(m_view, &QTreeView::activated, this, [this](const QModelIndex &index) {
        if (index.isValid())
            Q_EMIT findingActivated(m_model->finding(index.row()));
    });
}

void ValidationPanel::setFindings(const gateway::Findings &findings, bool live, const QString &host)
{
    m_model->setFindings(findings);
    int errors = 0, warnings = 0;
    for (const auto &f : findings) {
        errors += f.severity == gateway::Finding::Severity::Error;
        warnings += f.severity == gateway::Finding::Severity::Warning;
    }
    const QString scope = live ? tr("checked against %1").arg(host) : tr("offline checks only: choose a host for the live checks");
    if (errors == 0 && warnings == 0)
        m_summary->setText(tr("No problems (%1).").arg(scope));
    else
        m_summary->setText(tr("%1, %2 (%3). Double-click one to go to it.")
                               .arg(tr("%n error(s)", nullptr, errors), tr("%n warning(s)", nullptr, warnings), scope));
}

QString ValidationPanel::summary() const
{
    return m_summary->text();
}

} // namespace mcp::ui
