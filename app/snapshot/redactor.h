#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace mcp::snapshot {

// Takes secrets out of everything an incident snapshot holds, before any byte is written:
// PEM private keys, `Authorization` / `Proxy-Authorization` / `Cookie` header values, bearer
// tokens, `password=` / `token=` / `secret=` / `api_key=` style pairs (in text, URLs and
// JSON), URL user:password, and the values of environment variables whose names look
// secret (*PASSWORD*, *PASSWD*, *TOKEN*, *SECRET*, *KEY*, *CREDENTIAL*). What it replaced
// is recorded (file, what, how many) for the manifest; the values themselves never are.
class Redactor final
{
public:
    struct Record
    {
        QString file;
        QString what; // "private key", "Authorization header", "environment variable FOO_TOKEN", ...
        int count = 0;
    };

    static constexpr const char *kMark = "<redacted>";

    QByteArray text(const QString &file, const QByteArray &content);
    QString text(const QString &file, const QString &content) { return QString::fromUtf8(text(file, content.toUtf8())); }
    // A container's inspect JSON: Config.Env values with secret-looking names, then every
    // string in it through text().
    QJsonObject container(const QString &file, const QJsonObject &inspect);
    // Every string value of a JSON document through text().
    QJsonObject json(const QString &file, const QJsonObject &object);
    QJsonArray json(const QString &file, const QJsonArray &array);

    // Something left out whole (a key file), for the manifest.
    void record(const QString &file, const QString &what) { note(file, what); }

    static bool isSecretName(const QString &name);

    const QList<Record> &records() const { return m_records; }
    QJsonArray recordsJson() const;

private:
    void note(const QString &file, const QString &what, int count = 1);
    QJsonValue value(const QString &file, const QJsonValue &v);

    QList<Record> m_records;
};

} // namespace mcp::snapshot
