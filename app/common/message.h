#pragma once

#include <QList>
#include <QString>

#include <type_traits>

namespace mcp {

struct Error;

// One argument of a Message: as it reads in English (logs, JSON, audit records, snapshots)
// and in the interface language (a nested error's translated text; anything else reads the
// same in both).
struct MessageArg
{
    QString english, local;
    MessageArg(const QString &s) : english(s), local(s) {}
    MessageArg(const char *s) : MessageArg(QString::fromUtf8(s)) {}
    MessageArg(QLatin1String s) : MessageArg(QString(s)) {}
    template <typename Number, std::enable_if_t<std::is_arithmetic_v<Number> && !std::is_same_v<Number, bool>, int> = 0>
    MessageArg(Number n) : MessageArg(QString::number(n)) {}
    MessageArg(const Error &nested);
};

// A text for people that is kept in English and shown in the interface language. The
// template is an English source string marked where it is written with
//     QT_TRANSLATE_NOOP("mcp::Errors", "cannot connect to %1: %2")
// (always the context "mcp::Errors", so lupdate finds it and tst_translations checks it);
// english() is what is stored and printed by mcpctl, local() what views show. %1..%9 are
// replaced in one pass, so an argument that contains "%2" stays as it is.
class Message
{
public:
    Message() = default;
    Message(const char *source, QList<MessageArg> args = {}) : m_source(source), m_args(std::move(args)) {}

    bool isEmpty() const { return !m_source; }
    QString english() const;
    QString local() const;

    static constexpr const char *kContext = "mcp::Errors";

private:
    QString filled(bool local) const;

    const char *m_source = nullptr; // a string literal
    QList<MessageArg> m_args;
};

// "%1 and %2" with args, in one pass (%N beyond the arguments stays as written).
QString fillMessage(const QString &pattern, const QStringList &args);

} // namespace mcp
