// The graph view as a user sees it: the demo stack on the real engine drawn offscreen, with
// search, keyboard navigation and live updates, and screenshots at 1x, 2x and of a
// 2,000-instance scene.
#include "endpoint/endpoint.h"
#include "hosts/containerinventory.h"
#include "hosts/hostconnection.h"
#include "support/testbed.h"
#include "support/gui.h"
#include "support/shopgraph.h"
#include "snapshot/graphsvg.h"
#include "topology/graphbuilder.h"
#include "topology/healthstyle.h"
#include "topology/legendwidget.h"
#include "topology/topologymodel.h"
#include "topology/bundleitem.h"
#include "topology/nodeitem.h"
#include "topology/topologyscene.h"
#include "topology/topologyview.h"
#include "transport/unixconnector.h"

#include <QDir>
#include <QJsonArray>
#include <QPaintEngine>
#include <QProcess>
#include <QScreen>
#include <QScopeGuard>
#include <QScrollBar>
#include <QSvgRenderer>
#include <QWheelEvent>
#include <QXmlStreamReader>
#include <QtTest>

#include <algorithm>
#include <climits>

using namespace mcp;
using mcp::test::demoStack;

namespace {

QString screenshotPath(const QString &name)
{
    QDir().mkpath(QStringLiteral(MCP_SCREENSHOT_DIR));
    return QStringLiteral(MCP_SCREENSHOT_DIR "/") + name;
}

// A /containers/json entry as the engine lists it, for the large synthetic scene.
QJsonObject entry(int i, const QString &service, const QString &version, bool running)
{
    return QJsonObject{
        {QStringLiteral("Id"), QString(QStringLiteral("%1").arg(i, 12, 16, QLatin1Char('0')) + QString(52, QLatin1Char('a')))},
        {QStringLiteral("Names"), QJsonArray{QStringLiteral("/%1-%2-%3").arg(service, version).arg(i)}},
        {QStringLiteral("State"), running ? QStringLiteral("running") : QStringLiteral("exited")},
        {QStringLiteral("Status"), running ? QStringLiteral("Up 2 hours (healthy)") : QStringLiteral("Exited (1) 3 minutes ago")},
        {QStringLiteral("Labels"), QJsonObject{{QStringLiteral("mcp.service.name"), service},
                                               {QStringLiteral("mcp.service.port"), QStringLiteral("8080")},
                                               {QStringLiteral("mcp.service.version"), version}}},
        {QStringLiteral("Ports"), QJsonArray{QJsonObject{{QStringLiteral("PrivatePort"), 8080}, {QStringLiteral("Type"), QStringLiteral("tcp")}}}},
        {QStringLiteral("NetworkSettings"),
         QJsonObject{{QStringLiteral("Networks"),
                      QJsonObject{{QStringLiteral("shop"), QJsonObject{{QStringLiteral("IPAddress"),
                                                                        QStringLiteral("10.1.%1.%2").arg(i / 250).arg(i % 250 + 1)}}}}}}},
    };
}

// 2,000 instances of 40 services (v1, and v2 for every fifth), every 97th one stopped.
QList<topology::HostSnapshot> largeHosts()
{
    QList<topology::HostSnapshot> hosts{topology::HostSnapshot{QStringLiteral("big"), QStringLiteral("unix:///x"),
                                                               QStringLiteral("connected"), {}, QStringLiteral("unix socket"), {}}};
    for (int i = 0; i < 2000; ++i) {
        const QString service = QStringLiteral("svc%1").arg(i % 40, 2, 10, QLatin1Char('0'));
        const QJsonObject e = entry(i, service, i % 5 == 0 ? QStringLiteral("v2") : QStringLiteral("v1"), i % 97 != 0);
        hosts.first().containers.insert(e.value(QLatin1String("Id")).toString(), e);
    }
    return hosts;
}

// What the window shows now: the offscreen platform's backing store, as the partial
// repaints left it (QWidget::grab would paint everything afresh).
QImage onScreen(QWidget &window)
{
    return window.screen()->grabWindow(window.winId()).toImage().convertToFormat(QImage::Format_RGB32);
}

// What a widget paints, as the paint engine receives it: the texts and the paths with the
// pen, brush and transform they were drawn with. QWidget::render() onto it runs the widget's
// own paintEvent.
class PaintRecorder final : public QPaintDevice
{
public:
    struct Path
    {
        QPainterPath path;
        QPen pen;
        QBrush brush;
        QTransform transform;
    };
    struct Text
    {
        QString text;
        QPointF at; // device coordinates
    };
    explicit PaintRecorder(QSize size) : m_engine(this), m_size(size) {}
    QPaintEngine *paintEngine() const override { return &m_engine; }
    QList<Path> paths;
    QList<Text> texts;

protected:
    int metric(PaintDeviceMetric m) const override
    {
        switch (m) {
        case PdmWidth: return m_size.width();
        case PdmHeight: return m_size.height();
        case PdmDpiX: case PdmDpiY: case PdmPhysicalDpiX: case PdmPhysicalDpiY: return 96;
        case PdmDepth: return 32;
        case PdmNumColors: return INT_MAX;
        case PdmDevicePixelRatio: return 1;
        case PdmDevicePixelRatioScaled: return int(devicePixelRatioFScale());
        default: return 0;
        }
    }

private:
    class Engine final : public QPaintEngine
    {
    public:
        explicit Engine(PaintRecorder *device) : QPaintEngine(AllFeatures), m_device(device) {}
        bool begin(QPaintDevice *) override { return true; }
        bool end() override { return true; }
        void updateState(const QPaintEngineState &state) override
        {
            if (state.state() & DirtyPen)
                m_pen = state.pen();
            if (state.state() & DirtyBrush)
                m_brush = state.brush();
            if (state.state() & DirtyTransform)
                m_transform = state.transform();
        }
        void drawPath(const QPainterPath &path) override { m_device->paths.append({path, m_pen, m_brush, m_transform}); }
        void drawTextItem(const QPointF &p, const QTextItem &textItem) override
        {
            m_device->texts.append({textItem.text(), m_transform.map(p)});
        }
        void drawPixmap(const QRectF &, const QPixmap &, const QRectF &) override {}
        void drawPolygon(const QPointF *, int, PolygonDrawMode) override {}
        Type type() const override { return User; }

    private:
        PaintRecorder *m_device;
        QPen m_pen;
        QBrush m_brush;
        QTransform m_transform;
    };
    mutable Engine m_engine;
    QSize m_size;
};

// A health glyph as the legend draws it (filled, or stroked), in black on white: what is left
// of it without colour.
QImage glyphInBlack(topology::Health h)
{
    QImage image(32, 32, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    p.translate(16, 16);
    if (ui::healthGlyphIsStroked(h)) {
        p.setPen(QPen(Qt::black, 2));
        p.setBrush(Qt::NoBrush);
    } else {
        p.setPen(Qt::NoPen);
        p.setBrush(Qt::black);
    }
    p.drawPath(ui::healthGlyph(h, 24));
    return image;
}

} // namespace

class TestTopologyView : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void demoStackIsDrawn();
    void searchAndKeyboard();
    void liveUpdateChangesOneItem();
    void largeScene();
    void partialRepaintsMatchAFullPaint();
    void trunksKeepOutOfBoxesAndApart();
    void snapshotSvgDrawsTheViewsBundles();
    void routesReachTheirVersions();
    void zoomPanAndFit();
    void legendShowsEveryHealthState();

private:
    std::unique_ptr<hosts::HostConnection> m_host;
    std::unique_ptr<hosts::ContainerInventory> m_inventory;
    std::unique_ptr<topology::TopologyModel> m_model;
    std::unique_ptr<ui::TopologyScene> m_scene;
    std::unique_ptr<ui::TopologyView> m_view;
};

void TestTopologyView::initTestCase()
{
    QVERIFY(demoStack(QStringLiteral("up")));
    auto ep = endpoint::Endpoint::parse(test::Testbed::instance().require(QStringLiteral("MCP_TB_UNIX_HOST")));
    QVERIFY(ep.ok());
    m_host = std::make_unique<hosts::HostConnection>(QStringLiteral("local"), *ep,
                                                     std::make_unique<transport::UnixConnector>(ep->socketPath));
    m_inventory = std::make_unique<hosts::ContainerInventory>(m_host.get());
    m_model = std::make_unique<topology::TopologyModel>();
    m_model->addHost(m_host.get(), m_inventory.get());
    m_scene = std::make_unique<ui::TopologyScene>();
    m_view = std::make_unique<ui::TopologyView>(m_scene.get());
    m_view->resize(1200, 720);
    connect(m_model.get(), &topology::TopologyModel::changed, this, [this] { m_scene->sync(m_model->graph()); });
    m_host->start();
    // The unhealthy orders instance needs its HEALTHCHECK to fail twice (5 s apart).
    QVERIFY(QTest::qWaitFor(
        [&] {
            const auto it = m_model->graph().nodes.constFind(topology::serviceNodeId(QStringLiteral("orders")));
            return it != m_model->graph().nodes.constEnd() && it->health == topology::Health::Degraded &&
                   it->healthReason == QLatin1String("1 of 2 instances healthy");
        },
        60000));
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
}

void TestTopologyView::cleanupTestCase()
{
    m_view.reset();
    m_scene.reset();
    m_model.reset();
    m_inventory.reset();
    m_host.reset();
    demoStack(QStringLiteral("down"));
}

void TestTopologyView::demoStackIsDrawn()
{
    // 2 gateways + 3 services (users, orders, payments) + 4 versions + 8 instances.
    const auto &items = m_scene->nodeItems();
    QCOMPARE(items.size(), 2 + 3 + 4 + 8);
    QVERIFY(items.contains(topology::gatewayNodeId(QStringLiteral("edge"))));
    QCOMPARE(items.value(topology::versionNodeId(QStringLiteral("users"), QStringLiteral("v2")))->node().health,
             topology::Health::Healthy);
    // The broken label shows as a problem badge on the payments instance.
    bool brokenShown = false;
    for (auto *item : items)
        brokenShown = brokenShown || (item->node().name == QLatin1String("mcp-demo-payments-1") && !item->node().problems.isEmpty());
    QVERIFY(brokenShown);
    // service -> version -> instance edges and gateway -> container edges are drawn.
    QCOMPARE(m_scene->edgeCount(), 4 + 6 + 2);

    m_view->fitAll();
    QVERIFY(m_view->grab().save(screenshotPath(QStringLiteral("topology-1x.png"))));
    m_view->setTransform(QTransform::fromScale(2, 2));
    m_view->centerOn(m_scene->nodeItem(topology::serviceNodeId(QStringLiteral("orders"))));
    QVERIFY(m_view->grab().save(screenshotPath(QStringLiteral("topology-2x.png"))));
    m_view->setTransform(QTransform());
}

void TestTopologyView::searchAndKeyboard()
{
    QCOMPARE(m_scene->highlight(QStringLiteral("orders")), 1 + 1 + 2); // service, version, two instances
    // "down" matches by health: exactly the drawn nodes that are down.
    int down = 0;
    for (auto *item : m_scene->nodeItems()) {
        if (item->node().health == topology::Health::Down)
            ++down;
        else
            QVERIFY2(!item->node().name.contains(QLatin1String("down")), qPrintable(item->node().id));
    }
    QVERIFY(down >= 1); // the orders instance whose HEALTHCHECK fails
    QCOMPARE(m_scene->highlight(QStringLiteral("down")), down);
    QCOMPARE(m_scene->highlight(QString()), 0);

    m_view->setFocus();
    m_view->selectNode(topology::serviceNodeId(QStringLiteral("orders")));
    QTest::keyClick(m_view.get(), Qt::Key_Right);
    QCOMPARE(m_view->selectedNodeId(), topology::versionNodeId(QStringLiteral("orders"), QStringLiteral("v1")));
    QTest::keyClick(m_view.get(), Qt::Key_Right);
    QVERIFY(m_view->selectedNodeId().startsWith(QLatin1String("inst:local/")));
    QTest::keyClick(m_view.get(), Qt::Key_Left);
    QVERIFY(m_view->selectedNodeId().startsWith(QLatin1String("ver:")));
}

void TestTopologyView::liveUpdateChangesOneItem()
{
    ui::NodeItem *edge = m_scene->nodeItem(topology::gatewayNodeId(QStringLiteral("edge")));
    QVERIFY(edge);
    QProcess p;
    p.start(QStringLiteral("docker"), {QStringLiteral("stop"), QStringLiteral("-t"), QStringLiteral("1"), QStringLiteral("mcp-demo-edge")});
    QVERIFY(p.waitForFinished(60000));
    QVERIFY(QTest::qWaitFor([&] { return edge->node().health == topology::Health::Down; }, 20000));
    // The same item, updated in place.
    QCOMPARE(m_scene->nodeItem(topology::gatewayNodeId(QStringLiteral("edge"))), edge);
    m_view->fitAll();
    QVERIFY(m_view->grab().save(screenshotPath(QStringLiteral("topology-gateway-down.png"))));
}

void TestTopologyView::largeScene()
{
    const QList<topology::HostSnapshot> hosts = largeHosts();
    const topology::Graph graph = topology::buildGraph(hosts);
    ui::TopologyScene scene;
    scene.sync(graph);
    QCOMPARE(scene.nodeItems().size(), 40 + 40 + 2000); // services, one version each (k % 5 == 0: v2), instances
    ui::TopologyView view(&scene);
    view.resize(1200, 720);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.fitAll();
    QVERIFY(view.grab().save(screenshotPath(QStringLiteral("topology-2000.png"))));
    // A second sync with the same graph changes nothing.
    ui::NodeItem *someItem = scene.nodeItems().begin().value();
    scene.sync(graph);
    QCOMPARE(scene.nodeItems().value(someItem->node().id), someItem);

    // A health-only change (an instance exits): the delta path updates the changed items in
    // place without a new layout; the drawn result equals a full sync of the new graph.
    auto changedHosts = hosts;
    QJsonObject first = changedHosts.first().containers.begin().value();
    const QString changedId = first.value(QLatin1String("Id")).toString();
    first.insert(QStringLiteral("State"), QStringLiteral("exited"));
    first.insert(QStringLiteral("Status"), QStringLiteral("Exited (1) 1 second ago"));
    changedHosts.first().containers.insert(changedId, first);
    const topology::Graph changed = topology::buildGraph(changedHosts);
    const topology::GraphDelta delta = topology::diffGraphs(graph, changed);
    QVERIFY(delta.addedNodes.isEmpty() && delta.removedNodes.isEmpty() && !delta.updatedNodes.isEmpty());
    const int fullSyncs = scene.fullSyncs();
    const QPointF before = scene.nodeItem(topology::instanceNodeId(QStringLiteral("big"), changedId))->pos();
    scene.sync(changed, delta);
    QCOMPARE(scene.fullSyncs(), fullSyncs);
    ui::NodeItem *changedItem = scene.nodeItem(topology::instanceNodeId(QStringLiteral("big"), changedId));
    // Items show the node with the doctor's findings about it (Graph::withFindings).
    QCOMPARE(changedItem->node(), changed.withFindings(changed.nodes.value(changedItem->node().id)));
    QCOMPARE(changedItem->pos(), before);
    for (const QString &id : delta.updatedNodes)
        QCOMPARE(scene.nodeItem(id)->node(), changed.withFindings(changed.nodes.value(id)));
    ui::TopologyScene reference;
    reference.sync(changed);
    for (auto it = reference.nodeItems().cbegin(); it != reference.nodeItems().cend(); ++it) {
        QCOMPARE(scene.nodeItem(it.key())->node(), it.value()->node());
        QCOMPARE(scene.nodeItem(it.key())->pos(), it.value()->pos());
    }
    // A structural change (a new instance) takes the full path.
    auto grownHosts = changedHosts;
    const QJsonObject extra = entry(5000, QStringLiteral("svc00"), QStringLiteral("v2"), true);
    grownHosts.first().containers.insert(extra.value(QLatin1String("Id")).toString(), extra);
    const topology::Graph grown = topology::buildGraph(grownHosts);
    scene.sync(grown, topology::diffGraphs(changed, grown));
    QCOMPARE(scene.fullSyncs(), fullSyncs + 1);
    QCOMPARE(scene.nodeItems().size(), 40 + 40 + 2001);
}

// Under a stream of health changes the view repaints only the rectangles the changed items
// dirtied, and a bundle strokes only the part of its trunk and the ticks that meet them. What
// is on screen afterwards must be what a full repaint draws: no stale tick colour, no gap in
// a trunk; at fit-all, at 1:1 and at 2x.
void TestTopologyView::partialRepaintsMatchAFullPaint()
{
    QList<topology::HostSnapshot> hosts = largeHosts();
    topology::GraphBuilder builder;
    topology::Graph graph = builder.build(hosts);
    ui::TopologyScene scene;
    scene.sync(graph);
    QVERIFY(scene.bundleCount() > 0);

    // The services wrap into several columns here. No trunk runs through a service or
    // version box right of its source: it would read as version -> version (it runs level
    // through the gaps between their rows instead).
    QList<QRectF> serviceBoxes;
    for (const ui::NodeItem *n : scene.nodeItems())
        if (n->node().kind == topology::NodeKind::Service || n->node().kind == topology::NodeKind::Version)
            serviceBoxes << n->sceneBoundingRect().adjusted(3, 3, -3, -3); // the box, not its margin
    QSet<qreal> serviceColumns; // the services' own x: more than one when the layer wraps
    for (const ui::NodeItem *n : scene.nodeItems())
        if (n->node().kind == topology::NodeKind::Service)
            serviceColumns.insert(n->pos().x());
    QVERIFY2(serviceColumns.size() >= 2, qPrintable(QString::number(serviceColumns.size())));
    int routed = 0;
    for (const ui::BundleItem *bundle : scene.bundles()) {
        const QPolygonF line = bundle->trunk().toSubpathPolygons().value(0);
        QVERIFY(line.size() >= 2);
        const qreal sourceX = line.first().x();
        routed += std::abs(line.first().y() - line.last().y()) > 0.5 || bundle->trunk().elementCount() > 4 ? 1 : 0;
        for (const QRectF &box : std::as_const(serviceBoxes)) {
            if (box.left() <= sourceX)
                continue;
            for (qsizetype i = 1; i < line.size(); ++i)
                QVERIFY2(!box.intersects(QRectF(line[i - 1], line[i]).normalized().adjusted(-0.5, -0.5, 0.5, 0.5)),
                         qPrintable(QStringLiteral("a trunk from (%1, %2) crosses the box at (%3, %4)")
                                        .arg(line.first().x()).arg(line.first().y()).arg(box.left()).arg(box.top())));
        }
    }
    QVERIFY(routed > 0);
    ui::TopologyView view(&scene);
    view.resize(1200, 720);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const QStringList ids = hosts.first().containers.keys();
    int round = 0;
    for (const qreal zoom : {0.0, 1.0, 2.0}) { // 0: fit-all
        if (zoom == 0) {
            view.fitAll();
        } else {
            view.setTransform(QTransform::fromScale(zoom, zoom));
            view.centerOn(scene.itemsBoundingRect().topLeft() + QPointF(500, 300) / zoom);
        }
        view.viewport()->repaint();
        const QImage start = onScreen(view);
        for (int batch = 0; batch < 3; ++batch, ++round) {
            // 30 instances spread over the scene change state; the rest stay shared.
            for (int k = 0; k < 30; ++k) {
                const QString &id = ids[(k * 67 + round * 13) % ids.size()];
                QJsonObject e = hosts.first().containers.value(id);
                const bool running = e.value(QLatin1String("State")).toString() == QLatin1String("running");
                e.insert(QStringLiteral("State"), running ? QStringLiteral("exited") : QStringLiteral("running"));
                e.insert(QStringLiteral("Status"), running ? QStringLiteral("Exited (1) 1 second ago") : QStringLiteral("Up 1 second"));
                hosts.first().containers.insert(id, e);
            }
            topology::Graph next = builder.build(hosts);
            const topology::GraphDelta delta = topology::diffGraphs(graph, next);
            QVERIFY(delta.addedNodes.isEmpty() && delta.removedNodes.isEmpty() && !delta.updatedNodes.isEmpty());
            graph = std::move(next);
            scene.sync(graph, delta);
            QCoreApplication::sendPostedEvents();
            QCoreApplication::processEvents(); // the partial repaint
        }
        const QImage partial = onScreen(view);
        QVERIFY(partial != start); // the changes reached the screen
        partial.save(screenshotPath(QStringLiteral("topology-2000-after-changes-%1x.png").arg(zoom)));
        view.viewport()->repaint(); // everything, from scratch
        const QImage full = onScreen(view);
        QVERIFY(!full.isNull());
        int differing = 0;
        for (int y = 0; y < full.height(); ++y)
            for (int x = 0; x < full.width(); ++x)
                differing += partial.pixel(x, y) != full.pixel(x, y) ? 1 : 0;
        if (differing)
            full.save(screenshotPath(QStringLiteral("topology-2000-full-repaint-%1x.png").arg(zoom)));
        QVERIFY2(differing == 0, qPrintable(QStringLiteral("zoom %1: %2 pixels differ from a full repaint").arg(zoom).arg(differing)));
    }
}

// In the 2,000-instance scene (services wrapped into two columns, instances into many), a
// bundle's trunk passes no node box between its source and its own targets' column: it runs
// level through the gaps between their rows. Trunks from different sources that share a
// gap run on lanes of their own there, far enough apart to be told apart on screen.
void TestTopologyView::trunksKeepOutOfBoxesAndApart()
{
    const topology::Graph graph = topology::buildGraph(largeHosts());
    ui::TopologyScene scene;
    scene.sync(graph);
    QList<QRectF> boxes;
    for (const ui::NodeItem *n : scene.nodeItems())
        boxes << n->sceneBoundingRect().adjusted(3, 3, -3, -3); // the box, not its margin
    struct Level
    {
        qreal y, left, right;
        QPointF source;
    };
    QList<Level> levels;
    QStringList crossings;
    int routed = 0;
    for (const ui::BundleItem *bundle : scene.bundles()) {
        const QPolygonF line = bundle->trunk().toSubpathPolygons().value(0);
        QVERIFY(line.size() >= 2);
        const qreal sourceX = line.first().x(), busX = line.last().x();
        for (const QRectF &box : std::as_const(boxes)) {
            if (box.left() <= sourceX || box.right() >= busX)
                continue; // the source's own column, or the targets'
            for (qsizetype i = 1; i < line.size(); ++i) {
                if (box.intersects(QRectF(line[i - 1], line[i]).normalized().adjusted(-0.5, -0.5, 0.5, 0.5))) {
                    crossings << QStringLiteral("the trunk from (%1, %2) to x %3 crosses the box at (%4, %5)")
                                     .arg(line.first().x()).arg(line.first().y()).arg(busX).arg(box.left()).arg(box.top());
                    break;
                }
            }
        }
        for (qsizetype i = 1; i < line.size(); ++i) {
            if (line[i - 1].y() == line[i].y() && line[i].x() - line[i - 1].x() > 100) {
                levels.append({line[i].y(), line[i - 1].x(), line[i].x(), line.first()});
                ++routed;
            }
        }
    }
    QVERIFY2(crossings.isEmpty(), qPrintable(QStringLiteral("%1 crossings: %2").arg(crossings.size()).arg(crossings.mid(0, 8).join(QStringLiteral("; ")))));
    QVERIFY(routed > 10);
    int shared = 0;
    for (qsizetype i = 0; i < levels.size(); ++i) {
        for (qsizetype j = i + 1; j < levels.size(); ++j) {
            const Level &a = levels[i], &b = levels[j];
            if (a.source == b.source || a.right <= b.left || b.right <= a.left || std::abs(a.y - b.y) > 12)
                continue; // one source's trunks run together; not side by side
            ++shared;
            QVERIFY2(std::abs(a.y - b.y) >= 2.5,
                     qPrintable(QStringLiteral("trunks from (%1, %2) and (%3, %4) run %5 px apart at y %6")
                                    .arg(a.source.x()).arg(a.source.y()).arg(b.source.x()).arg(b.source.y())
                                    .arg(std::abs(a.y - b.y)).arg(a.y)));
        }
    }
    QVERIFY(shared > 0); // the scene has shared gaps: the lanes were checked
}

namespace {
// A path's elements as (command, coordinates): "M", "L" and "C" (three points), from a
// QPainterPath or from an SVG path's "d" (which writes one decimal).
using PathSteps = QList<std::pair<QChar, QList<qreal>>>;

PathSteps stepsOf(const QPainterPath &path)
{
    PathSteps out;
    for (int i = 0; i < path.elementCount(); ++i) {
        const QPainterPath::Element e = path.elementAt(i);
        if (e.isMoveTo() || e.isLineTo()) {
            out.append({e.isMoveTo() ? QLatin1Char('M') : QLatin1Char('L'), {e.x, e.y}});
        } else if (e.isCurveTo()) {
            const QPainterPath::Element c2 = path.elementAt(i + 1), to = path.elementAt(i + 2);
            out.append({QLatin1Char('C'), {e.x, e.y, c2.x, c2.y, to.x, to.y}});
            i += 2;
        }
    }
    return out;
}

PathSteps stepsOf(const QString &d)
{
    PathSteps out;
    for (const QString &token : d.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (token.front().isLetter()) {
            out.append({token.front(), {}});
            if (token.size() > 1)
                out.last().second << token.mid(1).toDouble();
        } else if (!out.isEmpty()) {
            out.last().second << token.toDouble();
        }
    }
    return out;
}

bool sameSteps(const PathSteps &a, const PathSteps &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a[i].first != b[i].first || a[i].second.size() != b[i].second.size())
            return false;
        for (qsizetype k = 0; k < a[i].second.size(); ++k)
            if (std::abs(a[i].second[k] - b[i].second[k]) > 0.06)
                return false;
    }
    return true;
}
} // namespace

// The snapshot's graph.svg draws big fan-outs as the view does: the same bundles, trunk for
// trunk, with a tick in each target's health colour, and single edges only where the view
// has them.
void TestTopologyView::snapshotSvgDrawsTheViewsBundles()
{
    const topology::Graph graph = topology::buildGraph(largeHosts());
    ui::TopologyScene scene;
    scene.sync(graph);
    QVERIFY(scene.bundleCount() > 40);
    snapshot::GraphSvgOptions options;
    options.groupBy = scene.groupBy();
    const QByteArray svg = snapshot::graphToSvg(graph, options);
    { // to look at: its top left at 1:1, as the view's 1:1 screenshot
        QSvgRenderer renderer(svg);
        QVERIFY(renderer.isValid());
        renderer.setViewBox(QRectF(0, 0, 1200, 720));
        QImage image(1200, 720, QImage::Format_ARGB32);
        image.fill(Qt::white);
        QPainter painter(&image);
        renderer.render(&painter);
        painter.end();
        QVERIFY(image.save(screenshotPath(QStringLiteral("snapshot-graph-2000-1x.png"))));
    }

    struct SvgBundle
    {
        PathSteps trunk;
        QStringList tickColors;
    };
    QList<SvgBundle> bundles;
    int edgePaths = 0;
    QXmlStreamReader xml(svg);
    int bundleDepth = 0, edgesDepth = 0, depth = 0, pathsInBundle = 0;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            ++depth;
            if (xml.name() == QLatin1String("g") && xml.attributes().value(QLatin1String("class")) == QLatin1String("bundle")) {
                bundleDepth = depth;
                pathsInBundle = 0;
                bundles.append(SvgBundle{});
            } else if (xml.name() == QLatin1String("g") && xml.attributes().value(QLatin1String("fill")) == QLatin1String("none")) {
                edgesDepth = depth; // the single edges
            } else if (xml.name() == QLatin1String("path")) {
                const QString d = xml.attributes().value(QLatin1String("d")).toString();
                if (edgesDepth > 0)
                    ++edgePaths;
                else if (bundleDepth == 0)
                    continue; // a node's glyph
                else if (pathsInBundle++ == 0)
                    bundles.last().trunk = stepsOf(d);
                else if (pathsInBundle > 2) // after the trunk and the bus: the ticks
                    bundles.last().tickColors << xml.attributes().value(QLatin1String("stroke")).toString();
            }
        } else if (xml.isEndElement()) {
            if (depth == bundleDepth)
                bundleDepth = 0;
            if (depth == edgesDepth)
                edgesDepth = 0;
            --depth;
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QCOMPARE(edgePaths, scene.edgeCount());
    QCOMPARE(bundles.size(), scene.bundleCount());
    // Every bundle of the view is in the SVG, with its trunk and its ticks' colours.
    for (const ui::BundleItem *item : scene.bundles()) {
        const PathSteps trunk = stepsOf(item->trunk());
        const auto found = std::find_if(bundles.cbegin(), bundles.cend(), [&](const SvgBundle &b) { return sameSteps(b.trunk, trunk); });
        QVERIFY2(found != bundles.cend(), qPrintable(QStringLiteral("no SVG trunk from (%1, %2)")
                                                        .arg(item->trunk().elementAt(0).x).arg(item->trunk().elementAt(0).y)));
        QStringList colors;
        for (int i = 0; i < item->targetCount(); ++i)
            colors << item->tickColor(i).name();
        QCOMPARE(found->tickColors, colors);
    }
}

void TestTopologyView::routesReachTheirVersions()
{
    // Gateways, routes, services with their versions, instances: the routes' edges drawn
    // into versions (tst_layered_layout checks the geometry; this is the picture).
    const topology::Graph graph = topology::buildGraph({test::shopHost()});
    ui::TopologyScene scene;
    scene.sync(graph);
    QCOMPARE(scene.nodeItems().size(), 2 + 7 + 2 + 6 + 10 + 20); // gateways, routes, their containers, services, versions, instances
    ui::TopologyView view(&scene);
    view.resize(1200, 720);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.fitAll();
    QVERIFY(view.grab().save(screenshotPath(QStringLiteral("topology-routes-fit.png"))));
    view.setTransform(QTransform());
    view.centerOn(scene.nodeItem(topology::serviceNodeId(QStringLiteral("catalog"))));
    QVERIFY(view.grab().save(screenshotPath(QStringLiteral("topology-routes-1x.png"))));
}

// Zoom, pan and fit driven as a user does: the keys (+ and = zoom in, - out, 0 fits), the
// wheel (zooming around the point under the cursor) and a drag with the left button on the
// background (the view follows the hand).
void TestTopologyView::zoomPanAndFit()
{
    // The cursor goes to the top-level window under it: the demo stack's view, in the same
    // place, stays hidden meanwhile.
    m_view->hide();
    const auto showAgain = qScopeGuard([this] { m_view->show(); });
    const topology::Graph graph = topology::buildGraph({test::shopHost()});
    ui::TopologyScene scene;
    scene.sync(graph);
    ui::TopologyView view(&scene);
    view.resize(1200, 720);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setFocus();
    QWidget *viewport = view.viewport();
    const auto visible = [&] { return view.mapToScene(viewport->rect()).boundingRect(); };
    const QRectF all = scene.itemsBoundingRect();

    // Fit: the whole graph (taller than the window at 1:1) in view, zoomed out to get there.
    view.setTransform(QTransform());
    QVERIFY(!visible().contains(all));
    QTest::keyClick(&view, Qt::Key_0);
    QVERIFY2(visible().contains(all), qPrintable(QStringLiteral("zoom %1").arg(view.zoom())));
    QVERIFY(view.zoom() < 1.0);
    // As large as fits: the graph spans the window's width or its height (but for a margin).
    const auto fillsOneWay = [&] {
        return all.width() > 0.85 * visible().width() || all.height() > 0.85 * visible().height();
    };
    QVERIFY(fillsOneWay());
    const qreal fitted = view.zoom();
    QVERIFY(view.grab().save(screenshotPath(QStringLiteral("topology-zoom-fit.png"))));

    // Keys: each + (or =) zooms in by a step, - undoes one.
    QTest::keyClick(&view, Qt::Key_Plus);
    QVERIFY(qFuzzyCompare(view.zoom(), fitted * 1.25));
    QTest::keyClick(&view, Qt::Key_Equal);
    QVERIFY(qFuzzyCompare(view.zoom(), fitted * 1.25 * 1.25));
    QTest::keyClick(&view, Qt::Key_Minus);
    QVERIFY(qFuzzyCompare(view.zoom(), fitted * 1.25 * 1.25 * 0.8));
    QVERIFY(!visible().contains(all)); // zoomed in: part of the graph is out of view

    // Zoomed in until the graph overflows the window both ways by a drag's length (short of
    // that, the view centres the graph instead of scrolling, and no zoom anchor can hold).
    const QPoint drag(-150, -90);
    QScrollBar *h = view.horizontalScrollBar();
    QScrollBar *v = view.verticalScrollBar();
    while ((h->maximum() - h->minimum() <= -drag.x() || v->maximum() - v->minimum() <= -drag.y()) && view.zoom() < 3)
        QTest::keyClick(&view, Qt::Key_Plus);
    h->setValue((h->minimum() + h->maximum()) / 2);
    v->setValue((v->minimum() + v->maximum()) / 2);

    // The wheel: up zooms in, down out, and the scene point under the cursor stays there.
    const QPoint at(viewport->width() / 3, viewport->height() / 3);
    QTest::mouseMove(viewport, at); // the cursor over the view, as for a real wheel turn
    QVERIFY(view.underMouse());
    const auto wheel = [&](int dy) {
        QWheelEvent e(QPointF(at), QPointF(viewport->mapToGlobal(at)), QPoint(), QPoint(0, dy), Qt::NoButton, Qt::NoModifier,
                      Qt::NoScrollPhase, false);
        QApplication::sendEvent(viewport, &e);
    };
    const qreal beforeWheel = view.zoom();
    const QPointF underCursor = view.mapToScene(at);
    wheel(120);
    QVERIFY(qFuzzyCompare(view.zoom(), beforeWheel * 1.15));
    // Within the rounding of the scroll bars' whole pixels; zooming around the centre instead
    // would move it by 15% of its distance from the centre, here about 30 px.
    QVERIFY2(QLineF(view.mapToScene(at), underCursor).length() * view.zoom() < 4,
             qPrintable(QStringLiteral("(%1, %2) moved to (%3, %4)")
                            .arg(underCursor.x()).arg(underCursor.y()).arg(view.mapToScene(at).x()).arg(view.mapToScene(at).y())));
    wheel(-120);
    QVERIFY(qFuzzyCompare(view.zoom(), beforeWheel));

    // Drag: start on empty background (a press on a node selects it instead), from the
    // top-left scroll position, so that there is room to scroll right and down.
    h->setValue(h->minimum());
    v->setValue(v->minimum());
    QVERIFY2(h->maximum() - h->value() > -drag.x() && v->maximum() - v->value() > -drag.y(), qPrintable(QString::number(view.zoom())));
    QPoint from;
    for (int y = viewport->height() - 20; y > viewport->height() / 2 && from.isNull(); y -= 10)
        for (int x = viewport->width() - 20; x > viewport->width() / 2 && from.isNull(); x -= 10)
            if (view.items(QPoint(x, y)).isEmpty() && view.items(QPoint(x, y) + drag).isEmpty())
                from = QPoint(x, y);
    QVERIFY(!from.isNull());
    const QRectF beforeDrag = visible();
    const qreal zoomBeforeDrag = view.zoom();
    QTest::mousePress(viewport, Qt::LeftButton, {}, from);
    QTest::mouseMove(viewport, from + drag / 2);
    QTest::mouseMove(viewport, from + drag);
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, from + drag);
    const QRectF afterDrag = visible();
    QCOMPARE(view.zoom(), zoomBeforeDrag); // a drag pans, never zooms
    // The content followed the hand: the visible part moved the other way, by the drag.
    const QPointF moved = (afterDrag.topLeft() - beforeDrag.topLeft()) * view.zoom();
    QVERIFY2(qAbs(moved.x() + drag.x()) < 1 && qAbs(moved.y() + drag.y()) < 1,
             qPrintable(QStringLiteral("moved by (%1, %2) px for a drag of (%3, %4)").arg(moved.x()).arg(moved.y()).arg(drag.x()).arg(drag.y())));
    QCOMPARE(afterDrag.size(), beforeDrag.size());
    QVERIFY(scene.selectedItems().isEmpty()); // nothing was clicked on

    // And 0 fits again from wherever the view is.
    QTest::keyClick(&view, Qt::Key_0);
    QVERIFY(visible().contains(all));
    QVERIFY(fillsOneWay());
}

// The health legend: every state, each with its own colour and its own glyph (so it reads
// without colour), named in the interface language.
void TestTopologyView::legendShowsEveryHealthState()
{
    using topology::Health;
    const QList<Health> states{Health::Healthy, Health::Degraded, Health::Down, Health::Unknown};
    for (qsizetype i = 0; i < states.size(); ++i) {
        QVERIFY(!ui::healthText(states[i]).isEmpty());
        for (qsizetype j = i + 1; j < states.size(); ++j) {
            const Health a = states[i], b = states[j];
            const QString pair = ui::healthText(a) + QStringLiteral(" / ") + ui::healthText(b);
            QVERIFY2(ui::healthColor(a) != ui::healthColor(b), qPrintable(pair));
            QVERIFY2(ui::healthGlyph(a, 12) != ui::healthGlyph(b, 12), qPrintable(pair));
            QVERIFY2(ui::healthText(a) != ui::healthText(b), qPrintable(pair));
            // Distinct as drawn in black: the shapes alone tell them apart.
            const QImage ga = glyphInBlack(a), gb = glyphInBlack(b);
            int differing = 0;
            for (int y = 0; y < ga.height(); ++y)
                for (int x = 0; x < ga.width(); ++x)
                    differing += qAbs(qGray(ga.pixel(x, y)) - qGray(gb.pixel(x, y))) > 128 ? 1 : 0;
            QVERIFY2(differing >= 20, qPrintable(pair + QStringLiteral(": %1 pixels differ").arg(differing)));
        }
    }

    ui::LegendWidget legend;
    QCOMPARE(legend.mode(), ui::OverlayMode::Health);
    legend.resize(legend.sizeHint());
    legend.show();
    QVERIFY(QTest::qWaitForWindowExposed(&legend));
    PaintRecorder painted(legend.size());
    legend.render(&painted);
    // Each state's glyph in its colour, followed by its name, left to right in the order
    // healthy, degraded, down, unknown; all inside the widget.
    qreal lastX = -1;
    for (Health h : states) {
        const QColor c = ui::healthColor(h);
        const auto glyph = std::find_if(painted.paths.cbegin(), painted.paths.cend(), [&](const PaintRecorder::Path &p) {
            return p.path == ui::healthGlyph(h, 12);
        });
        QVERIFY2(glyph != painted.paths.cend(), qPrintable(ui::healthText(h)));
        // Drawn in the state's colour (a shade of it for the outline): the same hue.
        const QColor drawn = ui::healthGlyphIsStroked(h) ? glyph->pen.color() : glyph->brush.color();
        QVERIFY2(c.hsvHue() == -1 ? drawn.hsvHue() == -1 : qAbs(drawn.hsvHue() - c.hsvHue()) <= 2,
                 qPrintable(QStringLiteral("%1: drawn %2, colour %3").arg(ui::healthText(h), drawn.name(), c.name())));
        if (!ui::healthGlyphIsStroked(h))
            QCOMPARE(glyph->brush.style(), Qt::SolidPattern);
        const QPointF centre = glyph->transform.map(QPointF(0, 0));
        QVERIFY(centre.x() > lastX);
        const auto text = std::find_if(painted.texts.cbegin(), painted.texts.cend(),
                                       [&](const PaintRecorder::Text &t) { return t.text == ui::healthText(h); });
        QVERIFY2(text != painted.texts.cend(), qPrintable(ui::healthText(h)));
        QVERIFY(text->at.x() > centre.x());
        lastX = text->at.x();
        QVERIFY(text->at.x() + legend.fontMetrics().horizontalAdvance(text->text) <= legend.width());
    }
    QCOMPARE(painted.texts.size(), states.size()); // nothing else is named
    QVERIFY(legend.grab().save(screenshotPath(QStringLiteral("legend-health.png"))));
}

QTEST_MAIN(TestTopologyView)
#include "tst_topology_view.moc"
