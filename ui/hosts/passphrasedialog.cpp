#include "passphrasedialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace mcp::ui {

PassphraseDialog::PassphraseDialog(const QString &keyPath, QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("passphraseDialog"));
    setWindowTitle(tr("SSH key passphrase"));
    auto *layout = new QVBoxLayout(this);
    auto *label = new QLabel(tr("The SSH key <b>%1</b> is encrypted. Enter its passphrase to connect.<br>"
                                "<small>It is used for this connection only and never saved.</small>")
                                 .arg(keyPath.toHtmlEscaped()),
                             this);
    label->setWordWrap(true);
    layout->addWidget(label);
    m_edit = new QLineEdit(this);
    m_edit->setObjectName(QStringLiteral("passphrase"));
    m_edit->setEchoMode(QLineEdit::Password);
    layout->addWidget(m_edit);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

QString PassphraseDialog::passphrase() const
{
    return m_edit->text();
}

std::optional<QString> PassphraseDialog::ask(const QString &keyPath, QWidget *parent)
{
    PassphraseDialog dialog(keyPath, parent);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.passphrase();
}

} // namespace mcp::ui
