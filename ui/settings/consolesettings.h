#pragma once

#include <QString>
#include <QStringList>

class QMainWindow;
class QSettings;

namespace mcp::ui {

// What the console keeps between runs besides the hosts (HostRegistry keeps those): the
// interface language, the recently opened specs, the main window's geometry and dock
// layout. Values only, never secrets. The QSettings belongs to the caller.
class ConsoleSettings final
{
public:
    explicit ConsoleSettings(QSettings *settings);

    // "" follows the system; otherwise a locale name ("en", "zh_CN"). Takes effect at the
    // next start (the command line's --lang wins over it).
    QString language() const;
    void setLanguage(const QString &language);
    // The languages the console ships, as [locale name, name in that language].
    static QList<std::pair<QString, QString>> languages();

    QStringList recentSpecs() const; // newest first, at most kMaxRecent
    void addRecentSpec(const QString &path);
    static constexpr int kMaxRecent = 8;

    void saveWindow(const QMainWindow *window);
    bool restoreWindow(QMainWindow *window) const;

private:
    QSettings *m_settings;
};

} // namespace mcp::ui
