#pragma once

#include "transport/sshoptions.h"

#include <QDialog>

namespace mcp::ui {

// "Do you trust this host?" for an SSH host whose key is not in known_hosts: the host,
// key type and SHA256 fingerprint to compare out of band, and a Trust button. For a key
// that CHANGED (mismatch) it only explains, with both fingerprints: there is no button to
// accept it, because that is the one case an attacker in the middle looks like.
class HostKeyDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostKeyDialog)
public:
    HostKeyDialog(const QString &hostName, const transport::SshHostKeyInfo &key, QWidget *parent = nullptr);

    const transport::SshHostKeyInfo &key() const { return m_key; }
    bool canTrust() const { return m_key.status == transport::SshHostKeyInfo::Status::Unknown; }

private:
    transport::SshHostKeyInfo m_key;
};

} // namespace mcp::ui
