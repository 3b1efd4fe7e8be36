#pragma once

#include "finding.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace mcp::gateway {

// Edits of a spec's YAML text made by the editor's form and tables, computed from the
// positions the reader recorded, so that everything else in the file (comments, order,
// flow or block style, blank lines) stays as the operator wrote it. The editor applies an
// edit to its text document as one undoable step and reads the spec again.
//
// Each function returns std::nullopt when the text does not have the shape it expects
// (edited by hand since it was read, or a layout these functions do not handle, such as a
// flow-style list of mappings); the editor then asks the operator to edit the YAML itself.
struct TextEdit
{
    int offset = 0; // in QChars from the start of the text
    int length = 0; // replaced QChars
    QString text;

    QString applyTo(QString source) const { return source.replace(offset, length, text); }
};

namespace specedit {

// `value` as a YAML scalar: plain when that reads back as the same string, else quoted.
// Numbers are written as they are (`weight: 90`).
QString scalar(const QString &value);
// A flow list: [a, b].
QString flowList(const QStringList &items);

// The offset of a 1-based line and column (as in SourcePos); -1 when outside the text.
int offsetOf(const QString &text, int line, int column);

// The scalar at `pos` as written (quotes removed), for showing a value the reader could
// not convert (a duration typed as "10 seconds"); std::nullopt when there is none.
std::optional<QString> scalarText(const QString &text, const SourcePos &pos);

// Sets a field of a mapping. present: the value at `pos` (a scalar, a flow list or a block
// list) is replaced with `yamlValue`. Not present: `pos` is the mapping's position and
// `key: yamlValue` is added to it (before the closing brace of a flow mapping, or as the
// mapping's last line with its indentation).
std::optional<TextEdit> setField(const QString &text, const SourcePos &pos, bool present, const QString &key,
                                 const QString &yamlValue);

// Removes `key: value` whose value sits at `valuePos` (an optional field cleared in the form).
std::optional<TextEdit> removeField(const QString &text, const SourcePos &valuePos);

// Removes the item of a block list whose content starts at `itemPos` (all of its lines).
std::optional<TextEdit> removeListItem(const QString &text, const SourcePos &itemPos);

// Appends an item after the last item of a block list. `lastItemPos` is the content position
// of the current last item; `itemYaml` is the new item's content, possibly several lines
// (indented relative to the item's first key).
std::optional<TextEdit> appendListItem(const QString &text, const SourcePos &lastItemPos, const QString &itemYaml);

} // namespace specedit

} // namespace mcp::gateway
