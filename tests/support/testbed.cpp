#include "testbed.h"

#include <QFile>
#include <QProcessEnvironment>
#include <QtTest>

#include <cstdio>
#include <cstdlib>

namespace mcp::test {

Testbed::Testbed()
{
    m_path = qEnvironmentVariable("MCP_TESTBED_ENV", QStringLiteral("/var/tmp/mcp-testbed/testbed.env"));
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return;
    m_loaded = true;
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const qsizetype eq = line.indexOf(QLatin1Char('='));
        if (eq > 0)
            m_values.insert(line.left(eq), line.mid(eq + 1));
    }
}

const Testbed &Testbed::instance()
{
    static const Testbed testbed;
    return testbed;
}

QString Testbed::require(const QString &key) const
{
    const QString v = m_values.value(key);
    if (v.isEmpty()) {
        std::fprintf(stderr, "FATAL: test bed key %s missing (file %s, loaded=%d); run ./scripts/test\n",
                     qPrintable(key), qPrintable(m_path), int(m_loaded));
        std::abort();
    }
    return v;
}

} // namespace mcp::test
