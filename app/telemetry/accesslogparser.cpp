#include "accesslogparser.h"

#include <QDateTime>

#include <charconv>
#include <cstring>

namespace mcp::telemetry {

namespace {

struct Scanner
{
    const char *p;
    const char *end;

    void skipSpace()
    {
        while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
            ++p;
    }
    bool take(char c)
    {
        skipSpace();
        if (p < end && *p == c) {
            ++p;
            return true;
        }
        return false;
    }
    // A JSON string; escapes decoded (\uXXXX kept as '?' beyond ASCII: not needed here).
    bool string(QByteArray &out)
    {
        skipSpace();
        if (p >= end || *p != '"')
            return false;
        ++p;
        const char *start = p;
        while (p < end && *p != '"' && *p != '\\')
            ++p;
        if (p < end && *p == '"') { // the common case: no escapes
            out = QByteArray(start, p - start);
            ++p;
            return true;
        }
        out = QByteArray(start, p - start);
        while (p < end) {
            const char c = *p++;
            if (c == '"')
                return true;
            if (c != '\\') {
                out += c;
                continue;
            }
            if (p >= end)
                return false;
            const char e = *p++;
            switch (e) {
            case 'n': out += '\n'; break;
            case 't': out += '\t'; break;
            case 'r': out += '\r'; break;
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 'u': {
                if (end - p < 4)
                    return false;
                unsigned v = 0;
                if (std::from_chars(p, p + 4, v, 16).ptr != p + 4)
                    return false;
                out += v < 0x80 ? char(v) : '?';
                p += 4;
                break;
            }
            default: out += e; break; // \" \\ \/
            }
        }
        return false;
    }
    // A bare value (number, true, false, null): its text.
    bool bare(QByteArrayView &out)
    {
        skipSpace();
        const char *start = p;
        while (p < end && *p != ',' && *p != '}' && *p != ' ')
            ++p;
        out = QByteArrayView(start, p - start);
        return p > start;
    }
    bool skipValue()
    {
        skipSpace();
        if (p < end && *p == '"') {
            QByteArray ignored;
            return string(ignored);
        }
        if (p < end && (*p == '{' || *p == '[')) { // nested: skip to the matching bracket
            int depth = 0;
            while (p < end) {
                const char c = *p;
                if (c == '"') {
                    QByteArray ignored;
                    if (!string(ignored))
                        return false;
                    continue;
                }
                ++p;
                if (c == '{' || c == '[')
                    ++depth;
                else if ((c == '}' || c == ']') && --depth == 0)
                    return true;
            }
            return false;
        }
        QByteArrayView ignored;
        return bare(ignored);
    }
};

double toDouble(QByteArrayView text, bool *ok)
{
    double v = 0;
    const auto r = std::from_chars(text.data(), text.data() + text.size(), v);
    *ok = r.ec == std::errc() && r.ptr != text.data();
    return v;
}

int toInt(QByteArrayView text)
{
    int v = 0;
    const auto r = std::from_chars(text.data(), text.data() + text.size(), v);
    return r.ec == std::errc() ? v : 0;
}

// The last element of nginx's comma list ("502, 200" -> "200"; "-" -> "").
QByteArrayView lastOf(QByteArrayView list)
{
    const qsizetype comma = list.lastIndexOf(',');
    QByteArrayView last = comma < 0 ? list : list.sliced(comma + 1);
    while (!last.isEmpty() && last.front() == ' ')
        last = last.sliced(1);
    while (!last.isEmpty() && last.back() == ' ')
        last.chop(1);
    return last == "-" ? QByteArrayView() : last;
}

// nginx $time_iso8601 ("2026-11-24T19:00:01+00:00") or HAProxy %tr ("24/Nov/2026:19:00:01.123").
qint64 parseTime(const QByteArray &text)
{
    if (text.size() >= 19 && text[4] == '-') {
        const QDateTime t = QDateTime::fromString(QString::fromLatin1(text), Qt::ISODate);
        return t.isValid() ? t.toMSecsSinceEpoch() : 0;
    }
    if (text.size() >= 20 && text[2] == '/') {
        QDateTime t = QDateTime::fromString(QString::fromLatin1(text.left(20)), QStringLiteral("dd/MMM/yyyy:HH:mm:ss"));
        if (!t.isValid())
            return 0;
        t.setTimeSpec(Qt::UTC);
        const int dot = text.indexOf('.', 20);
        return t.toMSecsSinceEpoch() + (dot == 20 ? text.mid(21, 3).toInt() : 0);
    }
    return 0;
}

} // namespace

std::optional<AccessRecord> parseAccessLine(QByteArrayView line)
{
    Scanner s{line.data(), line.data() + line.size()};
    if (!s.take('{'))
        return std::nullopt;
    AccessRecord r;
    bool sawStatus = false, sawRequestTime = false;
    QByteArray upstreamTimeText, upstreamStatusText, timeText;
    bool upstreamTimeNumeric = false;
    double upstreamTimeNumber = -1;
    QByteArray key;
    if (s.take('}'))
        return std::nullopt;
    while (true) {
        if (!s.string(key) || !s.take(':'))
            return std::nullopt;
        const char *k = key.constData();
        const qsizetype n = key.size();
        const auto is = [&](const char *name) { return qsizetype(std::strlen(name)) == n && std::memcmp(k, name, n) == 0; };
        s.skipSpace();
        const bool quoted = s.p < s.end && *s.p == '"';
        if (is("route")) {
            if (!s.string(r.route))
                return std::nullopt;
        } else if (is("upstream")) {
            QByteArray v;
            if (!s.string(v))
                return std::nullopt;
            r.upstream = lastOf(v).toByteArray();
        } else if (is("version")) {
            if (!s.string(r.version))
                return std::nullopt;
        } else if (is("server")) {
            if (!s.string(r.server))
                return std::nullopt;
            r.haproxy = true;
        } else if (is("time")) {
            if (!s.string(timeText))
                return std::nullopt;
        } else if (is("upstreamStatus")) {
            if (!s.string(upstreamStatusText))
                return std::nullopt;
        } else if (is("status") || is("requestTime") || is("upstreamTime")) {
            QByteArrayView text;
            QByteArray quotedText;
            if (quoted) {
                if (!s.string(quotedText))
                    return std::nullopt;
                text = quotedText;
            } else if (!s.bare(text)) {
                return std::nullopt;
            }
            if (is("status")) {
                r.status = toInt(text);
                sawStatus = r.status > 0;
            } else if (is("requestTime")) {
                bool ok = false;
                const double v = toDouble(text, &ok);
                sawRequestTime = ok;
                r.requestMs = v; // unit decided below (nginx: seconds with a dot)
                if (ok && text.contains('.'))
                    r.requestMs = v * 1000.0;
            } else {
                if (quoted) {
                    upstreamTimeText = quotedText;
                } else {
                    bool ok = false;
                    upstreamTimeNumber = toDouble(text, &ok);
                    upstreamTimeNumeric = ok;
                }
            }
        } else if (!s.skipValue()) {
            return std::nullopt;
        }
        if (s.take(','))
            continue;
        if (s.take('}'))
            break;
        return std::nullopt;
    }
    if (!sawStatus || !sawRequestTime)
        return std::nullopt;
    r.timeMs = parseTime(timeText);
    if (r.upstream.startsWith('-') || r.upstream.startsWith('<'))
        r.upstream.clear(); // HAProxy without a server: "-:-" or "<NOSRV>"
    if (r.haproxy && r.route.startsWith("be_"))
        r.route = r.route.mid(3);
    if (upstreamTimeNumeric) { // HAProxy: integer ms, -1 when no server answered
        r.upstreamMs = upstreamTimeNumber;
        r.haproxy = true;
        if (r.upstreamMs >= 0)
            r.upstreamStatus = r.status;
    } else {
        const QByteArrayView t = lastOf(upstreamTimeText);
        bool ok = false;
        const double v = t.isEmpty() ? -1 : toDouble(t, &ok);
        r.upstreamMs = ok ? v * 1000.0 : -1;
        r.upstreamStatus = toInt(lastOf(upstreamStatusText));
    }
    if (r.status >= 500) {
        // Made by the gateway: no upstream answered, or the gateway replaced what it answered
        // (nginx maps an upstream failure's 502 to 503 with a JSON body).
        r.gatewayMade = r.haproxy ? r.upstreamMs < 0 : (r.upstreamStatus == 0 || r.upstreamStatus != r.status);
    }
    return r;
}

} // namespace mcp::telemetry
