// The translations are complete and consistent: every message of every translations/*.ts has
// a finished, non-empty translation with the same placeholders (%1, %n ...) as its source,
// no vanished or obsolete entries linger, and ui/ passes no user-visible literal to a widget
// without tr() (a line may opt out with "// notr" when the text is not for translation).
#include <QDirIterator>
#include <QProcess>
#include <QTemporaryDir>
#include <QRegularExpression>
#include <QSet>
#include <QXmlStreamReader>
#include <QtTest>

namespace {

QString sourceDir()
{
    return qEnvironmentVariable("MCP_SOURCE_DIR");
}

QSet<QString> placeholders(const QString &text)
{
    QSet<QString> out;
    static const QRegularExpression re(QStringLiteral("%(?:n|L?\\d+)"));
    for (auto it = re.globalMatch(text); it.hasNext();)
        out.insert(it.next().captured());
    return out;
}


// Every (context, source) a .ts file holds.
QSet<QString> messagesOf(const QString &tsFile)
{
    QSet<QString> out;
    QFile file(tsFile);
    if (!file.open(QIODevice::ReadOnly))
        return out;
    QXmlStreamReader xml(&file);
    QString context;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("name"))
            context = xml.readElementText();
        else if (xml.name() == QLatin1String("source"))
            out.insert(context + QStringLiteral(" | ") + xml.readElementText());
    }
    return out;
}
} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void tsFilesAreComplete();
    void noSourceMessageIsMissing();
    void uiLiteralsAreMarked();
};

void TestTranslations::tsFilesAreComplete()
{
    const QDir dir(sourceDir() + QStringLiteral("/translations"));
    const QStringList files = dir.entryList({QStringLiteral("*.ts")});
    QVERIFY2(files.contains(QStringLiteral("mcp_console_zh_CN.ts")), qPrintable(dir.path()));
    for (const QString &name : files) {
        QFile file(dir.filePath(name));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&file);
        QStringList problems;
        int messages = 0;
        QString context, source;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            if (xml.name() == QLatin1String("name")) {
                context = xml.readElementText();
            } else if (xml.name() == QLatin1String("source")) {
                source = xml.readElementText();
                ++messages;
            } else if (xml.name() == QLatin1String("translation")) {
                const QString type = xml.attributes().value(QLatin1String("type")).toString();
                const QString where = QStringLiteral("%1: [%2] \"%3\"").arg(name, context, source.left(60));
                // Numerus forms are child elements: gather the whole text.
                const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
                if (!type.isEmpty())
                    problems << QStringLiteral("%1 is %2").arg(where, type);
                else if (text.trimmed().isEmpty())
                    problems << QStringLiteral("%1 has an empty translation").arg(where);
                else if (placeholders(text) != placeholders(source))
                    problems << QStringLiteral("%1: placeholders differ in \"%2\"").arg(where, text);
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY2(messages > 100, qPrintable(QStringLiteral("%1 has only %2 messages").arg(name).arg(messages)));
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }
}

// A string marked with tr() but never extracted (nobody ran lupdate) would show in English:
// lupdate over the same sources as the build's must find nothing the .ts files lack.
void TestTranslations::noSourceMessageIsMissing()
{
    QStringList sources;
    QDirIterator it(sourceDir() + QStringLiteral("/ui"), {QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        sources << it.next();
    // The core but mcpctl's sources, as ui/CMakeLists.txt hands them to lupdate.
    QDirIterator core(sourceDir() + QStringLiteral("/app"), {QStringLiteral("*.cpp")}, QDir::Files, QDirIterator::Subdirectories);
    static const QRegularExpression cli(QStringLiteral("/app/(cli|mcpctl)/"));
    while (core.hasNext())
        if (const QString file = core.next(); !cli.match(file).hasMatch())
            sources << file;
    QTemporaryDir dir;
    const QString fresh = dir.filePath(QStringLiteral("fresh.ts"));
    QProcess lupdate;
    lupdate.start(QStringLiteral(LUPDATE_PATH), QStringList{QStringLiteral("-silent"), QStringLiteral("-no-obsolete"), QStringLiteral("-locations"),
                                                           QStringLiteral("none")} + sources + QStringList{QStringLiteral("-ts"), fresh});
    QVERIFY(lupdate.waitForFinished(120000));
    QCOMPARE(lupdate.exitCode(), 0);
    const QSet<QString> found = messagesOf(fresh);
    QVERIFY2(found.size() > 100, qPrintable(QString::number(found.size())));
    const QDir tsDir(sourceDir() + QStringLiteral("/translations"));
    for (const QString &name : tsDir.entryList({QStringLiteral("*.ts")})) {
        QStringList missing = (found - messagesOf(tsDir.filePath(name))).values();
        missing.sort();
        QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("%1 lacks (run the mcpui_lupdate target and scripts/translate-ts):\n").arg(name) +
                                               missing.join(QLatin1Char('\n'))));
    }
}

void TestTranslations::uiLiteralsAreMarked()
{
    // Setters that show text to people, given a literal with letters in it.
    static const QRegularExpression pattern(
        QStringLiteral("(setText|setWindowTitle|setPlaceholderText|setToolTip|addAction|addTab|setTabText|"
                       "QMessageBox::\\w+|setStatusTip|showMessage|QLabel|QPushButton|QCheckBox|QGroupBox|"
                       "QRadioButton|QDockWidget)\\(\\s*(this,\\s*)?QStringLiteral\\(\"[^\"]*[A-Za-z]{2,}"));
    QStringList offenders;
    QDirIterator it(sourceDir() + QStringLiteral("/ui"), {QStringLiteral("*.cpp")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        int lineNo = 0;
        while (!file.atEnd()) {
            const QString line = QString::fromUtf8(file.readLine());
            ++lineNo;
            if (line.contains(QLatin1String("// notr")))
                continue;
            if (pattern.match(line).hasMatch())
                offenders << QStringLiteral("%1:%2: %3").arg(file.fileName()).arg(lineNo).arg(line.trimmed());
        }
    }
    QVERIFY2(offenders.isEmpty(), qPrintable(offenders.join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
