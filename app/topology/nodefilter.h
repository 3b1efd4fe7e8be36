#pragma once

#include "graph.h"

#include <QList>
#include <QString>

namespace mcp::topology {

// The search language of the graph's search box and the tables' filter, one matcher for
// both so they always agree. Whitespace-separated terms, all of which must match:
//   users            name, id, address, image, service, version ... contains "users"
//   health:down      health is down (health:degraded,down for either; also ok/bad)
//   host:prod        the node's Docker host contains "prod"
//   kind:instance    node kind (host, network, gateway, route, service, version, instance)
//   app=users        a label app with a value containing "users" (app= : label present)
//   problem:doctor   has a problem whose code contains "doctor" (problem: alone: any problem)
// Matching is case-insensitive. An empty filter matches everything.
class NodeFilter
{
public:
    static NodeFilter parse(const QString &text);

    bool isEmpty() const { return m_terms.isEmpty(); }
    bool matches(const Node &node) const;

private:
    struct Term
    {
        enum class Kind { Text, Health, Host, NodeKind, Label, Problem } kind = Kind::Text;
        QString key;
        QString value;
        QList<Health> healths;
    };
    QList<Term> m_terms;
};

} // namespace mcp::topology
