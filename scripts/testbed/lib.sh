# Shared settings and helpers for scripts/testbed/{start,stop,engine2}. Sourced, not executed.
# shellcheck shell=bash disable=SC2034,SC2086

TB_DIR=${MCP_TESTBED_DIR:-/var/tmp/mcp-testbed}
TB_TLS_PORT=${MCP_TB_TLS_PORT:-23760}
TB_SSH_PORT=${MCP_TB_SSH_PORT:-23722}
TB_SSH_PORT_NOFWD=${MCP_TB_SSH_PORT_NOFWD:-23723}
TB_CLOSED_PORT=${MCP_TB_CLOSED_PORT:-23799}

TB_MAIN_SOCK=/var/run/docker.sock
TB_MAIN_HOST=unix://$TB_MAIN_SOCK
TB_MAIN_PIDFILE=/var/run/docker.pid
TB_ENGINE_MARKER=$TB_DIR/engine/started.pid   # exists <=> the test bed started the main dockerd

TB_E2_RUN=/run/mcp-engine2
TB_E2_SOCK=$TB_E2_RUN/docker.sock
TB_E2_HOST=unix://$TB_E2_SOCK
TB_E2_PIDFILE=$TB_E2_RUN/docker.pid
TB_E2_EXEC=$TB_E2_RUN/exec
TB_E2_DIR=$TB_DIR/engine2
TB_E2_DATA=$TB_E2_DIR/data
TB_E2_BRIDGE=${MCP_TB_ENGINE2_BRIDGE:-mcp-e2br0}
TB_E2_BRIDGE_CIDR=${MCP_TB_ENGINE2_CIDR:-172.31.254.1/24}

TB_IMAGE_BACKEND=mcp-test/backend:1
TB_IMAGE_NGINX=mcp-test/nginx:1
TB_IMAGE_HAPROXY=mcp-test/haproxy:1
TB_LABEL=mcp.test

# `docker` on PATH may be a newer client (28.x); it negotiates the API version down (1.41).
TB_DOCKER=${MCP_TB_DOCKER:-docker}

tb_log() { printf '[testbed] %s\n' "$*" >&2; }
tb_die() { printf '[testbed] ERROR: %s\n' "$*" >&2; exit 1; }

tb_now() { date +%s.%N; }
tb_since() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2fs", b - a }'; }

# True if PID exists and is not a zombie (PID 1 on these machines reaps late).
tb_pid_alive() {
  local pid=${1:-} st
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  st=$(sed -e 's/^.*) //' "/proc/$pid/stat" 2>/dev/null | cut -d' ' -f1) || return 1
  [ -n "$st" ] && [ "$st" != Z ]
}

tb_pidfile_pid() { [ -s "$1" ] && tr -dc '0-9' <"$1" 2>/dev/null || true; }
tb_pidfile_alive() { tb_pid_alive "$(tb_pidfile_pid "$1")"; }

# Wait until PID is gone (or a zombie); $2 = seconds.
tb_wait_gone() {
  local pid=$1 n=$(( ${2:-10} * 10 ))
  while tb_pid_alive "$pid" && [ $n -gt 0 ]; do sleep 0.1; n=$((n - 1)); done
  ! tb_pid_alive "$pid"
}

# TERM, wait, then KILL. Never fails.
tb_kill_pid() {
  local pid=$1 secs=${2:-10}
  tb_pid_alive "$pid" || return 0
  kill -TERM "$pid" 2>/dev/null || true
  tb_wait_gone "$pid" "$secs" && return 0
  kill -KILL "$pid" 2>/dev/null || true
  tb_wait_gone "$pid" 5 || true
}

# PIDs of processes listening on 127.0.0.1:PORT (tcp), one per line.
tb_port_pids() {
  ss -Hltnp "sport = :$1" 2>/dev/null | grep -o 'pid=[0-9]*' | cut -d= -f2 | sort -u || true
}
tb_port_listening() { [ -n "$(ss -Hltn "sport = :$1" 2>/dev/null)" ]; }

# Poll a command until it succeeds; $1 = seconds.
tb_wait_for() {
  local n=$(( $1 * 10 )); shift
  until "$@" >/dev/null 2>&1; do
    n=$((n - 1)); [ $n -gt 0 ] || return 1
    sleep 0.1
  done
}

tb_engine_answers() { timeout 5 $TB_DOCKER -H "$1" version >/dev/null 2>&1; }

# Remove containers (and networks, volumes) labelled mcp.test on engine $1. Never fails.
tb_remove_labelled() {
  local host=$1 ids
  tb_engine_answers "$host" || return 0
  ids=$($TB_DOCKER -H "$host" ps -aq --filter "label=$TB_LABEL" 2>/dev/null || true)
  [ -z "$ids" ] || $TB_DOCKER -H "$host" rm -f -v $ids >/dev/null 2>&1 || true
  ids=$($TB_DOCKER -H "$host" network ls -q --filter "label=$TB_LABEL" 2>/dev/null || true)
  [ -z "$ids" ] || $TB_DOCKER -H "$host" network rm $ids >/dev/null 2>&1 || true
  ids=$($TB_DOCKER -H "$host" volume ls -q --filter "label=$TB_LABEL" 2>/dev/null || true)
  [ -z "$ids" ] || $TB_DOCKER -H "$host" volume rm -f $ids >/dev/null 2>&1 || true
}

# Kill listeners on PORT whose command line contains PATTERN (our own, e.g. left behind when the
# state dir was removed under a running test bed). Others are left alone.
tb_kill_own_port_holders() {
  local port=$1 pat=$2 pid
  for pid in $(tb_port_pids "$port"); do
    if tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$pat"; then tb_kill_pid "$pid" 5; fi
  done
}
