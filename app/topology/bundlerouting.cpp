#include "bundlerouting.h"

#include "layeredlayout.h"

#include <QMap>
#include <QRectF>

#include <algorithm>
#include <cmath>
#include <limits>
#include <tuple>

namespace mcp::topology {

namespace {
constexpr qreal kClearance = 3; // half a trunk's width and a pixel of air
constexpr qreal kBandMargin = 8; // a trunk runs level this far before and after a column
// Trunks sharing a gap run this far apart (closer when the gap is too narrow for them).
constexpr qreal kLaneSpacing = 4;

// A column of boxes (boxes whose x overlap, such as services and their indented versions),
// with the heights they occupy (widened by the clearance, merged, sorted) and the free gaps
// between (above the first row and below the last are free too).
struct Band
{
    qreal left = 0, right = 0;
    QList<std::pair<qreal, qreal>> rows;
    // The gap nearest the height y: its index (0: above the first row, rows.size(): below
    // the last) and the height a trunk runs at there (y itself when the gap holds it).
    std::pair<qsizetype, qreal> gapNear(qreal y) const
    {
        const auto below = std::lower_bound(rows.cbegin(), rows.cend(), y, [](const auto &r, qreal v) { return r.second < v; });
        const qsizetype i = below - rows.cbegin(); // the first row not above y
        if (i == rows.size() || y < below->first)
            return {i, y}; // y is in gap i
        // y is inside row i: the gap above it or the one below, whichever is nearer.
        const qreal up = i == 0 ? rows[i].first - kClearance : (rows[i - 1].second + rows[i].first) / 2;
        const qreal down = i + 1 == rows.size() ? rows[i].second + kClearance : (rows[i].second + rows[i + 1].first) / 2;
        return y - up <= down - y ? std::pair{i, up} : std::pair{i + 1, down};
    }
    // The free heights of gap i.
    std::pair<qreal, qreal> gap(qsizetype i) const
    {
        constexpr qreal inf = std::numeric_limits<qreal>::infinity();
        return {i == 0 ? -inf : rows[i - 1].second, i == rows.size() ? inf : rows[i].first};
    }
};

QList<Band> bandsOf(const QList<QRectF> &boxes)
{
    QList<QRectF> sorted = boxes;
    std::sort(sorted.begin(), sorted.end(), [](const QRectF &a, const QRectF &b) { return a.left() < b.left(); });
    QList<Band> bands;
    for (const QRectF &b : std::as_const(sorted)) {
        if (bands.isEmpty() || b.left() >= bands.last().right)
            bands.append({b.left(), b.right(), {}});
        bands.last().right = std::max(bands.last().right, b.right());
        bands.last().rows.append({b.top() - kClearance, b.bottom() + kClearance});
    }
    for (Band &band : bands) {
        std::sort(band.rows.begin(), band.rows.end());
        QList<std::pair<qreal, qreal>> merged;
        for (const auto &r : std::as_const(band.rows)) {
            if (!merged.isEmpty() && r.first <= merged.last().second)
                merged.last().second = std::max(merged.last().second, r.second);
            else
                merged.append(r);
        }
        band.rows = std::move(merged);
    }
    return bands;
}

TrunkPiece sCurve(QPointF from, QPointF to)
{
    const qreal dx = (to.x() - from.x()) / 2;
    return {from + QPointF(dx, 0), to - QPointF(dx, 0), to, false};
}

TrunkPiece line(QPointF from, QPointF to)
{
    return {from, to, to, true};
}

// Where a trunk passes one column: the gap, and the height it runs at there (the gap's,
// then its lane's when it shares the gap).
struct Pass
{
    qsizetype band = 0, gap = 0;
    qreal y = 0;
};

struct Pending
{
    BundleRoute route;
    QList<Pass> passes; // left to right
};

// Trunks from different sources that pass one column through one gap get lanes there,
// upper sources above, spread around the middle of the gap and kept inside its free
// heights. Above the first row and below the last, where the free heights are open, only
// trunks at one height share. A source's trunks to several columns share its lane.
void spreadSharedGaps(QList<Pending> &pending, const QList<Band> &bands)
{
    struct Sharing
    {
        QList<std::pair<Pass *, const BundleRoute *>> passes;
        QList<std::pair<qreal, QString>> sources; // (height, id): the lanes' order
    };
    QMap<std::tuple<qsizetype, qsizetype, qint64>, Sharing> byGap;
    for (Pending &p : pending) {
        for (Pass &pass : p.passes) {
            const auto [low, high] = bands[pass.band].gap(pass.gap);
            const qint64 height = std::isfinite(high - low) ? 0 : std::llround(pass.y * 100);
            Sharing &sharing = byGap[{pass.band, pass.gap, height}];
            sharing.passes.append({&pass, &p.route});
            const std::pair<qreal, QString> key{p.route.start.y(), p.route.source};
            if (!sharing.sources.contains(key))
                sharing.sources.append(key);
        }
    }
    for (auto it = byGap.begin(); it != byGap.end(); ++it) {
        Sharing &sharing = it.value();
        if (sharing.sources.size() < 2)
            continue;
        std::sort(sharing.sources.begin(), sharing.sources.end());
        const auto lanes = qreal(sharing.sources.size() - 1);
        const auto [low, high] = bands[std::get<0>(it.key())].gap(std::get<1>(it.key()));
        const bool closed = std::isfinite(high - low);
        const qreal middle = closed ? (low + high) / 2 : sharing.passes.first().first->y;
        const qreal spacing = closed ? std::min(kLaneSpacing, (high - low) / lanes) : kLaneSpacing;
        qreal top = middle - spacing * lanes / 2;
        top = std::min(std::max(top, low), high - spacing * lanes);
        for (const auto &[pass, route] : std::as_const(sharing.passes))
            pass->y = top + spacing * qreal(sharing.sources.indexOf(std::pair{route->start.y(), route->source}));
    }
}
} // namespace

BundleRouting routeBundles(const Graph &graph, const QHash<QString, QPointF> &positions)
{
    BundleRouting out;
    const auto bundleable = [&](const Edge &e) {
        const auto from = positions.constFind(e.from), to = positions.constFind(e.to);
        return from != positions.constEnd() && to != positions.constEnd() && to->x() >= from->x() + kNodeWidth;
    };
    QHash<QString, int> fanOut;
    for (const Edge &e : graph.edges) {
        if (bundleable(e))
            ++fanOut[e.from];
    }
    // Source -> target column x -> targets.
    QMap<QString, QMap<qreal, QList<std::pair<qreal, QString>>>> targets;
    for (auto it = graph.edges.constBegin(); it != graph.edges.constEnd(); ++it) {
        if (fanOut.value(it->from) <= kBundleThreshold || !bundleable(*it))
            continue;
        out.bundledEdges.insert(it.key());
        const QPointF to = positions.value(it->to);
        targets[it->from][to.x()].append({to.y(), it->to});
    }
    if (targets.isEmpty())
        return out;

    QList<QRectF> boxes;
    boxes.reserve(positions.size());
    for (const QPointF &p : positions)
        boxes << QRectF(p, QSizeF(kNodeWidth, kNodeHeight));
    const QList<Band> bands = bandsOf(boxes);

    QList<Pending> pending;
    for (auto source = targets.begin(); source != targets.end(); ++source) {
        const QPointF start = positions.value(source.key()) + QPointF(kNodeWidth, kNodeHeight / 2);
        int total = 0;
        for (const auto &column : std::as_const(source.value()))
            total += int(column.size());
        for (auto column = source.value().begin(); column != source.value().end(); ++column) {
            std::sort(column->begin(), column->end());
            Pending p;
            BundleRoute &r = p.route;
            r.source = source.key();
            r.start = start;
            r.total = total;
            r.busX = column.key() - kBundleBusGap;
            r.top = column->first().first + kNodeHeight / 2;
            r.bottom = column->last().first + kNodeHeight / 2;
            for (const auto &[y, id] : std::as_const(*column)) {
                r.targets << id;
                r.targetPoints << QPointF(column.key(), y + kNodeHeight / 2);
            }
            // Each column in between is passed through its gap nearest the source's height.
            for (qsizetype b = 0; b < bands.size(); ++b) {
                if (bands[b].left <= start.x() || bands[b].right >= column.key())
                    continue;
                const auto [gap, y] = bands[b].gapNear(start.y());
                p.passes.append({b, gap, y});
            }
            pending << std::move(p);
        }
    }
    spreadSharedGaps(pending, bands);

    // Level through each column, S-curves in the channels between, then to the middle of
    // the bus.
    for (Pending &p : pending) {
        BundleRoute &r = p.route;
        QPointF at = r.start;
        const auto to = [&](QPointF next) {
            r.trunk << (next.y() == at.y() ? line(at, next) : sCurve(at, next));
            at = next;
        };
        for (const Pass &pass : std::as_const(p.passes)) {
            to(QPointF(bands[pass.band].left - kBandMargin, pass.y));
            to(QPointF(bands[pass.band].right + kBandMargin, pass.y));
        }
        to(QPointF(r.busX, std::clamp(r.start.y(), r.top, r.bottom)));
        out.bundles << std::move(r);
    }
    return out;
}

} // namespace mcp::topology
