#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

namespace mcp::docker {

// Query parameters for an Engine API call, encoded once on the wire. (QUrlQuery keeps values
// half-encoded, which garbles JSON filter values that contain '%', '&' or '+'.)
class ApiQuery
{
public:
    ApiQuery() = default;
    ApiQuery &add(const QString &key, const QString &value)
    {
        m_items.append({key, value});
        return *this;
    }
    bool isEmpty() const { return m_items.isEmpty(); }
    QByteArray encoded() const
    {
        QByteArray out;
        for (const auto &[k, v] : m_items) {
            if (!out.isEmpty())
                out += '&';
            out += QUrl::toPercentEncoding(k) + '=' + QUrl::toPercentEncoding(v);
        }
        return out;
    }

private:
    QList<QPair<QString, QString>> m_items;
};

} // namespace mcp::docker
