#include "commands.h"

#include "session.h"

#include "certs/certificatecheck.h"
#include "certs/certificateinfo.h"
#include "certs/certificateinventory.h"
#include "docker/dockerclient.h"
#include "hosts/connectorfactory.h"

#include <QCoreApplication>

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

namespace mcp::cli {

namespace {

Error usage(const QString &detail)
{
    return Error::make(ErrorKind::Usage, QStringLiteral("usage"), detail);
}

QJsonObject infoJson(const certs::CertificateInfo &i)
{
    return QJsonObject{{QStringLiteral("subject"), i.subject},
                       {QStringLiteral("commonName"), i.commonName},
                       {QStringLiteral("subjectAltNames"), QJsonArray::fromStringList(i.subjectAltNames)},
                       {QStringLiteral("issuer"), i.issuer},
                       {QStringLiteral("serial"), i.serial},
                       {QStringLiteral("sha256"), i.sha256},
                       {QStringLiteral("keyType"), i.keyType},
                       {QStringLiteral("keyBits"), i.keyBits},
                       {QStringLiteral("signatureAlgorithm"), i.signatureAlgorithm},
                       {QStringLiteral("notBefore"), i.notBefore.toString(Qt::ISODate)},
                       {QStringLiteral("notAfter"), i.notAfter.toString(Qt::ISODate)},
                       {QStringLiteral("daysLeft"), i.daysLeft()},
                       {QStringLiteral("selfSigned"), i.selfSigned},
                       {QStringLiteral("ca"), i.isCa}};
}

QJsonArray findingsJson(const gateway::Findings &findings)
{
    QJsonArray rows;
    for (const auto &f : findings)
        rows.append(f.toJson());
    return rows;
}

// `mcpctl certs list --host URL [--gateway NAME]... [--ca FILE]`: every TLS listener of the
// gateways, the certificate the spec gives it and the one it serves (per route host, and
// without SNI); with --ca, the spec chains are verified to that bundle too.
int runCertsList(const GlobalOptions &options, const Output &out)
{
    QStringList gateways;
    QString caFile;
    for (int i = 1; i < options.arguments.size(); ++i) {
        const QString a = options.arguments.at(i);
        if (a == QLatin1String("--gateway") && i + 1 < options.arguments.size())
            gateways << options.arguments.at(++i);
        else if (a == QLatin1String("--ca") && i + 1 < options.arguments.size())
            caFile = options.arguments.at(++i);
        else
            return out.fail(usage(QStringLiteral("certs list: unknown argument '%1' (takes --gateway NAME, --ca FILE)").arg(a)));
    }
    auto endpoint = resolveEndpoint(options);
    if (!endpoint)
        return out.fail(endpoint.error());
    auto connector = hosts::makeConnector(*endpoint, connectOptions(options));
    docker::DockerClient client(connector.get());
    certs::CertificateInventory inventory(&client, gateways);
    inventory.setCaFile(caFile);
    QObject::connect(&inventory, &certs::CertificateInventory::finished, &inventory, [] { QCoreApplication::exit(0); });
    inventory.start();
    QCoreApplication::exec();
    if (inventory.error())
        return out.fail(*inventory.error());
    if (out.isJson()) {
        QJsonArray rows;
        for (const certs::ServedEntry &e : inventory.entries()) {
            QJsonObject row{{QStringLiteral("gateway"), e.gateway},
                            {QStringLiteral("listener"), e.listener},
                            {QStringLiteral("port"), e.port},
                            {QStringLiteral("certificate"), e.certificateName},
                            {QStringLiteral("serverName"), e.serverName},
                            {QStringLiteral("matches"), e.matches()}};
            row.insert(QStringLiteral("spec"), e.spec && !e.spec->isEmpty() ? QJsonValue(infoJson(e.spec->first())) : QJsonValue());
            row.insert(QStringLiteral("served"), e.served && !e.served->isEmpty() ? QJsonValue(infoJson(e.served->first())) : QJsonValue());
            if (!e.specError.isEmpty())
                row.insert(QStringLiteral("specError"), e.specError);
            if (!e.servedError.isEmpty())
                row.insert(QStringLiteral("servedError"), e.servedError);
            rows.append(row);
        }
        out.jsonPretty(QJsonObject{{QStringLiteral("certificates"), rows}, {QStringLiteral("findings"), findingsJson(inventory.findings())}});
    } else {
        out.line(QStringLiteral("%1 %2 %3 %4 %5 %6 %7")
                     .arg(QStringLiteral("GATEWAY"), -16)
                     .arg(QStringLiteral("LISTENER"), -12)
                     .arg(QStringLiteral("SNI"), -22)
                     .arg(QStringLiteral("SERVED"), -30)
                     .arg(QStringLiteral("EXPIRES"), -20)
                     .arg(QStringLiteral("DAYS"), 5)
                     .arg(QStringLiteral("SPEC")));
        for (const certs::ServedEntry &e : inventory.entries()) {
            const certs::CertificateInfo *served = e.served && !e.served->isEmpty() ? &e.served->first() : nullptr;
            out.line(QStringLiteral("%1 %2 %3 %4 %5 %6 %7")
                         .arg(e.gateway, -16)
                         .arg(QStringLiteral("%1:%2").arg(e.listener).arg(e.port), -12)
                         .arg(e.serverName.isEmpty() ? QStringLiteral("(none)") : e.serverName, -22)
                         .arg(served ? (served->commonName.isEmpty() ? served->subject : served->commonName) : e.servedError, -30)
                         .arg(served ? served->notAfter.toString(Qt::ISODate) : QString(), -20)
                         .arg(served ? QString::number(served->daysLeft()) : QString(), 5)
                         .arg(e.matches() ? QStringLiteral("same") : e.spec ? QStringLiteral("DIFFERENT") : e.specError));
        }
        for (const auto &f : inventory.findings())
            out.line(f.toString());
        if (inventory.entries().isEmpty())
            out.line(QStringLiteral("no TLS listener on the gateways with a pushed spec"));
    }
    return gateway::hasErrors(inventory.findings()) ? ExitProblem : ExitOk;
}

} // namespace

// `mcpctl certs check FILE... [--key FILE]... [--hosts a,b] [--ca FILE] [--expiring-days N]`:
// every certificate check on PEM files (keys pair with files in order), the chain verified
// to the CA bundle or the system's store. Exit 0 clean or warnings, 1 errors, 2 a file
// cannot be read or a usage error.
int runCerts(const GlobalOptions &options, const Output &out)
{
    const QStringList args = options.arguments;
    if (!args.isEmpty() && args.first() == QLatin1String("list"))
        return runCertsList(options, out);
    if (args.isEmpty() || args.first() != QLatin1String("check"))
        return out.fail(usage(QStringLiteral("usage: mcpctl certs check FILE... [--key FILE] [--hosts a,b] [--ca FILE] [--expiring-days N]\n"
                                             "       mcpctl certs list [--gateway NAME]")));
    QStringList files, keys;
    certs::CheckOptions check;
    check.verifyTrust = true;
    for (int i = 1; i < args.size(); ++i) {
        const QString a = args.at(i);
        const bool hasNext = i + 1 < args.size();
        if (a == QLatin1String("--key") && hasNext) {
            keys << args.at(++i);
        } else if (a == QLatin1String("--hosts") && hasNext) {
            check.hosts = args.at(++i).split(QLatin1Char(','), Qt::SkipEmptyParts);
        } else if (a == QLatin1String("--ca") && hasNext) {
            check.caFile = args.at(++i);
        } else if (a == QLatin1String("--expiring-days") && hasNext) {
            bool ok = false;
            check.expiringDays = args.at(++i).toInt(&ok);
            if (!ok || check.expiringDays < 0)
                return out.fail(usage(QStringLiteral("--expiring-days takes a number of days")));
        } else if (a.startsWith(QLatin1String("--"))) {
            return out.fail(usage(QStringLiteral("certs check: unknown option '%1'").arg(a)));
        } else {
            files << a;
        }
    }
    if (files.isEmpty())
        return out.fail(usage(QStringLiteral("usage: mcpctl certs check FILE... [--key FILE] [--hosts a,b] [--ca FILE]")));
    if (keys.size() > files.size())
        return out.fail(usage(QStringLiteral("more --key options than certificate files")));

    gateway::Findings findings;
    QJsonArray certificates;
    QStringList summaries;
    for (int i = 0; i < files.size(); ++i) {
        QFile cert(files[i]);
        if (!cert.open(QIODevice::ReadOnly))
            return out.fail(Error::make(ErrorKind::Config, QStringLiteral("cert.file-unreadable"),
                                        QStringLiteral("cannot read %1: %2").arg(files[i], cert.errorString())));
        certs::CheckSubject subject;
        subject.findingFile = files[i];
        subject.certPath = files[i];
        subject.certPem = cert.readAll();
        if (i < keys.size()) {
            QFile key(keys[i]);
            if (!key.open(QIODevice::ReadOnly))
                return out.fail(Error::make(ErrorKind::Config, QStringLiteral("cert.file-unreadable"),
                                            QStringLiteral("cannot read %1: %2").arg(keys[i], key.errorString())));
            subject.keyPath = keys[i];
            subject.keyPem = key.readAll();
        }
        const auto chain = certs::readCertificates(subject.certPem);
        findings << certs::checkCertificatePem(subject, check);
        if (!chain)
            continue;
        QJsonArray chainJson;
        for (const auto &c : *chain)
            chainJson.append(infoJson(c));
        QJsonObject entry = infoJson(chain->first());
        entry.insert(QStringLiteral("file"), files[i]);
        entry.insert(QStringLiteral("chain"), chainJson);
        certificates.append(entry);
        const certs::CertificateInfo &leaf = chain->first();
        summaries << QStringLiteral("%1: %2, %3 %4, %5, expires %6 (%7 days), serial %8")
                         .arg(files[i], leaf.subjectAltNames.isEmpty() ? leaf.subject : leaf.subjectAltNames.join(QLatin1Char(',')), leaf.keyType)
                         .arg(leaf.keyBits)
                         .arg(leaf.signatureAlgorithm, leaf.notAfter.toString(Qt::ISODate))
                         .arg(leaf.daysLeft())
                         .arg(leaf.serial);
    }
    if (out.isJson()) {
        out.jsonPretty(QJsonObject{{QStringLiteral("findings"), findingsJson(findings)}, {QStringLiteral("certificates"), certificates}});
    } else {
        for (const QString &s : summaries)
            out.line(s);
        for (const auto &f : findings) {
            out.line(f.toString());
            if (!f.hint.isEmpty())
                out.line(QStringLiteral("    hint: %1").arg(f.hint));
        }
    }
    return gateway::hasErrors(findings) ? ExitProblem : ExitOk;
}

} // namespace mcp::cli
