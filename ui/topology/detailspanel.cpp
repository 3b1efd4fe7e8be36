#include "detailspanel.h"

#include "topology/healthreasontext.h"

#include "healthstyle.h"

#include <QDateTime>
#include <QJsonArray>
#include <QScrollBar>

namespace mcp::ui {

namespace {
QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

QString row(const QString &key, const QString &value)
{
    return QStringLiteral("<tr><td style='color:#555;padding-right:10px'>%1</td><td>%2</td></tr>").arg(esc(key), value);
}

QString severityColor(topology::Severity s)
{
    switch (s) {
    case topology::Severity::Error:
        return QStringLiteral("#b24a00");
    case topology::Severity::Warning:
        return QStringLiteral("#8a6d00");
    case topology::Severity::Info:
        break;
    }
    return QStringLiteral("#0b5f8a");
}

QString jsonText(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return QString::number(v.toDouble());
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return {};
}
} // namespace

DetailsPanel::DetailsPanel(QWidget *parent) : QTextBrowser(parent)
{
    setObjectName(QStringLiteral("detailsPanel"));
    setOpenLinks(false);
    setPlaceholderText(tr("Select a node to see its health, problems, labels, ports and networks."));
}

void DetailsPanel::showNode(const topology::Node *node)
{
    if (!node) {
        m_nodeId.clear();
        clear();
        return;
    }
    const int scroll = node->id == m_nodeId ? verticalScrollBar()->value() : 0;
    m_nodeId = node->id;
    const auto &a = node->attributes;
    QString html = QStringLiteral("<h3 style='margin-bottom:2px'>%1</h3><div style='color:#555'>%2%3</div>")
                       .arg(esc(node->name), esc(topology::nodeKindName(node->kind)),
                            node->host.isEmpty() ? QString() : tr(" on host %1").arg(esc(node->host)));
    html += QStringLiteral("<p><span style='color:%1;font-weight:bold'>%2</span> %3</p>")
                .arg(healthColor(node->health).name(), esc(healthText(node->health)), esc(topology::healthReasonText(node->healthReason)));

    if (!node->problems.isEmpty()) {
        html += QStringLiteral("<h4>%1</h4>").arg(tr("Problems"));
        for (const auto &p : node->problems)
            html += QStringLiteral("<p style='margin:4px 0'><span style='color:%1;font-weight:bold'>%2</span> "
                                   "<code>%3</code><br>%4<br><i>%5</i> %6</p>")
                        .arg(severityColor(p.severity), esc(topology::severityName(p.severity)), esc(p.code),
                             esc(p.message), tr("Fix:"), esc(p.fix));
    }

    // Health-probe history (newest first), when the prober has results.
    const QJsonArray history = a.value(QLatin1String("probeHistory")).toArray();
    if (!history.isEmpty()) {
        html += QStringLiteral("<h4>%1</h4><table>").arg(tr("Health probes"));
        for (qsizetype i = history.size() - 1; i >= 0 && i >= history.size() - 10; --i) {
            const QJsonObject h = history.at(i).toObject();
            const QString when = QDateTime::fromMSecsSinceEpoch(qint64(h.value(QLatin1String("checkedAt")).toDouble()))
                                     .toString(QStringLiteral("HH:mm:ss"));
            html += row(when, esc(QStringLiteral("%1 %2 · %3 ms")
                                      .arg(h.value(QLatin1String("outcome")).toString(),
                                           h.value(QLatin1String("status")).toInt() > 0
                                               ? QString::number(h.value(QLatin1String("status")).toInt())
                                               : QString(),
                                           QString::number(h.value(QLatin1String("latencyMs")).toDouble(), 'f', 1))));
        }
        html += QStringLiteral("</table>");
    }

    html += QStringLiteral("<h4>%1</h4><table>").arg(tr("Facts"));
    static const QStringList order{QStringLiteral("state"),   QStringLiteral("status"),  QStringLiteral("healthcheck"),
                                   QStringLiteral("service"), QStringLiteral("version"), QStringLiteral("port"),
                                   QStringLiteral("healthPath"), QStringLiteral("address"), QStringLiteral("gateway"),
                                   QStringLiteral("driver"),  QStringLiteral("image"),   QStringLiteral("id"),
                                   QStringLiteral("networkMode"), QStringLiteral("restartCount"),
                                   QStringLiteral("url"),     QStringLiteral("transport"), QStringLiteral("resyncs")};
    for (const QString &key : order) {
        const QString v = jsonText(a.value(key));
        if (!v.isEmpty())
            html += row(key, esc(v));
    }
    QStringList networks;
    for (const auto &n : a.value(QLatin1String("networks")).toArray()) {
        const QJsonObject o = n.toObject();
        networks << esc(QStringLiteral("%1 %2").arg(o.value(QLatin1String("name")).toString(),
                                                    o.value(QLatin1String("address")).toString()));
    }
    if (!networks.isEmpty())
        html += row(tr("networks"), networks.join(QStringLiteral("<br>")));
    QStringList published;
    for (const auto &p : a.value(QLatin1String("published")).toArray()) {
        const QJsonObject o = p.toObject();
        published << esc(QStringLiteral("%1:%2 → %3")
                             .arg(o.value(QLatin1String("hostIp")).toString())
                             .arg(o.value(QLatin1String("hostPort")).toInt())
                             .arg(o.value(QLatin1String("containerPort")).toInt()));
    }
    if (!published.isEmpty())
        html += row(tr("published"), published.join(QStringLiteral("<br>")));
    const QJsonArray versions = a.value(QLatin1String("versions")).toArray();
    if (!versions.isEmpty()) {
        QStringList names;
        for (const auto &v : versions)
            names << esc(v.toString());
        html += row(tr("versions"), names.join(QStringLiteral(", ")));
    }
    html += QStringLiteral("</table>");

    const QJsonObject labels = a.value(QLatin1String("labels")).toObject();
    if (!labels.isEmpty()) {
        html += QStringLiteral("<h4>%1</h4><table>").arg(tr("Labels"));
        for (auto it = labels.begin(); it != labels.end(); ++it)
            html += row(it.key(), esc(it.value().toString()));
        html += QStringLiteral("</table>");
    }
    setHtml(html);
    verticalScrollBar()->setValue(scroll);
}

} // namespace mcp::ui
