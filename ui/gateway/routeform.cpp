#include "routeform.h"

#include "backendstablemodel.h"
#include "findinglocation.h"
#include "specdocument.h"

#include "gateway/routeedit.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
#include <QTableView>
#include <QTextDocument>
#include <QVBoxLayout>

namespace mcp::ui {

RouteForm::RouteForm(SpecDocument *document, QWidget *parent) : QWidget(parent), m_document(document)
{
    setStyleSheet(QStringLiteral("QLineEdit[severity=\"error\"] { border: 2px solid #c0392b; background: #fdd8d4; }"
                                 "QLineEdit[severity=\"warning\"] { border: 2px solid #b7950b; background: #fff1c7; }"));
    const auto makeField = [this](const QString &name, const QString &placeholder) {
        auto *edit = new QLineEdit(this);
        edit->setObjectName(QString(QStringLiteral("field:") + name));
        edit->setPlaceholderText(placeholder);
        edit->setClearButtonEnabled(true);
        connect(edit, &QLineEdit::editingFinished, this, [this, name] { commit(name); });
        m_fields.insert(name, edit);
        return edit;
    };

    auto *match = new QGroupBox(tr("Route"), this);
    auto *matchForm = new QFormLayout(match);
    matchForm->addRow(tr("&Name:"), makeField(QStringLiteral("name"), tr("e.g. users")));
    matchForm->addRow(tr("&Hosts:"), makeField(QStringLiteral("match.hosts"), tr("any host; e.g. api.example.com, *.example.com")));
    matchForm->addRow(tr("&Path prefix:"), makeField(QStringLiteral("match.pathPrefix"), tr("e.g. /users")));
    matchForm->addRow(tr("&Listeners:"), makeField(QStringLiteral("listeners"), tr("all listeners; e.g. http, https")));

    auto *backends = new QGroupBox(tr("Backends"), this);
    auto *backendsLayout = new QVBoxLayout(backends);
    m_backendsModel = new BackendsTableModel(document, this);
    m_backends = new QTableView(backends);
    m_backends->setObjectName(QStringLiteral("backendsTable"));
    m_backends->setModel(m_backendsModel);
    m_backends->verticalHeader()->hide();
    m_backends->horizontalHeader()->setStretchLastSection(true);
    m_backends->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_backends->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed | QAbstractItemView::AnyKeyPressed);
    m_backends->setMinimumHeight(90);
    backendsLayout->addWidget(m_backends);
    auto *backendButtons = new QHBoxLayout;
    m_addBackend = new QPushButton(tr("Add canary backend"), backends);
    m_addBackend->setObjectName(QStringLiteral("addBackend"));
    m_removeBackend = new QPushButton(tr("Remove backend"), backends);
    m_removeBackend->setObjectName(QStringLiteral("removeBackend"));
    backendButtons->addWidget(m_addBackend);
    backendButtons->addWidget(m_removeBackend);
    backendButtons->addStretch();
    backendsLayout->addLayout(backendButtons);
    connect(m_backendsModel, &BackendsTableModel::editRefused, this, &RouteForm::editRefused);
    connect(m_addBackend, &QPushButton::clicked, this, [this] {
        const auto &routes = m_document->spec().routes;
        if (m_route < 0 || m_route >= routes.size())
            return;
        if (!m_document->applyEdit(gateway::appendBackend(m_document->text()->toPlainText(), routes.at(m_route))))
            Q_EMIT editRefused(tr("The backends of this route are not a block list; add the backend in the YAML view."));
    });
    connect(m_removeBackend, &QPushButton::clicked, this, [this] {
        const auto &routes = m_document->spec().routes;
        const int row = m_backends->currentIndex().row();
        if (m_route < 0 || m_route >= routes.size() || row < 0 || row >= routes.at(m_route).backends.size())
            return;
        if (!m_document->applyEdit(
                gateway::specedit::removeListItem(m_document->text()->toPlainText(), routes.at(m_route).backends.at(row).pos)))
            Q_EMIT editRefused(tr("The backends of this route are not a block list; remove the backend in the YAML view."));
    });

    auto *behaviour = new QGroupBox(tr("Timeouts, retries and passive health"), this);
    auto *behaviourForm = new QFormLayout(behaviour);
    auto *timeouts = new QHBoxLayout;
    timeouts->addWidget(new QLabel(tr("connect"), behaviour));
    timeouts->addWidget(makeField(QStringLiteral("timeouts.connect"), tr("5s")));
    timeouts->addWidget(new QLabel(tr("read"), behaviour));
    timeouts->addWidget(makeField(QStringLiteral("timeouts.read"), tr("60s")));
    timeouts->addWidget(new QLabel(tr("send"), behaviour));
    timeouts->addWidget(makeField(QStringLiteral("timeouts.send"), tr("60s")));
    behaviourForm->addRow(tr("Timeouts:"), timeouts);
    auto *retries = new QHBoxLayout;
    retries->addWidget(makeField(QStringLiteral("retries.attempts"), tr("attempts")), 1);
    retries->addWidget(new QLabel(tr("on"), behaviour));
    retries->addWidget(makeField(QStringLiteral("retries.on"), tr("error, timeout, http_502, http_503")), 4);
    behaviourForm->addRow(tr("Retries:"), retries);
    auto *passive = new QHBoxLayout;
    passive->addWidget(makeField(QStringLiteral("passiveHealth.maxFails"), tr("max fails")), 1);
    passive->addWidget(new QLabel(tr("within"), behaviour));
    passive->addWidget(makeField(QStringLiteral("passiveHealth.failTimeout"), tr("30s")), 1);
    behaviourForm->addRow(tr("Passive health:"), passive);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(match);
    layout->addWidget(backends, 1);
    layout->addWidget(behaviour);

    connect(document, &SpecDocument::reparsed, this, &RouteForm::refresh);
    setRoute(-1);
}

void RouteForm::setRoute(int route)
{
    m_route = route;
    m_backendsModel->setRoute(route);
    refresh();
}

void RouteForm::refresh()
{
    const auto &routes = m_document->spec().routes;
    const bool valid = m_route >= 0 && m_route < routes.size();
    FindingIndex index;
    index.rebuild(m_document->findings());
    const QString yaml = valid ? m_document->text()->toPlainText() : QString();
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it) {
        QLineEdit *edit = it.value();
        edit->setEnabled(valid);
        const gateway::FieldSlot slot = valid ? gateway::routeField(routes.at(m_route), it.key()) : gateway::FieldSlot{};
        // What the YAML says, as written (a value the reader could not convert included).
        QString shown = slot.text;
        if (slot.present && slot.kind != gateway::FieldSlot::Kind::List)
            shown = gateway::specedit::scalarText(yaml, slot.pos).value_or(slot.text);
        if (!(edit->hasFocus() && edit->isModified()))
            edit->setText(shown);
        QList<gateway::Finding> findings = valid ? index.at(m_route, -1, it.key()) : QList<gateway::Finding>{};
        QString severity;
        QStringList tips;
        for (const auto &f : findings) {
            if (f.severity == gateway::Finding::Severity::Error)
                severity = QStringLiteral("error");
            else if (severity.isEmpty() && f.severity == gateway::Finding::Severity::Warning)
                severity = QStringLiteral("warning");
            tips << (f.hint.isEmpty() ? f.message : QStringLiteral("%1\n%2").arg(f.message, f.hint));
        }
        if (edit->property("severity").toString() != severity) {
            edit->setProperty("severity", severity);
            edit->style()->unpolish(edit);
            edit->style()->polish(edit);
        }
        edit->setToolTip(tips.join(QLatin1Char('\n')));
    }
    m_backends->setEnabled(valid);
    m_addBackend->setEnabled(valid);
    m_removeBackend->setEnabled(valid);
}

void RouteForm::commit(const QString &name)
{
    QLineEdit *edit = m_fields.value(name);
    const auto &routes = m_document->spec().routes;
    if (!edit || m_route < 0 || m_route >= routes.size() || !edit->isModified())
        return;
    edit->setModified(false);
    const gateway::FieldSlot slot = gateway::routeField(routes.at(m_route), name);
    if (!m_document->applyEdit(gateway::editField(m_document->text()->toPlainText(), slot, edit->text())))
        Q_EMIT editRefused(tr("This part of the YAML has a layout the form cannot change; edit it in the YAML view."));
}

void RouteForm::focusField(const QString &field, int backend)
{
    if (backend >= 0) {
        const int column = field == QLatin1String("service") ? BackendsTableModel::ServiceColumn
                           : field == QLatin1String("version") ? BackendsTableModel::VersionColumn
                                                               : BackendsTableModel::WeightColumn;
        m_backends->setCurrentIndex(m_backendsModel->index(backend, column));
        m_backends->setFocus();
        return;
    }
    if (field == QLatin1String("backends")) {
        m_backends->setCurrentIndex(m_backendsModel->index(0, BackendsTableModel::WeightColumn));
        m_backends->setFocus();
        return;
    }
    QString key = field;
    while (!key.isEmpty() && !m_fields.contains(key)) // "timeouts" -> its first field
        key = key.contains(QLatin1Char('.')) ? key.left(key.lastIndexOf(QLatin1Char('.'))) : QString();
    QLineEdit *edit = m_fields.value(key);
    if (!edit)
        for (auto it = m_fields.cbegin(); it != m_fields.cend() && !edit; ++it)
            if (it.key().startsWith(QString(field + QLatin1Char('.'))))
                edit = it.value();
    if (edit) {
        edit->setFocus();
        edit->selectAll();
    }
}

} // namespace mcp::ui
