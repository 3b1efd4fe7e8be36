#include "hostkeydialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace mcp::ui {

namespace {
QLabel *selectable(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont mono = label->font();
    mono.setFamily(QStringLiteral("monospace"));
    label->setFont(mono);
    return label;
}
} // namespace

HostKeyDialog::HostKeyDialog(const QString &hostName, const transport::SshHostKeyInfo &key, QWidget *parent)
    : QDialog(parent), m_key(key)
{
    setObjectName(QStringLiteral("hostKeyDialog"));
    const bool mismatch = key.status == transport::SshHostKeyInfo::Status::Mismatch;
    setWindowTitle(mismatch ? tr("Host key changed: %1").arg(hostName) : tr("Unknown host: %1").arg(hostName));

    auto *layout = new QVBoxLayout(this);
    auto *head = new QHBoxLayout;
    auto *icon = new QLabel(this);
    icon->setPixmap(style()
                        ->standardIcon(mismatch ? QStyle::SP_MessageBoxCritical : QStyle::SP_MessageBoxQuestion)
                        .pixmap(40, 40));
    head->addWidget(icon, 0, Qt::AlignTop);
    auto *text = new QLabel(this);
    text->setObjectName(QStringLiteral("explanation"));
    text->setWordWrap(true);
    if (mismatch)
        text->setText(tr("<b>The host key of %1 has changed.</b><br>Either the server was reinstalled or someone is "
                         "intercepting the connection. The console will not connect. If the change is expected, "
                         "remove the old key from %2 (for example <tt>ssh-keygen -R '%1' -f %2</tt>) and connect "
                         "again.")
                          .arg(key.host.toHtmlEscaped(), key.knownHostsFile.toHtmlEscaped()));
    else
        text->setText(tr("<b>%1 is not a known host.</b><br>Compare the fingerprint below with the one the server's "
                         "administrator gives you (<tt>ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub</tt> on the "
                         "server). Trusting adds this key to %2.")
                          .arg(key.host.toHtmlEscaped(), key.knownHostsFile.toHtmlEscaped()));
    head->addWidget(text, 1);
    layout->addLayout(head);

    auto *form = new QFormLayout;
    form->addRow(tr("Host:"), selectable(key.host, this));
    form->addRow(tr("Key type:"), selectable(key.keyType, this));
    auto *offered = selectable(key.fingerprint, this);
    offered->setObjectName(QStringLiteral("fingerprint"));
    form->addRow(mismatch ? tr("Offered key:") : tr("Fingerprint:"), offered);
    if (mismatch)
        form->addRow(tr("Known key:"), selectable(key.knownFingerprint, this));
    form->addRow(tr("known_hosts:"), selectable(key.knownHostsFile, this));
    layout->addLayout(form);

    auto *buttons = new QDialogButtonBox(this);
    if (canTrust()) {
        auto *trust = buttons->addButton(tr("Trust and connect"), QDialogButtonBox::AcceptRole);
        trust->setObjectName(QStringLiteral("trustButton"));
        buttons->addButton(QDialogButtonBox::Cancel);
    } else {
        buttons->addButton(QDialogButtonBox::Close);
    }
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

} // namespace mcp::ui
