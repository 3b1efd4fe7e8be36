#include "certificatespanel.h"

#include "certificatesmodel.h"
#include "hosts/passphrasedialog.h"

#include "certs/certificatecheck.h"
#include "certs/certificateinventory.h"
#include "certs/privatekey.h"
#include "gateway/certificateedit.h"
#include "gateway/deployedroutes.h"
#include "hosts/hostconnection.h"
#include "hosts/hostfleet.h"
#include "hosts/hostregistry.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace mcp::ui {

namespace {

const QString kCaBundleKey = QStringLiteral("certificates/caBundle");

QListWidgetItem *findingItem(const gateway::Finding &f)
{
    auto *item = new QListWidgetItem(QStringLiteral("%1 %2  [%3]").arg(f.severity == gateway::Finding::Severity::Error ? QStringLiteral("✖") : QStringLiteral("⚠"),
                                                                    f.message, f.code));
    item->setToolTip(f.hint);
    item->setForeground(f.severity == gateway::Finding::Severity::Error ? QColor(0xb0, 0x3a, 0x00) : QColor(0x80, 0x60, 0x00));
    return item;
}

} // namespace

CertificatesPanel::CertificatesPanel(hosts::HostRegistry *registry, hosts::HostFleet *fleet, QWidget *parent)
    : QWidget(parent), m_registry(registry), m_fleet(fleet), m_model(new CertificatesModel(this))
{
    setAcceptDrops(true);
    auto *layout = new QVBoxLayout(this);
    auto *bar = new QHBoxLayout;
    auto *import = new QPushButton(tr("Import PEM…"), this);
    import->setObjectName(QStringLiteral("importPem"));
    import->setToolTip(tr("Check certificate files (or drop them here); a key file next to a certificate (same name, .key) is checked with it"));
    auto *refresh = new QPushButton(tr("Read gateways"), this);
    refresh->setObjectName(QStringLiteral("readGateways"));
    refresh->setToolTip(tr("What every TLS listener of the connected hosts' gateways serves, next to its spec"));
    m_replace = new QPushButton(tr("Replace on gateway…"), this);
    m_replace->setObjectName(QStringLiteral("replaceOnGateway"));
    m_replace->setToolTip(tr("Choose a new certificate and key for the selected gateway listener; the spec editor shows the diff, checks it and pushes"));
    m_replace->setEnabled(false);
    auto *ca = new QPushButton(tr("CA bundle…"), this);
    ca->setObjectName(QStringLiteral("caBundle"));
    ca->setToolTip(tr("The trusted root certificates (PEM) that imported files and the gateways' certificates must verify to; only its path is saved"));
    m_clearCa = new QPushButton(tr("No CA bundle"), this);
    m_clearCa->setObjectName(QStringLiteral("clearCaBundle"));
    m_clearCa->setToolTip(tr("Stop verifying imported certificates to a CA bundle"));
    m_caLabel = new QLabel(this);
    m_caLabel->setObjectName(QStringLiteral("caBundleLabel"));
    // Two rows, so that the panel fits the side of the main window beside the graph:
    // certificates, then trust.
    bar->addWidget(import);
    bar->addWidget(refresh);
    bar->addWidget(m_replace);
    bar->addStretch(1);
    auto *trust = new QHBoxLayout;
    trust->addWidget(ca);
    trust->addWidget(m_clearCa);
    trust->addWidget(m_caLabel, 1);
    m_caLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred); // a long name is cut, the tooltip has the path
    layout->addLayout(bar);
    layout->addLayout(trust);
    m_askPassphrase = [this](const QString &keyPath) { return PassphraseDialog::ask(keyPath, this, PassphraseDialog::Purpose::TlsKey); };
    if (QSettings *settings = m_registry->storage())
        m_caBundle = settings->value(kCaBundleKey).toString();
    connect(ca, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("CA bundle for the trust check"), QFileInfo(m_caBundle).absolutePath(),
                                                          tr("PEM (*.pem *.crt *.cer);;All files (*)"));
        if (!file.isEmpty())
            setCaBundle(file);
    });
    connect(m_clearCa, &QPushButton::clicked, this, [this] { setCaBundle(QString()); });
    connect(import, &QPushButton::clicked, this, [this] {
        const QStringList files = QFileDialog::getOpenFileNames(this, tr("Import certificates"), QString(), tr("PEM (*.pem *.crt *.cer);;All files (*)"));
        if (!files.isEmpty())
            importFiles(files);
    });
    connect(refresh, &QPushButton::clicked, this, &CertificatesPanel::refreshFromGateways);
    connect(m_replace, &QPushButton::clicked, this, [this] {
        const QModelIndexList rows = m_table->selectionModel()->selectedRows();
        if (rows.isEmpty())
            return;
        const int row = rows.first().row();
        const QString cert = QFileDialog::getOpenFileName(this, tr("New certificate (leaf first, then intermediates)"), QString(),
                                                          tr("PEM (*.pem *.crt *.cer);;All files (*)"));
        if (cert.isEmpty())
            return;
        const QString key = QFileDialog::getOpenFileName(this, tr("Its private key"), QFileInfo(cert).absolutePath(), tr("Keys (*.key *.pem);;All files (*)"));
        if (key.isEmpty())
            return;
        const Result<Replacement> replacement = prepareReplacement(row, cert, key);
        if (!replacement) {
            m_status->setText(replacement.error().text());
            return;
        }
        const CertificateRow &r = m_model->row(row);
        Q_EMIT replaceRequested(r.host, r.gateway, replacement->specText, replacement->decryptedKeys);
    });

    auto *split = new QSplitter(Qt::Vertical, this);
    m_table = new QTableView(split);
    m_table->setObjectName(QStringLiteral("certificatesTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_chain = new QTreeWidget(split);
    m_chain->setObjectName(QStringLiteral("chainTree"));
    m_chain->setHeaderLabels({tr("Chain"), tr("Value")});
    m_findings = new QListWidget(split);
    m_findings->setObjectName(QStringLiteral("certificateFindings"));
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 3);
    split->setStretchFactor(2, 1);
    layout->addWidget(split, 1);
    m_status = new QLabel(tr("Drop PEM files here, or read the gateways."), this);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &CertificatesPanel::showSelected);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] { m_table->resizeColumnsToContents(); });
    showCaBundle();
}

certs::CheckOptions CertificatesPanel::checkOptions() const
{
    certs::CheckOptions options;
    if (!m_caBundle.isEmpty()) {
        options.verifyTrust = true;
        options.caFile = m_caBundle;
    }
    return options;
}

void CertificatesPanel::showCaBundle()
{
    m_clearCa->setEnabled(!m_caBundle.isEmpty());
    m_caLabel->setText(m_caBundle.isEmpty() ? tr("Trust: not checked (no CA bundle)") : tr("Trust: verified to %1").arg(QFileInfo(m_caBundle).fileName()));
    m_caLabel->setToolTip(m_caBundle);
}

void CertificatesPanel::setCaBundle(const QString &path)
{
    m_caBundle = path;
    if (QSettings *settings = m_registry->storage()) {
        if (path.isEmpty())
            settings->remove(kCaBundleKey);
        else
            settings->setValue(kCaBundleKey, path); // the path only: the bundle is read when checking
        settings->sync();
    }
    showCaBundle();
    if (!m_imported.isEmpty())
        importFiles(m_imported);
}

void CertificatesPanel::importFiles(const QStringList &paths)
{
    for (const QString &path : paths) {
        if (!m_imported.contains(path))
            m_imported << path;
        QFile f(path);
        CertificateRow row;
        row.source = path;
        if (!f.open(QIODevice::ReadOnly)) {
            row.findings << gateway::Finding{QStringLiteral("cert.file-unreadable"), gateway::Finding::Severity::Error, path, {},
                                             tr("cannot read %1: %2").arg(path, f.errorString()), tr("check the path and its permissions")};
            m_model->setRows(path, {row});
            continue;
        }
        certs::CheckSubject subject;
        subject.findingFile = path;
        subject.certPath = path;
        subject.certPem = f.readAll();
        // A key beside it (same base name, .key) is checked with it; never kept.
        const QString keyPath = QFileInfo(path).absoluteDir().filePath(QFileInfo(path).completeBaseName() + QStringLiteral(".key"));
        QFile key(keyPath);
        if (keyPath != path && key.open(QIODevice::ReadOnly)) {
            subject.keyPath = keyPath;
            subject.keyPem = key.readAll();
            if (certs::isEncryptedKey(subject.keyPem))
                if (const std::optional<QString> passphrase = m_askPassphrase(keyPath))
                    subject.keyPassphrase = passphrase->toUtf8(); // wiped by the check
        }
        const auto chain = certs::readCertificates(subject.certPem);
        if (chain)
            row.chain = *chain;
        row.findings = certs::checkCertificatePem(subject, checkOptions());
        m_model->setRows(path, {row});
    }
    m_status->setText(tr("%n file(s) checked.", nullptr, int(paths.size())));
    if (m_model->rowCount() > 0 && !m_table->selectionModel()->hasSelection())
        m_table->selectRow(0);
}

void CertificatesPanel::refreshFromGateways()
{
    if (m_pendingHosts > 0)
        return;
    for (const hosts::HostConfig &config : m_registry->hosts()) {
        hosts::HostConnection *connection = m_fleet->connection(config.name);
        if (!connection || connection->state() != hosts::HostState::Connected)
            continue;
        ++m_pendingHosts;
        auto *inventory = new certs::CertificateInventory(connection->client(), {}, this);
        inventory->setCaFile(m_caBundle);
        const QString host = config.name;
        connect(inventory, &certs::CertificateInventory::finished, this, [this, inventory, host] {
            inventory->deleteLater();
            QList<CertificateRow> rows;
            for (const certs::ServedEntry &e : inventory->entries()) {
                CertificateRow row;
                row.host = host;
                row.gateway = e.gateway;
                row.certificateName = e.certificateName;
                row.source = QStringLiteral("%1 · %2 · %3:%4%5")
                                 .arg(host, e.gateway, e.listener)
                                 .arg(e.port)
                                 .arg(e.serverName.isEmpty() ? QString() : QStringLiteral(" · ") + e.serverName);
                row.chain = e.served ? *e.served : e.spec.value_or(QList<certs::CertificateInfo>{});
                row.servedMatchesSpec = e.matches();
                for (const gateway::Finding &f : inventory->findings())
                    if (f.file.startsWith(e.gateway) && (f.code != QLatin1String("cert.san-mismatch") || f.message.contains(e.serverName)))
                        row.findings << f;
                if (!e.servedError.isEmpty())
                    row.findings << gateway::Finding{QStringLiteral("cert.tls-handshake"), gateway::Finding::Severity::Error, e.gateway, {},
                                                     e.servedError, tr("is the gateway running and listening on %1?").arg(e.port)};
                rows << row;
            }
            m_model->setRows(host + QStringLiteral(" · "), rows);
            if (--m_pendingHosts == 0) {
                m_status->setText(tr("Gateways read: %n TLS listener name(s).", nullptr, int(rows.size())));
                Q_EMIT refreshed();
            }
        });
        inventory->start();
    }
    if (m_pendingHosts == 0) {
        m_status->setText(tr("No connected host to read."));
        Q_EMIT refreshed();
    } else {
        m_status->setText(tr("Reading the gateways' TLS listeners…"));
    }
}

Result<QString> CertificatesPanel::replacementSpec(int index, const QString &certFile, const QString &keyFile) const
{
    if (index < 0 || index >= m_model->rowCount() || m_model->row(index).gateway.isEmpty())
        return Error::make(ErrorKind::Usage, QStringLiteral("cert.not-a-gateway"), tr("Select a gateway listener's row first."));
    const CertificateRow &row = m_model->row(index);
    gateway::DeployedRoutes *routes = m_fleet->deployedRoutes(row.host);
    const QByteArray deployed = routes ? routes->deployedSpec(row.gateway) : QByteArray();
    if (deployed.isEmpty())
        return Error::make(ErrorKind::Api, QStringLiteral("cert.no-spec"), tr("%1 on %2 runs no pushed spec the console has read.").arg(row.gateway, row.host));
    return gateway::specWithCertificate(QString::fromUtf8(deployed), row.certificateName, certFile, keyFile);
}

Result<CertificatesPanel::Replacement> CertificatesPanel::prepareReplacement(int index, const QString &certFile, const QString &keyFile)
{
    QFile cert(certFile), key(keyFile);
    if (!cert.open(QIODevice::ReadOnly))
        return Error::make(ErrorKind::Config, QStringLiteral("cert.file-unreadable"), tr("cannot read %1: %2").arg(certFile, cert.errorString()));
    if (!key.open(QIODevice::ReadOnly))
        return Error::make(ErrorKind::Config, QStringLiteral("cert.file-unreadable"), tr("cannot read %1: %2").arg(keyFile, key.errorString()));
    certs::CheckSubject subject;
    subject.findingFile = certFile;
    subject.certPath = certFile;
    subject.certPem = cert.readAll();
    subject.keyPath = keyFile;
    subject.keyPem = key.readAll();
    if (certs::isEncryptedKey(subject.keyPem)) {
        const std::optional<QString> passphrase = m_askPassphrase(keyFile);
        if (!passphrase) {
            subject.keyPem.fill('\0');
            return Error::make(ErrorKind::Cancelled, QStringLiteral("cancelled"), tr("No passphrase given for %1: nothing was changed.").arg(keyFile));
        }
        subject.keyPassphrase = passphrase->toUtf8();
    }
    Replacement out;
    if (!subject.keyPassphrase.isEmpty()) {
        // Opened once here for the push (the gateway loads it unattended); the check below
        // tells a wrong passphrase from a wrong key.
        const Result<QByteArray> opened = certs::loadPrivateKey(subject.keyPem, subject.keyPassphrase);
        if (opened)
            out.decryptedKeys.insert(QFileInfo(keyFile).absoluteFilePath(), *opened);
    }
    // The pair first: a key that does not open or does not belong stops here; the other
    // checks (expiry, names, trust) run in the spec editor with the gateway's routes.
    for (const gateway::Finding &f : certs::checkCertificatePem(subject, certs::CheckOptions{}))
        if (f.severity == gateway::Finding::Severity::Error && (f.code.startsWith(QLatin1String("cert.key")) || f.code == QLatin1String("cert.parse")))
            return Error::make(ErrorKind::Config, f.code, QStringLiteral("%1 [%2]").arg(f.message, f.code));
    const Result<QString> text = replacementSpec(index, certFile, keyFile);
    if (!text)
        return text.error();
    out.specText = *text;
    return out;
}

void CertificatesPanel::showSelected()
{
    m_chain->clear();
    m_findings->clear();
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    m_replace->setEnabled(!rows.isEmpty() && !m_model->row(rows.first().row()).gateway.isEmpty());
    if (rows.isEmpty())
        return;
    const CertificateRow &row = m_model->row(rows.first().row());
    // Leaf at the top, each issuer below the one it issued.
    QTreeWidgetItem *parent = nullptr;
    for (const certs::CertificateInfo &c : row.chain) {
        auto *item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(m_chain);
        item->setText(0, c.commonName.isEmpty() ? c.subject : c.commonName);
        item->setText(1, c.isCa ? tr("CA, valid until %1").arg(c.notAfter.toString(Qt::ISODate)) : tr("valid until %1").arg(c.notAfter.toString(Qt::ISODate)));
        const QList<std::pair<QString, QString>> fields{{tr("Subject"), c.subject},
                                                        {tr("Names"), c.subjectAltNames.join(QStringLiteral(", "))},
                                                        {tr("Issuer"), c.issuer},
                                                        {tr("Serial"), c.serial},
                                                        {tr("SHA-256"), c.sha256},
                                                        {tr("Key"), QStringLiteral("%1 %2").arg(c.keyType).arg(c.keyBits)},
                                                        {tr("Signature"), c.signatureAlgorithm},
                                                        {tr("Valid"), QStringLiteral("%1 → %2").arg(c.notBefore.toString(Qt::ISODate), c.notAfter.toString(Qt::ISODate))}};
        for (const auto &[name, value] : fields) {
            auto *field = new QTreeWidgetItem(item);
            field->setText(0, name);
            field->setText(1, value);
        }
        parent = item;
    }
    m_chain->expandToDepth(8);
    m_chain->resizeColumnToContents(0);
    if (!row.servedMatchesSpec)
        m_findings->addItem(tr("✖ The listener serves another certificate than its spec names (see cert.served-mismatch)"));
    for (const gateway::Finding &f : row.findings)
        m_findings->addItem(findingItem(f));
    if (m_findings->count() == 0)
        m_findings->addItem(tr("✔ No problems found."));
}

void CertificatesPanel::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void CertificatesPanel::dropEvent(QDropEvent *event)
{
    QStringList files;
    for (const QUrl &url : event->mimeData()->urls())
        if (url.isLocalFile())
            files << url.toLocalFile();
    if (!files.isEmpty()) {
        importFiles(files);
        event->acceptProposedAction();
    }
}

} // namespace mcp::ui
