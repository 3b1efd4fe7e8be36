#pragma once

#include <QHash>
#include <QString>

namespace mcp::test {

// What ./scripts/testbed/start set up, read from the KEY=VALUE file it writes
// ($MCP_TESTBED_ENV, default /var/tmp/mcp-testbed/testbed.env). A test that needs a key the
// file lacks fails loudly: the test bed is part of the test, not an optional extra.
class Testbed
{
public:
    static const Testbed &instance();

    bool isLoaded() const { return m_loaded; }
    QString path() const { return m_path; }
    // The value, or an empty string plus a recorded failure (see require()).
    QString value(const QString &key) const { return m_values.value(key); }
    // The value; QFAIL-style abort with a message naming the key when it is missing.
    QString require(const QString &key) const;

private:
    Testbed();
    QString m_path;
    bool m_loaded = false;
    QHash<QString, QString> m_values;
};

} // namespace mcp::test
