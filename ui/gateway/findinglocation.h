#pragma once

#include <QString>

namespace mcp::ui {

// Where in the spec a finding's field path points: "spec.routes[2].backends[1].weight" is
// route 2, backend 1, field "weight"; "spec.routes[0].match.pathPrefix" is route 0, field
// "match.pathPrefix". The editor uses it to select the row and the form field.
struct FindingLocation
{
    int route = -1;
    int backend = -1;
    QString field; // the rest of the path after the route (and backend), without a leading dot

    static FindingLocation parse(const QString &path);
};

} // namespace mcp::ui

#include "gateway/finding.h"

#include <QHash>

namespace mcp::ui {

// The findings of a spec by where they point, for the tables and the form to mark cells.
class FindingIndex
{
public:
    void rebuild(const gateway::Findings &findings);
    // Findings on exactly this field of a route (backend -1) or of one of its backends.
    QList<gateway::Finding> at(int route, int backend, const QString &field) const;
    // Every finding within a route (its fields and its backends).
    QList<gateway::Finding> inRoute(int route) const;

private:
    QHash<int, QList<QPair<FindingLocation, gateway::Finding>>> m_byRoute;
};

} // namespace mcp::ui
