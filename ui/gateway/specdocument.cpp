#include "specdocument.h"

#include "topology/topologymodel.h"

#include <QFile>
#include <QFileInfo>
#include <QPlainTextDocumentLayout>
#include <QSaveFile>
#include <QTextCursor>
#include <QTextDocument>

namespace mcp::ui {

SpecDocument::SpecDocument(QObject *parent) : QObject(parent), m_text(new QTextDocument(this))
{
    m_text->setDocumentLayout(new QPlainTextDocumentLayout(m_text));
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(200);
    connect(&m_debounce, &QTimer::timeout, this, &SpecDocument::reparseNow);
    connect(m_text, &QTextDocument::contentsChanged, this, [this] { m_debounce.start(); });
}

QString SpecDocument::displayName() const
{
    return m_path.isEmpty() ? tr("untitled.yaml") : QFileInfo(m_path).fileName();
}

bool SpecDocument::load(const QString &path, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = f.errorString();
        return false;
    }
    m_path = QFileInfo(path).absoluteFilePath();
    m_text->setPlainText(QString::fromUtf8(f.readAll()));
    m_text->clearUndoRedoStacks();
    m_text->setModified(false);
    Q_EMIT filePathChanged();
    reparseNow();
    return true;
}

bool SpecDocument::save(const QString &path, QString *error)
{
    // Written to a temporary file and renamed: a failed save leaves the old file whole.
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(m_text->toPlainText().toUtf8()) < 0 || !f.commit()) {
        *error = f.errorString();
        return false;
    }
    const bool renamed = QFileInfo(path).absoluteFilePath() != m_path;
    m_path = QFileInfo(path).absoluteFilePath();
    m_text->setModified(false);
    if (renamed) {
        Q_EMIT filePathChanged();
        reparseNow(); // certificate paths resolve against the new directory
    }
    return true;
}

void SpecDocument::setInitialText(const QString &yaml)
{
    m_path.clear();
    m_text->setPlainText(yaml);
    m_text->clearUndoRedoStacks();
    m_text->setModified(false);
    Q_EMIT filePathChanged();
    reparseNow();
}

void SpecDocument::setLiveSource(topology::TopologyModel *model, const QString &host)
{
    m_model = model;
    m_host = host;
    reparseNow();
}

bool SpecDocument::applyEdit(const std::optional<gateway::TextEdit> &edit)
{
    if (!edit)
        return false;
    QTextCursor cursor(m_text);
    cursor.beginEditBlock();
    cursor.setPosition(edit->offset);
    cursor.setPosition(edit->offset + edit->length, QTextCursor::KeepAnchor);
    cursor.insertText(edit->text);
    cursor.endEditBlock();
    reparseNow();
    return true;
}

void SpecDocument::setDecryptedKeys(QHash<QString, QByteArray> keys)
{
    m_decryptedKeys = std::move(keys);
    reparseNow();
}

void SpecDocument::addDecryptedKey(const QString &keyPath, const QByteArray &key)
{
    m_decryptedKeys.insert(keyPath, key);
    reparseNow();
}

SpecDocument::~SpecDocument()
{
    m_plan = {}; // drops the plan's references, so the wipe below does not copy the bytes
    for (QByteArray &key : m_decryptedKeys)
        key.fill('\0');
}

void SpecDocument::reparseNow()
{
    m_debounce.stop();
    const QString file = m_path.isEmpty() ? displayName() : m_path;
    if (m_model && !m_host.isEmpty()) {
        const topology::Graph graph = m_model->hostGraph(m_host);
        m_plan = gateway::planPush(m_text->toPlainText().toUtf8(), file, &graph, m_decryptedKeys);
    } else {
        m_plan = gateway::planPush(m_text->toPlainText().toUtf8(), file, nullptr, m_decryptedKeys);
    }
    Q_EMIT reparsed();
}

} // namespace mcp::ui
