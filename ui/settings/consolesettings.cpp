#include "consolesettings.h"

#include <QFileInfo>
#include <QMainWindow>
#include <QSettings>

namespace mcp::ui {

namespace {
const QString kLanguage = QStringLiteral("ui/language");
const QString kRecent = QStringLiteral("ui/recentSpecs");
const QString kGeometry = QStringLiteral("ui/windowGeometry");
const QString kState = QStringLiteral("ui/windowState");
} // namespace

ConsoleSettings::ConsoleSettings(QSettings *settings) : m_settings(settings) {}

QString ConsoleSettings::language() const
{
    return m_settings->value(kLanguage).toString();
}

void ConsoleSettings::setLanguage(const QString &language)
{
    if (language.isEmpty())
        m_settings->remove(kLanguage);
    else
        m_settings->setValue(kLanguage, language);
    m_settings->sync();
}

QList<std::pair<QString, QString>> ConsoleSettings::languages()
{
    return {{QStringLiteral("en"), QStringLiteral("English")}, {QStringLiteral("zh_CN"), QStringLiteral("简体中文")}};
}

QStringList ConsoleSettings::recentSpecs() const
{
    return m_settings->value(kRecent).toStringList();
}

void ConsoleSettings::addRecentSpec(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList list = recentSpecs();
    list.removeAll(absolute);
    list.prepend(absolute);
    while (list.size() > kMaxRecent)
        list.removeLast();
    m_settings->setValue(kRecent, list);
    m_settings->sync();
}

void ConsoleSettings::saveWindow(const QMainWindow *window)
{
    m_settings->setValue(kGeometry, window->saveGeometry());
    m_settings->setValue(kState, window->saveState());
    m_settings->sync();
}

bool ConsoleSettings::restoreWindow(QMainWindow *window) const
{
    const QByteArray geometry = m_settings->value(kGeometry).toByteArray();
    const QByteArray state = m_settings->value(kState).toByteArray();
    bool restored = false;
    if (!geometry.isEmpty())
        restored = window->restoreGeometry(geometry);
    if (!state.isEmpty())
        restored = window->restoreState(state) || restored;
    return restored;
}

} // namespace mcp::ui
