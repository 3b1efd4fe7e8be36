#pragma once

#include "common/result.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;
class QTableView;
class QTreeWidget;

namespace mcp::hosts {
class HostFleet;
class HostRegistry;
} // namespace mcp::hosts

namespace mcp::ui {

class CertificatesModel;

// Every certificate in one place: what the gateways' TLS listeners serve (next to what their
// specs say) and PEM files the operator imports (file dialog or drag and drop), with the
// expiry countdown, the findings of every check, and the selected one's chain as a tree.
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

Q_SIGNALS:
    void refreshed();
    // The operator chose new files for a gateway's certificate: open this text in the editor.
    void replaceRequested(const QString &host, const QString &gateway, const QString &specText);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void showSelected();

    hosts::HostRegistry *m_registry;
    hosts::HostFleet *m_fleet;
    CertificatesModel *m_model;
    QTableView *m_table;
    QTreeWidget *m_chain;
    QListWidget *m_findings;
    QLabel *m_status;
    QPushButton *m_replace;
    int m_pendingHosts = 0;
};

} // namespace mcp::ui
