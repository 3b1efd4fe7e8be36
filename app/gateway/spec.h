#pragma once

#include "finding.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace mcp::gateway {

// The GatewayConfig spec (docs/spec.md), as read from YAML, with the position of every
// value for findings. Durations are milliseconds; a field that was absent keeps its
// default and an invalid position (line 0).
template <typename T>
struct Located
{
    T value{};
    SourcePos pos;
    bool present = false;
    bool written = false; // the key is in the YAML, even when its value could not be used
};

struct Listener
{
    SourcePos pos;
    Located<QString> name;
    Located<int> port;
    Located<QString> protocol; // http | https
    Located<QString> certificate;
};

struct Certificate
{
    SourcePos pos;
    Located<QString> name;
    Located<QString> certFile; // as written (relative to the spec file)
    Located<QString> keyFile;
};

struct Backend
{
    SourcePos pos;
    Located<QString> service;
    Located<QString> version;
    Located<int> weight;
};

struct Timeouts
{
    SourcePos pos;
    Located<qint64> connectMs, readMs, sendMs;
};

struct Retries
{
    SourcePos pos;
    Located<int> attempts;
    Located<QStringList> on;
};

struct PassiveHealth
{
    SourcePos pos;
    Located<int> maxFails;
    Located<qint64> failTimeoutMs;
};

// The automatic analysis of a gray release (docs/spec.md, "rollout"): the canary is sent
// back to 0 when, over `window`, with at least `minRequests` canary requests, its error rate,
// its p99 or its p99 relative to the stable version's passes a limit.
struct Rollout
{
    SourcePos pos;
    Located<QString> stable, canary;  // versions among the route's backends
    Located<double> maxErrorRatePct;   // "5%" or 5: percent of requests answered 5xx
    Located<qint64> maxP99Ms;          // "800ms"
    Located<double> maxP99Ratio;       // 2.0: canary p99 above twice the stable one's
    Located<qint64> windowMs;          // default 60s (10s..15m)
    Located<int> minRequests;          // default 50
};

struct Route
{
    SourcePos pos;
    Located<QString> name;
    Located<QStringList> listeners; // absent: all
    Located<QStringList> hosts;
    Located<QString> pathPrefix;
    SourcePos matchPos; // the match mapping (the route's own position when it is absent)
    QList<Backend> backends;
    SourcePos backendsPos;
    std::optional<Timeouts> timeouts;
    std::optional<Retries> retries;
    std::optional<PassiveHealth> passiveHealth;
    std::optional<Rollout> rollout;
};

struct GatewaySpec
{
    QString file; // absolute path; relative certificate files resolve against its directory
    Located<QString> apiVersion;
    Located<QString> kind;
    Located<QString> name;   // metadata.name: the mcp.gateway label value
    Located<QString> driver; // nginx | haproxy
    QList<Listener> listeners;
    QList<Certificate> certificates;
    QList<Route> routes;
    SourcePos listenersPos, routesPos;
    // Certificate and key files held in memory, by the absolute path the spec resolves them
    // to; the checks and the renderers take these bytes instead of the disk's. They are keys
    // the operator opened with their passphrase in the console, and, for a weight change,
    // the certificate files the gateway already serves (deployedcertificates.h). Nothing
    // writes them anywhere but into the gateway container.
    QHash<QString, QByteArray> fileContents;
};

// Parses "250ms", "5s", "1m", "1h" (also "1.5s"); std::nullopt when malformed.
std::optional<qint64> parseDurationMs(const QString &text);

} // namespace mcp::gateway
