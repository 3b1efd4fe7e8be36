#pragma once

#include "endpoint/endpointresolver.h"
#include "hosts/hostconfig.h"

#include <QDialog>

#include <memory>

class QComboBox;
class QDialogButtonBox;
class QGroupBox;
class QSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace mcp::docker {
class DockerClient;
}
namespace mcp::transport {
class Connector;
}

namespace mcp::ui {

// Adds or edits a host: a Docker context (listed from the user's context store, with the
// ones that cannot be used shown disabled and why) or a URL with the TLS or SSH files it
// needs. The form validates as the user types (the same HostConfig::validate() the
// registry applies) and "Test connection" pings the engine in the background, offering
// the trust dialog when an SSH host is unknown.
class ConnectionDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionDialog)
public:
    // existing: the host being edited (nullptr: a new host). takenNames: names the new
    // config may not use.
    ConnectionDialog(const QStringList &takenNames, const hosts::HostConfig *existing = nullptr,
                     QWidget *parent = nullptr,
                     const endpoint::EndpointResolver::Input &environment = endpoint::EndpointResolver::Input());
    ~ConnectionDialog() override;

    hosts::HostConfig config() const;
    // The last "Test connection" result line (tests read it).
    QString testResult() const;

Q_SIGNALS:
    void testFinished(bool ok);

private:
    void fillContexts();
    void revalidate();
    void testConnection();
    void finishTest(bool ok, const QString &text);
    QLineEdit *fileField(QGroupBox *box, const QString &objectName, const QString &caption);

    endpoint::EndpointResolver::Input m_environment;
    QStringList m_takenNames;
    QLineEdit *m_name;
    QRadioButton *m_useContext;
    QRadioButton *m_useUrl;
    QComboBox *m_contexts;
    QLineEdit *m_url;
    QGroupBox *m_tlsBox;
    QLineEdit *m_tlsCa, *m_tlsCert, *m_tlsKey;
    QGroupBox *m_sshBox;
    QSpinBox *m_probeInterval, *m_probeTimeout; // seconds, milliseconds
    QLineEdit *m_sshIdentity, *m_sshKnownHosts;
    QLabel *m_problem;
    QPushButton *m_testButton;
    QLabel *m_testResult;
    QDialogButtonBox *m_buttons;

    // The connection under test; the client is destroyed before its connector.
    std::unique_ptr<transport::Connector> m_testConnector;
    std::unique_ptr<docker::DockerClient> m_testClient;
    quint64 m_testGeneration = 0;
};

} // namespace mcp::ui
