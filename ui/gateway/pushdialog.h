#pragma once

#include "gateway/pusher.h"
#include "gateway/render.h"

#include <QDialog>
#include <QPointer>

class QDialogButtonBox;
class QLabel;
class QListWidget;
class QListWidgetItem;
class QPlainTextEdit;
class QPushButton;

namespace mcp::docker {
class DockerClient;
}

namespace mcp::ui {

// Every push (and rollback) from the console goes through this dialog: it first runs the
// pipeline as a dry run to show what would change (the diff against what the gateway runs
// now, and both versions), then, on "Push", runs it for real based on exactly the version
// the diff was made against, showing each step per replica as it happens. A conflict
// (someone pushed in between) refreshes the diff instead of overwriting their change.
// Each real run is recorded in the audit log.
class PushDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PushDialog)
public:
    enum class Kind { Push, Rollback };

    PushDialog(docker::DockerClient *client, QString hostName, QString hostUrl, QString gateway, gateway::RenderedConfig config,
               Kind kind, QWidget *parent = nullptr);

    // Runs the dry run (called when the dialog opens).
    void preview();

    QPlainTextEdit *diffView() const { return m_diff; }
    QListWidget *stepsList() const { return m_steps; }
    QPushButton *pushButton() const { return m_push; }
    QLabel *resultLabel() const { return m_result; }
    bool previewReady() const { return m_previewReady; }
    bool finished() const { return m_finished; }
    bool succeeded() const { return m_finished && m_outcome.ok; }
    const gateway::GatewayPush::Outcome &outcome() const { return m_outcome; }

Q_SIGNALS:
    void previewed();
    void pushFinished(bool ok);

private:
    void runPush();
    void onStep(gateway::GatewayPush::Step step, const QString &replica);
    void onPreview(const gateway::GatewayPush::Outcome &outcome);
    void onFinished(const gateway::GatewayPush::Outcome &outcome);
    void markLast(const QIcon &icon);
    QString stepTitle(gateway::GatewayPush::Step step) const;

    QPointer<docker::DockerClient> m_client;
    QString m_hostName, m_hostUrl, m_gateway;
    gateway::RenderedConfig m_config;
    Kind m_kind;
    QString m_base; // the version the diff was made against
    bool m_previewReady = false;
    bool m_finished = false;
    gateway::GatewayPush::Outcome m_outcome;
    QPointer<gateway::GatewayPush> m_run;

    QLabel *m_summary;
    QPlainTextEdit *m_diff;
    QListWidget *m_steps;
    QLabel *m_result;
    QPushButton *m_push;
    QDialogButtonBox *m_buttons;
};

} // namespace mcp::ui
