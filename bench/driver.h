#pragma once

#include "common/whenready.h"

#include <QEventLoop>
#include <QFuture>
#include <QList>
#include <QObject>

#include <algorithm>

namespace mcp::bench {

// A driver's blocking wait for one asynchronous call: the future's result, with the event
// loop running meanwhile (the calls' replies arrive through it).
template <typename T>
T wait(QFuture<T> future)
{
    QEventLoop loop;
    QObject context;
    T result{};
    whenReady(future, &context, [&](T r) {
        result = std::move(r);
        loop.quit();
    });
    loop.exec();
    return result;
}

// Median, 95th percentile and maximum of a driver's samples (all 0 when there are none).
struct Spread
{
    double median = 0, p95 = 0, max = 0;
};

inline Spread spreadOf(QList<double> v)
{
    Spread s;
    if (v.isEmpty())
        return s;
    std::sort(v.begin(), v.end());
    s.median = v[v.size() / 2];
    s.p95 = v[std::min<qsizetype>(v.size() - 1, qsizetype(v.size() * 0.95))];
    s.max = v.last();
    return s;
}

} // namespace mcp::bench
