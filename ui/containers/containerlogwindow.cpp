#include "containerlogwindow.h"

#include "common/whenready.h"
#include "docker/dockerclient.h"
#include "docker/logstream.h"
#include "hosts/hostconnection.h"

#include <QCheckBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTextCursor>
#include <QVBoxLayout>

namespace mcp::ui {

ContainerLogWindow::ContainerLogWindow(hosts::HostConnection *host, const QString &containerId, const QString &name,
                                       QWidget *parent)
    : QWidget(parent, Qt::Window), m_host(host), m_containerId(containerId)
{
    setObjectName(QStringLiteral("containerLogWindow"));
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(tr("Logs: %1 on %2").arg(name, host->name()));
    resize(900, 520);
    auto *layout = new QVBoxLayout(this);
    m_text = new QPlainTextEdit(this);
    m_text->setReadOnly(true);
    m_text->setMaximumBlockCount(10000);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    m_text->setFont(mono);
    layout->addWidget(m_text);
    auto *bar = new QHBoxLayout;
    m_status = new QLabel(tr("Connecting…"), this);
    bar->addWidget(m_status, 1);
    m_follow = new QCheckBox(tr("Follow"), this);
    m_follow->setChecked(true);
    bar->addWidget(m_follow);
    layout->addLayout(bar);

    connect(host, &QObject::destroyed, this, [this] { stopStream(tr("the host was removed")); });
    // The log is framed differently for TTY containers: ask the engine first.
    whenReady(host->client()->inspectContainer(containerId), this, [this](Result<QJsonObject> inspect) {
        if (!inspect) {
            stopStream(inspect.error().text());
            return;
        }
        start(inspect->value(QLatin1String("Config")).toObject().value(QLatin1String("Tty")).toBool());
    });
}

ContainerLogWindow::~ContainerLogWindow() = default;

QString ContainerLogWindow::text() const
{
    return m_text->toPlainText();
}

void ContainerLogWindow::start(bool tty)
{
    if (!m_host)
        return;
    docker::LogOptions options;
    options.follow = true;
    options.timestamps = true;
    options.tty = tty;
    options.tail = 500;
    m_stream = m_host->client()->logs(m_containerId, options);
    connect(m_stream.get(), &docker::LogStream::started, this, [this] { m_status->setText(tr("Following the log")); });
    connect(m_stream.get(), &docker::LogStream::line, this, &ContainerLogWindow::append);
    connect(m_stream.get(), &docker::LogStream::ended, this, [this](const Error &reason) {
        stopStream(reason.code.isEmpty() ? tr("the container stopped") : reason.text());
    });
    m_stream->start();
}

void ContainerLogWindow::append(docker::StdStream stream, qint64 ns, const QByteArray &line)
{
    const QString time = ns > 0 ? QDateTime::fromMSecsSinceEpoch(ns / 1000000).toString(QStringLiteral("HH:mm:ss.zzz"))
                                : QString();
    const QString text = QString::fromUtf8(line);
    const bool atBottom = m_text->verticalScrollBar()->value() == m_text->verticalScrollBar()->maximum();
    QTextCursor cursor(m_text->document());
    cursor.movePosition(QTextCursor::End);
    if (m_lines > 0)
        cursor.insertBlock();
    QTextCharFormat timeFormat;
    timeFormat.setForeground(QColor(0x88, 0x88, 0x88));
    QTextCharFormat textFormat;
    if (stream == docker::StdStream::Err)
        textFormat.setForeground(QColor(0xb2, 0x4a, 0x00)); // stderr
    cursor.insertText(time + QLatin1Char(' '), timeFormat);
    cursor.insertText(text, textFormat);
    ++m_lines;
    if (m_follow->isChecked() || atBottom)
        m_text->verticalScrollBar()->setValue(m_text->verticalScrollBar()->maximum());
    Q_EMIT linesArrived();
}

void ContainerLogWindow::stopStream(const QString &why)
{
    // Often called from the stream's own `ended` signal: it may not be deleted under its feet.
    if (m_stream) {
        m_stream->disconnect(this);
        m_stream.release()->deleteLater();
    }
    m_status->setText(tr("Log ended: %1").arg(why));
}

} // namespace mcp::ui
