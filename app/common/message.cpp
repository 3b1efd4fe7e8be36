#include "message.h"

#include "error.h"

#include <QCoreApplication>

namespace mcp {

MessageArg::MessageArg(const Error &nested) : english(nested.detail), local(nested.text()) {}

QString fillMessage(const QString &pattern, const QStringList &args)
{
    QString out;
    out.reserve(pattern.size() + 16 * args.size());
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QChar c = pattern.at(i);
        if (c == QLatin1Char('%') && i + 1 < pattern.size() && pattern.at(i + 1).isDigit()) {
            const int n = pattern.at(i + 1).digitValue();
            if (n >= 1 && n <= args.size()) {
                out += args.at(n - 1);
                ++i;
                continue;
            }
        }
        out += c;
    }
    return out;
}

QString Message::english() const
{
    return filled(false);
}

QString Message::local() const
{
    return filled(true);
}

QString Message::filled(bool local) const
{
    if (!m_source)
        return {};
    QStringList args;
    for (const MessageArg &a : m_args)
        args << (local ? a.local : a.english);
    return fillMessage(local ? QCoreApplication::translate(kContext, m_source) : QString::fromUtf8(m_source), args);
}

} // namespace mcp
