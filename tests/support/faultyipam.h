#pragma once

// A Docker IPAM plugin (the engine's own extension point for address management) that hands
// every container the same address: how a real engine ends up with two running containers
// sharing one IP on one network, which its built-in IPAM refuses to do on request. It is a
// legacy (v1) plugin: the engine finds it by its socket in /run/docker/plugins and speaks
// JSON over HTTP/1.1 to it; `docker network create --ipam-driver <name>` selects it.
//
// The engine calls the plugin synchronously while it serves a request (network create,
// container start, removal), so the test must keep its event loop running meanwhile (run
// the docker CLI with QTest::qWaitFor, not QProcess::waitForFinished).
#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalServer>
#include <QLocalSocket>
#include <QObject>

namespace mcp::test {

class FaultyIpamPlugin final : public QObject
{
public:
    // name: the --ipam-driver name; subnet "10.231.77.0/24", gateway "10.231.77.1", the one
    // address every container gets "10.231.77.7" (prefix lengths added here).
    FaultyIpamPlugin(QString name, QString subnet, QString gateway, QString address)
        : m_name(std::move(name)), m_subnet(std::move(subnet)), m_gateway(std::move(gateway)),
          m_address(std::move(address))
    {
        QObject::connect(&m_server, &QLocalServer::newConnection, this, [this] {
            while (QLocalSocket *s = m_server.nextPendingConnection()) {
                QObject::connect(s, &QLocalSocket::readyRead, this, [this, s] { serve(s); });
                QObject::connect(s, &QLocalSocket::disconnected, this, [this, s] {
                    m_buffers.remove(s);
                    s->deleteLater();
                });
            }
        });
    }
    ~FaultyIpamPlugin() override
    {
        // The server deletes its sockets; they must not call back into a half-destroyed us.
        for (QLocalSocket *s : m_server.findChildren<QLocalSocket *>())
            s->disconnect(this);
        m_server.close();
        QFile::remove(socketPath());
    }

    QString socketPath() const { return QStringLiteral("/run/docker/plugins/%1.sock").arg(m_name); }
    bool listen()
    {
        QDir().mkpath(QStringLiteral("/run/docker/plugins"));
        QLocalServer::removeServer(socketPath()); // a stale socket of an interrupted run
        return m_server.listen(socketPath());
    }
    // How many container addresses the engine asked for (the gateway's not counted).
    int addressesHandedOut() const { return m_handedOut; }

private:
    void serve(QLocalSocket *s)
    {
        QByteArray &buffer = m_buffers[s];
        buffer += s->readAll();
        for (;;) { // keep-alive: several requests may arrive on one connection
            const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
            if (headerEnd < 0)
                return;
            const QByteArray head = buffer.left(headerEnd);
            qsizetype length = 0;
            for (const QByteArray &line : head.split('\n')) {
                if (line.toLower().startsWith("content-length:"))
                    length = line.mid(15).trimmed().toLongLong();
            }
            if (buffer.size() < headerEnd + 4 + length)
                return;
            const QByteArray path = head.left(head.indexOf('\n')).split(' ').value(1);
            const QJsonObject request = QJsonDocument::fromJson(buffer.mid(headerEnd + 4, length)).object();
            buffer.remove(0, headerEnd + 4 + length);
            const QByteArray body = QJsonDocument(answer(path, request)).toJson(QJsonDocument::Compact);
            s->write("HTTP/1.1 200 OK\r\nContent-Type: "
                     "application/vnd.docker.plugins.v1+json\r\nContent-Length: " +
                     QByteArray::number(body.size()) + "\r\n\r\n" + body);
        }
    }

    QJsonObject answer(const QByteArray &path, const QJsonObject &request)
    {
        const QString prefix = m_subnet.section(QLatin1Char('/'), 1);
        if (path == "/Plugin.Activate")
            return {{QStringLiteral("Implements"), QJsonArray{QStringLiteral("IpamDriver")}}};
        if (path == "/IpamDriver.GetCapabilities")
            return {{QStringLiteral("RequiresMACAddress"), false}};
        if (path == "/IpamDriver.GetDefaultAddressSpaces")
            return {
                {QStringLiteral("LocalDefaultAddressSpace"), QString(m_name + QStringLiteral("-local"))},
                {QStringLiteral("GlobalDefaultAddressSpace"), QString(m_name + QStringLiteral("-global"))}};
        if (path == "/IpamDriver.RequestPool")
            return {{QStringLiteral("PoolID"), m_name},
                    {QStringLiteral("Pool"), m_subnet},
                    {QStringLiteral("Data"), QJsonObject{}}};
        if (path == "/IpamDriver.RequestAddress") {
            const bool gateway = request.value(QLatin1String("Options"))
                                     .toObject()
                                     .value(QLatin1String("RequestAddressType"))
                                     .toString() == QLatin1String("com.docker.network.gateway");
            if (!gateway)
                ++m_handedOut;
            return {{QStringLiteral("Address"),
                     QString((gateway ? m_gateway : m_address) + QLatin1Char('/') + prefix)},
                    {QStringLiteral("Data"), QJsonObject{}}};
        }
        return {}; // ReleaseAddress, ReleasePool: nothing to keep
    }

    QString m_name, m_subnet, m_gateway, m_address;
    QLocalServer m_server;
    QHash<QLocalSocket *, QByteArray> m_buffers;
    int m_handedOut = 0;
};

} // namespace mcp::test
