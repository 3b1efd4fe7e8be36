#pragma once

#include <QFuture>
#include <QtTest>

namespace mcp::test {

// Runs the event loop until the future is finished (or the generous deadline passes, which
// fails the calling test through the returned default value: a "cancelled" Result).
template <typename T>
T await(QFuture<T> future, int deadlineMs = 60000)
{
    if (!QTest::qWaitFor([&] { return future.isFinished(); }, deadlineMs))
        return T{};
    return future.result();
}

} // namespace mcp::test
