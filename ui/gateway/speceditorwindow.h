#pragma once

#include <QMainWindow>
#include <QSet>

#include <functional>
#include <optional>

class QAction;
class QComboBox;
class QLabel;
class QTableView;

namespace mcp::hosts {
class HostFleet;
class HostRegistry;
} // namespace mcp::hosts
namespace mcp::topology {
class TopologyModel;
}

namespace mcp::ui {

class PushDialog;
class RouteForm;
class RoutesTableModel;
class SpecDocument;
class ValidationPanel;
class YamlEditor;

// The gateway spec editor: the routes as a table (name, hosts and prefix editable in
// place) and a form for the selected route (backends, weights, timeouts, retries), beside
// the YAML itself; every change, typed or made in the form, is one step on one undo stack.
// The validation panel below updates as the operator types, with live checks against the
// chosen host, and jumps to the field a finding is about. "Push…" opens the diff dialog.
// Hosts, fleet and topology belong to the main window.
class SpecEditorWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SpecEditorWindow)
public:
    SpecEditorWindow(hosts::HostRegistry *registry, hosts::HostFleet *fleet, topology::TopologyModel *topology,
                     QWidget *parent = nullptr);

    SpecDocument *document() const { return m_document; }
    bool openFile(const QString &path);
    void newSpec();
    // Opens the spec a gateway runs (read from the gateway itself), untitled.
    // decryptedKeys: keys the operator opened with their passphrase (SpecDocument::setDecryptedKeys).
    void openDeployed(const QString &host, const QString &gateway, const QByteArray &specText,
                      const QHash<QString, QByteArray> &decryptedKeys = {});
    bool saveTo(const QString &path);

    void setLiveHost(const QString &host); // "" for offline checks only
    QTableView *routesView() const { return m_routes; }
    RoutesTableModel *routesModel() const { return m_routesModel; }
    RouteForm *routeForm() const { return m_form; }
    YamlEditor *yamlEditor() const { return m_yaml; }
    ValidationPanel *validationPanel() const { return m_validation; }
    QAction *pushAction() const { return m_pushAction; }
    // Opens the push dialog for the current spec and live host (nullptr when not ready).
    PushDialog *startPush();
    // Jumps to what a finding is about: the route row, the form field, the YAML position.
    void jumpTo(const QString &path, int line, int column);

    // Encrypted keys the spec names are asked for (PassphraseDialog, TLS purpose) once each
    // when a file opens, and again when the operator activates a cert.key-encrypted or
    // cert.key-passphrase finding; opened keys go to the document (in memory only).
    using PassphraseProvider = std::function<std::optional<QString>(const QString &keyPath)>;
    void setPassphraseProvider(PassphraseProvider provider) { m_askPassphrase = std::move(provider); }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void updateFromReading();
    void updateTitle();
    void refreshHosts();
    void selectRoute(int row);
    bool maybeSave();
    bool save();
    bool saveAs();
    // askAgain: also the keys asked for before (the operator asked to retry).
    void openEncryptedKeys(bool askAgain);

    hosts::HostRegistry *m_registry;
    hosts::HostFleet *m_fleet;
    topology::TopologyModel *m_topology;
    SpecDocument *m_document;
    QTableView *m_routes;
    RoutesTableModel *m_routesModel;
    RouteForm *m_form;
    YamlEditor *m_yaml;
    ValidationPanel *m_validation;
    QComboBox *m_hosts;
    QAction *m_pushAction;
    QLabel *m_status;
    PassphraseProvider m_askPassphrase;
    QSet<QString> m_askedKeys; // asked once automatically for this document
};

} // namespace mcp::ui
