// Topology at scale: build the graph from N listed containers, lay it out, sync the scene
// and render one offscreen frame, for N = 200 / 2,000 / 10,000; and the cost of one update
// frame (a 1,000-event burst changing 1,000 instances' state). Run by scripts/bench-topology,
// which also times Graphviz dot on the same graph (written with --dot-out).
#include "benchhost.h"
#include "topology/graphbuilder.h"
#include "topology/topologyjson.h"
#include "topology/layeredlayout.h"
#include "topology/topologyscene.h"
#include "topology/topologyview.h"

#include <benchmark/benchmark.h>

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QPainter>

using namespace mcp;

namespace {

QList<topology::HostSnapshot> makeHosts(int n, bool flip = false, int flipFrom = 0, int flipCount = 1000)
{
    return {bench::syntheticHost(n, [&](int i) {
        const bool flipped = flip && i >= flipFrom && i < flipFrom + flipCount;
        return flipped ? (i % 97 == 0) : (i % 97 != 0);
    })};
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
    const auto after = makeHosts(int(state.range(0)), true);
    ui::TopologyScene scene;
    topology::Graph current = topology::buildGraph(before);
    scene.sync(current);
    // Painted the way the window paints: a 1280x800 view at 1:1 over the top left of the
    // graph (the view passes each item its exposed part, as on screen).
    ui::TopologyView view(&scene);
    view.resize(1280, 800);
    view.show();
    view.centerOn(640, 400);
    bool flipped = false;
    for (auto _ : state) {
        const topology::Graph next = topology::buildGraph(flipped ? before : after);
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

// Steady state while 1,000 events/s arrive: at 60 frames/s each frame carries about 17
// events. Per frame: the model's rebuild + diff (which the console runs on a worker
// thread), then on the GUI thread the scene sync (layout + item updates) and the repaint.
// Counters give each part in ms per frame; the GUI thread's share is what sets the frame
// rate the operator sees.
void BM_FrameAt1000EventsPerSecond(benchmark::State &state)
{
    const int n = int(state.range(0));
    const int perFrame = int(state.range(1));
    QList<QList<topology::HostSnapshot>> frames;
    for (int f = 0; f < 16; ++f)
        frames << makeHosts(n, true, (f * perFrame) % qMax(1, n - perFrame), perFrame);
    ui::TopologyScene scene;
    topology::Graph current = topology::buildGraph(frames.last());
    scene.sync(current);
    ui::TopologyView view(&scene);
    // Experiments: MCP_BENCH_VIEWPORT_UPDATE=0..4 (QGraphicsView::ViewportUpdateMode),
    // MCP_BENCH_OPTIMIZE=1 (DontSavePainterState | DontAdjustForAntialiasing).
    if (qEnvironmentVariableIsSet("MCP_BENCH_VIEWPORT_UPDATE"))
        view.setViewportUpdateMode(QGraphicsView::ViewportUpdateMode(qEnvironmentVariableIntValue("MCP_BENCH_VIEWPORT_UPDATE")));
    if (qEnvironmentVariableIntValue("MCP_BENCH_OPTIMIZE") == 1)
        view.setOptimizationFlags(QGraphicsView::DontSavePainterState | QGraphicsView::DontAdjustForAntialiasing);
    view.resize(1280, 800);
    view.show();
    view.fitAll();
    QCoreApplication::processEvents();
    QElapsedTimer t;
    double modelMs = 0, syncMs = 0, paintMs = 0;
    int i = 0;
    for (auto _ : state) {
        t.start();
        topology::Graph next = topology::buildGraph(frames[i++ % frames.size()]);
        const auto delta = topology::diffGraphs(current, next);
        modelMs += t.nsecsElapsed() / 1e6;
        t.start();
        scene.sync(next, delta);
        syncMs += t.nsecsElapsed() / 1e6;
        // The view repaints what the scene marked dirty, as on screen (the offscreen
        // platform paints into a real backing store).
        t.start();
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
        paintMs += t.nsecsElapsed() / 1e6;
        current = std::move(next);
    }
    const double frames_ = double(state.iterations());
    state.counters["model_ms"] = modelMs / frames_;
    state.counters["gui_sync_ms"] = syncMs / frames_;
    state.counters["gui_paint_ms"] = paintMs / frames_;
    state.counters["gui_ms"] = (syncMs + paintMs) / frames_;
}
BENCHMARK(BM_FrameAt1000EventsPerSecond)->Args({2000, 17})->Args({2000, 1})->Unit(benchmark::kMillisecond)->Iterations(30);

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
