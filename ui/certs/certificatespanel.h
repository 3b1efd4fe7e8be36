#pragma once

#include "common/result.h"

#include <QHash>
#include <QWidget>

#include <functional>
#include <optional>

class QLabel;
class QListWidget;
class QPushButton;
class QTableView;
class QTreeWidget;

namespace mcp::hosts {
class HostFleet;
class HostRegistry;
} // namespace mcp::hosts

namespace mcp::certs {
struct CheckOptions;
}

namespace mcp::ui {

class CertificatesModel;

// Every certificate in one place: what the gateways' TLS listeners serve (next to what their
// specs say) and PEM files the operator imports (file dialog or drag and drop), with the
// expiry countdown, the findings of every check, and the selected one's chain as a tree.
// An encrypted key (beside an imported certificate, or chosen to replace one) is opened with
// the passphrase the operator types, in memory only. With a CA bundle chosen (its path is
// kept in the settings) imported chains are verified to it (cert.untrusted).
class CertificatesPanel final : public QWidget
{
    Q_OBJECT
public:
    CertificatesPanel(hosts::HostRegistry *registry, hosts::HostFleet *fleet, QWidget *parent = nullptr);

    void importFiles(const QStringList &paths);
    // Reads every connected host's gateways again (TLS handshakes: in the background).
    void refreshFromGateways();
    CertificatesModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QTreeWidget *chainTree() const { return m_chain; }
    QListWidget *findingsList() const { return m_findings; }
    int pendingHosts() const { return m_pendingHosts; }
    // The spec the selected gateway row's gateway runs, with its certificate pointing at new
    // files: what "Replace on gateway…" hands to the spec editor (diff, checks, push steps).
    Result<QString> replacementSpec(int row, const QString &certFile, const QString &keyFile) const;
    // What "Replace on gateway…" does with the chosen files: the key is checked with the
    // certificate first (an encrypted one with the passphrase asked for: cert.key-passphrase
    // when it does not open it, cancelled when none is given), then replacementSpec.
    struct Replacement
    {
        QString specText;
        QHash<QString, QByteArray> decryptedKeys; // the key, opened, when it is encrypted
    };
    Result<Replacement> prepareReplacement(int row, const QString &certFile, const QString &keyFile);

    // Who asks for an encrypted key's passphrase (default: KeyPassphraseDialog; nullopt:
    // cancelled). The answer is used once and wiped.
    using PassphraseProvider = std::function<std::optional<QString>(const QString &keyPath)>;
    void setPassphraseProvider(PassphraseProvider provider) { m_askPassphrase = std::move(provider); }
    // The CA bundle certificates are verified to (empty: no trust check): imported files (checked
    // again at once) and, from the next read, the gateways' spec certificates. Stored in the
    // registry's settings as a path.
    void setCaBundle(const QString &path);
    QString caBundle() const { return m_caBundle; }

Q_SIGNALS:
    void refreshed();
    // The operator chose new files for a gateway's certificate: open this text in the editor.
    // decryptedKeys: an encrypted key opened with its passphrase, by its path (in memory only).
    void replaceRequested(const QString &host, const QString &gateway, const QString &specText, const QHash<QString, QByteArray> &decryptedKeys);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void showSelected();
    certs::CheckOptions checkOptions() const;
    void showCaBundle();

    hosts::HostRegistry *m_registry;
    hosts::HostFleet *m_fleet;
    CertificatesModel *m_model;
    QTableView *m_table;
    QTreeWidget *m_chain;
    QListWidget *m_findings;
    QLabel *m_status;
    QPushButton *m_replace;
    QPushButton *m_clearCa;
    QLabel *m_caLabel;
    QStringList m_imported; // checked again when the CA bundle changes
    QString m_caBundle;
    PassphraseProvider m_askPassphrase;
    int m_pendingHosts = 0;
};

} // namespace mcp::ui
