#include "responseparser.h"

#include <http_parser.h>

namespace mcp::http {

struct ResponseParser::Impl
{
    http_parser parser;
    http_parser_settings settings;

    static ResponseParser *self(http_parser *p) { return static_cast<ResponseParser *>(p->data); }

    static void flushHeader(ResponseParser *s)
    {
        if (!s->m_field.isEmpty())
            s->m_head.headers.append(Header{s->m_field, s->m_value});
        s->m_field.clear();
        s->m_value.clear();
    }
};

ResponseParser::ResponseParser(Callbacks callbacks) : m_impl(std::make_unique<Impl>()), m_callbacks(std::move(callbacks))
{
    http_parser_settings_init(&m_impl->settings);
    auto &st = m_impl->settings;
    st.on_message_begin = [](http_parser *p) {
        auto *s = Impl::self(p);
        s->m_inMessage = true;
        s->m_complete = false;
        s->m_head = ResponseHead{};
        return 0;
    };
    st.on_header_field = [](http_parser *p, const char *at, size_t len) {
        auto *s = Impl::self(p);
        if (s->m_lastWasValue)
            Impl::flushHeader(s);
        s->m_lastWasValue = false;
        s->m_field.append(at, qsizetype(len));
        return 0;
    };
    st.on_header_value = [](http_parser *p, const char *at, size_t len) {
        auto *s = Impl::self(p);
        s->m_lastWasValue = true;
        s->m_value.append(at, qsizetype(len));
        return 0;
    };
    st.on_headers_complete = [](http_parser *p) {
        auto *s = Impl::self(p);
        Impl::flushHeader(s);
        s->m_lastWasValue = false;
        s->m_head.status = int(p->status_code);
        s->m_keepAlive = http_should_keep_alive(p) != 0;
        if (s->m_callbacks.head)
            s->m_callbacks.head(s->m_head);
        return 0;
    };
    st.on_body = [](http_parser *p, const char *at, size_t len) {
        auto *s = Impl::self(p);
        if (s->m_callbacks.body)
            s->m_callbacks.body(QByteArray(at, qsizetype(len)));
        return 0;
    };
    st.on_message_complete = [](http_parser *p) {
        auto *s = Impl::self(p);
        s->m_inMessage = false;
        s->m_complete = true;
        s->m_keepAlive = s->m_keepAlive && http_should_keep_alive(p) != 0;
        if (s->m_callbacks.complete)
            s->m_callbacks.complete();
        // Stop here so that bytes of a following message are not parsed before reset().
        return 0;
    };
    reset();
}

ResponseParser::~ResponseParser() = default;

void ResponseParser::reset()
{
    http_parser_init(&m_impl->parser, HTTP_RESPONSE);
    m_impl->parser.data = this;
    m_head = ResponseHead{};
    m_field.clear();
    m_value.clear();
    m_lastWasValue = false;
    m_upgraded = false;
    m_keepAlive = true;
    m_inMessage = false;
    m_complete = false;
}

Status ResponseParser::feed(const QByteArray &data, QByteArray *leftover)
{
    if (m_upgraded) {
        if (leftover)
            *leftover += data;
        return Done{};
    }
    const size_t parsed = http_parser_execute(&m_impl->parser, &m_impl->settings, data.constData(), size_t(data.size()));
    if (m_impl->parser.upgrade) {
        m_upgraded = true;
        if (leftover)
            *leftover += data.mid(qsizetype(parsed));
        return Done{};
    }
    const auto err = HTTP_PARSER_ERRNO(&m_impl->parser);
    if (err != HPE_OK) {
        return Error::make(ErrorKind::Protocol, QStringLiteral("http.malformed"),
                           Message(QT_TRANSLATE_NOOP("mcp::Errors", "malformed HTTP response from the engine: %1 (%2)"), {QString::fromLatin1(http_errno_name(err)), QString::fromLatin1(http_errno_description(err))}));
    }
    return Done{};
}

Status ResponseParser::finish()
{
    if (m_upgraded || m_complete || !m_inMessage)
        return Done{};
    http_parser_execute(&m_impl->parser, &m_impl->settings, nullptr, 0);
    if (m_complete)
        return Done{};
    return Error::make(ErrorKind::Transport, QStringLiteral("http.truncated"),
                       Message(QT_TRANSLATE_NOOP("mcp::Errors", "the engine closed the connection in the middle of a response")));
}

} // namespace mcp::http
