#pragma once

#include <QHash>
#include <QWidget>

class QLineEdit;
class QPushButton;
class QTableView;

namespace mcp::ui {

class BackendsTableModel;
class SpecDocument;

// The form for one route: its match, its backends (a table: service, version, weight) and
// its timeouts, retries and passive health. Each field commits when editing finishes, as
// one YAML text edit (so one undo step); fields with findings are outlined by severity and
// explain themselves in their tooltip. The form follows every reading of the spec and
// never overwrites a field while the operator is typing in it.
class RouteForm final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RouteForm)
public:
    explicit RouteForm(SpecDocument *document, QWidget *parent = nullptr);

    void setRoute(int route); // -1: nothing to edit
    int route() const { return m_route; }
    QLineEdit *field(const QString &name) const { return m_fields.value(name); }
    QTableView *backendsView() const { return m_backends; }
    BackendsTableModel *backendsModel() const { return m_backendsModel; }
    // Shows and focuses a field ("timeouts.read"), or a backend's cell ("weight" of backend 1).
    void focusField(const QString &field, int backend);

Q_SIGNALS:
    void editRefused(const QString &why);

private:
    void refresh();
    void commit(const QString &name);

    SpecDocument *m_document;
    int m_route = -1;
    QHash<QString, QLineEdit *> m_fields;
    QTableView *m_backends = nullptr;
    BackendsTableModel *m_backendsModel = nullptr;
    QPushButton *m_addBackend = nullptr;
    QPushButton *m_removeBackend = nullptr;
};

} // namespace mcp::ui
