#pragma once

#include <QDialog>

#include <optional>

class QLineEdit;

namespace mcp::ui {

// Asks for the passphrase of an encrypted TLS private key (an import or "Replace on
// gateway…"). The answer decrypts the key in memory and is then wiped: it is not
// remembered, logged or saved, and neither is the decrypted key.
class KeyPassphraseDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeyPassphraseDialog)
public:
    KeyPassphraseDialog(const QString &keyPath, QWidget *parent = nullptr);

    QString passphrase() const;
    // Modal; std::nullopt when the user cancels.
    static std::optional<QString> ask(const QString &keyPath, QWidget *parent);

private:
    QLineEdit *m_edit;
};

} // namespace mcp::ui
