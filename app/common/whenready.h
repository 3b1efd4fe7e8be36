#pragma once

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>

#include <utility>

namespace mcp {

// Calls fn(result) on the context's thread when the future finishes, unless the context is
// gone by then. Qt 6.4's QFuture::then(context, ...) asserts (and in release builds calls
// into a dead context's event queue) when the context dies first, which is exactly what
// happens when a host is removed while a call is in flight; a watcher owned by the context
// dies with it instead.
//
// A future that finished without a result (its promise was dropped) yields T{}; our Result
// types default to a "cancelled" error.
template <typename T, typename F>
void whenReady(const QFuture<T> &future, QObject *context, F &&fn)
{
    auto *watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context,
                     [watcher, fn = std::forward<F>(fn)]() mutable {
                         watcher->deleteLater();
                         const QFuture<T> f = watcher->future();
                         fn(f.resultCount() > 0 ? f.result() : T{});
                     });
    watcher->setFuture(future);
}

} // namespace mcp
