// Topology at scale: build the graph from N listed containers, lay it out, sync the scene
// and render one offscreen frame, for N = 200 / 2,000 / 10,000; and the cost of one update
// frame (a 1,000-event burst changing 1,000 instances' state). Run by scripts/bench-topology,
// which also times Graphviz dot on the same graph (written with --dot-out).
#include "benchhost.h"
#include "topology/graphbuilder.h"
#include "topology/graphrebuilder.h"
#include "topology/topologyjson.h"
#include "topology/layeredlayout.h"
#include "topology/topologyscene.h"
#include "topology/topologymodel.h"
#include "topology/topologyview.h"
#include "topology/inventorypanel.h"

#include <benchmark/benchmark.h>

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QPainter>
#include <QPaintEvent>
#include <QTabWidget>

#include <utility>

#include <time.h>

using namespace mcp;

namespace {

QList<topology::HostSnapshot> makeHosts(int n, bool flip = false, int flipFrom = 0, int flipCount = 1000)
{
    return {bench::syntheticHost(n, [&](int i) {
        const bool flipped = flip && (i - flipFrom + n) % n < flipCount; // the range wraps
        return flipped ? (i % 97 == 0) : (i % 97 != 0);
    })};
}

// As the inventory delivers them: `base` with only the flipped containers' entries replaced
// (the others stay shared with the previous list, as ContainerInventory keeps them).
QList<topology::HostSnapshot> flipFrom(const QList<topology::HostSnapshot> &base, int flipFrom, int flipCount)
{
    const QList<topology::HostSnapshot> flipped = makeHosts(int(base.first().containers.size()), true, flipFrom, flipCount);
    QList<topology::HostSnapshot> out = base;
    for (auto it = flipped.first().containers.constBegin(); it != flipped.first().containers.constEnd(); ++it) {
        const int i = it.key().left(12).toInt(nullptr, 16);
        if ((i - flipFrom + int(base.first().containers.size())) % int(base.first().containers.size()) < flipCount)
            out.first().containers.insert(it.key(), *it);
    }
    return out;
}

void renderOnce(ui::TopologyScene &scene)
{
    QImage image(1280, 800, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter p(&image);
    scene.render(&p, QRectF(image.rect()), scene.itemsBoundingRect());
}

// Cold: graph + layout + scene + one frame.
void BM_ModelLayoutRender(benchmark::State &state)
{
    const auto hosts = makeHosts(int(state.range(0)));
    for (auto _ : state) {
        const topology::Graph g = topology::buildGraph(hosts);
        ui::TopologyScene scene;
        scene.sync(g);
        renderOnce(scene);
        benchmark::DoNotOptimize(scene.nodeItems().size());
    }
    state.counters["instances"] = double(state.range(0));
}
BENCHMARK(BM_ModelLayoutRender)->Arg(200)->Arg(2000)->Arg(10000)->Unit(benchmark::kMillisecond)->Iterations(3);

// Warm: a burst that flips 1,000 instances becomes one rebuild, one diff, one scene sync
// and one repaint of the visible area: the time from event batch to pixels.
void BM_UpdateFrameAfterBurst(benchmark::State &state)
{
    const auto before = makeHosts(int(state.range(0)), false);
    const auto after = flipFrom(before, 0, 1000); // the inventory replaces the entries that changed
    ui::TopologyScene scene;
    topology::GraphBuilder builder; // as the model rebuilds
    topology::Graph current = builder.build(before);
    scene.sync(current);
    // Painted the way the window paints: a 1280x800 view at 1:1 over the top left of the
    // graph (the view passes each item its exposed part, as on screen).
    ui::TopologyView view(&scene);
    view.resize(1280, 800);
    view.show();
    view.centerOn(640, 400);
    bool flipped = false;
    for (auto _ : state) {
        const topology::Graph next = builder.build(flipped ? before : after);
        const auto delta = topology::diffGraphs(current, next);
        scene.sync(next);
        QImage image(1280, 800, QImage::Format_ARGB32_Premultiplied);
        view.viewport()->render(&image);
        benchmark::DoNotOptimize(delta.updatedNodes.size());
        current = next;
        flipped = !flipped;
    }
}
BENCHMARK(BM_UpdateFrameAfterBurst)->Arg(2000)->Arg(10000)->Unit(benchmark::kMillisecond)->Iterations(6);

// The model's rebuild after a batch of events that changed `perFrame` containers: a new
// graph and its diff from the last one, as GraphRebuilder runs them. Arg 2: 0 builds from
// scratch each time (buildGraph), 1 with the GraphBuilder that keeps unchanged containers.
void BM_RebuildAfterBatch(benchmark::State &state)
{
    const int n = int(state.range(0));
    const int perFrame = int(state.range(1));
    const bool incremental = state.range(2) == 1;
    const auto base = makeHosts(n);
    QList<QList<topology::HostSnapshot>> frames;
    for (int f = 0; f < 16; ++f)
        frames << flipFrom(base, (f * perFrame) % n, perFrame);
    topology::GraphBuilder builder;
    topology::Graph current = builder.build(base);
    int i = 0, made = 0;
    for (auto _ : state) {
        const auto &hosts = frames[i++ % frames.size()];
        topology::Graph next = incremental ? builder.build(hosts) : topology::buildGraph(hosts);
        const auto delta = topology::diffGraphs(current, next);
        benchmark::DoNotOptimize(delta.updatedNodes.size());
        made += incremental ? builder.madeLastBuild() : int(hosts.first().containers.size());
        current = std::move(next);
    }
    state.counters["containers_read"] = double(made) / double(state.iterations());
}
BENCHMARK(BM_RebuildAfterBatch)
    ->ArgNames({"instances", "changed", "incremental"})
    ->Args({2000, 17, 0})
    ->Args({2000, 17, 1})
    ->Args({10000, 17, 0})
    ->Args({10000, 17, 1})
    ->Args({2000, 1000, 0})
    ->Args({2000, 1000, 1})
    ->Unit(benchmark::kMillisecond)
    ->MinTime(1.0);

// Steady state while 1,000 events/s arrive: at 60 frames/s each frame carries about 17
// events. As in the console (TopologyModel::setBackgroundRebuilds), the model's rebuild +
// diff runs on the model's GraphRebuilder while the GUI thread applies the previous result
// and paints it: the GUI thread never waits for the worker, so the time it spends waiting
// for a result here is not counted. Per frame on the GUI thread: the graph handed over (as
// the model's continuation does), the scene's delta sync, and the repaint of what the view
// marked dirty through the offscreen platform's real backing store; the worker's rebuild
// overlaps the repaint, as it does in the console.
// Counters: each GUI part in ms per frame, gui_ms their sum (the frame the operator sees),
// gui_cpu_ms the GUI thread's CPU time in it (the same without the waits for a core),
// gui_wait_ms the idle wait for the worker, model_period_ms how often a new graph lands
// (the model's refresh), dirty_pct the share of the view each paint covers.

// CPU time of the calling thread, ms: the GUI thread's own work, whatever else the machine
// runs (wall time on a shared two-core machine also counts the waits for a core).
double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

// The share of the viewport each paint event covers (what the view marked dirty).
class DirtyArea final : public QObject
{
public:
    explicit DirtyArea(QWidget *viewport) : m_viewport(viewport) { viewport->installEventFilter(this); }
    double percent() const { return m_events ? 100.0 * m_area / (m_events * double(m_viewport->width() * m_viewport->height())) : 0; }

protected:
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Paint) {
            for (const QRect &r : static_cast<QPaintEvent *>(event)->region())
                m_area += double(r.width()) * r.height();
            ++m_events;
        }
        return false;
    }

private:
    QWidget *m_viewport;
    double m_area = 0;
    int m_events = 0;
};

void BM_FrameAt1000EventsPerSecond(benchmark::State &state)
{
    const int n = int(state.range(0));
    const int perFrame = int(state.range(1));
    const bool tables = state.range(2) == 1;
    QList<QList<topology::HostSnapshot>> frames;
    const auto base = makeHosts(n);
    for (int f = 0; f < 16; ++f)
        frames << flipFrom(base, (f * perFrame) % n, perFrame);
    // As in the console: the model hands each graph to its views through `changed`, the
    // scene as MainWindow syncs it and (tables=1) the services and instances tables.
    topology::TopologyModel model;
    model.replaceGraph(topology::buildGraph(frames.last()), {});
    ui::TopologyScene scene;
    scene.sync(model.graph());
    double sceneMs = 0;
    QObject::connect(&model, &topology::TopologyModel::changed, &scene, [&](const topology::GraphDelta &delta) {
        QElapsedTimer t;
        t.start();
        scene.sync(model.graph(), delta);
        sceneMs += t.nsecsElapsed() / 1e6;
    });
    ui::TopologyView view(&scene);
    view.resize(1280, 800);
    view.show();
    std::unique_ptr<ui::InventoryPanel> panel;
    if (tables) {
        panel = std::make_unique<ui::InventoryPanel>(&model);
        panel->resize(480, 800);
        panel->findChild<QTabWidget *>()->setCurrentIndex(1); // instances: the busy table
        panel->show();
    }
    // MCP_BENCH_ZOOM=1: the view at 1:1 over the top left instead of fit-all.
    if (qEnvironmentVariableIntValue("MCP_BENCH_ZOOM") == 1)
        view.centerOn(640, 400);
    else
        view.fitAll();
    QCoreApplication::processEvents();
    DirtyArea dirty(view.viewport());
    QElapsedTimer t;
    double handOverMs = 0, paintMs = 0, waitMs = 0, cpuMs = 0;
    int i = 0;
    topology::GraphRebuilder rebuilder;
    QFuture<topology::GraphRebuilder::Result> pending = rebuilder.rebuild(frames[i++ % frames.size()], model.graph());
    QElapsedTimer frame;
    frame.start();
    for (auto _ : state) {
        t.start();
        pending.waitForFinished(); // the GUI thread would be idle meanwhile: not counted
        waitMs += t.nsecsElapsed() / 1e6;
        topology::GraphRebuilder::Result built = pending.takeResult();
        pending = {};
        const double cpu0 = threadCpuMs();
        t.start();
        // As TopologyModel's continuation: the old graph goes to the worker to be freed,
        // and `changed` reaches the scene (timed in sceneMs) and the tables.
        model.replaceGraph(std::move(built.graph), built.delta);
        handOverMs += t.nsecsElapsed() / 1e6;
        // The model starts the next rebuild as soon as this one has landed (events kept
        // arriving); it runs while the view repaints.
        pending = rebuilder.rebuild(frames[i++ % frames.size()], model.graph());
        t.start();
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
        paintMs += t.nsecsElapsed() / 1e6;
        cpuMs += threadCpuMs() - cpu0;
    }
    pending.waitForFinished();
    const double frames_ = double(state.iterations());
    state.counters["model_period_ms"] = frame.nsecsElapsed() / 1e6 / frames_;
    state.counters["gui_wait_ms"] = waitMs / frames_;
    state.counters["gui_sync_ms"] = sceneMs / frames_;
    // The hand-over (~0.01 ms) and, with tables=1, the two table models' updates.
    state.counters["gui_handover_tables_ms"] = (handOverMs - sceneMs) / frames_;
    state.counters["gui_paint_ms"] = paintMs / frames_; // the graph view and the table
    state.counters["gui_ms"] = (handOverMs + paintMs) / frames_;
    state.counters["gui_cpu_ms"] = cpuMs / frames_;
    state.counters["dirty_pct"] = dirty.percent();
}
BENCHMARK(BM_FrameAt1000EventsPerSecond)
    ->ArgNames({"instances", "events", "tables"})
    ->Args({2000, 17, 0})
    ->Args({2000, 17, 1})
    ->Args({2000, 1, 1})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(qEnvironmentVariableIntValue("MCP_BENCH_FRAMES") > 0 ? qEnvironmentVariableIntValue("MCP_BENCH_FRAMES") : 60);

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    // --dot-out=DIR: write the graphs as Graphviz dot for the peer measurement, then exit.
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg.startsWith("--dot-out=")) {
            for (int n : {200, 2000, 10000}) {
                QFile f(QString::fromLocal8Bit(arg.mid(10)) + QStringLiteral("/topology-%1.dot").arg(n));
                if (!f.open(QIODevice::WriteOnly))
                    return 2;
                f.write(topology::topologyToDot(topology::buildGraph(makeHosts(n))));
            }
            return 0;
        }
    }
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
