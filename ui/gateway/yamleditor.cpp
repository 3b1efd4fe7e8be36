#include "yamleditor.h"

#include "findingstyle.h"

#include <QFontDatabase>
#include <QPainter>
#include <QTextBlock>

namespace mcp::ui {

class LineNumberArea final : public QWidget
{
public:
    explicit LineNumberArea(YamlEditor *editor) : QWidget(editor), m_editor(editor) {}
    QSize sizeHint() const override { return {m_editor->lineNumberAreaWidth(), 0}; }

protected:
    void paintEvent(QPaintEvent *event) override { m_editor->paintLineNumbers(event); }

private:
    YamlEditor *m_editor;
};

YamlEditor::YamlEditor(QWidget *parent) : QPlainTextEdit(parent), m_lineNumbers(new LineNumberArea(this))
{
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setTabChangesFocus(false);
    connect(this, &QPlainTextEdit::blockCountChanged, this, [this] { setViewportMargins(lineNumberAreaWidth(), 0, 0, 0); });
    connect(this, &QPlainTextEdit::updateRequest, this, [this](const QRect &rect, int dy) {
        if (dy)
            m_lineNumbers->scroll(0, dy);
        else
            m_lineNumbers->update(0, rect.y(), m_lineNumbers->width(), rect.height());
    });
    setViewportMargins(lineNumberAreaWidth(), 0, 0, 0);
}

int YamlEditor::lineNumberAreaWidth() const
{
    const int digits = QString::number(qMax(1, blockCount())).size();
    return 10 + fontMetrics().horizontalAdvance(QLatin1Char('9')) * qMax(3, digits);
}

void YamlEditor::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect cr = contentsRect();
    m_lineNumbers->setGeometry(QRect(cr.left(), cr.top(), lineNumberAreaWidth(), cr.height()));
}

void YamlEditor::paintLineNumbers(QPaintEvent *event)
{
    QPainter painter(m_lineNumbers);
    painter.fillRect(event->rect(), palette().color(QPalette::AlternateBase));
    painter.setPen(palette().color(QPalette::PlaceholderText));
    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    while (block.isValid() && top <= event->rect().bottom()) {
        const int height = qRound(blockBoundingRect(block).height());
        if (block.isVisible())
            painter.drawText(0, top, m_lineNumbers->width() - 5, height, Qt::AlignRight | Qt::AlignVCenter,
                             QString::number(block.blockNumber() + 1));
        top += height;
        block = block.next();
    }
}

void YamlEditor::setFindings(const gateway::Findings &findings)
{
    QList<QTextEdit::ExtraSelection> selections;
    for (const gateway::Finding &f : findings) {
        if (f.pos.line < 1)
            continue;
        const QTextBlock block = document()->findBlockByNumber(f.pos.line - 1);
        if (!block.isValid())
            continue;
        QTextEdit::ExtraSelection line;
        line.format.setBackground(severityBackground(f.severity));
        line.format.setProperty(QTextFormat::FullWidthSelection, true);
        line.cursor = QTextCursor(block);
        selections << line;
        QTextEdit::ExtraSelection word;
        word.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        word.format.setUnderlineColor(f.severity == gateway::Finding::Severity::Error ? QColor(0xc0, 0x39, 0x2b) : QColor(0xb7, 0x95, 0x0b));
        word.format.setToolTip(f.message);
        QTextCursor c(block);
        c.setPosition(block.position() + qBound(0, f.pos.column - 1, qMax(0, block.length() - 1)));
        c.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
        word.cursor = c;
        selections << word;
    }
    setExtraSelections(selections);
}

void YamlEditor::goTo(int line, int column)
{
    const QTextBlock block = document()->findBlockByNumber(qMax(0, line - 1));
    if (!block.isValid())
        return;
    QTextCursor c(block);
    c.setPosition(block.position() + qBound(0, column - 1, qMax(0, block.length() - 1)));
    setTextCursor(c);
    centerCursor();
}

} // namespace mcp::ui
