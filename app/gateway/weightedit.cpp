#include "weightedit.h"

#include "routeedit.h"
#include "specreader.h"
#include "specvalidator.h"

namespace mcp::gateway {

namespace {

Error weightError(const QString &code, const Message &detail)
{
    return Error::make(ErrorKind::Config, code, detail);
}

const Route *findRoute(const GatewaySpec &spec, const QString &name)
{
    for (const Route &r : spec.routes)
        if (r.name.value == name)
            return &r;
    return nullptr;
}

} // namespace

QString backendKey(const Backend &backend)
{
    return backend.version.value.isEmpty() ? backend.service.value : backend.version.value;
}

QList<std::pair<QString, int>> routeWeights(const Route &route)
{
    QList<std::pair<QString, int>> out;
    for (const Backend &b : route.backends)
        out.append({backendKey(b), effectiveWeight(route, b)});
    return out;
}

Result<QString> specWithWeights(const QString &specText, const QString &routeName, const QMap<QString, int> &weights)
{
    SpecReading reading = readSpecText(specText.toUtf8(), QStringLiteral("spec"));
    if (!reading.parsed)
        return weightError(QStringLiteral("weights.unreadable-spec"), Message(QT_TRANSLATE_NOOP("mcp::Errors", "the gateway's spec cannot be read")));
    const Route *route = findRoute(reading.spec, routeName);
    if (!route) {
        QStringList names;
        for (const Route &r : reading.spec.routes)
            names << r.name.value;
        return weightError(QStringLiteral("weights.unknown-route"),
                           Message(QT_TRANSLATE_NOOP("mcp::Errors", "the gateway has no route `%1` (it has: %2)"), {routeName, names.join(QStringLiteral(", "))}));
    }
    QStringList keys;
    for (const Backend &b : route->backends)
        keys << backendKey(b);
    int sum = 0;
    for (auto it = weights.cbegin(); it != weights.cend(); ++it) {
        if (!keys.contains(it.key()))
            return weightError(QStringLiteral("weights.unknown-version"),
                               Message(QT_TRANSLATE_NOOP("mcp::Errors", "route `%1` has no backend `%2` (it has: %3)"), {routeName, it.key(), keys.join(QStringLiteral(", "))}));
        if (it.value() < 0 || it.value() > 100)
            return weightError(QStringLiteral("weights.range"), Message(QT_TRANSLATE_NOOP("mcp::Errors", "weight %1 for %2 is outside 0..100"), {it.value(), it.key()}));
    }
    for (const Backend &b : route->backends)
        sum += weights.value(backendKey(b), effectiveWeight(*route, b));
    if (sum != 100)
        return weightError(QStringLiteral("weights.sum"), Message(QT_TRANSLATE_NOOP("mcp::Errors", "the weights of route `%1` would sum to %2, not 100"), {routeName, sum}));

    // One edit at a time, re-reading between them: every edit moves the later positions.
    QString text = specText;
    for (const QString &key : keys) {
        if (!weights.contains(key))
            continue;
        reading = readSpecText(text.toUtf8(), QStringLiteral("spec"));
        const Route *r = findRoute(reading.spec, routeName);
        const Backend *backend = nullptr;
        for (const Backend &b : r->backends)
            if (backendKey(b) == key)
                backend = &b;
        const FieldSlot slot = backendField(*backend, QStringLiteral("weight"));
        const auto edit = editField(text, slot, QString::number(weights.value(key)));
        if (!edit)
            return weightError(QStringLiteral("weights.uneditable"),
                               Message(QT_TRANSLATE_NOOP("mcp::Errors", "the weight of %1 in route `%2` has a shape that cannot be edited in place"), {key, routeName}));
        text = edit->applyTo(text);
    }
    return text;
}

QList<std::pair<QString, int>> rebalance(const QList<std::pair<QString, int>> &current, const QString &key, int value)
{
    value = std::clamp(value, 0, 100);
    QList<std::pair<QString, int>> out = current;
    int othersSum = 0, others = 0;
    for (const auto &[k, w] : current)
        if (k != key) {
            othersSum += w;
            ++others;
        }
    if (others == 0) {
        for (auto &[k, w] : out)
            w = 100;
        return out;
    }
    const int rest = 100 - value;
    // Largest remainder: floor shares, then the biggest fractions get the leftover points.
    QList<std::pair<double, int>> fractions; // (fraction, index)
    int given = 0;
    for (int i = 0; i < out.size(); ++i) {
        if (out[i].first == key) {
            out[i].second = value;
            continue;
        }
        const double share = othersSum > 0 ? double(rest) * current[i].second / othersSum : double(rest) / others;
        out[i].second = int(share);
        given += out[i].second;
        fractions.append({share - out[i].second, i});
    }
    std::stable_sort(fractions.begin(), fractions.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    for (int i = 0; given < rest && i < fractions.size(); ++i, ++given)
        ++out[fractions[i].second].second;
    return out;
}

QJsonObject weightsJson(const QMap<QString, int> &weights)
{
    QJsonObject out;
    for (auto it = weights.cbegin(); it != weights.cend(); ++it)
        out.insert(it.key(), it.value());
    return out;
}

Result<QMap<QString, int>> parseWeightArguments(const QStringList &arguments)
{
    QMap<QString, int> out;
    for (const QString &argument : arguments)
        for (const QString &pair : argument.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const qsizetype eq = pair.indexOf(QLatin1Char('='));
            bool ok = false;
            const int weight = eq > 0 ? pair.mid(eq + 1).toInt(&ok) : 0;
            if (!ok)
                return Error::make(ErrorKind::Usage, QStringLiteral("usage"),
                                   Message(QT_TRANSLATE_NOOP("mcp::Errors", "`%1` is not VERSION=WEIGHT (such as v1=90)"), {pair}));
            out.insert(pair.left(eq).trimmed(), weight);
        }
    if (out.isEmpty())
        return Error::make(ErrorKind::Usage, QStringLiteral("usage"), Message(QT_TRANSLATE_NOOP("mcp::Errors", "name the weights: v1=90 v2=10")));
    return out;
}

} // namespace mcp::gateway
