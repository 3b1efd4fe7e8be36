#pragma once

#include "graph.h"
#include "graphbuilder.h"

#include <QFuture>
#include <QList>
#include <QThreadPool>

namespace mcp::topology {

// Runs the model's rebuilds (GraphBuilder::build + diffGraphs) off the GUI thread, one at a
// time, on a thread of its own, and frees replaced graphs there too. The builder's cache of
// unchanged containers lives on that thread.
//
// Not on QThreadPool::globalInstance(): QtGui splits a large fill (a long antialiased
// stroke, a big image blend) into pieces on that pool and the painting thread waits for
// them, so a rebuild running or queued there holds up the repaint it is meant to spare.
// And a replaced graph of 2,000 instances takes ~3 ms of free() calls: the last reference
// is dropped here rather than in the GUI thread's frame.
class GraphRebuilder final
{
    Q_DISABLE_COPY_MOVE(GraphRebuilder)
public:
    struct Result
    {
        Graph graph;
        GraphDelta delta; // from `base` to `graph`
    };

    GraphRebuilder();
    ~GraphRebuilder(); // waits for the running rebuild

    // The snapshots are implicitly shared copies: the inventories may change meanwhile.
    QFuture<Result> rebuild(QList<HostSnapshot> input, Graph base);
    // Takes the graph and drops it on the worker thread (after any rebuild before it).
    void dispose(Graph &&graph);

private:
    GraphBuilder m_builder; // used by the pool's thread only
    QThreadPool m_pool;     // after m_builder: destroyed (and waited for) first
};

} // namespace mcp::topology
