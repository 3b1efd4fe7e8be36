// The certificates panel on real files made with openssl at test time: one expired, one
// expiring in 10 days, one healthy, one with the wrong key beside it; the table orders them
// by expiry with the countdown coloured and marked, the chain shows as a tree, the findings
// carry the checks' codes; dropped files are imported too. Screenshot: certificates-panel.
// An encrypted key beside a certificate asks for its passphrase: the right one checks the
// pair, a wrong one is cert.key-passphrase, none is cert.key-encrypted; "Replace on
// gateway…" checks the pair the same way before anything else. The CA bundle setting: the
// trust check verifies to it (cert.untrusted for another CA), it is kept in the settings as
// a path only and read back by a new panel. Screenshot: certificates-panel-ca. The spec
// editor's document takes the opened key: its checks pass where the encrypted file alone
// is cert.key-encrypted. The spec editor asks for an encrypted key's passphrase when it opens
// the file (a wrong one: still cert.key-encrypted and a status message), and again when the
// finding is activated; the right one clears the finding.
#include "certs/certificatespanel.h"
#include "certs/certificatesmodel.h"
#include "certs/privatekey.h"
#include "gateway/specdocument.h"
#include "gateway/speceditorwindow.h"
#include "gateway/validationpanel.h"
#include "hosts/hostfleet.h"
#include "hosts/hostregistry.h"

#include <QDir>
#include <QLabel>
#include <QListWidget>
#include <QMimeData>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

using namespace mcp;

namespace {

const char *kMakeCerts = R"SH(set -e
q() { "$@" >/dev/null 2>&1; }
printf 'subjectAltName=DNS:shop.example.com,DNS:www.shop.example.com\n' > san.ext
q openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 3650 -subj '/CN=Panel Test CA'
leaf() { q openssl req -newkey rsa:2048 -nodes -keyout $1.key -out $1.csr -subj /CN=$1
         q openssl x509 -req -in $1.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out $1.leaf -days $2 -extfile san.ext
         cat $1.leaf ca.pem > $1.pem; }
leaf healthy 200
leaf expiring 10
leaf mismatched 200
cp expiring.key mismatched.key
printf '[ca]\ndefault_ca=t\n[t]\ndir=.\ndatabase=index.txt\nserial=serial\nnew_certs_dir=.\ncertificate=ca.pem\nprivate_key=ca.key\ndefault_md=sha256\npolicy=p\ncopy_extensions=copy\nunique_subject=no\n[p]\ncommonName=supplied\n' > ca.conf
: > index.txt; echo 1000 > serial
q openssl req -newkey rsa:2048 -nodes -keyout expired.key -out expired.csr -subj /CN=expired -addext subjectAltName=DNS:old.example.com
q openssl ca -batch -config ca.conf -in expired.csr -out expired.leaf -startdate 20250101000000Z -enddate 20250301000000Z -notext
cat expired.leaf ca.pem > expired.pem
leaf locked 200
q openssl pkey -in locked.key -aes256 -passout pass:panel-secret -out locked.enc
mv locked.enc locked.key
q openssl req -x509 -newkey rsa:2048 -nodes -keyout other-ca.key -out other-ca.pem -days 3650 -subj '/CN=Other CA'
)SH";

// The Problems cell of the row whose source ends with `file`.
QString problemsOf(ui::CertificatesModel *model, const QString &file)
{
    for (int r = 0; r < model->rowCount(); ++r)
        if (model->index(r, ui::CertificatesModel::Source).data().toString().endsWith(file))
            return model->index(r, ui::CertificatesModel::Problems).data().toString();
    return QStringLiteral("(no row)");
}

} // namespace

class TestCertificatesPanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void importedFilesAreCheckedAndOrdered();
    void droppedFilesAreImported();
    void noHostNoHang();
    void replaceNeedsAGatewayRow();
    void encryptedKeyAsksForThePassphrase_data();
    void encryptedKeyAsksForThePassphrase();
    void replacementChecksTheEncryptedKey();
    void caBundleSettingIsUsedAndKept();
    void editorUsesTheOpenedKey();
    void editorAsksForTheKeyWhenItOpens();

private:
    QTemporaryDir m_dir;
    hosts::HostRegistry m_registry;
    std::unique_ptr<hosts::HostFleet> m_fleet;
    std::unique_ptr<ui::CertificatesPanel> m_panel;
};

void TestCertificatesPanel::initTestCase()
{
    QProcess sh;
    sh.setWorkingDirectory(m_dir.path());
    sh.start(QStringLiteral("bash"), {QStringLiteral("-c"), QString::fromUtf8(kMakeCerts)});
    QVERIFY(sh.waitForFinished(60000));
    QVERIFY2(sh.exitCode() == 0, sh.readAllStandardError().constData());
    m_fleet = std::make_unique<hosts::HostFleet>(&m_registry);
    m_panel = std::make_unique<ui::CertificatesPanel>(&m_registry, m_fleet.get());
    m_panel->resize(1100, 760);
    m_panel->show();
}

void TestCertificatesPanel::importedFilesAreCheckedAndOrdered()
{
    m_panel->importFiles({m_dir.filePath(QStringLiteral("healthy.pem")), m_dir.filePath(QStringLiteral("expiring.pem")),
                          m_dir.filePath(QStringLiteral("expired.pem"))});
    auto *model = m_panel->model();
    QCOMPARE(model->rowCount(), 3);
    // Soonest expiry first: expired, expiring, healthy.
    const auto cell = [&](int row, int column) { return model->index(row, column).data().toString(); };
    QVERIFY(cell(0, ui::CertificatesModel::Source).endsWith(QLatin1String("expired.pem")));
    QVERIFY(cell(1, ui::CertificatesModel::Source).endsWith(QLatin1String("expiring.pem")));
    QVERIFY(cell(2, ui::CertificatesModel::Source).endsWith(QLatin1String("healthy.pem")));
    QVERIFY2(cell(0, ui::CertificatesModel::DaysLeft).contains(QLatin1String("expired")), qPrintable(cell(0, ui::CertificatesModel::DaysLeft)));
    QVERIFY(cell(1, ui::CertificatesModel::DaysLeft).startsWith(QStringLiteral("⚠")));
    QVERIFY(!cell(2, ui::CertificatesModel::DaysLeft).startsWith(QStringLiteral("⚠")));
    // Three different colours for three states.
    const auto colour = [&](int row) { return model->index(row, ui::CertificatesModel::DaysLeft).data(Qt::BackgroundRole).value<QBrush>().color(); };
    QVERIFY(colour(0) != colour(1) && colour(1) != colour(2) && colour(0) != colour(2));
    QVERIFY(cell(0, ui::CertificatesModel::Problems).contains(QLatin1String("cert.expired")));
    QVERIFY(cell(1, ui::CertificatesModel::Problems).contains(QLatin1String("cert.expiring")));
    QCOMPARE(cell(2, ui::CertificatesModel::Problems), QStringLiteral("none"));
    QCOMPARE(cell(2, ui::CertificatesModel::Name), QStringLiteral("shop.example.com, www.shop.example.com"));
    QCOMPARE(cell(2, ui::CertificatesModel::Key), QStringLiteral("RSA 2048"));

    // A key beside the certificate is checked with it.
    m_panel->importFiles({m_dir.filePath(QStringLiteral("mismatched.pem"))});
    QCOMPARE(model->rowCount(), 4);
    bool mismatch = false;
    for (int r = 0; r < model->rowCount(); ++r)
        mismatch = mismatch || (cell(r, ui::CertificatesModel::Source).endsWith(QLatin1String("mismatched.pem")) &&
                                cell(r, ui::CertificatesModel::Problems).contains(QLatin1String("cert.key-mismatch")));
    QVERIFY(mismatch);

    // The selection's chain as a tree (leaf, then its CA), and its findings.
    m_panel->table()->selectRow(1);
    QCOMPARE(m_panel->chainTree()->topLevelItemCount(), 1);
    QTreeWidgetItem *leaf = m_panel->chainTree()->topLevelItem(0);
    QCOMPARE(leaf->text(0), QStringLiteral("expiring"));
    bool caBelow = false;
    for (int i = 0; i < leaf->childCount(); ++i)
        caBelow = caBelow || leaf->child(i)->text(0) == QLatin1String("Panel Test CA");
    QVERIFY(caBelow);
    QVERIFY(m_panel->findingsList()->item(0)->text().contains(QLatin1String("cert.expiring")));
    QTest::qWait(100);
    QDir().mkpath(QStringLiteral(MCP_SCREENSHOT_DIR));
    QVERIFY(m_panel->grab().save(QStringLiteral(MCP_SCREENSHOT_DIR "/certificates-panel.png")));
}

void TestCertificatesPanel::droppedFilesAreImported()
{
    const int before = m_panel->model()->rowCount();
    QMimeData data;
    data.setUrls({QUrl::fromLocalFile(m_dir.filePath(QStringLiteral("ca.pem")))});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_panel.get(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_panel.get(), &drop);
    QCOMPARE(m_panel->model()->rowCount(), before + 1);
}

// No connected host: the read ends at once with a message, nothing waits.
void TestCertificatesPanel::noHostNoHang()
{
    QSignalSpy done(m_panel.get(), &ui::CertificatesPanel::refreshed);
    m_panel->refreshFromGateways();
    QCOMPARE(done.count(), 1);
    QCOMPARE(m_panel->pendingHosts(), 0);
}

// A file row has no gateway to replace on: a clear message, no editor.
void TestCertificatesPanel::replaceNeedsAGatewayRow()
{
    QSignalSpy asked(m_panel.get(), &ui::CertificatesPanel::replaceRequested);
    const auto r = m_panel->replacementSpec(0, m_dir.filePath(QStringLiteral("healthy.pem")), m_dir.filePath(QStringLiteral("healthy.key")));
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, QStringLiteral("cert.not-a-gateway"));
    QVERIFY(!m_panel->findChild<QPushButton *>(QStringLiteral("replaceOnGateway"))->isEnabled());
    QCOMPARE(asked.count(), 0);
}

void TestCertificatesPanel::encryptedKeyAsksForThePassphrase_data()
{
    QTest::addColumn<QString>("answer"); // "(cancel)": the dialog is cancelled
    QTest::addColumn<QString>("problems");
    QTest::newRow("right passphrase") << "panel-secret" << "none";
    QTest::newRow("wrong passphrase") << "not-it" << "cert.key-passphrase";
    QTest::newRow("cancelled") << "(cancel)" << "cert.key-encrypted";
}

void TestCertificatesPanel::encryptedKeyAsksForThePassphrase()
{
    QFETCH(QString, answer);
    QFETCH(QString, problems);
    QStringList asked;
    m_panel->setPassphraseProvider([&](const QString &keyPath) -> std::optional<QString> {
        asked << keyPath;
        if (answer == QLatin1String("(cancel)"))
            return std::nullopt;
        return answer;
    });
    m_panel->importFiles({m_dir.filePath(QStringLiteral("locked.pem"))});
    QCOMPARE(asked, QStringList{m_dir.filePath(QStringLiteral("locked.key"))});
    const QString cell = problemsOf(m_panel->model(), QStringLiteral("locked.pem"));
    if (problems == QLatin1String("none"))
        QCOMPARE(cell, problems);
    else
        QCOMPARE(cell, QStringLiteral("1 error(s), 0 warning(s): ") + problems);
}

void TestCertificatesPanel::replacementChecksTheEncryptedKey()
{
    QString answer;
    m_panel->setPassphraseProvider([&](const QString &) -> std::optional<QString> {
        if (answer.isEmpty())
            return std::nullopt;
        return answer;
    });
    const QString cert = m_dir.filePath(QStringLiteral("locked.pem")), key = m_dir.filePath(QStringLiteral("locked.key"));
    answer = QStringLiteral("not-it");
    auto r = m_panel->prepareReplacement(0, cert, key);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, QStringLiteral("cert.key-passphrase"));
    QVERIFY(!r.error().detail.contains(answer));
    answer.clear();
    r = m_panel->prepareReplacement(0, cert, key);
    QCOMPARE(r.error().code, QStringLiteral("cancelled"));
    answer = QStringLiteral("panel-secret");
    r = m_panel->prepareReplacement(0, m_dir.filePath(QStringLiteral("healthy.pem")), key);
    QCOMPARE(r.error().code, QStringLiteral("cert.key-mismatch")); // opens, but is another certificate's
    // The right pair passes the key check; a file row is no gateway to replace on.
    r = m_panel->prepareReplacement(0, cert, key);
    QCOMPARE(r.error().code, QStringLiteral("cert.not-a-gateway"));
}

void TestCertificatesPanel::caBundleSettingIsUsedAndKept()
{
    const QString ini = m_dir.filePath(QStringLiteral("console.ini"));
    auto settings = std::make_unique<QSettings>(ini, QSettings::IniFormat);
    auto registry = std::make_unique<hosts::HostRegistry>(settings.get());
    auto fleet = std::make_unique<hosts::HostFleet>(registry.get());
    auto panel = std::make_unique<ui::CertificatesPanel>(registry.get(), fleet.get());
    panel->setPassphraseProvider([](const QString &) { return std::optional<QString>(QStringLiteral("panel-secret")); });
    QVERIFY(panel->caBundle().isEmpty());
    auto *clear = panel->findChild<QPushButton *>(QStringLiteral("clearCaBundle"));
    QVERIFY(!clear->isEnabled());
    const QString healthy = m_dir.filePath(QStringLiteral("healthy.pem"));
    panel->importFiles({healthy, m_dir.filePath(QStringLiteral("locked.pem"))});
    QCOMPARE(problemsOf(panel->model(), QStringLiteral("healthy.pem")), QStringLiteral("none")); // no bundle: no trust check

    // Another CA: the chain does not verify to it, and the files are checked again at once.
    panel->setCaBundle(m_dir.filePath(QStringLiteral("other-ca.pem")));
    QVERIFY(clear->isEnabled());
    QVERIFY2(problemsOf(panel->model(), QStringLiteral("healthy.pem")).contains(QLatin1String("cert.untrusted")),
             qPrintable(problemsOf(panel->model(), QStringLiteral("healthy.pem"))));
    // Its own CA: trusted.
    panel->setCaBundle(m_dir.filePath(QStringLiteral("ca.pem")));
    QCOMPARE(problemsOf(panel->model(), QStringLiteral("healthy.pem")), QStringLiteral("none"));
    QCOMPARE(problemsOf(panel->model(), QStringLiteral("locked.pem")), QStringLiteral("none"));
    QVERIFY(panel->findChild<QLabel *>(QStringLiteral("caBundleLabel"))->text().contains(QLatin1String("ca.pem")));
    panel->resize(1100, 500);
    panel->show();
    panel->table()->selectRow(0);
    QTest::qWait(100);
    QDir().mkpath(QStringLiteral(MCP_SCREENSHOT_DIR));
    QVERIFY(panel->grab().save(QStringLiteral(MCP_SCREENSHOT_DIR "/certificates-panel-ca.png")));

    // Kept as a path, and nothing else: no certificate, no key, no passphrase in the file.
    panel.reset();
    fleet.reset();
    registry.reset();
    settings.reset();
    QFile f(ini);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray saved = f.readAll();
    QVERIFY2(saved.contains(m_dir.filePath(QStringLiteral("ca.pem")).toUtf8()), saved.constData());
    QVERIFY(!saved.contains("BEGIN"));
    QVERIFY(!saved.contains("panel-secret"));
    settings = std::make_unique<QSettings>(ini, QSettings::IniFormat);
    registry = std::make_unique<hosts::HostRegistry>(settings.get());
    fleet = std::make_unique<hosts::HostFleet>(registry.get());
    panel = std::make_unique<ui::CertificatesPanel>(registry.get(), fleet.get());
    QCOMPARE(panel->caBundle(), m_dir.filePath(QStringLiteral("ca.pem")));
    panel->setCaBundle(QString());
    QVERIFY(panel->caBundle().isEmpty());
    settings->sync();
    QVERIFY(!settings->contains(QStringLiteral("certificates/caBundle")));
}

void TestCertificatesPanel::editorUsesTheOpenedKey()
{
    const QString cert = m_dir.filePath(QStringLiteral("locked.pem")), key = m_dir.filePath(QStringLiteral("locked.key"));
    const QString yaml = QStringLiteral("apiVersion: mcp/v1\nkind: GatewayConfig\nmetadata: {name: gw}\nspec:\n  driver: nginx\n"
                                        "  listeners:\n    - {name: https, port: 8443, protocol: https, certificate: tls}\n"
                                        "  certificates:\n    - {name: tls, certFile: %1, keyFile: %2}\n"
                                        "  routes:\n    - name: app\n      match: {hosts: [shop.example.com], pathPrefix: /}\n"
                                        "      backends:\n        - {service: app}\n")
                             .arg(cert, key);
    const auto keyCodes = [](const gateway::Findings &findings) {
        QStringList out;
        for (const auto &f : findings)
            if (f.code.startsWith(QLatin1String("cert.key")))
                out << f.code;
        return out;
    };
    ui::SpecDocument document;
    document.setInitialText(yaml);
    document.reparseNow();
    QCOMPARE(keyCodes(document.findings()), QStringList{QStringLiteral("cert.key-encrypted")});
    QFile f(key);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const Result<QByteArray> opened = certs::loadPrivateKey(f.readAll(), QByteArrayLiteral("panel-secret"));
    QVERIFY(opened.ok());
    document.setDecryptedKeys({{key, *opened}});
    QCOMPARE(keyCodes(document.findings()), QStringList{});
    QVERIFY2(!gateway::hasErrors(document.findings()), qPrintable(document.findings().isEmpty() ? QString() : document.findings().first().message));
}

void TestCertificatesPanel::editorAsksForTheKeyWhenItOpens()
{
    const QString key = m_dir.filePath(QStringLiteral("locked.key"));
    const QString path = m_dir.filePath(QStringLiteral("locked-gw.yaml"));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral("apiVersion: mcp/v1\nkind: GatewayConfig\nmetadata: {name: gw}\nspec:\n  driver: nginx\n"
                               "  listeners:\n    - {name: https, port: 8443, protocol: https, certificate: tls}\n"
                               "  certificates:\n    - {name: tls, certFile: locked.pem, keyFile: locked.key}\n"
                               "  routes:\n    - name: app\n      match: {hosts: [shop.example.com], pathPrefix: /}\n"
                               "      backends:\n        - {service: app}\n")
                    .toUtf8());
    }
    const auto encrypted = [](const gateway::Findings &findings) {
        for (const auto &f : findings)
            if (f.code == QLatin1String("cert.key-encrypted"))
                return std::optional<gateway::Finding>(f);
        return std::optional<gateway::Finding>();
    };
    QSettings settings(m_dir.filePath(QStringLiteral("editor.ini")), QSettings::IniFormat);
    hosts::HostRegistry registry(&settings);
    hosts::HostFleet fleet(&registry);
    ui::SpecEditorWindow editor(&registry, &fleet, nullptr);
    QStringList asked;
    QString answer = QStringLiteral("not-it");
    editor.setPassphraseProvider([&](const QString &keyPath) -> std::optional<QString> {
        asked << keyPath;
        return answer.isEmpty() ? std::nullopt : std::optional<QString>(answer);
    });
    QVERIFY(editor.openFile(path));
    QTRY_COMPARE(asked, QStringList{key}); // asked once, for the key the spec names (relative to it)
    const std::optional<gateway::Finding> finding = encrypted(editor.document()->findings());
    QVERIFY(finding); // a wrong passphrase opens nothing
    QVERIFY(editor.statusBar()->currentMessage().contains(QLatin1String("does not open")));
    QTest::qWait(50);
    QCOMPARE(asked.size(), 1); // no second automatic ask
    answer = QStringLiteral("panel-secret");
    Q_EMIT editor.validationPanel()->findingActivated(*finding);
    QCOMPARE(asked.size(), 2);
    QVERIFY(!encrypted(editor.document()->findings()));
    QVERIFY(editor.statusBar()->currentMessage().contains(QLatin1String("in memory")));
    editor.resize(1200, 760);
    editor.show();
    QTest::qWait(100);
    QVERIFY(editor.grab().save(QStringLiteral(MCP_SCREENSHOT_DIR "/spec-editor-key-opened.png")));
    QVERIFY2(!gateway::hasErrors(editor.document()->findings()), qPrintable(editor.document()->findings().isEmpty() ? QString() : editor.document()->findings().first().message));
}

QTEST_MAIN(TestCertificatesPanel)
#include "tst_certificates_panel.moc"
