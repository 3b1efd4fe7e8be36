#pragma once

#include <QDialog>

#include <optional>

class QLineEdit;

namespace mcp::ui {

// Asks for the passphrase of an encrypted SSH key. The answer goes to the SSH layer and
// nowhere else: it is not remembered, logged or saved.
class PassphraseDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PassphraseDialog)
public:
    PassphraseDialog(const QString &keyPath, QWidget *parent = nullptr);

    QString passphrase() const;
    // Modal; std::nullopt when the user cancels.
    static std::optional<QString> ask(const QString &keyPath, QWidget *parent);

private:
    QLineEdit *m_edit;
};

} // namespace mcp::ui
