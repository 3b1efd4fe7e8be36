#include "hostregistry.h"

#include <QLoggingCategory>
#include <QSettings>

Q_DECLARE_LOGGING_CATEGORY(lcHosts)

namespace mcp::hosts {

namespace {
const auto kArray = QStringLiteral("hosts");
}

HostRegistry::HostRegistry(QSettings *storage, QObject *parent) : QObject(parent), m_storage(storage)
{
    load();
}

const HostConfig *HostRegistry::find(const QString &name) const
{
    const int i = indexOf(name);
    return i < 0 ? nullptr : &m_hosts[i];
}

int HostRegistry::indexOf(const QString &name) const
{
    for (int i = 0; i < m_hosts.size(); ++i) {
        if (m_hosts[i].name == name)
            return i;
    }
    return -1;
}

std::optional<Error> HostRegistry::checkName(const QString &name, const QString &except) const
{
    if (name != except && indexOf(name) >= 0)
        return Error::make(ErrorKind::Config, QStringLiteral("host.name-taken"),
                           Message(QT_TRANSLATE_NOOP("mcp::Errors", "there is already a host called %1"), {name}));
    return std::nullopt;
}

Status HostRegistry::add(const HostConfig &config)
{
    if (auto err = config.validate())
        return *err;
    if (auto err = checkName(config.name, QString()))
        return *err;
    m_hosts.append(config);
    save();
    Q_EMIT hostAdded(config.name);
    return Done{};
}

Status HostRegistry::update(const QString &name, const HostConfig &config)
{
    const int i = indexOf(name);
    if (i < 0)
        return Error::make(ErrorKind::Config, QStringLiteral("host.unknown"), Message(QT_TRANSLATE_NOOP("mcp::Errors", "there is no host called %1"), {name}));
    if (auto err = config.validate())
        return *err;
    if (auto err = checkName(config.name, name))
        return *err;
    if (m_hosts[i] == config)
        return Done{};
    m_hosts[i] = config;
    save();
    Q_EMIT hostChanged(name, config.name);
    return Done{};
}

bool HostRegistry::remove(const QString &name)
{
    const int i = indexOf(name);
    if (i < 0)
        return false;
    m_hosts.removeAt(i);
    save();
    Q_EMIT hostRemoved(name);
    return true;
}

void HostRegistry::load()
{
    if (!m_storage)
        return;
    const int n = m_storage->beginReadArray(kArray);
    for (int i = 0; i < n; ++i) {
        m_storage->setArrayIndex(i);
        HostConfig c = HostConfig::load(*m_storage);
        // A hand-edited or older file may hold an entry we cannot use: keep the rest.
        if (auto err = c.validate(); err && err->code.startsWith(QLatin1String("host.name"))) {
            qCWarning(lcHosts) << "skipping saved host:" << err->toString();
            continue;
        }
        if (indexOf(c.name) < 0)
            m_hosts.append(c);
    }
    m_storage->endArray();
}

void HostRegistry::save() const
{
    if (!m_storage)
        return;
    m_storage->remove(kArray);
    m_storage->beginWriteArray(kArray);
    int i = 0;
    for (const HostConfig &c : m_hosts) {
        if (!c.persistent)
            continue;
        m_storage->setArrayIndex(i++);
        c.save(*m_storage);
    }
    m_storage->endArray();
    m_storage->sync();
}

} // namespace mcp::hosts
