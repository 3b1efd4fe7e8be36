#include "findingstyle.h"

#include <QApplication>
#include <QCoreApplication>
#include <QStyle>

namespace mcp::ui {

QIcon severityIcon(gateway::Finding::Severity severity)
{
    const QStyle::StandardPixmap p = severity == gateway::Finding::Severity::Error     ? QStyle::SP_MessageBoxCritical
                                     : severity == gateway::Finding::Severity::Warning ? QStyle::SP_MessageBoxWarning
                                                                                       : QStyle::SP_MessageBoxInformation;
    return QApplication::style()->standardIcon(p);
}

QColor severityBackground(gateway::Finding::Severity severity)
{
    return severity == gateway::Finding::Severity::Error     ? QColor(0xfd, 0xd8, 0xd4)
           : severity == gateway::Finding::Severity::Warning ? QColor(0xff, 0xf1, 0xc7)
                                                             : QColor(0xe3, 0xee, 0xfa);
}

QString severityText(gateway::Finding::Severity severity)
{
    return severity == gateway::Finding::Severity::Error     ? QCoreApplication::translate("mcp::ui::Findings", "error")
           : severity == gateway::Finding::Severity::Warning ? QCoreApplication::translate("mcp::ui::Findings", "warning")
                                                             : QCoreApplication::translate("mcp::ui::Findings", "info");
}

} // namespace mcp::ui
