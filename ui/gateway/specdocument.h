#pragma once

#include "gateway/pushplan.h"
#include "gateway/specedit.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <optional>

class QTextDocument;

namespace mcp::topology {
class TopologyModel;
}

namespace mcp::ui {

// The spec being edited: its YAML text is the one truth (a QTextDocument shared by the YAML
// editor, whose undo stack therefore holds every change, typed or made through the form),
// and the reading of it, refreshed 200 ms after typing stops and at once after a form edit.
// Each reading runs the same checks as a push (planPush): offline always, live against
// the chosen host's topology when one is chosen.
class SpecDocument final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SpecDocument)
public:
    explicit SpecDocument(QObject *parent = nullptr);

    QTextDocument *text() const { return m_text; }
    QString filePath() const { return m_path; }           // empty: not saved yet
    QString displayName() const;                          // file name or "untitled.yaml"
    bool load(const QString &path, QString *error);
    bool save(const QString &path, QString *error);
    void setInitialText(const QString &yaml);             // a new, unsaved spec

    // Live checks against this host (model not owned; nullptr or empty host: offline only).
    void setLiveSource(topology::TopologyModel *model, const QString &host);
    // Keys the operator opened with their passphrase (by key file path), used by the checks
    // and the push instead of the encrypted files; in memory only, wiped with the document.
    void setDecryptedKeys(QHash<QString, QByteArray> keys);
    void addDecryptedKey(const QString &keyPath, const QByteArray &key);
    ~SpecDocument() override;
    QString liveHost() const { return m_host; }

    const gateway::PushPlan &plan() const { return m_plan; }
    const gateway::GatewaySpec &spec() const { return m_plan.reading.spec; }
    const gateway::Findings &findings() const { return m_plan.findings; }

    // Applies a form edit as one undoable step and reads the spec again. False when the
    // edit could not be placed (the caller tells the operator to edit the YAML).
    bool applyEdit(const std::optional<gateway::TextEdit> &edit);
    void reparseNow();

Q_SIGNALS:
    void reparsed();
    void filePathChanged();

private:
    QTextDocument *m_text;
    QString m_path;
    QPointer<topology::TopologyModel> m_model;
    QString m_host;
    QTimer m_debounce;
    gateway::PushPlan m_plan;
    QHash<QString, QByteArray> m_decryptedKeys;
};

} // namespace mcp::ui
