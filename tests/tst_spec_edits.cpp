// Edits of a spec's YAML text from the positions the reader recorded: every edit reads back
// as the intended spec, and everything else in the file (comments, flow or block style)
// is kept byte for byte.
#include "gateway/certificateedit.h"
#include "gateway/routeedit.h"
#include "gateway/specedit.h"
#include "gateway/specreader.h"

#include <QtTest>

using namespace mcp::gateway;

namespace {

// Mixed styles on purpose: flow mappings, block mappings, a block list, comments.
const char *kSpec = R"(apiVersion: mcp/v1
kind: GatewayConfig
metadata:
  name: edge   # the gateway label
spec:
  driver: nginx
  listeners:
    - {name: http, port: 8080}
  routes:
    # users first: it is the busiest
    - name: users
      match: {hosts: [api.example.com], pathPrefix: /users}
      backends:
        - {service: user-api, version: v1, weight: 90}
        - {service: user-api, version: v2, weight: 10}
      timeouts:
        connect: 5s
        read: 10s

    - name: orders
      match:
        pathPrefix: "/orders"
        hosts:
          - shop.example.com
          - www.example.com
      backends:
        - service: orders
          weight: 100
)";

SpecReading read(const QString &text)
{
    SpecReading r = readSpecText(text.toUtf8(), QStringLiteral("edge.yaml"));
    if (!r.findings.isEmpty())
        qWarning() << r.findings.first().toString();
    return r;
}

QString applyEdit(const QString &text, const std::optional<TextEdit> &edit)
{
    if (!edit)
        return QString();
    return edit->applyTo(text);
}

} // namespace

class TestSpecEdits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void scalarQuoting_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("yaml");
        QTest::newRow("name") << "user-api" << "user-api";
        QTest::newRow("path") << "/users/v1" << "/users/v1";
        QTest::newRow("wildcard host") << "*.example.com" << "\"*.example.com\"";
        QTest::newRow("boolean-like") << "yes" << "\"yes\"";
        QTest::newRow("space and quote") << "a \"b\"" << "\"a \\\"b\\\"\"";
        QTest::newRow("empty") << "" << "\"\"";
    }
    void scalarQuoting()
    {
        QFETCH(QString, value);
        QFETCH(QString, yaml);
        QCOMPARE(specedit::scalar(value), yaml);
        // And it reads back as the same string.
        const SpecReading r = read(QString(QLatin1String(kSpec)).replace(QLatin1String("name: edge "), QString(QLatin1String("name: ") + yaml + QLatin1Char(' '))));
        QCOMPARE(r.spec.name.value, value);
    }

    void replaceFlowScalar()
    {
        const QString text = QLatin1String(kSpec);
        const SpecReading r = read(text);
        const Backend &b = r.spec.routes[0].backends[1];
        const QString out = applyEdit(text, specedit::setField(text, b.weight.pos, true, QStringLiteral("weight"), QStringLiteral("25")));
        QVERIFY(out.contains(QLatin1String("{service: user-api, version: v2, weight: 25}")));
        const SpecReading after = read(out);
        QVERIFY(after.findings.isEmpty());
        QCOMPARE(after.spec.routes[0].backends[1].weight.value, 25);
        QCOMPARE(after.spec.routes[0].backends[0].weight.value, 90);
        QVERIFY(out.contains(QLatin1String("# users first: it is the busiest")));
        QVERIFY(out.contains(QLatin1String("name: edge   # the gateway label")));
    }

    void replaceBlockAndQuotedScalars()
    {
        const QString text = QLatin1String(kSpec);
        SpecReading r = read(text);
        // A quoted scalar in a block mapping.
        QString out = applyEdit(text, specedit::setField(text, r.spec.routes[1].pathPrefix.pos, true, QStringLiteral("pathPrefix"),
                                                     specedit::scalar(QStringLiteral("/shop"))));
        r = read(out);
        QCOMPARE(r.spec.routes[1].pathPrefix.value, QStringLiteral("/shop"));
        // A commented plain scalar keeps its comment.
        out = applyEdit(out, specedit::setField(out, r.spec.name.pos, true, QStringLiteral("name"), QStringLiteral("edge-2")));
        QVERIFY(out.contains(QLatin1String("name: edge-2   # the gateway label")));
        r = read(out);
        QCOMPARE(r.spec.name.value, QStringLiteral("edge-2"));
        // A duration in a block mapping.
        out = applyEdit(out, specedit::setField(out, r.spec.routes[0].timeouts->readMs.pos, true, QStringLiteral("read"), QStringLiteral("30s")));
        r = read(out);
        QCOMPARE(r.spec.routes[0].timeouts->readMs.value, 30000);
        QCOMPARE(r.spec.routes[0].timeouts->connectMs.value, 5000);
    }

    void replaceLists()
    {
        const QString text = QLatin1String(kSpec);
        SpecReading r = read(text);
        // A flow list.
        QString out = applyEdit(text, specedit::setField(text, r.spec.routes[0].hosts.pos, true, QStringLiteral("hosts"),
                                                     specedit::flowList({QStringLiteral("a.example.com"), QStringLiteral("*.b.example.com")})));
        r = read(out);
        QCOMPARE(r.spec.routes[0].hosts.value, QStringList({QStringLiteral("a.example.com"), QStringLiteral("*.b.example.com")}));
        // A block list becomes a flow list after its key; the next key is untouched.
        out = applyEdit(out, specedit::setField(out, r.spec.routes[1].hosts.pos, true, QStringLiteral("hosts"),
                                            specedit::flowList({QStringLiteral("shop.example.com")})));
        QVERIFY2(out.contains(QLatin1String("hosts: [shop.example.com]\n      backends:")), qPrintable(out));
        r = read(out);
        QVERIFY(r.findings.isEmpty());
        QCOMPARE(r.spec.routes[1].hosts.value, QStringList{QStringLiteral("shop.example.com")});
        QCOMPARE(r.spec.routes[1].backends.size(), 1);
    }

    void insertAbsentFields()
    {
        const QString text = QLatin1String(kSpec);
        SpecReading r = read(text);
        // Into a flow mapping.
        const Route &orders = r.spec.routes[1];
        QVERIFY(!orders.backends[0].version.present);
        QString out = applyEdit(text, specedit::setField(text, orders.backends[0].version.pos, false, QStringLiteral("version"), QStringLiteral("v3")));
        r = read(out);
        QVERIFY(r.findings.isEmpty());
        QCOMPARE(r.spec.routes[1].backends[0].version.value, QStringLiteral("v3"));
        QCOMPARE(r.spec.routes[1].backends[0].weight.value, 100);
        // Into a flow mapping of the first route.
        QVERIFY(!r.spec.routes[0].timeouts->sendMs.present);
        out = applyEdit(out, specedit::setField(out, r.spec.routes[0].timeouts->sendMs.pos, false, QStringLiteral("send"), QStringLiteral("2s")));
        r = read(out);
        QCOMPARE(r.spec.routes[0].timeouts->sendMs.value, 2000);
        QCOMPARE(r.spec.routes[0].timeouts->readMs.value, 10000);
        // A whole mapping into a route (block).
        out = applyEdit(out, specedit::setField(out, r.spec.routes[1].pos, false, QStringLiteral("retries"),
                                            QStringLiteral("{attempts: 2, on: [error, timeout]}")));
        r = read(out);
        QVERIFY2(r.findings.isEmpty(), qPrintable(out));
        QVERIFY(r.spec.routes[1].retries.has_value());
        QCOMPARE(r.spec.routes[1].retries->attempts.value, 2);
        QCOMPARE(r.spec.routes[1].backends.size(), 1);
        // Into a flow mapping of a route's match.
        out = applyEdit(out, specedit::setField(out, r.spec.routes[0].matchPos, false, QStringLiteral("extra"), QStringLiteral("1")));
        QVERIFY(out.contains(QLatin1String("pathPrefix: /users, extra: 1}")));
    }

    void removeFields()
    {
        const QString text = QLatin1String(kSpec);
        SpecReading r = read(text);
        // Not the first entry of a flow mapping.
        QString out = applyEdit(text, specedit::removeField(text, r.spec.routes[0].backends[0].version.pos));
        QVERIFY(out.contains(QLatin1String("{service: user-api, weight: 90}")));
        // The first entry of a flow mapping.
        r = read(out);
        out = applyEdit(out, specedit::removeField(out, r.spec.routes[0].hosts.pos));
        QVERIFY(out.contains(QLatin1String("match: {pathPrefix: /users}")));
        // A block line.
        r = read(out);
        out = applyEdit(out, specedit::removeField(out, r.spec.routes[0].timeouts->readMs.pos));
        r = read(out);
        QVERIFY(r.findings.isEmpty());
        QVERIFY(!r.spec.routes[0].timeouts->readMs.present);
        QVERIFY(r.spec.routes[0].timeouts->connectMs.present);
        // A block list with its key.
        out = applyEdit(out, specedit::removeField(out, r.spec.routes[1].hosts.pos));
        r = read(out);
        QVERIFY(r.findings.isEmpty());
        QVERIFY(!r.spec.routes[1].hosts.present);
        QCOMPARE(r.spec.routes[1].pathPrefix.value, QStringLiteral("/orders"));
        // The first key of a list item cannot go (the item would lose its dash).
        QVERIFY(!specedit::removeField(out, r.spec.routes[1].name.pos));
    }

    void removeAndAppendListItems()
    {
        const QString text = QLatin1String(kSpec);
        SpecReading r = read(text);
        // Remove the first route: its comment above stays, the second route is intact.
        QString out = applyEdit(text, specedit::removeListItem(text, r.spec.routes[0].pos));
        r = read(out);
        QVERIFY2(r.findings.isEmpty(), qPrintable(out));
        QCOMPARE(r.spec.routes.size(), 1);
        QCOMPARE(r.spec.routes[0].name.value, QStringLiteral("orders"));
        QCOMPARE(r.spec.routes[0].hosts.value.size(), 2);
        // Append a route after the last one.
        out = applyEdit(out, specedit::appendListItem(out, r.spec.routes.last().pos,
                                                  QStringLiteral("name: billing\nmatch: {pathPrefix: /billing}\nbackends:\n  - {service: billing}")));
        r = read(out);
        QVERIFY2(r.findings.isEmpty(), qPrintable(out));
        QCOMPARE(r.spec.routes.size(), 2);
        QCOMPARE(r.spec.routes[1].name.value, QStringLiteral("billing"));
        QCOMPARE(r.spec.routes[1].backends[0].service.value, QStringLiteral("billing"));
        // Append a backend to a flow-item list, then remove the old one.
        out = applyEdit(out, specedit::appendListItem(out, r.spec.routes[0].backends.last().pos, QStringLiteral("{service: orders, version: v2, weight: 0}")));
        r = read(out);
        QCOMPARE(r.spec.routes[0].backends.size(), 2);
        QCOMPARE(r.spec.routes[0].backends[1].version.value, QStringLiteral("v2"));
        out = applyEdit(out, specedit::removeListItem(out, r.spec.routes[0].backends[0].pos));
        r = read(out);
        QVERIFY2(r.findings.isEmpty(), qPrintable(out));
        QCOMPARE(r.spec.routes[0].backends.size(), 1);
        QCOMPARE(r.spec.routes[0].backends[0].version.value, QStringLiteral("v2"));
        QCOMPARE(r.spec.routes[1].name.value, QStringLiteral("billing"));
    }

    // The form's fields: present ones replaced, absent ones added (with their parent mapping
    // when that is absent too), cleared ones removed.
    void formFields()
    {
        QString text = QLatin1String(kSpec);
        SpecReading r = read(text);
        const auto set = [&](const FieldSlot &slot, const QString &input) {
            const auto edit = editField(text, slot, input);
            QVERIFY2(edit.has_value(), qPrintable(slot.field));
            text = edit->applyTo(text);
            r = read(text);
            QVERIFY2(r.findings.isEmpty(), qPrintable(text));
        };
        QCOMPARE(routeField(r.spec.routes[0], QStringLiteral("timeouts.read")).text, QStringLiteral("10s"));
        QCOMPARE(routeField(r.spec.routes[1], QStringLiteral("match.hosts")).text, QStringLiteral("shop.example.com, www.example.com"));
        set(routeField(r.spec.routes[0], QStringLiteral("match.pathPrefix")), QStringLiteral("/people"));
        QCOMPARE(r.spec.routes[0].pathPrefix.value, QStringLiteral("/people"));
        set(routeField(r.spec.routes[1], QStringLiteral("timeouts.read")), QStringLiteral("1m"));
        QCOMPARE(r.spec.routes[1].timeouts->readMs.value, 60000);
        set(routeField(r.spec.routes[1], QStringLiteral("timeouts.connect")), QStringLiteral("250ms"));
        QCOMPARE(r.spec.routes[1].timeouts->connectMs.value, 250);
        set(routeField(r.spec.routes[1], QStringLiteral("listeners")), QStringLiteral("http"));
        QCOMPARE(r.spec.routes[1].listeners.value, QStringList{QStringLiteral("http")});
        set(routeField(r.spec.routes[0], QStringLiteral("retries.attempts")), QStringLiteral("3")); // attempts is required
        QCOMPARE(r.spec.routes[0].retries->attempts.value, 3);
        set(routeField(r.spec.routes[0], QStringLiteral("retries.on")), QStringLiteral("error, http_503"));
        QCOMPARE(r.spec.routes[0].retries->on.value, QStringList({QStringLiteral("error"), QStringLiteral("http_503")}));
        set(backendField(r.spec.routes[0].backends[1], QStringLiteral("weight")), QStringLiteral("30"));
        QCOMPARE(r.spec.routes[0].backends[1].weight.value, 30);
        set(backendField(r.spec.routes[0].backends[0], QStringLiteral("version")), QString());
        QVERIFY(!r.spec.routes[0].backends[0].version.present);
        set(backendField(r.spec.routes[1].backends[0], QStringLiteral("version")), QStringLiteral("v1"));
        QCOMPARE(r.spec.routes[1].backends[0].version.value, QStringLiteral("v1"));
        // No change: an empty edit.
        const auto same = editField(text, backendField(r.spec.routes[1].backends[0], QStringLiteral("weight")), QStringLiteral("100"));
        QVERIFY(same && same->text.isEmpty() && same->length == 0);
        // A typed non-number stays visible to the validator instead of being dropped.
        const auto bad = editField(text, backendField(r.spec.routes[1].backends[0], QStringLiteral("weight")), QStringLiteral("ten"));
        QVERIFY(bad);
        QVERIFY(!read(bad->applyTo(text)).findings.isEmpty());
        // New route and new backend.
        text = appendRoute(text, r.spec, QStringLiteral("billing"))->applyTo(text);
        r = read(text);
        QCOMPARE(r.spec.routes.size(), 3);
        QCOMPARE(r.spec.routes[2].pathPrefix.value, QStringLiteral("/billing"));
        text = appendBackend(text, r.spec.routes[0])->applyTo(text);
        r = read(text);
        QCOMPARE(r.spec.routes[0].backends.size(), 3);
        QCOMPARE(r.spec.routes[0].backends[2].version.value, QStringLiteral("canary"));
        QCOMPARE(r.spec.routes[0].backends[2].weight.value, 0);
        QVERIFY(text.contains(QLatin1String("# users first: it is the busiest")));
    }

    void refusesWhatItCannotPlace()
    {
        const QString text = QStringLiteral("a: [{x: 1}, {x: 2}]\n");
        // Items of a flow list have no dash to remove.
        QVERIFY(!specedit::removeListItem(text, SourcePos{1, 5, QString()}));
        QVERIFY(!specedit::setField(text, SourcePos{9, 1, QString()}, true, QStringLiteral("a"), QStringLiteral("1")));
        QCOMPARE(specedit::offsetOf(text, 1, 1), 0);
        QCOMPARE(specedit::offsetOf(text, 3, 1), -1);
    }

    // A certificate replaced in place: block and flow mappings, comments kept, an unknown
    // name refused.
    void replaceCertificateFiles()
    {
        const QString block = QStringLiteral("apiVersion: mcp/v1\nkind: GatewayConfig\nmetadata: {name: edge}\nspec:\n  driver: nginx\n"
                                             "  listeners:\n    - {name: https, port: 8443, protocol: https, certificate: tls}\n"
                                             "  certificates:\n    - name: tls   # renewed every 60 days\n      certFile: certs/old.pem\n"
                                             "      keyFile: certs/old.key\n    - {name: other, certFile: o.pem, keyFile: o.key}\n"
                                             "  routes:\n    - name: r\n      match: {pathPrefix: /}\n      backends:\n        - {service: s}\n");
        const auto edited = specWithCertificate(block, QStringLiteral("tls"), QStringLiteral("/srv/new cert.pem"), QStringLiteral("/srv/new.key"));
        QVERIFY(edited.ok());
        QVERIFY(edited->contains(QLatin1String("# renewed every 60 days")));
        const SpecReading r = readSpecText(edited->toUtf8(), QStringLiteral("e.yaml"));
        QVERIFY(r.parsed);
        QCOMPARE(r.spec.certificates[0].certFile.value, QStringLiteral("/srv/new cert.pem"));
        QCOMPARE(r.spec.certificates[0].keyFile.value, QStringLiteral("/srv/new.key"));
        QCOMPARE(r.spec.certificates[1].certFile.value, QStringLiteral("o.pem"));
        const auto flow = specWithCertificate(block, QStringLiteral("other"), QStringLiteral("n.pem"), QStringLiteral("n.key"));
        QVERIFY(flow.ok());
        const SpecReading f = readSpecText(flow->toUtf8(), QStringLiteral("f.yaml"));
        QCOMPARE(f.spec.certificates[1].certFile.value, QStringLiteral("n.pem"));
        QCOMPARE(f.spec.certificates[1].keyFile.value, QStringLiteral("n.key"));
        const auto unknown = specWithCertificate(block, QStringLiteral("nope"), QStringLiteral("n.pem"), QStringLiteral("n.key"));
        QVERIFY(!unknown.ok());
        QCOMPARE(unknown.error().code, QStringLiteral("cert.unknown"));
    }
};

QTEST_GUILESS_MAIN(TestSpecEdits)
#include "tst_spec_edits.moc"
