#include "connectiondialog.h"

#include "hostkeydialog.h"
#include "passphrasedialog.h"

#include "common/whenready.h"
#include "docker/dockerclient.h"
#include "endpoint/contextlist.h"
#include "hosts/connectorfactory.h"
#include "transport/sshautoconnector.h"
#include "transport/sshconnector.h"
#include "transport/sshknownhosts.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QStandardItemModel>
#include <QToolButton>
#include <QVBoxLayout>

namespace mcp::ui {

ConnectionDialog::ConnectionDialog(const QStringList &takenNames, const hosts::HostConfig *existing, QWidget *parent,
                                   const endpoint::EndpointResolver::Input &environment)
    : QDialog(parent), m_environment(environment), m_takenNames(takenNames)
{
    setObjectName(QStringLiteral("connectionDialog"));
    setWindowTitle(existing ? tr("Edit host %1").arg(existing->name) : tr("Add host"));
    setMinimumWidth(560);
    auto *layout = new QVBoxLayout(this);
    // A grid rather than a QFormLayout: the radio buttons are the labels of their rows.
    auto *grid = new QGridLayout;
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("name"));
    m_name->setPlaceholderText(tr("e.g. prod-eu-1"));
    auto *nameLabel = new QLabel(tr("&Name:"), this);
    nameLabel->setBuddy(m_name);
    grid->addWidget(nameLabel, 0, 0);
    grid->addWidget(m_name, 0, 1);

    m_useContext = new QRadioButton(tr("Docker &context:"), this);
    m_useContext->setObjectName(QStringLiteral("useContext"));
    m_contexts = new QComboBox(this);
    m_contexts->setObjectName(QStringLiteral("contexts"));
    grid->addWidget(m_useContext, 1, 0);
    grid->addWidget(m_contexts, 1, 1);
    m_useUrl = new QRadioButton(tr("&URL:"), this);
    m_useUrl->setObjectName(QStringLiteral("useUrl"));
    m_url = new QLineEdit(this);
    m_url->setObjectName(QStringLiteral("url"));
    m_url->setPlaceholderText(QStringLiteral("ssh://user@host · tcp://host:2376 · unix:///var/run/docker.sock")); // notr: URL syntax
    grid->addWidget(m_useUrl, 2, 0);
    grid->addWidget(m_url, 2, 1);
    grid->setColumnStretch(1, 1);
    layout->addLayout(grid);

    m_tlsBox = new QGroupBox(tr("TLS (the engine's certificate is always verified)"), this);
    m_tlsBox->setLayout(new QFormLayout);
    m_tlsCa = fileField(m_tlsBox, QStringLiteral("tlsCa"), tr("CA certificate:"));
    m_tlsCert = fileField(m_tlsBox, QStringLiteral("tlsCert"), tr("Client certificate:"));
    m_tlsKey = fileField(m_tlsBox, QStringLiteral("tlsKey"), tr("Client key:"));
    layout->addWidget(m_tlsBox);

    m_sshBox = new QGroupBox(tr("SSH (ssh-agent and ~/.ssh/config are used too)"), this);
    m_sshBox->setLayout(new QFormLayout);
    m_sshIdentity = fileField(m_sshBox, QStringLiteral("sshIdentity"), tr("Identity file:"));
    m_sshKnownHosts = fileField(m_sshBox, QStringLiteral("sshKnownHosts"), tr("known_hosts file:"));
    m_sshKnownHosts->setPlaceholderText(QStringLiteral("~/.ssh/known_hosts")); // notr: a path
    layout->addWidget(m_sshBox);

    auto *probeBox = new QGroupBox(tr("Health probes (from the gateways' side)"), this);
    auto *probeForm = new QFormLayout(probeBox);
    m_probeInterval = new QSpinBox(probeBox);
    m_probeInterval->setObjectName(QStringLiteral("probeInterval"));
    m_probeInterval->setRange(1, 3600);
    m_probeInterval->setSuffix(tr(" s"));
    m_probeInterval->setValue(hosts::HostConfig{}.probeIntervalMs / 1000);
    probeForm->addRow(tr("Probe every:"), m_probeInterval);
    m_probeTimeout = new QSpinBox(probeBox);
    m_probeTimeout->setObjectName(QStringLiteral("probeTimeout"));
    m_probeTimeout->setRange(100, 60000);
    m_probeTimeout->setSingleStep(100);
    m_probeTimeout->setSuffix(tr(" ms"));
    m_probeTimeout->setValue(hosts::HostConfig{}.probeTimeoutMs);
    probeForm->addRow(tr("Give up after:"), m_probeTimeout);
    layout->addWidget(probeBox);

    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("problem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b24a00"));
    layout->addWidget(m_problem);
    layout->addStretch(1);

    auto *testRow = new QHBoxLayout;
    m_testButton = new QPushButton(tr("&Test connection"), this);
    m_testButton->setObjectName(QStringLiteral("testButton"));
    testRow->addWidget(m_testButton);
    testRow->addStretch(1);
    layout->addLayout(testRow);
    m_testResult = new QLabel(this);
    m_testResult->setObjectName(QStringLiteral("testResult"));
    m_testResult->setWordWrap(true);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_testResult);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);

    fillContexts();
    if (existing) {
        m_name->setText(existing->name);
        m_takenNames.removeAll(existing->name);
        if (!existing->context.isEmpty()) {
            m_useContext->setChecked(true);
            const int i = m_contexts->findData(existing->context);
            if (i >= 0)
                m_contexts->setCurrentIndex(i);
        } else {
            m_useUrl->setChecked(true);
        }
        m_url->setText(existing->url);
        m_tlsCa->setText(existing->tlsCaFile);
        m_tlsCert->setText(existing->tlsCertFile);
        m_tlsKey->setText(existing->tlsKeyFile);
        m_sshIdentity->setText(existing->sshIdentityFile);
        m_sshKnownHosts->setText(existing->sshKnownHostsFile);
        m_probeInterval->setValue(existing->probeIntervalMs / 1000);
        m_probeTimeout->setValue(existing->probeTimeoutMs);
    } else {
        m_useUrl->setChecked(true);
    }

    for (QLineEdit *edit : {m_name, m_url, m_tlsCa, m_tlsCert, m_tlsKey, m_sshIdentity, m_sshKnownHosts})
        connect(edit, &QLineEdit::textChanged, this, &ConnectionDialog::revalidate);
    for (QSpinBox *spin : {m_probeInterval, m_probeTimeout})
        connect(spin, &QSpinBox::valueChanged, this, &ConnectionDialog::revalidate);
    connect(m_useContext, &QRadioButton::toggled, this, &ConnectionDialog::revalidate);
    connect(m_contexts, &QComboBox::currentIndexChanged, this, [this] {
        m_useContext->setChecked(true);
        revalidate();
    });
    connect(m_url, &QLineEdit::textEdited, this, [this] { m_useUrl->setChecked(true); });
    connect(m_testButton, &QPushButton::clicked, this, &ConnectionDialog::testConnection);
    revalidate();
}

ConnectionDialog::~ConnectionDialog()
{
    m_testClient.reset();
    m_testConnector.reset();
}

QLineEdit *ConnectionDialog::fileField(QGroupBox *box, const QString &objectName, const QString &caption)
{
    auto *row = new QWidget(box);
    auto *h = new QHBoxLayout(row);
    h->setContentsMargins(0, 0, 0, 0);
    auto *edit = new QLineEdit(row);
    edit->setObjectName(objectName);
    h->addWidget(edit, 1);
    auto *browse = new QToolButton(row);
    browse->setText(QStringLiteral("…"));
    browse->setToolTip(tr("Choose a file"));
    h->addWidget(browse);
    connect(browse, &QToolButton::clicked, this, [this, edit, caption] {
        const QString start = edit->text().isEmpty() ? QDir::homePath() : edit->text();
        const QString file = QFileDialog::getOpenFileName(this, caption, start);
        if (!file.isEmpty())
            edit->setText(file);
    });
    static_cast<QFormLayout *>(box->layout())->addRow(caption, row);
    return edit;
}

void ConnectionDialog::fillContexts()
{
    auto *model = new QStandardItemModel(m_contexts);
    const auto contexts = endpoint::listContexts(endpoint::EndpointResolver(m_environment));
    if (contexts) {
        for (const auto &c : *contexts) {
            auto *item = new QStandardItem(QStringLiteral("%1%2 — %3")
                                               .arg(c.name, c.isCurrent ? QStringLiteral(" *") : QString(),
                                                    c.error ? c.error->detail : c.endpointUrl));
            item->setData(c.name, Qt::UserRole);
            item->setData(c.isCurrent, Qt::UserRole + 1);
            item->setToolTip(c.error ? c.error->toString() : c.description);
            if (c.error)
                item->setFlags(item->flags() & ~Qt::ItemIsEnabled);
            model->appendRow(item);
        }
    } else {
        auto *item = new QStandardItem(tr("Docker contexts unavailable: %1").arg(contexts.error().text()));
        item->setFlags(item->flags() & ~Qt::ItemIsEnabled);
        model->appendRow(item);
    }
    m_contexts->setModel(model);
    for (int i = 0; i < model->rowCount(); ++i) { // the current context, else the first usable one
        if (model->item(i)->isEnabled() && model->item(i)->data(Qt::UserRole + 1).toBool()) {
            m_contexts->setCurrentIndex(i);
            break;
        }
    }
}

hosts::HostConfig ConnectionDialog::config() const
{
    hosts::HostConfig c;
    c.name = m_name->text().trimmed();
    c.probeIntervalMs = m_probeInterval->value() * 1000;
    c.probeTimeoutMs = m_probeTimeout->value();
    if (m_useContext->isChecked()) {
        c.context = m_contexts->currentData().toString();
        return c;
    }
    c.url = m_url->text().trimmed();
    if (c.url.startsWith(QLatin1String("tcp://"))) {
        c.tlsCaFile = m_tlsCa->text().trimmed();
        c.tlsCertFile = m_tlsCert->text().trimmed();
        c.tlsKeyFile = m_tlsKey->text().trimmed();
    } else if (c.url.startsWith(QLatin1String("ssh://"))) {
        c.sshIdentityFile = m_sshIdentity->text().trimmed();
        c.sshKnownHostsFile = m_sshKnownHosts->text().trimmed();
    }
    return c;
}

QString ConnectionDialog::testResult() const
{
    return m_testResult->text();
}

void ConnectionDialog::revalidate()
{
    const QString url = m_url->text().trimmed();
    const bool urlMode = m_useUrl->isChecked();
    m_tlsBox->setVisible(urlMode && url.startsWith(QLatin1String("tcp://")));
    m_sshBox->setVisible(urlMode && url.startsWith(QLatin1String("ssh://")));
    m_contexts->setEnabled(!urlMode);
    m_url->setEnabled(urlMode);
    // Shrink back when a group box hides, instead of leaving a hole.
    layout()->activate();
    resize(width(), sizeHint().height());

    const hosts::HostConfig c = config();
    QString problem;
    if (auto err = c.validate())
        problem = err->detail;
    else if (m_takenNames.contains(c.name))
        problem = tr("There is already a host called %1.").arg(c.name);
    // An empty form is not an error yet: say nothing until the user has typed something.
    const bool pristine = c.name.isEmpty() && url.isEmpty() && urlMode;
    m_problem->setText(pristine ? QString() : problem);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
    const bool addressOk = !c.url.isEmpty() || !c.context.isEmpty();
    m_testButton->setEnabled(addressOk && (problem.isEmpty() || c.name.isEmpty() || m_takenNames.contains(c.name)));
}

void ConnectionDialog::testConnection()
{
    hosts::HostConfig c = config();
    if (c.name.isEmpty())
        c.name = QStringLiteral("test");
    const auto endpoint = c.resolveEndpoint(m_environment);
    if (!endpoint) {
        finishTest(false, endpoint.error().text());
        return;
    }
    const quint64 generation = ++m_testGeneration;
    m_testClient.reset();
    hosts::ConnectOptions options = c.connectOptions();
    QPointer<ConnectionDialog> self(this);
    options.passphraseProvider = [self](const QString &keyPath) -> std::optional<QString> {
        return self ? PassphraseDialog::ask(keyPath, self) : std::nullopt;
    };
    options.connectTimeoutMs = 8000;
    m_testConnector = hosts::makeConnector(*endpoint, options);
    m_testClient = std::make_unique<docker::DockerClient>(m_testConnector.get());
    m_testButton->setEnabled(false);
    m_testResult->setText(tr("Connecting to %1…").arg(endpoint->url()));
    whenReady(m_testClient->ping(), this, [this, generation](Result<docker::PingInfo> ping) {
        if (generation != m_testGeneration)
            return;
        if (!ping) {
            finishTest(false, ping.error().text());
            // An unknown SSH host: offer to trust exactly the key it showed, then test again.
            const auto *ssh = qobject_cast<transport::SshAutoConnector *>(m_testConnector.get());
            if (ping.error().code == QLatin1String("ssh.hostkey.unknown") ||
                ping.error().code == QLatin1String("ssh.hostkey.mismatch")) {
                if (ssh && ssh->libssh2Connector()) {
                    const auto key = ssh->libssh2Connector()->lastHostKey();
                    HostKeyDialog dialog(config().name.isEmpty() ? key.host : config().name, key, this);
                    if (dialog.exec() == QDialog::Accepted && dialog.canTrust()) {
                        if (auto err = transport::SshKnownHosts::append(key.knownHostsFile, key.host, key.keyType,
                                                                        key.keyBlob))
                            finishTest(false, err->detail);
                        else
                            testConnection();
                    }
                }
            }
            return;
        }
        const docker::PingInfo info = *ping;
        whenReady(m_testClient->version(), this, [this, generation, info](Result<QJsonObject> version) {
            if (generation != m_testGeneration)
                return;
            const QString engine = version ? version->value(QLatin1String("Version")).toString() : tr("unknown");
            finishTest(true, tr("Connected: Docker %1, API %2, %3, via %4, %5 ms")
                                 .arg(engine, info.negotiatedVersion, info.osType, m_testConnector->pathDescription())
                                 .arg(info.roundTripUs / 1000.0, 0, 'f', 1));
        });
    });
}

void ConnectionDialog::finishTest(bool ok, const QString &text)
{
    m_testResult->setText((ok ? QStringLiteral("✔ ") : QStringLiteral("✖ ")) + text);
    m_testResult->setStyleSheet(ok ? QStringLiteral("color: #007a5a") : QStringLiteral("color: #b24a00"));
    m_testButton->setEnabled(true);
    layout()->activate();
    resize(width(), qMax(height(), sizeHint().height()));
    Q_EMIT testFinished(ok);
}

} // namespace mcp::ui
