#pragma once

#include "gateway/finding.h"

#include <QPlainTextEdit>

namespace mcp::ui {

// The spec's YAML as the operator wrote it, with line numbers and the findings marked where
// they point (a wavy underline from the column, the line tinted by severity).
class YamlEditor final : public QPlainTextEdit
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(YamlEditor)
public:
    explicit YamlEditor(QWidget *parent = nullptr);

    void setFindings(const gateway::Findings &findings);
    // Puts the cursor at a 1-based line and column and shows it.
    void goTo(int line, int column);
    int lineNumberAreaWidth() const;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    friend class LineNumberArea;
    void paintLineNumbers(QPaintEvent *event);

    QWidget *m_lineNumbers;
};

} // namespace mcp::ui
