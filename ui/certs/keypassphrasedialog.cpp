#include "keypassphrasedialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace mcp::ui {

KeyPassphraseDialog::KeyPassphraseDialog(const QString &keyPath, QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("keyPassphraseDialog"));
    setWindowTitle(tr("Private key passphrase"));
    auto *layout = new QVBoxLayout(this);
    auto *label = new QLabel(tr("The private key <b>%1</b> is encrypted. Enter its passphrase to check it with its certificate.<br>"
                                "<small>The key is decrypted in memory only; the passphrase and the decrypted key are never saved "
                                "or logged.</small>")
                                 .arg(keyPath.toHtmlEscaped()),
                             this);
    label->setWordWrap(true);
    layout->addWidget(label);
    m_edit = new QLineEdit(this);
    m_edit->setObjectName(QStringLiteral("keyPassphrase"));
    m_edit->setEchoMode(QLineEdit::Password);
    layout->addWidget(m_edit);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

QString KeyPassphraseDialog::passphrase() const
{
    return m_edit->text();
}

std::optional<QString> KeyPassphraseDialog::ask(const QString &keyPath, QWidget *parent)
{
    KeyPassphraseDialog dialog(keyPath, parent);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.passphrase();
}

} // namespace mcp::ui
