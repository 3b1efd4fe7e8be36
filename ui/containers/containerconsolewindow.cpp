#include "containerconsolewindow.h"

#include "common/whenready.h"
#include "docker/attachsession.h"
#include "docker/dockerclient.h"
#include "hosts/hostconnection.h"

#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QVBoxLayout>

namespace mcp::ui {

namespace {
// Terminal output carries colour and cursor escapes this plain view cannot render.
QString stripAnsi(const QByteArray &data)
{
    static const QRegularExpression escapes(QStringLiteral("\\x1B\\[[0-9;?]*[ -/]*[@-~]|\\x1B\\][^\\x07]*\\x07|\\r"));
    return QString::fromUtf8(data).remove(escapes);
}
} // namespace

ContainerConsoleWindow::ContainerConsoleWindow(hosts::HostConnection *host, const QString &containerId,
                                               const QString &name, QWidget *parent)
    : QWidget(parent, Qt::Window), m_host(host), m_containerId(containerId)
{
    setObjectName(QStringLiteral("containerConsoleWindow"));
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(tr("Console: %1 on %2").arg(name, host->name()));
    resize(860, 500);
    auto *layout = new QVBoxLayout(this);
    m_output = new QPlainTextEdit(this);
    m_output->setReadOnly(true);
    m_output->setMaximumBlockCount(10000);
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    m_output->setFont(mono);
    m_output->setStyleSheet(QStringLiteral("QPlainTextEdit { background: #1e1e1e; color: #e0e0e0; }"));
    layout->addWidget(m_output);
    m_input = new QLineEdit(this);
    m_input->setObjectName(QStringLiteral("consoleInput"));
    m_input->setFont(mono);
    m_input->setPlaceholderText(tr("Type a line for the container's stdin and press Enter"));
    m_input->setEnabled(false);
    layout->addWidget(m_input);
    m_status = new QLabel(tr("Attaching…"), this);
    layout->addWidget(m_status);
    connect(m_input, &QLineEdit::returnPressed, this, [this] {
        sendLine(m_input->text());
        m_input->clear();
    });
    connect(host, &QObject::destroyed, this, [this] { detach(tr("the host was removed")); });
    whenReady(host->client()->inspectContainer(containerId), this, [this](Result<QJsonObject> inspect) {
        if (!inspect) {
            detach(inspect.error().text());
            return;
        }
        const QJsonObject config = inspect->value(QLatin1String("Config")).toObject();
        start(config.value(QLatin1String("Tty")).toBool(), config.value(QLatin1String("OpenStdin")).toBool());
    });
}

ContainerConsoleWindow::~ContainerConsoleWindow() = default;

QString ContainerConsoleWindow::output() const
{
    return m_output->toPlainText();
}

void ContainerConsoleWindow::start(bool tty, bool openStdin)
{
    if (!m_host)
        return;
    m_session = m_host->client()->attach(m_containerId, tty);
    connect(m_session.get(), &docker::AttachSession::attached, this, [this, openStdin] {
        m_attached = true;
        m_input->setEnabled(openStdin);
        m_status->setText(openStdin ? tr("Attached") : tr("Attached (output only: the container has no open stdin)"));
        if (openStdin)
            m_input->setFocus();
        Q_EMIT attachedChanged(true);
    });
    connect(m_session.get(), &docker::AttachSession::output, this,
            [this](docker::StdStream, const QByteArray &data) {
                m_output->moveCursor(QTextCursor::End);
                m_output->insertPlainText(stripAnsi(data));
                m_output->verticalScrollBar()->setValue(m_output->verticalScrollBar()->maximum());
                Q_EMIT outputArrived();
            });
    connect(m_session.get(), &docker::AttachSession::ended, this, [this](const Error &reason) {
        detach(reason.code.isEmpty() ? tr("the process ended") : reason.text());
    });
    m_session->start(true);
}

void ContainerConsoleWindow::sendLine(const QString &line)
{
    if (m_session && m_attached)
        m_session->write(line.toUtf8() + '\n');
}

void ContainerConsoleWindow::detach(const QString &why)
{
    // Often called from the session's own `ended` signal: it may not be deleted under its feet.
    if (m_session) {
        m_session->disconnect(this);
        m_session.release()->deleteLater();
    }
    m_input->setEnabled(false);
    m_status->setText(tr("Detached: %1").arg(why));
    if (m_attached) {
        m_attached = false;
        Q_EMIT attachedChanged(false);
    }
}

} // namespace mcp::ui
