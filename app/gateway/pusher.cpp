#include "pusher.h"

#include "certs/certificateinfo.h"
#include "certs/servedcertificate.h"

#include "common/tarwriter.h"
#include "common/whenready.h"
#include "docker/dockerclient.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTimer>

#include <memory>

namespace mcp::gateway {

namespace {

Error pushError(const QString &code, const Message &detail)
{
    return Error::make(ErrorKind::Api, code, detail);
}

Error pushError(const QString &code, const QString &gatewaysOwnWords)
{
    return Error::make(ErrorKind::Api, code, gatewaysOwnWords);
}

// The one file inside a GET archive of a single file.
QByteArray singleFile(const QByteArray &archive)
{
    const auto files = readTar(archive);
    return files.isEmpty() ? QByteArray() : files.first().second;
}

} // namespace

QString stateDirFor(const QString &driver)
{
    return driver == QLatin1String("haproxy") ? QStringLiteral("/etc/haproxy/mcp") : QStringLiteral("/etc/nginx/mcp");
}

QString lineDiff(const QString &before, const QString &after, const QString &name)
{
    const QStringList a = before.split(QLatin1Char('\n')), b = after.split(QLatin1Char('\n'));
    qsizetype head = 0;
    while (head < a.size() && head < b.size() && a[head] == b[head])
        ++head;
    qsizetype tail = 0;
    while (tail < a.size() - head && tail < b.size() - head && a[a.size() - 1 - tail] == b[b.size() - 1 - tail])
        ++tail;
    if (head == a.size() && head == b.size())
        return {};
    QString out = QStringLiteral("--- %1 (running)\n+++ %1 (new)\n@@ line %2 @@\n").arg(name).arg(head + 1);
    for (qsizetype i = head; i < a.size() - tail; ++i)
        out += QLatin1Char('-') + a[i] + QLatin1Char('\n');
    for (qsizetype i = head; i < b.size() - tail; ++i)
        out += QLatin1Char('+') + b[i] + QLatin1Char('\n');
    return out;
}

Result<RenderedConfig> previousConfig(const QString &driver, const QByteArray &previousTarArchive)
{
    const QByteArray inner = singleFile(previousTarArchive);
    if (inner.isEmpty())
        return pushError(QStringLiteral("push.no-previous"), Message(QT_TRANSLATE_NOOP("mcp::Errors", "the gateway keeps no previous config to roll back to")));
    RenderedConfig config;
    config.driver = driver;
    config.stateDir = stateDirFor(driver);
    config.mainFile = driver == QLatin1String("haproxy") ? QStringLiteral("/etc/haproxy/haproxy.cfg") : QStringLiteral("/etc/nginx/nginx.conf");
    for (const auto &[path, content] : readTar(inner)) {
        const QString abs = QLatin1Char('/') + path;
        config.files.insert(abs, content);
        if (abs.endsWith(QLatin1String(".key")) || abs.contains(QLatin1String("/certs/")))
            config.secretFiles << abs;
    }
    config.version = QString::fromUtf8(config.files.value(config.stateDir + QStringLiteral("/version"))).trimmed();
    return config;
}

QStringList certificateOnlyChange(const RenderedConfig &config, const QMap<QString, QByteArray> &running, const QString &runningVersion)
{
    if (config.driver != QLatin1String("haproxy") || runningVersion.isEmpty() || config.version.isEmpty())
        return {};
    QSet<QString> served; // the files a listener loads: the only ones HAProxy knows by name
    for (const auto &[port, file] : config.tlsListeners)
        served.insert(file);
    QStringList changed;
    for (auto it = config.files.constBegin(); it != config.files.constEnd(); ++it) {
        const QString &path = it.key();
        if (path == config.stateDir + QStringLiteral("/spec.yaml") || path == config.stateDir + QStringLiteral("/version"))
            continue; // the spec's text and its hash change with any edit
        const auto now = running.constFind(path);
        if (now == running.constEnd())
            return {}; // a new file: the running process does not know it
        if (path == config.mainFile) {
            QByteArray same = *now;
            same.replace(runningVersion.toUtf8(), config.version.toUtf8()); // the config carries its version
            if (same != it.value())
                return {};
            continue;
        }
        if (*now == it.value())
            continue;
        if (!served.contains(path))
            return {};
        changed << path;
    }
    return changed;
}

GatewayPush::GatewayPush(docker::DockerClient *client, QString gatewayName, RenderedConfig config, QString expectVersion,
                         bool dryRun, QObject *parent)
    : QObject(parent), m_client(client), m_gateway(std::move(gatewayName)), m_config(std::move(config)),
      m_expect(std::move(expectVersion)), m_dryRun(dryRun)
{
    m_outcome.newVersion = m_config.version;
}

QStringList GatewayPush::checkCommand() const
{
    if (m_config.driver == QLatin1String("haproxy"))
        return {QStringLiteral("haproxy"), QStringLiteral("-c"), QStringLiteral("-f"), QStringLiteral("/etc/haproxy/haproxy.cfg")};
    return {QStringLiteral("nginx"), QStringLiteral("-t")};
}

QStringList GatewayPush::reloadCommand() const
{
    // HAProxy runs in master-worker mode (-W) as PID 1: USR2 reloads it gracefully.
    if (m_config.driver == QLatin1String("haproxy"))
        return {QStringLiteral("kill"), QStringLiteral("-USR2"), QStringLiteral("1")};
    return {QStringLiteral("nginx"), QStringLiteral("-s"), QStringLiteral("reload")};
}

void GatewayPush::start()
{
    Q_EMIT stepStarted(Step::Discover, QString());
    const QJsonObject filters{{QStringLiteral("label"), QJsonArray{QString(QStringLiteral("mcp.gateway=") + m_gateway)}},
                              {QStringLiteral("status"), QJsonArray{QStringLiteral("running")}}};
    whenReady(m_client->listContainers(false, filters), this, [this](Result<QJsonArray> list) {
        if (!list)
            return fail(Step::Discover, list.error());
        QList<std::pair<QString, QString>> replicas;
        for (const auto &v : *list) {
            const QJsonObject c = v.toObject();
            replicas.append({c.value(QLatin1String("Names")).toArray().first().toString().mid(1), c.value(QLatin1String("Id")).toString()});
        }
        std::sort(replicas.begin(), replicas.end());
        for (const auto &[name, id] : replicas) {
            m_names << name;
            m_ids << id;
        }
        if (m_ids.isEmpty())
            return fail(Step::Discover, pushError(QStringLiteral("push.no-gateway"),
                                                  Message(QT_TRANSLATE_NOOP("mcp::Errors", "no running container carries mcp.gateway=%1"), {m_gateway})));
        nextReplica();
    });
}

void GatewayPush::nextReplica()
{
    if (m_index >= 0)
        m_methods << (m_runtimeCerts.isEmpty() ? QStringLiteral("reload") : QStringLiteral("runtime"));
    ++m_index;
    if (m_index >= m_ids.size())
        return succeed();
    fetch(m_ids[m_index]);
}

void GatewayPush::fetch(const QString &id)
{
    Q_EMIT stepStarted(Step::Fetch, m_names[m_index]);
    // Every file the push will overwrite, as it is now (absent ones are simply new).
    auto backup = std::make_shared<TarWriter>();
    auto pending = std::make_shared<QStringList>(m_config.files.keys());
    auto current = std::make_shared<QMap<QString, QByteArray>>();
    auto step = std::make_shared<std::function<void()>>();
    *step = [this, id, backup, pending, current, step] {
        if (pending->isEmpty()) {
            m_backupTar = backup->finish();
            const QString running = QString::fromUtf8(current->value(m_config.stateDir + QStringLiteral("/version"))).trimmed();
            if (m_index == 0) {
                m_outcome.previousVersion = running;
                const QString mainRendered = m_config.driver == QLatin1String("haproxy") ? QStringLiteral("/etc/haproxy/haproxy.cfg")
                                                                                         : QStringLiteral("/etc/nginx/conf.d/mcp-gateway.conf");
                m_outcome.diff = lineDiff(QString::fromUtf8(current->value(mainRendered)),
                                          QString::fromUtf8(m_config.files.value(mainRendered)), mainRendered);
            }
            Q_EMIT stepStarted(Step::Conflict, m_names[m_index]);
            const QString base = m_expect.isEmpty() ? m_outcome.previousVersion : m_expect;
            if (running != base)
                return fail(Step::Conflict,
                            pushError(QStringLiteral("push.conflict"),
                                      Message(QT_TRANSLATE_NOOP("mcp::Errors", "%1 runs config version %2, but this push is based on %3: someone else pushed; "
                                                     "review the new diff and push again"), {m_names[m_index], running.isEmpty() ? QStringLiteral("(none)") : running, base.isEmpty() ? QStringLiteral("(none)") : base})));
            m_runtimeCerts = certificateOnlyChange(m_config, *current, running);
            if (m_dryRun)
                return succeed();
            return backupAndWrite(id);
        }
        const QString path = pending->takeFirst();
        whenReady(m_client->getArchive(id, path), this, [this, path, backup, current, step](Result<QByteArray> r) {
            if (r) {
                const QByteArray content = singleFile(*r);
                current->insert(path, content);
                backup->addFile(path.mid(1), content, m_config.secretFiles.contains(path) ? 0600 : 0644);
            }
            (*step)();
        });
    };
    (*step)();
}

void GatewayPush::backupAndWrite(const QString &id)
{
    Q_EMIT stepStarted(Step::Backup, m_names[m_index]);
    RenderedConfig withBackup = m_config;
    const QString previous = m_config.stateDir + QStringLiteral("/previous.tar");
    withBackup.files.insert(previous, m_backupTar);
    withBackup.secretFiles << previous;
    Q_EMIT stepStarted(Step::Write, m_names[m_index]);
    whenReady(m_client->putArchive(id, QStringLiteral("/"), renderedTar(withBackup)), this, [this, id](Status put) {
        if (!put)
            return restore(id, Step::Write, put.error());
        check(id);
    });
}

void GatewayPush::check(const QString &id)
{
    Q_EMIT stepStarted(Step::Check, m_names[m_index]);
    whenReady(m_client->exec(id, checkCommand()), this, [this, id](Result<docker::ExecResult> r) {
        if (!r)
            return restore(id, Step::Check, r.error());
        if (r->exitCode != 0)
            return restore(id, Step::Check,
                           pushError(QStringLiteral("push.check-failed"),
                                     Message(QT_TRANSLATE_NOOP("mcp::Errors", "%1 rejected the new config: %2"), {m_names[m_index], QString::fromUtf8(r->out + r->err).trimmed().right(600)})));
        if (m_runtimeCerts.isEmpty())
            reload(id, false);
        else
            applyCertificates(id, false);
    });
}

void GatewayPush::reload(const QString &id, bool restoring)
{
    if (!restoring)
        Q_EMIT stepStarted(Step::Reload, m_names[m_index]);
    whenReady(m_client->exec(id, reloadCommand()), this, [this, id, restoring](Result<docker::ExecResult> r) {
        if (restoring)
            return fail(m_failedStep, m_failure); // best effort; the failure being reported is the original one
        if (!r || r->exitCode != 0)
            return restore(id, Step::Reload,
                           r ? pushError(QStringLiteral("push.reload-failed"), QString::fromUtf8(r->out + r->err).trimmed())
                             : r.error());
        verify(id, 0);
    });
}

// The certificate files just written (and checked), into the running HAProxy: one
// transaction per file, fed by the container's own copy of the file (the PEM holds the key;
// it never appears on a command line or in the exec's record). A file the runtime refuses
// (HAProxy checks the key against the certificate, as `haproxy -c` did) aborts its
// transaction. While restoring, the same with the old files back on disk.
void GatewayPush::applyCertificates(const QString &id, bool restoring)
{
    if (!restoring)
        Q_EMIT stepStarted(Step::Runtime, m_names[m_index]);
    QStringList quoted;
    for (const QString &p : std::as_const(m_runtimeCerts))
        quoted << QLatin1Char('\'') + p + QLatin1Char('\''); // renderer-made paths: no quote in them
    const QString script =
        QStringLiteral("for p in %1; do "
                       "out=$( { printf 'set ssl cert %s <<\\n' \"$p\"; cat \"$p\"; printf '\\n'; } | nc -w 2 127.0.0.1 9999 ); "
                       "case \"$out\" in *'Transaction '*) ;; *) echo \"set ssl cert $p: $out\"; "
                       "echo \"abort ssl cert $p\" | nc -w 2 127.0.0.1 9999 >/dev/null; exit 1;; esac; "
                       "out=$(echo \"commit ssl cert $p\" | nc -w 2 127.0.0.1 9999); "
                       "case \"$out\" in *'Success!'*) echo \"committed $p\";; *) echo \"commit ssl cert $p: $out\"; "
                       "echo \"abort ssl cert $p\" | nc -w 2 127.0.0.1 9999 >/dev/null; exit 1;; esac; "
                       "done")
            .arg(quoted.join(QLatin1Char(' ')));
    whenReady(m_client->exec(id, {QStringLiteral("sh"), QStringLiteral("-c"), script}), this, [this, id, restoring](Result<docker::ExecResult> r) {
        const bool ok = r && r->exitCode == 0 && r->out.count("committed ") == m_runtimeCerts.size();
        if (restoring)
            return ok ? fail(m_failedStep, m_failure) : reload(id, true); // the old files by a reload, then
        if (!ok)
            return restore(id, Step::Runtime,
                           r ? pushError(QStringLiteral("push.runtime-failed"),
                                         Message(QT_TRANSLATE_NOOP("mcp::Errors", "%1 refused the certificate through the runtime API: %2"), {m_names[m_index], QString::fromUtf8(r->out + r->err).simplified().right(600)}))
                             : r.error());
        // Nothing was reloaded: /.mcp/version still names the version the process started
        // with; what changed is the certificate, and that is what is asked.
        Q_EMIT stepStarted(Step::Verify, m_names[m_index]);
        verifyCertificates(id, 0, 0);
    });
}

void GatewayPush::verify(const QString &id, int attempt)
{
    if (attempt == 0)
        Q_EMIT stepStarted(Step::Verify, m_names[m_index]);
    // Ask the gateway itself, on its first plain-HTTP listener, which version it serves.
    int port = 0;
    const QString conf = QString::fromUtf8(m_config.files.value(
        m_config.driver == QLatin1String("haproxy") ? QStringLiteral("/etc/haproxy/haproxy.cfg") : QStringLiteral("/etc/nginx/conf.d/mcp-gateway.conf")));
    static const QRegularExpression nginxListen(QStringLiteral("listen (\\d+)( default_server)?;"));
    static const QRegularExpression haproxyBind(QStringLiteral("frontend fe_\\w+\\n    bind :(\\d+)\\n"));
    const auto m = (m_config.driver == QLatin1String("haproxy") ? haproxyBind : nginxListen).match(conf);
    if (m.hasMatch())
        port = m.captured(1).toInt();
    if (port == 0) // https only: nothing to ask over HTTP; the served certificates still are
        return verifyCertificates(id, 0, 0);
    const QString script = QStringLiteral("printf 'GET /.mcp/version HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' | nc -w 2 127.0.0.1 %1").arg(port);
    whenReady(m_client->exec(id, {QStringLiteral("sh"), QStringLiteral("-c"), script}), this,
              [this, id, attempt](Result<docker::ExecResult> r) {
                  if (r && r->out.contains(m_config.version.toUtf8()))
                      return verifyCertificates(id, 0, 0);
                  if (!r) // the engine could not run the question at all (the container stopped)
                      return restore(id, Step::Verify, r.error());
                  // No sh or nc in the gateway image: nothing to ask from inside; the check
                  // passed and the reload succeeded, which is as far as we can see.
                  if (r && (r->exitCode == 126 || r->exitCode == 127))
                      return nextReplica();
                  if (attempt < 20) {
                      QTimer::singleShot(250, this, [this, id, attempt] { verify(id, attempt + 1); });
                      return;
                  }
                  restore(id, Step::Verify,
                          pushError(QStringLiteral("push.verify-failed"),
                                    Message(QT_TRANSLATE_NOOP("mcp::Errors", "%1 does not serve version %2 after the reload"), {m_names[m_index], m_config.version})));
              });
}

// Each TLS listener serves the certificate just written (nginx's new workers and HAProxy's
// new process take a moment): a TLS hello from inside the container, the leaf compared by
// fingerprint; otherwise the old files go back.
void GatewayPush::verifyCertificates(const QString &id, int listener, int attempt)
{
    if (listener >= m_config.tlsListeners.size())
        return nextReplica();
    const auto [port, file] = m_config.tlsListeners.at(listener);
    const auto expected = certs::readCertificates(m_config.files.value(file));
    if (!expected || expected->isEmpty())
        return verifyCertificates(id, listener + 1, 0); // the offline checks judged the file
    const QString fingerprint = expected->first().sha256;
    const QString serial = expected->first().serial;
    certs::fetchServedCertificate(m_client, id, port, QString(), this,
                                  [this, id, listener, attempt, fingerprint, serial, port](Result<QList<certs::CertificateInfo>> served) {
                                      if (served && !served->isEmpty() && served->first().sha256 == fingerprint)
                                          return verifyCertificates(id, listener + 1, 0);
                                      if (attempt < 20) {
                                          QTimer::singleShot(250, this, [this, id, listener, attempt] { verifyCertificates(id, listener, attempt + 1); });
                                          return;
                                      }
                                      restore(id, Step::Verify,
                                              pushError(QStringLiteral("push.verify-certificate"),
                                                        Message(QT_TRANSLATE_NOOP("mcp::Errors", "%1 port %2 serves %3, not the pushed certificate (serial %4)"), {m_names[m_index], port, served ? (served->isEmpty() ? QStringLiteral("no certificate")
                                                                                             : QStringLiteral("serial %1").arg(served->first().serial))
                                                                        : served.error().detail, serial})));
                                  });
}

void GatewayPush::restore(const QString &id, Step failedStep, const Error &error)
{
    Q_EMIT stepStarted(Step::Restore, m_names[m_index]);
    // Whether the new files were already serving (reloaded, or committed at run time).
    const bool served = failedStep == Step::Verify || failedStep == Step::Reload || failedStep == Step::Runtime;
    whenReady(m_client->putArchive(id, QStringLiteral("/"), m_backupTar), this, [this, id, failedStep, error, served](Status put) {
        m_outcome.rolledBack = put.ok();
        if (!put || !served)
            return fail(failedStep, error);
        // The old files serve again before the failure is reported.
        m_failedStep = failedStep;
        m_failure = error;
        if (m_runtimeCerts.isEmpty())
            reload(id, true);
        else
            applyCertificates(id, true);
    });
}

QString GatewayPush::method(bool withCurrent) const
{
    QStringList methods = m_methods;
    if (withCurrent && m_index >= 0 && m_index < m_ids.size())
        methods << (m_runtimeCerts.isEmpty() ? QStringLiteral("reload") : QStringLiteral("runtime"));
    if (methods.isEmpty())
        return {};
    return methods.contains(QLatin1String("reload")) ? QStringLiteral("reload") : QStringLiteral("runtime");
}

void GatewayPush::fail(Step step, const Error &error)
{
    m_outcome.ok = false;
    m_outcome.failedStep = step;
    m_outcome.error = error;
    if (step >= Step::Write) // files were written: say how they were to take effect
        m_outcome.method = method(true);
    m_outcome.replicas = m_names.mid(0, std::max(0, m_index + 1));
    Q_EMIT finished(m_outcome);
}

void GatewayPush::succeed()
{
    m_outcome.ok = true;
    m_outcome.replicas = m_names;
    m_outcome.method = method(m_dryRun);
    Q_EMIT stepStarted(Step::Done, QString());
    Q_EMIT finished(m_outcome);
}

} // namespace mcp::gateway
