#pragma once

#include "common/result.h"
#include "hostconfig.h"

#include <QList>
#include <QObject>

class QSettings;

namespace mcp::hosts {

// The hosts the operator works with, in the order they added them. It is the one place
// that changes the list (the hosts panel's add/edit/remove, the command line) and it
// persists every change to its QSettings right away, so a crash loses nothing. Hosts added
// for the session only (HostConfig::persistent false) are never written.
class HostRegistry final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostRegistry)
public:
    // storage may be nullptr (nothing persists); otherwise it must outlive the registry.
    explicit HostRegistry(QSettings *storage = nullptr, QObject *parent = nullptr);
    // The settings the console keeps (nullptr: none): other panels keep their paths there too.
    QSettings *storage() const { return m_storage; }

    const QList<HostConfig> &hosts() const { return m_hosts; }
    const HostConfig *find(const QString &name) const;
    int indexOf(const QString &name) const;

    // Refused with a Config error when the config is invalid or the name is taken.
    Status add(const HostConfig &config);
    // Replaces the host called `name` (the new config may rename it).
    Status update(const QString &name, const HostConfig &config);
    bool remove(const QString &name);

Q_SIGNALS:
    void hostAdded(const QString &name);
    void hostChanged(const QString &oldName, const QString &newName);
    void hostRemoved(const QString &name);

private:
    void load();
    void save() const;
    std::optional<Error> checkName(const QString &name, const QString &except) const;

    QSettings *m_storage = nullptr;
    QList<HostConfig> m_hosts;
};

} // namespace mcp::hosts
