#include "passphrasedialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace mcp::ui {

PassphraseDialog::PassphraseDialog(const QString &keyPath, Purpose purpose, QWidget *parent) : QDialog(parent)
{
    const bool tls = purpose == Purpose::TlsKey;
    setObjectName(tls ? QStringLiteral("keyPassphraseDialog") : QStringLiteral("passphraseDialog"));
    setWindowTitle(tls ? tr("Private key passphrase") : tr("SSH key passphrase"));
    auto *layout = new QVBoxLayout(this);
    auto *label = new QLabel(tls ? tr("The private key <b>%1</b> is encrypted. Enter its passphrase to check it with its certificate.<br>"
                                      "<small>The key is decrypted in memory only; the passphrase and the decrypted key are never saved "
                                      "or logged.</small>")
                                       .arg(keyPath.toHtmlEscaped())
                                 : tr("The SSH key <b>%1</b> is encrypted. Enter its passphrase to connect.<br>"
                                      "<small>It is used for this connection only and never saved.</small>")
                                       .arg(keyPath.toHtmlEscaped()),
                             this);
    label->setWordWrap(true);
    layout->addWidget(label);
    m_edit = new QLineEdit(this);
    m_edit->setObjectName(tls ? QStringLiteral("keyPassphrase") : QStringLiteral("passphrase"));
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

std::optional<QString> PassphraseDialog::ask(const QString &keyPath, QWidget *parent, Purpose purpose)
{
    PassphraseDialog dialog(keyPath, purpose, parent);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.passphrase();
}

} // namespace mcp::ui
