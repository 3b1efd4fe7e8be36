#include "certificateedit.h"

#include "specedit.h"
#include "specreader.h"

namespace mcp::gateway {

Result<QString> specWithCertificate(const QString &specText, const QString &name, const QString &certFile, const QString &keyFile)
{
    QString text = specText;
    for (const auto &[field, value] : {std::pair<const char *, QString>{"certFile", certFile}, std::pair<const char *, QString>{"keyFile", keyFile}}) {
        const SpecReading reading = readSpecText(text.toUtf8(), QStringLiteral("spec"));
        if (!reading.parsed)
            return Error::make(ErrorKind::Config, QStringLiteral("spec.unreadable"), Message(QT_TRANSLATE_NOOP("mcp::Errors", "the gateway's spec cannot be read")));
        const Certificate *cert = nullptr;
        for (const Certificate &c : reading.spec.certificates)
            if (c.name.value == name)
                cert = &c;
        if (!cert)
            return Error::make(ErrorKind::Config, QStringLiteral("cert.unknown"), Message(QT_TRANSLATE_NOOP("mcp::Errors", "the spec has no certificate named `%1`"), {name}));
        const Located<QString> &slot = QLatin1String(field) == QLatin1String("certFile") ? cert->certFile : cert->keyFile;
        const auto edit = specedit::setField(text, slot.present ? slot.pos : cert->pos, slot.present, QLatin1String(field), specedit::scalar(value));
        if (!edit)
            return Error::make(ErrorKind::Config, QStringLiteral("cert.uneditable"),
                               Message(QT_TRANSLATE_NOOP("mcp::Errors", "the certificate `%1` has a shape that cannot be edited in place"), {name}));
        text = edit->applyTo(text);
    }
    return text;
}

} // namespace mcp::gateway
