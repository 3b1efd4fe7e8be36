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
