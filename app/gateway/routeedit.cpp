#include "routeedit.h"

#include <QRegularExpression>

namespace mcp::gateway {

namespace {

bool samePos(const SourcePos &a, const SourcePos &b)
{
    return a.line == b.line && a.column == b.column;
}

FieldSlot textSlot(const QString &field, const Located<QString> &v, FieldSlot::Kind kind = FieldSlot::Kind::Text)
{
    FieldSlot s;
    s.field = field;
    s.kind = kind;
    s.present = v.written; // an unusable value is still there to replace
    s.pos = v.pos;
    s.text = v.present ? v.value : QString();
    return s;
}

FieldSlot intSlot(const QString &field, const Located<int> &v)
{
    FieldSlot s;
    s.field = field;
    s.kind = FieldSlot::Kind::Integer;
    s.present = v.written; // an unusable value is still there to replace
    s.pos = v.pos;
    s.text = v.present ? QString::number(v.value) : QString();
    return s;
}

FieldSlot durationSlot(const QString &field, const Located<qint64> &v)
{
    FieldSlot s;
    s.field = field;
    s.kind = FieldSlot::Kind::Duration;
    s.present = v.written; // an unusable value is still there to replace
    s.pos = v.pos;
    s.text = v.present ? formatDurationMs(v.value) : QString();
    return s;
}

FieldSlot listSlot(const QString &field, const Located<QStringList> &v)
{
    FieldSlot s;
    s.field = field;
    s.kind = FieldSlot::Kind::List;
    s.present = v.written; // an unusable value is still there to replace
    s.pos = v.pos;
    s.text = v.present ? v.value.join(QLatin1String(", ")) : QString();
    return s;
}

QString yamlOf(const FieldSlot &slot, const QString &input)
{
    static const QRegularExpression integer(QStringLiteral("^-?\\d+$"));
    switch (slot.kind) {
    case FieldSlot::Kind::Integer:
        return integer.match(input).hasMatch() ? input : specedit::scalar(input);
    case FieldSlot::Kind::List: {
        QStringList items;
        for (const QString &i : input.split(QLatin1Char(',')))
            if (!i.trimmed().isEmpty())
                items << i.trimmed();
        return specedit::flowList(items);
    }
    case FieldSlot::Kind::Duration:
    case FieldSlot::Kind::Text:
        break;
    }
    return specedit::scalar(input);
}

} // namespace

QString formatDurationMs(qint64 ms)
{
    if (ms > 0 && ms % 60000 == 0)
        return QStringLiteral("%1m").arg(ms / 60000);
    if (ms > 0 && ms % 1000 == 0)
        return QStringLiteral("%1s").arg(ms / 1000);
    return QStringLiteral("%1ms").arg(ms);
}

QStringList routeFieldNames()
{
    return {QStringLiteral("name"),
            QStringLiteral("listeners"),
            QStringLiteral("match.hosts"),
            QStringLiteral("match.pathPrefix"),
            QStringLiteral("timeouts.connect"),
            QStringLiteral("timeouts.read"),
            QStringLiteral("timeouts.send"),
            QStringLiteral("retries.attempts"),
            QStringLiteral("retries.on"),
            QStringLiteral("passiveHealth.maxFails"),
            QStringLiteral("passiveHealth.failTimeout")};
}

FieldSlot routeField(const Route &r, const QString &field)
{
    FieldSlot s;
    const auto optionalParent = [&](const auto &parent) {
        s.parentPresent = parent.has_value();
        if (!parent) {
            s.present = false;
            s.pos = r.pos;
            s.text.clear();
        }
    };
    if (field == QLatin1String("name"))
        s = textSlot(field, r.name);
    else if (field == QLatin1String("listeners"))
        s = listSlot(field, r.listeners);
    else if (field == QLatin1String("match.hosts"))
        s = listSlot(field, r.hosts);
    else if (field == QLatin1String("match.pathPrefix"))
        s = textSlot(field, r.pathPrefix);
    else if (field.startsWith(QLatin1String("timeouts."))) {
        const Timeouts t = r.timeouts.value_or(Timeouts{});
        s = durationSlot(field, field.endsWith(QLatin1String("connect")) ? t.connectMs
                                : field.endsWith(QLatin1String("read"))  ? t.readMs
                                                                         : t.sendMs);
        if (r.timeouts && !s.present)
            s.pos = r.timeouts->pos;
        optionalParent(r.timeouts);
    } else if (field == QLatin1String("retries.attempts") || field == QLatin1String("retries.on")) {
        const Retries re = r.retries.value_or(Retries{});
        s = field.endsWith(QLatin1String("on")) ? listSlot(field, re.on) : intSlot(field, re.attempts);
        if (r.retries && !s.present)
            s.pos = r.retries->pos;
        optionalParent(r.retries);
    } else if (field.startsWith(QLatin1String("passiveHealth."))) {
        const PassiveHealth ph = r.passiveHealth.value_or(PassiveHealth{});
        s = field.endsWith(QLatin1String("maxFails")) ? intSlot(field, ph.maxFails) : durationSlot(field, ph.failTimeoutMs);
        if (r.passiveHealth && !s.present)
            s.pos = r.passiveHealth->pos;
        optionalParent(r.passiveHealth);
    } else {
        return s;
    }
    const int dot = field.indexOf(QLatin1Char('.'));
    s.field = field;
    s.parentKey = dot < 0 ? QString() : field.left(dot);
    s.key = field.mid(dot + 1);
    s.ownerPos = r.pos;
    if (s.parentKey == QLatin1String("match")) {
        s.parentPresent = !samePos(r.matchPos, r.pos);
        if (!s.present)
            s.pos = r.matchPos;
    }
    if (s.parentKey.isEmpty() && !s.present)
        s.pos = r.pos;
    return s;
}

QStringList backendFieldNames()
{
    return {QStringLiteral("service"), QStringLiteral("version"), QStringLiteral("weight")};
}

FieldSlot backendField(const Backend &b, const QString &field)
{
    FieldSlot s = field == QLatin1String("weight")    ? intSlot(field, b.weight)
                  : field == QLatin1String("version") ? textSlot(field, b.version)
                                                      : textSlot(field, b.service);
    s.key = field;
    s.ownerPos = b.pos;
    if (!s.present)
        s.pos = b.pos;
    return s;
}

std::optional<TextEdit> editField(const QString &yaml, const FieldSlot &slot, const QString &rawInput)
{
    const QString input = rawInput.trimmed();
    if (input == slot.text && (slot.present || input.isEmpty()))
        return TextEdit{};
    if (input.isEmpty())
        return slot.present ? specedit::removeField(yaml, slot.pos) : std::optional<TextEdit>(TextEdit{});
    const QString value = yamlOf(slot, input);
    if (slot.present)
        return specedit::setField(yaml, slot.pos, true, slot.key, value);
    if (slot.parentPresent)
        return specedit::setField(yaml, slot.pos, false, slot.key, value);
    return specedit::setField(yaml, slot.ownerPos, false, slot.parentKey,
                              QString(QStringLiteral("{") + slot.key + QStringLiteral(": ") + value + QLatin1Char('}')));
}

std::optional<TextEdit> appendRoute(const QString &yaml, const GatewaySpec &spec, const QString &name)
{
    if (spec.routes.isEmpty())
        return std::nullopt;
    const QString service = spec.routes.last().backends.isEmpty() ? QStringLiteral("service-name")
                                                                   : spec.routes.last().backends.first().service.value;
    return specedit::appendListItem(yaml, spec.routes.last().pos,
                                    QStringLiteral("name: %1\nmatch: {pathPrefix: %2}\nbackends:\n  - {service: %3}")
                                        .arg(specedit::scalar(name), specedit::scalar(QString(QLatin1Char('/') + name)),
                                             specedit::scalar(service)));
}

std::optional<TextEdit> appendBackend(const QString &yaml, const Route &route)
{
    if (route.backends.isEmpty())
        return std::nullopt;
    const Backend &last = route.backends.last();
    QStringList taken;
    for (const Backend &b : route.backends)
        taken << b.version.value;
    QString version = QStringLiteral("canary");
    for (int i = 2; taken.contains(version); ++i)
        version = QStringLiteral("canary%1").arg(i);
    return specedit::appendListItem(yaml, last.pos,
                                    QStringLiteral("{service: %1, version: %2, weight: 0}").arg(specedit::scalar(last.service.value), version));
}

} // namespace mcp::gateway
