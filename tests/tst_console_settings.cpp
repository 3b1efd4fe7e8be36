// What the console keeps between runs besides the hosts: the language chosen in File >
// Language (the next start uses it), the recently opened specs (newest first, no
// duplicates, at most eight), and the window's geometry and dock layout. A second window on
// the same settings file gets them back; the file holds no secret-looking value.
#include "hosts/hostregistry.h"
#include "mainwindow.h"
#include "settings/consolesettings.h"

#include <QAction>
#include <QDockWidget>
#include <QFile>
#include <QMenu>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

using namespace mcp;

class TestConsoleSettings : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void languageIsKeptForTheNextStart();
    void recentSpecsAreNewestFirst();
    void windowLayoutComesBack();

private:
    QTemporaryDir m_dir;
};

void TestConsoleSettings::languageIsKeptForTheNextStart()
{
    QSettings settings(m_dir.filePath(QStringLiteral("lang.ini")), QSettings::IniFormat);
    hosts::HostRegistry registry(&settings);
    ui::MainWindow window(&registry);
    window.setSettings(&settings);
    QMenu *menu = window.languageMenu();
    QVERIFY(menu->isEnabled());
    auto *zh = menu->findChild<QAction *>(QStringLiteral("language_zh_CN"));
    auto *system = menu->findChild<QAction *>(QStringLiteral("language_system"));
    QVERIFY(zh && system);
    QVERIFY(system->isChecked()); // nothing chosen yet: the system's
    zh->trigger();
    QCOMPARE(ui::ConsoleSettings(&settings).language(), QStringLiteral("zh_CN"));
    QSettings reread(m_dir.filePath(QStringLiteral("lang.ini")), QSettings::IniFormat);
    QCOMPARE(reread.value(QStringLiteral("ui/language")).toString(), QStringLiteral("zh_CN"));
    // A new window shows the choice.
    ui::MainWindow next(&registry);
    next.setSettings(&settings);
    QVERIFY(next.languageMenu()->findChild<QAction *>(QStringLiteral("language_zh_CN"))->isChecked());
    next.languageMenu()->findChild<QAction *>(QStringLiteral("language_system"))->trigger();
    QVERIFY(ui::ConsoleSettings(&settings).language().isEmpty());
}

void TestConsoleSettings::recentSpecsAreNewestFirst()
{
    QSettings settings(m_dir.filePath(QStringLiteral("recent.ini")), QSettings::IniFormat);
    ui::ConsoleSettings s(&settings);
    for (int i = 0; i < 10; ++i)
        s.addRecentSpec(m_dir.filePath(QStringLiteral("spec%1.yaml").arg(i)));
    s.addRecentSpec(m_dir.filePath(QStringLiteral("spec5.yaml")));
    const QStringList recent = s.recentSpecs();
    QCOMPARE(recent.size(), ui::ConsoleSettings::kMaxRecent);
    QCOMPARE(recent.first(), m_dir.filePath(QStringLiteral("spec5.yaml")));
    QCOMPARE(recent.count(m_dir.filePath(QStringLiteral("spec5.yaml"))), 1);
    QCOMPARE(recent.at(1), m_dir.filePath(QStringLiteral("spec9.yaml")));
    hosts::HostRegistry registry(&settings);
    ui::MainWindow window(&registry);
    window.setSettings(&settings);
    QCOMPARE(window.recentSpecsMenu()->actions().size(), ui::ConsoleSettings::kMaxRecent);
    QCOMPARE(window.recentSpecsMenu()->actions().first()->text(), recent.first());
}

void TestConsoleSettings::windowLayoutComesBack()
{
    const QString file = m_dir.filePath(QStringLiteral("layout.ini"));
    QSettings settings(file, QSettings::IniFormat);
    hosts::HostRegistry registry(&settings);
    {
        ui::MainWindow window(&registry);
        window.setSettings(&settings);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.resize(1111, 777);
        auto *details = window.findChild<QDockWidget *>(QStringLiteral("detailsDock"));
        QVERIFY(details);
        details->hide();
        QTest::qWait(50);
        window.close(); // saves
    }
    ui::MainWindow again(&registry);
    again.setSettings(&settings);
    again.show();
    QVERIFY(QTest::qWaitForWindowExposed(&again));
    QCOMPARE(again.size(), QSize(1111, 777));
    QVERIFY(again.findChild<QDockWidget *>(QStringLiteral("detailsDock"))->isHidden());
    // Values only: nothing in the file looks like a secret.
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray text = f.readAll().toLower();
    QVERIFY(!text.contains("password") && !text.contains("passphrase") && !text.contains("private key"));
}

QTEST_MAIN(TestConsoleSettings)
#include "tst_console_settings.moc"
