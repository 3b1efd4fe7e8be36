#include "specedit.h"

#include <QRegularExpression>

namespace mcp::gateway::specedit {

namespace {

int lineStart(const QString &text, int offset)
{
    const int nl = offset > 0 ? text.lastIndexOf(QLatin1Char('\n'), offset - 1) : -1;
    return nl + 1;
}

// The offset just after the line's newline (or the end of the text).
int nextLineStart(const QString &text, int offset)
{
    const int nl = text.indexOf(QLatin1Char('\n'), offset);
    return nl < 0 ? int(text.size()) : nl + 1;
}

int indentOf(const QString &text, int start)
{
    int i = start;
    while (i < text.size() && text[i] == QLatin1Char(' '))
        ++i;
    return i - start;
}

// A line with nothing but spaces, or a comment.
bool isBlankLine(const QString &text, int start)
{
    const int i = start + indentOf(text, start);
    return i >= text.size() || text[i] == QLatin1Char('\n') || text[i] == QLatin1Char('\r') || text[i] == QLatin1Char('#');
}

// Past the closing quote of a quoted scalar starting at `start`.
int quotedEnd(const QString &text, int start)
{
    const QChar quote = text[start];
    for (int i = start + 1; i < text.size(); ++i) {
        if (quote == QLatin1Char('"') && text[i] == QLatin1Char('\\')) {
            ++i;
        } else if (text[i] == quote) {
            if (quote == QLatin1Char('\'') && i + 1 < text.size() && text[i + 1] == quote) {
                ++i; // '' is an escaped quote
                continue;
            }
            return i + 1;
        }
    }
    return -1;
}

// Past the bracket closing the flow collection that opens at `start`.
int flowEnd(const QString &text, int start)
{
    int depth = 0;
    for (int i = start; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
            const int e = quotedEnd(text, i);
            if (e < 0)
                return -1;
            i = e - 1;
        } else if (c == QLatin1Char('{') || c == QLatin1Char('[')) {
            ++depth;
        } else if (c == QLatin1Char('}') || c == QLatin1Char(']')) {
            if (--depth == 0)
                return i + 1;
        }
    }
    return -1;
}

// Whether `offset` sits inside a flow collection opened earlier on its line.
bool inFlow(const QString &text, int offset)
{
    int depth = 0;
    for (int i = lineStart(text, offset); i < offset; ++i) {
        const QChar c = text[i];
        if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
            const int e = quotedEnd(text, i);
            if (e < 0 || e > offset)
                return false;
            i = e - 1;
        } else if (c == QLatin1Char('{') || c == QLatin1Char('[')) {
            ++depth;
        } else if (c == QLatin1Char('}') || c == QLatin1Char(']')) {
            --depth;
        }
    }
    return depth > 0;
}

int plainEnd(const QString &text, int start)
{
    const bool flow = inFlow(text, start);
    int i = start;
    for (; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c == QLatin1Char('\n') || c == QLatin1Char('\r'))
            break;
        if (c == QLatin1Char('#') && i > start && text[i - 1].isSpace())
            break;
        if (flow && (c == QLatin1Char(',') || c == QLatin1Char('}') || c == QLatin1Char(']')))
            break;
    }
    while (i > start && text[i - 1].isSpace())
        --i;
    return i;
}

// The end of the last content line of the block that starts on the line of `offset` and
// continues while lines are indented more than `parentIndent` (blank lines inside kept,
// trailing ones not): the offset after that line's newline.
int blockEnd(const QString &text, int offset, int parentIndent)
{
    int end = nextLineStart(text, offset);
    int line = end;
    while (line < text.size()) {
        if (!isBlankLine(text, line)) {
            if (indentOf(text, line) <= parentIndent)
                break;
            end = nextLineStart(text, line);
        }
        line = nextLineStart(text, line);
    }
    return end;
}

bool isBlockSequenceAt(const QString &text, int offset)
{
    return offset < text.size() && text[offset] == QLatin1Char('-') &&
           (offset + 1 >= text.size() || text[offset + 1].isSpace());
}

// The value's [start, end): a quoted or plain scalar, a flow collection, or a block list.
std::optional<std::pair<int, int>> valueExtent(const QString &text, int start)
{
    if (start >= text.size())
        return std::nullopt;
    const QChar c = text[start];
    if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
        const int e = quotedEnd(text, start);
        return e < 0 ? std::nullopt : std::optional(std::pair(start, e));
    }
    if (c == QLatin1Char('[') || c == QLatin1Char('{')) {
        const int e = flowEnd(text, start);
        return e < 0 ? std::nullopt : std::optional(std::pair(start, e));
    }
    if (isBlockSequenceAt(text, start)) {
        const int dashIndent = start - lineStart(text, start);
        int end = blockEnd(text, start, dashIndent);
        // Items at the dash's own indentation continue the list; anything else ends it.
        while (end < text.size() && !isBlankLine(text, end) && indentOf(text, end) == dashIndent &&
               isBlockSequenceAt(text, end + dashIndent))
            end = blockEnd(text, end + dashIndent, dashIndent);
        while (end > start && text[end - 1].isSpace())
            --end;
        return std::pair(start, end);
    }
    return std::pair(start, plainEnd(text, start));
}

// The dash of the block-list item whose content starts at `offset`, when only spaces come
// before it on the line.
int itemDash(const QString &text, int offset)
{
    int i = offset - 1;
    while (i >= 0 && text[i] == QLatin1Char(' '))
        --i;
    if (i < 0 || text[i] != QLatin1Char('-'))
        return -1;
    for (int j = lineStart(text, i); j < i; ++j)
        if (text[j] != QLatin1Char(' '))
            return -1;
    return i;
}

} // namespace

QString scalar(const QString &value)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_./][A-Za-z0-9_./:@-]*$"));
    static const QRegularExpression special(QStringLiteral("^(true|false|yes|no|on|off|null|~)$"),
                                            QRegularExpression::CaseInsensitiveOption);
    if (plain.match(value).hasMatch() && !special.match(value).hasMatch())
        return value;
    QString q = value;
    q.replace(QLatin1Char('\\'), QLatin1String("\\\\")).replace(QLatin1Char('"'), QLatin1String("\\\""));
    return QString(QLatin1Char('"') + q + QLatin1Char('"'));
}

QString flowList(const QStringList &items)
{
    QStringList quoted;
    for (const QString &i : items)
        quoted << scalar(i);
    return QString(QLatin1Char('[') + quoted.join(QLatin1String(", ")) + QLatin1Char(']'));
}

int offsetOf(const QString &text, int line, int column)
{
    if (line < 1 || column < 1)
        return -1;
    int offset = 0;
    for (int l = 1; l < line; ++l) {
        const int nl = text.indexOf(QLatin1Char('\n'), offset);
        if (nl < 0)
            return -1;
        offset = nl + 1;
    }
    offset += column - 1;
    return offset <= text.size() ? offset : -1;
}

std::optional<QString> scalarText(const QString &text, const SourcePos &pos)
{
    const int at = offsetOf(text, pos.line, pos.column);
    if (at < 0 || at >= text.size() || text[at] == QLatin1Char('[') || text[at] == QLatin1Char('{') || isBlockSequenceAt(text, at))
        return std::nullopt;
    const auto extent = valueExtent(text, at);
    if (!extent)
        return std::nullopt;
    QString raw = text.mid(extent->first, extent->second - extent->first);
    if (raw.size() >= 2 && (raw.startsWith(QLatin1Char('"')) || raw.startsWith(QLatin1Char('\'')))) {
        const QChar quote = raw[0];
        raw = raw.mid(1, raw.size() - 2);
        if (quote == QLatin1Char('"'))
            raw.replace(QLatin1String("\\\""), QLatin1String("\"")).replace(QLatin1String("\\\\"), QLatin1String("\\"));
        else
            raw.replace(QLatin1String("''"), QLatin1String("'"));
    }
    return raw;
}

std::optional<TextEdit> setField(const QString &text, const SourcePos &pos, bool present, const QString &key, const QString &yamlValue)
{
    const int at = offsetOf(text, pos.line, pos.column);
    if (at < 0)
        return std::nullopt;
    if (present) {
        const auto extent = valueExtent(text, at);
        if (!extent)
            return std::nullopt;
        if (isBlockSequenceAt(text, at)) {
            // A block list becomes a flow list after its key: `hosts: [a, b]`.
            int colon = extent->first - 1;
            while (colon >= 0 && text[colon].isSpace())
                --colon;
            if (colon < 0 || text[colon] != QLatin1Char(':'))
                return std::nullopt;
            return TextEdit{colon + 1, extent->second - colon - 1, QString(QLatin1Char(' ') + yamlValue)};
        }
        return TextEdit{extent->first, extent->second - extent->first, yamlValue};
    }
    const QString entry = QString(key + QLatin1String(": ") + yamlValue);
    if (at < text.size() && text[at] == QLatin1Char('{')) {
        const int close = flowEnd(text, at) - 1;
        if (close < 0)
            return std::nullopt;
        int last = close;
        while (last > at + 1 && text[last - 1].isSpace())
            --last;
        const bool empty = last == at + 1;
        return TextEdit{last, 0, empty ? entry : QString(QLatin1String(", ") + entry)};
    }
    // A block mapping: a new last line with the mapping's indentation.
    const int indent = at - lineStart(text, at);
    const int end = blockEnd(text, at, indent - 1);
    const bool needsNewline = end > 0 && text[end - 1] != QLatin1Char('\n');
    return TextEdit{end, 0, QString((needsNewline ? QStringLiteral("\n") : QString()) + QString(indent, QLatin1Char(' ')) + entry +
                                    QLatin1Char('\n'))};
}

std::optional<TextEdit> removeField(const QString &text, const SourcePos &valuePos)
{
    const int at = offsetOf(text, valuePos.line, valuePos.column);
    if (at < 0)
        return std::nullopt;
    const auto extent = valueExtent(text, at);
    if (!extent)
        return std::nullopt;
    int i = at - 1;
    while (i >= 0 && text[i].isSpace())
        --i;
    if (i < 0 || text[i] != QLatin1Char(':'))
        return std::nullopt;
    --i;
    while (i >= 0 && (text[i].isLetterOrNumber() || text[i] == QLatin1Char('_')))
        --i;
    const int keyStart = i + 1;
    while (i >= 0 && text[i] == QLatin1Char(' '))
        --i;
    if (i >= 0 && text[i] == QLatin1Char(',')) // `, key: value` inside a flow mapping
        return TextEdit{i, extent->second - i, QString()};
    if (i >= 0 && text[i] == QLatin1Char('{')) { // the first entry: `key: value, ` goes
        int end = extent->second;
        while (end < text.size() && text[end] == QLatin1Char(' '))
            ++end;
        if (end < text.size() && text[end] == QLatin1Char(','))
            ++end;
        while (end < text.size() && text[end] == QLatin1Char(' '))
            ++end;
        return TextEdit{keyStart, end - keyStart, QString()};
    }
    if (i >= 0 && text[i] != QLatin1Char('\n'))
        return std::nullopt; // `- key: value`: the item's first line stays
    const int from = lineStart(text, keyStart);
    return TextEdit{from, nextLineStart(text, extent->second) - from, QString()};
}

std::optional<TextEdit> removeListItem(const QString &text, const SourcePos &itemPos)
{
    const int at = offsetOf(text, itemPos.line, itemPos.column);
    if (at < 0)
        return std::nullopt;
    const int dash = itemDash(text, at);
    if (dash < 0)
        return std::nullopt;
    const int from = lineStart(text, dash);
    return TextEdit{from, blockEnd(text, dash, dash - from) - from, QString()};
}

std::optional<TextEdit> appendListItem(const QString &text, const SourcePos &lastItemPos, const QString &itemYaml)
{
    const int at = offsetOf(text, lastItemPos.line, lastItemPos.column);
    if (at < 0)
        return std::nullopt;
    const int dash = itemDash(text, at);
    if (dash < 0)
        return std::nullopt;
    const int dashIndent = dash - lineStart(text, dash);
    const int end = blockEnd(text, dash, dashIndent);
    QString block;
    const QStringList lines = itemYaml.split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i)
        block += QString(i == 0 ? QString(QString(dashIndent, QLatin1Char(' ')) + QLatin1String("- "))
                                : QString(dashIndent + 2, QLatin1Char(' '))) +
                 lines[i] + QLatin1Char('\n');
    const bool needsNewline = end > 0 && text[end - 1] != QLatin1Char('\n');
    return TextEdit{end, 0, needsNewline ? QString(QLatin1Char('\n') + block) : block};
}

} // namespace mcp::gateway::specedit
