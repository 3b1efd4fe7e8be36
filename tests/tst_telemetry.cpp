// The telemetry core on known input: access-log lines of both gateways as they write them
// (retries, no upstream, escapes, garbage), the latency histogram against exact quantiles
// of generated samples, windows that let old data go, roll-ups across edges, and memory
// that does not grow with traffic; the rollout verdict at its limits; HAProxy's show stat
// and show info as HAProxy 2.6 prints them.
#include "telemetry/accesslogparser.h"
#include "telemetry/haproxyruntime.h"
#include "telemetry/latencyhistogram.h"
#include "telemetry/rolloutjudge.h"
#include "telemetry/telemetrystore.h"
#include "telemetry/windowedstats.h"

#include <QRandomGenerator>
#include <QtTest>

#include <algorithm>

using namespace mcp::telemetry;

class TestTelemetry : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nginxLines()
    {
        const auto r = parseAccessLine(
            "{\"time\":\"2026-11-24T19:00:01+00:00\",\"requestId\":\"a1\",\"route\":\"users\",\"method\":\"GET\",\"uri\":\"/users/1\",\"status\":200,\"upstream\":\"172.18.0.5:8080\",\"upstreamStatus\":\"200\",\"version\":\"v2\",\"requestTime\":0.012,\"upstreamTime\":\"0.011\",\"configVersion\":\"abcd\"}");
        QVERIFY(r);
        QCOMPARE(r->route, QByteArray("users"));
        QCOMPARE(r->upstream, QByteArray("172.18.0.5:8080"));
        QCOMPARE(r->version, QByteArray("v2"));
        QCOMPARE(r->status, 200);
        QCOMPARE(r->upstreamStatus, 200);
        QCOMPARE(r->requestMs, 12.0);
        QCOMPARE(r->upstreamMs, 11.0);
        QVERIFY(!r->gatewayMade);
        QVERIFY(!r->haproxy);
        QCOMPARE(r->timeMs, QDateTime(QDate(2026, 11, 24), QTime(19, 0, 1), Qt::UTC).toMSecsSinceEpoch());

        // Retried: the last upstream answered.
        const auto retried = parseAccessLine(
            "{\"route\":\"users\",\"status\":200,\"upstream\":\"172.18.0.5:8080, 172.18.0.6:8080\",\"upstreamStatus\":\"502, 200\",\"version\":\"v1\",\"requestTime\":0.030,\"upstreamTime\":\"0.001, 0.020\"}");
        QVERIFY(retried);
        QCOMPARE(retried->upstream, QByteArray("172.18.0.6:8080"));
        QCOMPARE(retried->upstreamStatus, 200);
        QCOMPARE(retried->upstreamMs, 20.0);
        // No upstream answered: nginx turned its 502 into 503 (gateway-made).
        const auto unavailable = parseAccessLine(
            "{\"route\":\"users\",\"status\":503,\"upstream\":\"172.18.0.5:8080\",\"upstreamStatus\":\"502\",\"version\":\"v1\",\"requestTime\":0.001,\"upstreamTime\":\"0.000\"}");
        QVERIFY(unavailable && unavailable->gatewayMade);
        const auto noUpstream = parseAccessLine("{\"route\":\"\",\"status\":503,\"upstream\":\"\",\"upstreamStatus\":\"-\",\"version\":\"\",\"requestTime\":0.000,\"upstreamTime\":\"-\"}");
        QVERIFY(noUpstream && noUpstream->gatewayMade);
        QCOMPARE(noUpstream->upstreamMs, -1.0);
        // The upstream's own 500 is not the gateway's.
        const auto upstream500 = parseAccessLine(
            "{\"route\":\"users\",\"status\":500,\"upstream\":\"172.18.0.5:8080\",\"upstreamStatus\":\"500\",\"version\":\"v2\",\"requestTime\":0.004,\"upstreamTime\":\"0.004\"}");
        QVERIFY(upstream500 && !upstream500->gatewayMade);
        // Escapes and unknown fields in any order.
        const auto escaped = parseAccessLine(
            "{\"uri\":\"/a\\\"b\\\\c\\u0041\",\"extra\":{\"x\":[1,2]},\"status\":404,\"requestTime\":0.002,\"route\":\"r\\/1\",\"upstream\":\"-\"}");
        QVERIFY(escaped);
        QCOMPARE(escaped->route, QByteArray("r/1"));
        QCOMPARE(escaped->status, 404);
        QVERIFY(escaped->upstream.isEmpty());
    }

    void haproxyLines()
    {
        const auto r = parseAccessLine(
            "{\"time\":\"24/Nov/2026:19:00:01.250\",\"requestId\":\"x\",\"route\":\"be_users\",\"method\":\"GET\",\"uri\":\"/users\",\"status\":200,\"upstream\":\"172.18.0.5:8080\",\"server\":\"s0_1\",\"requestTime\":7,\"upstreamTime\":5,\"configVersion\":\"abcd\"}");
        QVERIFY(r);
        QVERIFY(r->haproxy);
        QCOMPARE(r->route, QByteArray("users"));
        QCOMPARE(r->server, QByteArray("s0_1"));
        QCOMPARE(r->requestMs, 7.0);
        QCOMPARE(r->upstreamMs, 5.0);
        QCOMPARE(r->timeMs, QDateTime(QDate(2026, 11, 24), QTime(19, 0, 1, 250), Qt::UTC).toMSecsSinceEpoch());
        const auto noServer = parseAccessLine(
            "{\"route\":\"be_users\",\"status\":503,\"upstream\":\"-:-\",\"server\":\"<NOSRV>\",\"requestTime\":0,\"upstreamTime\":-1}");
        QVERIFY(noServer);
        QVERIFY(noServer->gatewayMade);
        QVERIFY(noServer->upstream.isEmpty());
    }

    void garbageIsSkipped_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("nginx error log") << QByteArray("2026/11/24 19:00:01 [notice] 1#1: signal process started");
        QTest::newRow("truncated") << QByteArray("{\"route\":\"users\",\"status\":200,\"requestTime\":0.01");
        QTest::newRow("no status") << QByteArray("{\"route\":\"users\",\"requestTime\":0.01}");
        QTest::newRow("broken string") << QByteArray("{\"route\":\"us");
        QTest::newRow("not an object") << QByteArray("[\"status\",200]");
        QTest::newRow("empty object") << QByteArray("{}");
    }
    void garbageIsSkipped()
    {
        QFETCH(QByteArray, line);
        QVERIFY(!parseAccessLine(line));
    }

    // Quantiles within the stated bound of the exact ones, for a long-tailed distribution.
    void histogramAccuracy()
    {
        QRandomGenerator rng(42);
        LatencyHistogram h;
        QList<double> samples;
        for (int i = 0; i < 200000; ++i) {
            // Log-normal-ish: most around 5 ms, a tail to seconds.
            const double v = std::exp(rng.generateDouble() * rng.generateDouble() * 9.0) * 0.8;
            samples << v;
            h.add(v);
        }
        std::sort(samples.begin(), samples.end());
        QCOMPARE(h.count(), std::uint64_t(samples.size()));
        for (double q : {0.5, 0.9, 0.95, 0.99, 0.999}) {
            const double exact = samples[qsizetype(std::ceil(q * samples.size())) - 1];
            const double got = h.quantileMs(q);
            QVERIFY2(std::abs(got - exact) <= exact * 0.032 + 0.001,
                     qPrintable(QStringLiteral("q%1: %2 vs exact %3").arg(q).arg(got).arg(exact)));
        }
        // Merging equals adding.
        LatencyHistogram a, b, all;
        for (int i = 0; i < 1000; ++i) {
            (i % 2 ? a : b).add(i * 0.37);
            all.add(i * 0.37);
        }
        a.merge(b);
        QCOMPARE(a.quantileMs(0.99), all.quantileMs(0.99));
        QCOMPARE(a.count(), all.count());
        // Edges: zero, sub-microsecond, beyond the top.
        LatencyHistogram edge;
        edge.add(0);
        edge.add(1e9);
        QCOMPARE(edge.quantileMs(0.0), 0.0);
        QVERIFY(edge.quantileMs(1.0) > 60000);
    }

    void windowsLetOldDataGo()
    {
        WindowedStats w;
        const qint64 t0 = 1800000000000LL; // a slot boundary
        // 10 requests per second for 10 minutes; v errors in the last minute.
        for (int s = 0; s < 600; ++s)
            for (int i = 0; i < 10; ++i)
                w.add(t0 + s * 1000 + i * 100, s >= 540 && i == 0 ? 500 : 200, false, s >= 540 ? 50.0 : 5.0);
        const qint64 now = t0 + 600 * 1000 - 1;
        const Figures minute = w.figures(60, now);
        QCOMPARE(minute.requests, std::uint64_t(600));
        QCOMPARE(minute.errors, std::uint64_t(60));
        QCOMPARE(minute.upstreamErrors, std::uint64_t(60));
        QVERIFY(std::abs(minute.errorRate - 0.1) < 1e-9);
        QVERIFY(std::abs(minute.rps - 10.0) < 0.2);
        QVERIFY(std::abs(minute.p50Ms - 50.0) < 50.0 * 0.032);
        // A series has one point per 10-second slot, each with its own figures.
        const auto series = w.series(60, now);
        QCOMPARE(series.size(), 6);
        for (const auto &[start, f] : series) {
            QCOMPARE(f.requests, std::uint64_t(100));
            QCOMPARE(f.errors, std::uint64_t(10));
        }
        QCOMPARE(series.last().first - series.first().first, qint64(50000));
        const Figures five = w.figures(300, now);
        QCOMPARE(five.requests, std::uint64_t(3000));
        QVERIFY(std::abs(five.errorRate - 0.02) < 1e-9);
        QVERIFY(std::abs(five.p50Ms - 5.0) < 5.0 * 0.032);
        // Fifteen minutes later with no traffic: nothing is left in any window.
        const Figures later = w.figures(900, now + 15 * 60 * 1000 + 10000);
        QCOMPARE(later.requests, std::uint64_t(0));
        // Slots are reused: traffic 20 minutes on lands in a recycled slot.
        w.add(now + 20 * 60 * 1000, 200, false, 1.0);
        QCOMPARE(w.figures(60, now + 20 * 60 * 1000).requests, std::uint64_t(1));
    }

    void storeRollsUpAcrossEdges()
    {
        TelemetryStore store;
        const qint64 t0 = 1800000000000LL;
        const EdgeKey v1a{QStringLiteral("edge"), QStringLiteral("users"), QStringLiteral("user-api"), QStringLiteral("v1"), QStringLiteral("10.0.0.1:8080")};
        EdgeKey v1b = v1a;
        v1b.instance = QStringLiteral("10.0.0.2:8080");
        EdgeKey v2 = v1a;
        v2.version = QStringLiteral("v2");
        v2.instance = QStringLiteral("10.0.0.3:8080");
        for (int i = 0; i < 900; ++i) {
            store.add(i % 2 ? v1a : v1b, t0 + i * 50, 200, false, 10.0);
            if (i % 9 == 0)
                store.add(v2, t0 + i * 50, i % 18 == 0 ? 503 : 200, i % 18 == 0, 100.0);
        }
        const qint64 now = t0 + 900 * 50;
        EdgeKey v1Pattern{QStringLiteral("edge"), QStringLiteral("users"), QString(), QStringLiteral("v1"), QString()};
        const Figures v1 = store.figures(v1Pattern, 60, now);
        QCOMPARE(v1.requests, std::uint64_t(900));
        QCOMPARE(v1.errors, std::uint64_t(0));
        QVERIFY(std::abs(v1.p99Ms - 10.0) < 10.0 * 0.032);
        const Figures canary = store.figures(EdgeKey{QString(), QString(), QString(), QStringLiteral("v2"), QString()}, 60, now);
        QCOMPARE(canary.requests, std::uint64_t(100));
        QCOMPARE(canary.gatewayErrors, std::uint64_t(50));
        QCOMPARE(canary.errorRate, 0.5);
        const Figures route = store.figures(EdgeKey{QStringLiteral("edge"), QStringLiteral("users"), {}, {}, {}}, 60, now);
        QCOMPARE(route.requests, std::uint64_t(1000));
        // The route's p99 is that of all its requests (100 ms, the slowest 10%), not an average.
        QVERIFY(std::abs(route.p99Ms - 100.0) < 100.0 * 0.032);
        QCOMPARE(store.edgeCount(), 3);
        store.prune(now + 16 * 60 * 1000);
        QCOMPARE(store.edgeCount(), 0);
    }

    // Memory is fixed per edge: sizes do not depend on how many requests went through.
    void memoryIsBounded()
    {
        QCOMPARE(sizeof(LatencyHistogram), sizeof(std::uint32_t) * LatencyHistogram::kBuckets + sizeof(std::uint64_t));
        QVERIFY(sizeof(WindowedStats) < 160 * 1024);
        WindowedStats w;
        const qint64 t0 = 1800000000000LL;
        for (qint64 i = 0; i < 3000000; ++i) // 3 M requests over 30 minutes
            w.add(t0 + i * 600, 200, false, double(i % 1000));
        const Figures all = w.figures(900, t0 + 3000000LL * 600);
        QVERIFY(all.requests <= std::uint64_t(15 * 60 * 1000 / 600 + 1000)); // only the last 15 minutes are kept
        QVERIFY(all.requests >= std::uint64_t(14 * 60 * 1000 / 600));
    }

    // Each limit trips on its own, only with enough canary requests, and the ratio only
    // against a stable version with enough requests of its own.
    void rolloutVerdict()
    {
        mcp::gateway::Rollout policy;
        policy.minRequests.value = 50;
        policy.maxErrorRatePct = {5.0, {}, true, true};
        policy.maxP99Ms = {800, {}, true, true};
        policy.maxP99Ratio = {2.0, {}, true, true};
        Figures stable;
        stable.requests = 500;
        stable.p99Ms = 100;
        Figures canary;
        canary.requests = 49;
        canary.errorRate = 0.5;
        QVERIFY(!judgeRollout(policy, canary, stable).enoughData);
        QVERIFY(!judgeRollout(policy, canary, stable).breached);
        canary.requests = 50;
        RolloutVerdict v = judgeRollout(policy, canary, stable);
        QVERIFY(v.enoughData && v.breached);
        QCOMPARE(v.reason, QStringLiteral("error rate 50.0% above 5%"));
        canary.errorRate = 0.05; // at the limit: not above it
        canary.p99Ms = 150;
        QVERIFY(!judgeRollout(policy, canary, stable).breached);
        canary.p99Ms = 250;
        v = judgeRollout(policy, canary, stable);
        QVERIFY(v.breached);
        QVERIFY2(v.reason.contains(QLatin1String("2 x the stable")), qPrintable(v.reason));
        stable.requests = 10; // too little to compare with
        QVERIFY(!judgeRollout(policy, canary, stable).breached);
        canary.p99Ms = 900;
        QCOMPARE(judgeRollout(policy, canary, stable).reason, QStringLiteral("p99 900.0 ms above 800 ms"));
    }

    void haproxyShowStat()
    {
        const QByteArray csv =
            "# pxname,svname,qcur,qmax,scur,smax,slim,stot,bin,bout,dreq,dresp,ereq,econ,eresp,wretr,wredis,status,weight,act,bck,"
            "chkfail,chkdown,lastchg,downtime,qlimit,pid,iid,sid,throttle,lbtot,tracked,type,rate,rate_lim,rate_max,check_status,"
            "check_code,check_duration,hrsp_1xx,hrsp_2xx,hrsp_3xx,hrsp_4xx,hrsp_5xx,hrsp_other,hanafail,req_rate,req_rate_max,req_tot,"
            "cli_abrt,srv_abrt,comp_in,comp_out,comp_byp,comp_rsp,lastsess,last_chk,last_agt,qtime,ctime,rtime,ttime,agent_status,"
            "agent_code,agent_duration,check_desc,agent_desc,check_rise,check_fall,check_health,agent_rise,agent_fall,agent_health,"
            "addr,cookie,mode,algo\n"
            "fe_http,FRONTEND,,,0,6,262115,1501,,,0,0,0,,,,,OPEN,,,,,,,,,1,2,0,,,,0,0,0,57,,,,0,1425,0,1,75,0,,0,57,1501,,,0,0,0,0,,,,,,,,,,,,,,,,,,,,,http,,\n"
            "be_app,s0_v1,0,0,0,3,,1050,,,,0,,0,0,0,0,UP,70,1,0,0,0,17,0,,1,3,1,,1050,,2,0,,40,L7OK,200,1,0,1050,0,0,0,0,,,,1050,0,0,,,,,1,OK,,0,0,8,9,,,,"
            "Layer7 check passed,,2,3,4,,,,172.30.0.2:8080,,http,\n"
            "be_app,s1_v2,0,0,0,3,,450,,,,0,,0,0,0,0,DOWN 1/2,30,1,0,1,1,3,0,,1,3,2,,450,,2,0,,17,L7STS,503,2,0,375,0,0,75,0,,,,450,0,0,,,,,1,Service Unavailable,,0,0,52,53,,,,"
            "Layer7 wrong status,,2,3,1,,,,172.30.0.3:8080,,http,\n";
        const QList<HaproxyServerStat> rows = parseShowStat(csv);
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows[1].proxy, QStringLiteral("be_app"));
        QCOMPARE(rows[1].server, QStringLiteral("s0_v1"));
        QCOMPARE(rows[1].status, QStringLiteral("UP"));
        QCOMPARE(rows[1].checkStatus, QStringLiteral("L7OK"));
        QCOMPARE(rows[1].weight, 70);
        QCOMPARE(rows[1].sessions, qint64(1050));
        QCOMPARE(rows[1].responseMs, 8);
        QCOMPARE(rows[1].address, QStringLiteral("172.30.0.2:8080"));
        QCOMPARE(rows[2].status, QStringLiteral("DOWN 1/2"));
        QCOMPARE(rows[2].checkCode, 503);
        QCOMPARE(rows[2].responses5xx, qint64(75));
        QCOMPARE(parseDroppedLogs("Name: HAProxy\nDroppedLogs: 2\nBusyPolling: 0\n"), qint64(2));
        QCOMPARE(parseShowStat("Unknown command\n").size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestTelemetry)
#include "tst_telemetry.moc"
