#include "pushdialog.h"

#include "gateway/auditlog.h"
#include "gateway/pushplan.h"

#include "docker/dockerclient.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStyle>
#include <QSyntaxHighlighter>
#include <QVBoxLayout>

namespace mcp::ui {

namespace {

// Removed lines red, added lines green, headers grey.
class DiffHighlighter final : public QSyntaxHighlighter
{
public:
    using QSyntaxHighlighter::QSyntaxHighlighter;

protected:
    void highlightBlock(const QString &text) override
    {
        QTextCharFormat f;
        if (text.startsWith(QLatin1String("+++")) || text.startsWith(QLatin1String("---")) || text.startsWith(QLatin1String("@@")))
            f.setForeground(QColor(0x55, 0x55, 0x55));
        else if (text.startsWith(QLatin1Char('+')))
            f.setBackground(QColor(0xd4, 0xf4, 0xdc));
        else if (text.startsWith(QLatin1Char('-')))
            f.setBackground(QColor(0xfd, 0xd8, 0xd4));
        else
            return;
        setFormat(0, int(text.size()), f);
    }
};

} // namespace

PushDialog::PushDialog(docker::DockerClient *client, QString hostName, QString hostUrl, QString gateway, gateway::RenderedConfig config,
                       Kind kind, QWidget *parent)
    : QDialog(parent), m_client(client), m_hostName(std::move(hostName)), m_hostUrl(std::move(hostUrl)), m_gateway(std::move(gateway)),
      m_config(std::move(config)), m_kind(kind), m_summary(new QLabel(this)), m_diff(new QPlainTextEdit(this)),
      m_steps(new QListWidget(this)), m_result(new QLabel(this))
{
    setWindowTitle(kind == Kind::Push ? tr("Push %1 to %2").arg(m_gateway, m_hostName) : tr("Roll back %1 on %2").arg(m_gateway, m_hostName));
    resize(860, 640);
    m_summary->setWordWrap(true);
    m_summary->setMinimumHeight(2 * fontMetrics().lineSpacing() + 4);
    m_summary->setObjectName(QStringLiteral("pushSummary"));
    m_diff->setObjectName(QStringLiteral("diffView"));
    m_diff->setReadOnly(true);
    m_diff->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_diff->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    new DiffHighlighter(m_diff->document());
    m_steps->setObjectName(QStringLiteral("pushSteps"));
    m_steps->setMaximumHeight(150);
    m_result->setObjectName(QStringLiteral("pushResult"));
    m_result->setWordWrap(true);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_push = m_buttons->addButton(kind == Kind::Push ? tr("&Push") : tr("&Roll back"), QDialogButtonBox::AcceptRole);
    m_push->setObjectName(QStringLiteral("pushButton"));
    m_push->setEnabled(false);
    connect(m_push, &QPushButton::clicked, this, &PushDialog::runPush);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(new QLabel(tr("What changes in the gateway's config:"), this));
    layout->addWidget(m_diff, 1);
    layout->addWidget(new QLabel(tr("Steps:"), this));
    layout->addWidget(m_steps);
    layout->addWidget(m_result);
    layout->addWidget(m_buttons);
}

QString PushDialog::stepTitle(gateway::GatewayPush::Step step) const
{
    using S = gateway::GatewayPush::Step;
    switch (step) {
    case S::Discover:
        return tr("Find the gateway's containers");
    case S::Fetch:
        return tr("Read what it runs");
    case S::Conflict:
        return tr("Check nobody else pushed");
    case S::Backup:
        return tr("Keep the current files");
    case S::Write:
        return tr("Write the new files");
    case S::Check:
        return tr("Gateway's own config check");
    case S::Reload:
        return tr("Graceful reload");
    case S::Runtime:
        return tr("Apply the certificates at run time (no reload)");
    case S::Verify:
        return tr("Verify it serves the new version");
    case S::Restore:
        return tr("Restore the previous config");
    case S::Done:
        break;
    }
    return tr("Done");
}

void PushDialog::preview()
{
    m_previewReady = false;
    m_push->setEnabled(false);
    m_diff->setPlainText(tr("Comparing with what %1 runs…").arg(m_gateway));
    if (!m_client) {
        m_result->setText(tr("The host is gone; nothing was pushed."));
        return;
    }
    auto *run = new gateway::GatewayPush(m_client, m_gateway, m_config, QString(), true, this);
    connect(run, &gateway::GatewayPush::finished, this, [this, run](const gateway::GatewayPush::Outcome &o) {
        run->deleteLater();
        onPreview(o);
    });
    run->start();
}

void PushDialog::onPreview(const gateway::GatewayPush::Outcome &o)
{
    if (!o.ok) {
        m_diff->setPlainText(QString());
        m_result->setText(tr("<b>Cannot push:</b> %1").arg(o.error.text().toHtmlEscaped()));
        return;
    }
    m_base = o.previousVersion;
    const bool same = o.previousVersion == o.newVersion;
    m_diff->setPlainText(o.diff.isEmpty() ? tr("(no change in the rendered config)") : o.diff);
    const QString running = o.previousVersion.isEmpty() ? tr("a config no console pushed")
                                                        : QString(QStringLiteral("<tt>") + o.previousVersion + QStringLiteral("</tt>"));
    m_summary->setText(tr("<b>%1</b> on <b>%2</b> (%3 replica(s): %4)<br>runs %5; after this it runs <tt>%6</tt>.")
                           .arg(m_gateway.toHtmlEscaped(), m_hostName.toHtmlEscaped())
                           .arg(o.replicas.size())
                           .arg(o.replicas.join(QLatin1String(", ")).toHtmlEscaped(), running, o.newVersion));
    m_result->setText(same                                     ? tr("The gateway already runs this version; pushing again re-applies it.")
                      : o.method == QLatin1String("runtime") ? tr("Only certificates change: HAProxy will take them through its runtime API, without a reload.")
                                                               : QString());
    m_previewReady = true;
    m_push->setEnabled(true);
    Q_EMIT previewed();
}

void PushDialog::runPush()
{
    if (!m_previewReady || !m_client || m_run)
        return;
    m_push->setEnabled(false);
    m_steps->clear();
    m_result->setText(tr("Pushing…"));
    m_finished = false;
    m_run = new gateway::GatewayPush(m_client, m_gateway, m_config, m_base.isEmpty() ? QString() : m_base, false, this);
    connect(m_run, &gateway::GatewayPush::stepStarted, this, &PushDialog::onStep);
    connect(m_run, &gateway::GatewayPush::finished, this, &PushDialog::onFinished);
    m_run->start();
}

void PushDialog::markLast(const QIcon &icon)
{
    if (m_steps->count() > 0)
        m_steps->item(m_steps->count() - 1)->setIcon(icon);
}

void PushDialog::onStep(gateway::GatewayPush::Step step, const QString &replica)
{
    if (step == gateway::GatewayPush::Step::Done) {
        markLast(style()->standardIcon(QStyle::SP_DialogApplyButton));
        return;
    }
    markLast(style()->standardIcon(step == gateway::GatewayPush::Step::Restore ? QStyle::SP_MessageBoxCritical
                                                                               : QStyle::SP_DialogApplyButton));
    // After a runtime certificate change the check is the served certificate (the process
    // keeps the version it started with).
    const bool certificateVerify = step == gateway::GatewayPush::Step::Verify && m_steps->count() > 0 &&
                                   m_steps->item(m_steps->count() - 1)->data(Qt::UserRole).toInt() == int(gateway::GatewayPush::Step::Runtime);
    const QString title = certificateVerify ? tr("Verify it serves the new certificate") : stepTitle(step);
    auto *item = new QListWidgetItem(style()->standardIcon(QStyle::SP_ArrowRight),
                                     replica.isEmpty() ? title : tr("%1 · %2").arg(title, replica), m_steps);
    item->setData(Qt::UserRole, int(step));
    m_steps->scrollToItem(item);
}

void PushDialog::onFinished(const gateway::GatewayPush::Outcome &o)
{
    m_run->deleteLater();
    m_outcome = o;
    m_finished = true;
    gateway::appendAudit(gateway::pushAuditRecord(m_kind == Kind::Push ? QStringLiteral("push") : QStringLiteral("rollback"), m_hostUrl,
                                                  m_gateway, o, false));
    if (o.ok) {
        markLast(style()->standardIcon(QStyle::SP_DialogApplyButton));
        m_result->setText(tr("<b>Done:</b> %1 now runs <tt>%2</tt> on %3.")
                              .arg(m_gateway.toHtmlEscaped(), o.newVersion, o.replicas.join(QLatin1String(", ")).toHtmlEscaped()) +
                          (o.method == QLatin1String("runtime")
                               ? QStringLiteral("<br>") + tr("Only certificates changed: HAProxy took them through its runtime API, without a reload.")
                               : QString()));
        m_push->setEnabled(false);
    } else if (o.error.code == QLatin1String("push.conflict")) {
        markLast(style()->standardIcon(QStyle::SP_MessageBoxWarning));
        m_result->setText(tr("<b>Someone else pushed to %1</b> since this diff was made. Nothing was changed; the diff below "
                             "is now against what runs. Review it and push again.")
                              .arg(m_gateway.toHtmlEscaped()));
        preview();
    } else {
        markLast(style()->standardIcon(QStyle::SP_MessageBoxCritical));
        m_result->setText(tr("<b>Failed at “%1”:</b> %2<br>%3")
                              .arg(stepTitle(o.failedStep), o.error.text().toHtmlEscaped(),
                                   o.rolledBack ? tr("The previous config was restored and is serving.")
                                                : tr("The gateway kept its previous config.")));
        m_push->setEnabled(true);
    }
    Q_EMIT pushFinished(o.ok);
}

} // namespace mcp::ui
