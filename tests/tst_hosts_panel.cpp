// The hosts panel against the real test bed: hosts persist without secrets, the list model
// passes QAbstractItemModelTester, and a window with a unix, a TLS, an SSH (unknown host
// key) and a closed-port host shows each in its own state; the trust dialog adds exactly
// the offered key and the host connects; a changed key cannot be trusted; the connection
// dialog validates, lists contexts and tests a connection; an encrypted key asks for its
// passphrase, which never reaches the settings file. Screenshots go to MCP_SCREENSHOT_DIR.

#include "support/testbed.h"
#include "support/gui.h"

#include "hosts/hostconnection.h"
#include "hosts/hostfleet.h"
#include "hosts/hostregistry.h"
#include "hosts/connectiondialog.h"
#include "hosts/hostkeydialog.h"
#include "hosts/hostlistmodel.h"
#include "hosts/hostspanel.h"
#include "hosts/passphrasedialog.h"
#include "mainwindow.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTreeView>
#include <QSpinBox>
#include "health/healthprober.h"
#include <QtTest>

#include <functional>

Q_DECLARE_METATYPE(mcp::hosts::HostConfig)

using namespace mcp;
using hosts::HostConfig;
using hosts::HostState;

namespace {

QString tb(const char *key)
{
    return test::Testbed::instance().require(QString::fromLatin1(key));
}

HostConfig unixHost(const QString &name = QStringLiteral("local"))
{
    HostConfig c;
    c.name = name;
    c.url = tb("MCP_TB_UNIX_HOST");
    return c;
}

HostConfig tlsHost()
{
    HostConfig c;
    c.name = QStringLiteral("tls");
    c.url = tb("MCP_TB_TLS_HOST");
    c.tlsCaFile = tb("MCP_TB_TLS_CA");
    c.tlsCertFile = tb("MCP_TB_TLS_CERT");
    c.tlsKeyFile = tb("MCP_TB_TLS_KEY");
    return c;
}

HostConfig sshHost(const QString &knownHosts, const QString &key = tb("MCP_TB_SSH_KEY_ED25519"))
{
    HostConfig c;
    c.name = QStringLiteral("ssh");
    c.url = QStringLiteral("ssh://%1@%2:%3").arg(tb("MCP_TB_SSH_USER"), tb("MCP_TB_SSH_HOST"), tb("MCP_TB_SSH_PORT"));
    c.sshIdentityFile = key;
    c.sshKnownHostsFile = knownHosts;
    return c;
}

HostConfig closedHost()
{
    HostConfig c;
    c.name = QStringLiteral("closed");
    c.url = QStringLiteral("tcp://127.0.0.1:%1").arg(tb("MCP_TB_CLOSED_PORT"));
    return c;
}

// Dialogs run their own event loop (exec()), so the test answers them from a timer: the
// first visible top-level widget of type T gets `answer` called on it.
template <typename T>
class DialogAnswerer
{
public:
    explicit DialogAnswerer(std::function<void(T *)> answer) : m_answer(std::move(answer))
    {
        m_timer.setInterval(50);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            for (QWidget *w : QApplication::topLevelWidgets()) {
                if (auto *dialog = qobject_cast<T *>(w); dialog && dialog->isVisible()) {
                    m_timer.stop();
                    ++m_answered;
                    m_answer(dialog);
                    return;
                }
            }
        });
        m_timer.start();
    }
    int answered() const { return m_answered; }

private:
    std::function<void(T *)> m_answer;
    QTimer m_timer;
    int m_answered = 0;
};

HostState stateOf(const hosts::HostFleet &fleet, const QString &name)
{
    const auto *c = fleet.connection(name);
    return c ? c->state() : HostState::Idle;
}

QString errorOf(const hosts::HostFleet &fleet, const QString &name)
{
    const auto *c = fleet.connection(name);
    return c ? c->lastError().code : QString();
}

void saveScreenshot(QWidget *w, const QString &name)
{
    MCP_SAVE_SCREENSHOT(w, name);
}

} // namespace

class TestHostsPanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void invalidConfigsAreRefused_data();
    void invalidConfigsAreRefused();
    void registryPersistsWithoutSecrets();
    void listModelIsConsistent();
    void windowShowsEachHostsState();
    void changedHostKeyCannotBeTrusted();
    void connectionDialogValidatesAndTests();
    void encryptedKeyAsksForPassphrase();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
};

void TestHostsPanel::initTestCase()
{
    QVERIFY(test::Testbed::instance().isLoaded());
    // Independent of the machine's agent and ssh config: only the keys the hosts name.
    qunsetenv("SSH_AUTH_SOCK");
}

void TestHostsPanel::init()
{
    m_settings.reset();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("console.ini")), QSettings::IniFormat);
}

void TestHostsPanel::invalidConfigsAreRefused_data()
{
    QTest::addColumn<HostConfig>("config");
    QTest::addColumn<QString>("code");
    HostConfig c = unixHost();
    c.name.clear();
    QTest::newRow("no name") << c << "host.name-missing";
    c = unixHost(QStringLiteral("a b"));
    QTest::newRow("space in name") << c << "host.name-invalid";
    c = unixHost();
    c.context = QStringLiteral("default");
    QTest::newRow("context and url") << c << "host.address-missing";
    c = unixHost();
    c.url = QStringLiteral("ssh://root:hunter2@127.0.0.1");
    QTest::newRow("password in url") << c << "endpoint.password-in-url";
    c = tlsHost();
    c.tlsKeyFile.clear();
    QTest::newRow("cert without key") << c << "host.tls-pair";
    c = tlsHost();
    c.tlsCaFile.clear();
    QTest::newRow("tls without CA") << c << "host.tls-ca-missing";
    c = tlsHost();
    c.tlsCaFile = QStringLiteral("/nonexistent/ca.pem");
    QTest::newRow("missing CA file") << c << "host.file-missing";
    c = unixHost();
    c.tlsCaFile = tb("MCP_TB_TLS_CA");
    QTest::newRow("tls on unix") << c << "host.tls-not-tcp";
    c = unixHost();
    c.probeTimeoutMs = c.probeIntervalMs;
    QTest::newRow("probe timeout not shorter than interval") << c << "host.probe-timing";
    c = unixHost();
    c.probeIntervalMs = 200;
    c.probeTimeoutMs = 100;
    QTest::newRow("probe interval under 1 s") << c << "host.probe-timing";
}

void TestHostsPanel::invalidConfigsAreRefused()
{
    QFETCH(HostConfig, config);
    QFETCH(QString, code);
    hosts::HostRegistry registry(m_settings.get());
    const auto added = registry.add(config);
    QVERIFY(!added);
    QCOMPARE(added.error().code, code);
    QVERIFY(!added.error().detail.isEmpty());
    QVERIFY(registry.hosts().isEmpty());
}

void TestHostsPanel::registryPersistsWithoutSecrets()
{
    {
        hosts::HostRegistry registry(m_settings.get());
        QVERIFY(registry.add(unixHost()));
        HostConfig tls = tlsHost();
        tls.probeIntervalMs = 30000; // probe timing persists with the host
        tls.probeTimeoutMs = 1500;
        QVERIFY(registry.add(tls));
        QVERIFY(registry.add(sshHost(tb("MCP_TB_SSH_KNOWN_HOSTS"), tb("MCP_TB_SSH_KEY_ED25519_PASS"))));
        HostConfig session = unixHost(QStringLiteral("session"));
        session.persistent = false;
        QVERIFY(registry.add(session));
        const auto dup = registry.add(unixHost());
        QVERIFY(!dup);
        QCOMPARE(dup.error().code, QStringLiteral("host.name-taken"));
        QCOMPARE(registry.hosts().size(), 4);
        // Rename through update.
        HostConfig renamed = tls;
        renamed.name = QStringLiteral("tls-renamed");
        QVERIFY(registry.update(QStringLiteral("tls"), renamed));
    }
    m_settings.reset(); // flush and reopen, as a restart does
    m_settings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("console.ini")), QSettings::IniFormat);
    hosts::HostRegistry reopened(m_settings.get());
    QCOMPARE(reopened.hosts().size(), 3); // not the session-only host
    QCOMPARE(reopened.hosts().at(0), unixHost());
    QCOMPARE(reopened.hosts().at(1).name, QStringLiteral("tls-renamed"));
    QCOMPARE(reopened.hosts().at(1).tlsKeyFile, tb("MCP_TB_TLS_KEY"));
    QCOMPARE(reopened.hosts().at(1).probeIntervalMs, 30000);
    QCOMPARE(reopened.hosts().at(1).probeTimeoutMs, 1500);
    QCOMPARE(reopened.hosts().at(0).probeIntervalMs, HostConfig{}.probeIntervalMs);
    QCOMPARE(reopened.hosts().at(2).sshIdentityFile, tb("MCP_TB_SSH_KEY_ED25519_PASS"));

    // Paths only: no key material, no passphrase in the plain-text file.
    QFile file(m_dir->filePath(QStringLiteral("console.ini")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY(text.contains("tls-renamed"));
    QVERIFY(!text.contains("PRIVATE KEY"));
    QVERIFY(!text.contains(tb("MCP_TB_SSH_KEY_PASSPHRASE").toUtf8()));

    QVERIFY(reopened.remove(QStringLiteral("local")));
    QVERIFY(!reopened.remove(QStringLiteral("local")));
    QCOMPARE(hosts::HostRegistry(m_settings.get()).hosts().size(), 2);
}

void TestHostsPanel::listModelIsConsistent()
{
    hosts::HostRegistry registry(m_settings.get());
    hosts::HostFleet fleet(&registry);
    ui::HostListModel model(&registry, &fleet);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    fleet.start();
    HostConfig local = unixHost();
    local.probeIntervalMs = 4000; // the host's probe timing reaches its prober
    local.probeTimeoutMs = 700;
    QVERIFY(registry.add(local));
    QVERIFY(registry.add(closedHost()));
    QCOMPARE(model.rowCount(), 2);
    QVERIFY(fleet.prober(QStringLiteral("local")));
    QCOMPARE(fleet.prober(QStringLiteral("local"))->intervalMs(), 4000);
    QCOMPARE(fleet.prober(QStringLiteral("local"))->timeoutMs(), 700);
    QVERIFY(QTest::qWaitFor([&] {
        return model.index(0, 0).data(ui::HostListModel::StateRole).toInt() == int(HostState::Connected) &&
               model.index(1, 0).data(ui::HostListModel::StateRole).toInt() == int(HostState::Unreachable);
    }, 20000));
    // Raw roles hold stable values; display text is for people.
    QCOMPARE(model.index(0, 0).data(ui::HostListModel::NameRole).toString(), QStringLiteral("local"));
    QCOMPARE(model.index(0, 0).data(ui::HostListModel::PathRole).toString(), QStringLiteral("unix socket /var/run/docker.sock"));
    QCOMPARE(model.index(1, 0).data(ui::HostListModel::ErrorCodeRole).toString().isEmpty(), false);
    QVERIFY(model.index(1, ui::HostListModel::ConnectionColumn).data().toString().contains(tb("MCP_TB_CLOSED_PORT")));
    QVERIFY(!model.index(1, 0).data(Qt::DecorationRole).value<QIcon>().isNull());

    HostConfig renamed = closedHost();
    renamed.name = QStringLiteral("closed2");
    QVERIFY(registry.update(QStringLiteral("closed"), renamed));
    QCOMPARE(model.index(1, 0).data(ui::HostListModel::NameRole).toString(), QStringLiteral("closed2"));
    QVERIFY(registry.remove(QStringLiteral("local")));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.indexOfHost(QStringLiteral("closed2")).row(), 0);
}

void TestHostsPanel::windowShowsEachHostsState()
{
    const QString knownHosts = m_dir->filePath(QStringLiteral("known_hosts")); // empty: host unknown
    hosts::HostRegistry registry(m_settings.get());
    QVERIFY(registry.add(unixHost()));
    QVERIFY(registry.add(tlsHost()));
    QVERIFY(registry.add(sshHost(knownHosts)));
    QVERIFY(registry.add(closedHost()));

    ui::MainWindow window(&registry);
    window.resize(1400, 850);
    // The panel offers the trust dialog by itself for the unknown host: look at it, then
    // cancel (the host must stay refused), and trust it later from the panel's action.
    QString offeredFingerprint;
    bool trustOffered = false;
    DialogAnswerer<ui::HostKeyDialog> cancel([&](ui::HostKeyDialog *dialog) {
        offeredFingerprint = dialog->key().fingerprint;
        trustOffered = dialog->findChild<QPushButton *>(QStringLiteral("trustButton")) != nullptr;
        saveScreenshot(dialog, QStringLiteral("hosts-trust-dialog"));
        dialog->reject();
    });
    window.show();
    window.start();
    auto &fleet = *window.fleet();
    QVERIFY(QTest::qWaitFor([&] {
        return stateOf(fleet, QStringLiteral("local")) == HostState::Connected &&
               stateOf(fleet, QStringLiteral("tls")) == HostState::Connected &&
               stateOf(fleet, QStringLiteral("ssh")) == HostState::Unreachable &&
               stateOf(fleet, QStringLiteral("closed")) == HostState::Unreachable && cancel.answered() == 1;
    }, 30000));
    QCOMPARE(errorOf(fleet, QStringLiteral("ssh")), QStringLiteral("ssh.hostkey.unknown"));
    QVERIFY(trustOffered);
    QVERIFY(offeredFingerprint.startsWith(QLatin1String("SHA256:")));
    QVERIFY(!QFileInfo::exists(knownHosts) || QFileInfo(knownHosts).size() == 0);
    QCOMPARE(fleet.connection(QStringLiteral("tls"))->pathDescription(), QStringLiteral("TLS with client certificate"));

    auto *model = window.hostsPanel()->model();
    QCOMPARE(model->rowCount(), 4);
    QCOMPARE(model->indexOfHost(QStringLiteral("ssh"), ui::HostListModel::StateColumn).data().toString(),
             QStringLiteral("unreachable"));
    QVERIFY(model->indexOfHost(QStringLiteral("ssh"), ui::HostListModel::ConnectionColumn)
                .data()
                .toString()
                .contains(offeredFingerprint));
    QVERIFY(model->indexOfHost(QStringLiteral("closed"), ui::HostListModel::ConnectionColumn).data().toString().contains(
        QStringLiteral("refused")));
    window.hostsPanel()->setCurrentHost(QStringLiteral("ssh"));
    auto *review = window.hostsPanel()->findChild<QPushButton *>(QStringLiteral("reviewHostKey"));
    QVERIFY(review->isVisible());
    QVERIFY(window.hostsPanel()->findChild<QLabel *>(QStringLiteral("hostDetail"))->text().contains(offeredFingerprint));
    QTest::qWait(300); // let the graph settle for the picture
    saveScreenshot(&window, QStringLiteral("hosts-panel-four-states"));

    // Trust from the panel: exactly the offered key lands in known_hosts, the host connects.
    DialogAnswerer<ui::HostKeyDialog> trust([](ui::HostKeyDialog *dialog) {
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("trustButton")), Qt::LeftButton);
    });
    QVERIFY(window.hostsPanel()->reviewHostKey());
    QVERIFY(QTest::qWaitFor([&] { return stateOf(fleet, QStringLiteral("ssh")) == HostState::Connected; }, 20000));
    QVERIFY(!review->isVisible());
    QFile kh(knownHosts);
    QVERIFY(kh.open(QIODevice::ReadOnly));
    const QString line = QString::fromUtf8(kh.readAll());
    QVERIFY2(line.startsWith(QStringLiteral("[%1]:%2 ").arg(tb("MCP_TB_SSH_HOST"), tb("MCP_TB_SSH_PORT"))), qPrintable(line));
    QCOMPARE(line.count(QLatin1Char('\n')), 1);
    QVERIFY(model->indexOfHost(QStringLiteral("ssh"), ui::HostListModel::ConnectionColumn)
                .data()
                .toString()
                .startsWith(QLatin1String("SSH")));
    saveScreenshot(&window, QStringLiteral("hosts-panel-after-trust"));

    // Removing a host takes its nodes out of the topology.
    QVERIFY(registry.remove(QStringLiteral("tls")));
    QCOMPARE(model->rowCount(), 3);
    QVERIFY(fleet.connection(QStringLiteral("tls")) == nullptr);
}

void TestHostsPanel::changedHostKeyCannotBeTrusted()
{
    hosts::HostRegistry registry(m_settings.get());
    QVERIFY(registry.add(sshHost(tb("MCP_TB_SSH_KNOWN_HOSTS_WRONG"))));
    hosts::HostFleet fleet(&registry);
    ui::HostsPanel panel(&registry, &fleet);
    panel.resize(700, 200);
    panel.show();
    fleet.start();
    QVERIFY(QTest::qWaitFor([&] { return stateOf(fleet, QStringLiteral("ssh")) == HostState::Unreachable; }, 20000));
    QCOMPARE(errorOf(fleet, QStringLiteral("ssh")), QStringLiteral("ssh.hostkey.mismatch"));
    const QString detail = fleet.connection(QStringLiteral("ssh"))->lastError().detail;
    QVERIFY(detail.contains(tb("MCP_TB_SSH_HOST")));

    bool hadTrustButton = true;
    QString explanation;
    DialogAnswerer<ui::HostKeyDialog> look([&](ui::HostKeyDialog *dialog) {
        hadTrustButton = dialog->findChild<QPushButton *>(QStringLiteral("trustButton")) != nullptr;
        explanation = dialog->findChild<QLabel *>(QStringLiteral("explanation"))->text();
        saveScreenshot(dialog, QStringLiteral("hosts-key-changed-dialog"));
        dialog->reject();
    });
    panel.setCurrentHost(QStringLiteral("ssh"));
    QVERIFY(!panel.reviewHostKey());
    QCOMPARE(look.answered(), 1);
    QVERIFY(!hadTrustButton);
    QVERIFY(explanation.contains(QLatin1String("changed")));
    // Nor through the API: a mismatching key is never appended.
    const auto key = fleet.offeredHostKey(QStringLiteral("ssh"));
    QVERIFY(key);
    QCOMPARE(int(key->status), int(transport::SshHostKeyInfo::Status::Mismatch));
    const auto refused = fleet.trustHostKey(QStringLiteral("ssh"), *key);
    QVERIFY(refused);
    QCOMPARE(refused->code, QStringLiteral("ssh.hostkey.not-trustable"));
}

void TestHostsPanel::connectionDialogValidatesAndTests()
{
    // A Docker config dir with one context pointing at the TLS endpoint.
    const QString configDir = m_dir->filePath(QStringLiteral("docker"));
    endpoint::EndpointResolver::Input environment;
    environment.environment.insert(QStringLiteral("DOCKER_CONFIG"), configDir);
    environment.environment.remove(QStringLiteral("DOCKER_HOST"));
    environment.environment.remove(QStringLiteral("DOCKER_CONTEXT"));
    QDir().mkpath(configDir + QStringLiteral("/contexts/meta/abc"));
    {
        QFile meta(configDir + QStringLiteral("/contexts/meta/abc/meta.json"));
        QVERIFY(meta.open(QIODevice::WriteOnly));
        meta.write(QStringLiteral(R"({"Name":"tb-ssh","Metadata":{"Description":"test bed over ssh"},)"
                                  R"("Endpoints":{"docker":{"Host":"ssh://%1@%2:%3"}}})")
                       .arg(tb("MCP_TB_SSH_USER"), tb("MCP_TB_SSH_HOST"), tb("MCP_TB_SSH_PORT"))
                       .toUtf8());
    }

    ui::ConnectionDialog dialog({QStringLiteral("local")}, nullptr, nullptr, environment);
    dialog.show();
    auto *name = dialog.findChild<QLineEdit *>(QStringLiteral("name"));
    auto *url = dialog.findChild<QLineEdit *>(QStringLiteral("url"));
    auto *problem = dialog.findChild<QLabel *>(QStringLiteral("problem"));
    auto *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    auto *contexts = dialog.findChild<QComboBox *>(QStringLiteral("contexts"));

    // Contexts are listed: the virtual default and the store's.
    QStringList names;
    for (int i = 0; i < contexts->count(); ++i)
        names << contexts->itemData(i).toString();
    QCOMPARE(names, (QStringList{QStringLiteral("default"), QStringLiteral("tb-ssh")}));

    QVERIFY(!ok->isEnabled());
    QTest::keyClicks(name, QStringLiteral("local"));
    QTest::keyClicks(url, QStringLiteral("ssh://root:secret@127.0.0.1"));
    QVERIFY(!ok->isEnabled());
    QVERIFY2(problem->text().contains(QLatin1String("password")), qPrintable(problem->text()));

    url->setText(tb("MCP_TB_TLS_HOST"));
    QVERIFY(dialog.findChild<QGroupBox *>() != nullptr);
    dialog.findChild<QLineEdit *>(QStringLiteral("tlsCa"))->setText(tb("MCP_TB_TLS_CA"));
    dialog.findChild<QLineEdit *>(QStringLiteral("tlsCert"))->setText(tb("MCP_TB_TLS_CERT"));
    QVERIFY(problem->text().contains(QLatin1String("key")));
    dialog.findChild<QLineEdit *>(QStringLiteral("tlsKey"))->setText(tb("MCP_TB_TLS_KEY"));
    QVERIFY2(problem->text().contains(QLatin1String("already")), qPrintable(problem->text())); // "local" is taken
    QVERIFY(!ok->isEnabled());
    name->setText(QStringLiteral("tls"));
    QVERIFY2(problem->text().isEmpty(), qPrintable(problem->text()));
    QVERIFY(ok->isEnabled());

    QSignalSpy tested(&dialog, &ui::ConnectionDialog::testFinished);
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("testButton")), Qt::LeftButton);
    QVERIFY(tested.wait(20000));
    QCOMPARE(tested.first().first().toBool(), true);
    QVERIFY2(dialog.testResult().contains(QLatin1String("TLS with client certificate")), qPrintable(dialog.testResult()));
    saveScreenshot(&dialog, QStringLiteral("hosts-connection-dialog"));

    const HostConfig c = dialog.config();
    QCOMPARE(c.name, QStringLiteral("tls"));
    QCOMPARE(c.url, tb("MCP_TB_TLS_HOST"));
    QCOMPARE(c.tlsKeyFile, tb("MCP_TB_TLS_KEY"));
    QVERIFY(c.context.isEmpty());
    QCOMPARE(c.probeIntervalMs, HostConfig{}.probeIntervalMs);
    QCOMPARE(c.probeTimeoutMs, HostConfig{}.probeTimeoutMs);

    // The health probes' timing: a timeout as long as the interval is refused, with why.
    auto *interval = dialog.findChild<QSpinBox *>(QStringLiteral("probeInterval"));
    auto *timeout = dialog.findChild<QSpinBox *>(QStringLiteral("probeTimeout"));
    QVERIFY(interval && timeout);
    interval->setValue(2);
    timeout->setValue(2500);
    QVERIFY(!ok->isEnabled());
    QVERIFY2(problem->text().contains(QLatin1String("interval")), qPrintable(problem->text()));
    timeout->setValue(1500);
    QVERIFY2(problem->text().isEmpty(), qPrintable(problem->text()));
    QCOMPARE(dialog.config().probeIntervalMs, 2000);
    QCOMPARE(dialog.config().probeTimeoutMs, 1500);

    // A wrong CA fails the test with its own reason.
    dialog.findChild<QLineEdit *>(QStringLiteral("tlsCa"))->setText(tb("MCP_TB_TLS_WRONG_CA"));
    tested.clear();
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("testButton")), Qt::LeftButton);
    QVERIFY(tested.wait(20000));
    QCOMPARE(tested.first().first().toBool(), false);
    QVERIFY2(dialog.testResult().contains(QLatin1String("certificate"), Qt::CaseInsensitive), qPrintable(dialog.testResult()));

    // Choosing a context makes a context host.
    contexts->setCurrentIndex(1);
    const HostConfig byContext = dialog.config();
    QCOMPARE(byContext.context, QStringLiteral("tb-ssh"));
    QVERIFY(byContext.url.isEmpty());
}

void TestHostsPanel::encryptedKeyAsksForPassphrase()
{
    hosts::HostRegistry registry(m_settings.get());
    QVERIFY(registry.add(sshHost(tb("MCP_TB_SSH_KNOWN_HOSTS"), tb("MCP_TB_SSH_KEY_ED25519_PASS"))));
    ui::MainWindow window(&registry);
    QString askedFor;
    DialogAnswerer<ui::PassphraseDialog> answer([&](ui::PassphraseDialog *dialog) {
        askedFor = dialog->findChild<QLabel *>()->text();
        dialog->findChild<QLineEdit *>(QStringLiteral("passphrase"))->setText(tb("MCP_TB_SSH_KEY_PASSPHRASE"));
        dialog->accept();
    });
    window.show();
    window.start();
    auto &fleet = *window.fleet();
    QVERIFY(QTest::qWaitFor([&] { return stateOf(fleet, QStringLiteral("ssh")) == HostState::Connected; }, 30000));
    QCOMPARE(answer.answered(), 1);
    QVERIFY(askedFor.contains(tb("MCP_TB_SSH_KEY_ED25519_PASS")));
    m_settings->sync();
    QFile file(m_dir->filePath(QStringLiteral("console.ini")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains(tb("MCP_TB_SSH_KEY_PASSPHRASE").toUtf8()));
}

QTEST_MAIN(TestHostsPanel)
#include "tst_hosts_panel.moc"
