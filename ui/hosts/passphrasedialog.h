#pragma once

#include <QDialog>

#include <optional>

class QLineEdit;

namespace mcp::ui {

// Asks for the passphrase of an encrypted key: an SSH key (the answer goes to the SSH layer
// for this connection) or a TLS private key (an import or "Replace on gateway…": the answer
// decrypts the key in memory and is then wiped). Neither is remembered, logged or saved.
class PassphraseDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PassphraseDialog)
public:
    enum class Purpose { SshKey, TlsKey };

    PassphraseDialog(const QString &keyPath, Purpose purpose, QWidget *parent = nullptr);

    QString passphrase() const;
    // Modal; std::nullopt when the user cancels.
    static std::optional<QString> ask(const QString &keyPath, QWidget *parent, Purpose purpose = Purpose::SshKey);

private:
    QLineEdit *m_edit;
};

} // namespace mcp::ui
