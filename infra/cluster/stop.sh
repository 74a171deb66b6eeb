#!/usr/bin/env bash
# Stops what infra/cluster/start.sh started: the three silos (by their PID files), then PostgreSQL. The data stays
# in the run directory (LIVETRACK_RUN, default /tmp/livetrack-cluster); pass --purge to delete it.
set -euo pipefail

run="${LIVETRACK_RUN:-/tmp/livetrack-cluster}"
pg_bin=/usr/lib/postgresql/15/bin

for pidfile in "$run"/silo-*.pid; do
    [ -f "$pidfile" ] || continue
    pid="$(cat "$pidfile")"
    if kill -0 "$pid" 2>/dev/null; then
        kill -TERM "$pid"
        for _ in $(seq 1 60); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.5
        done
        kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
        echo "stopped $(basename "$pidfile" .pid) (pid $pid)"
    fi
    rm -f "$pidfile"
done

if [ -f "$run/pg/PG_VERSION" ]; then
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$pg_bin/pg_ctl" -D "$run/pg" -m fast -w stop >/dev/null 2>&1 || true
    else
        "$pg_bin/pg_ctl" -D "$run/pg" -m fast -w stop >/dev/null 2>&1 || true
    fi
    echo "stopped PostgreSQL"
fi

if [ "${1:-}" = "--purge" ]; then
    rm -rf "$run"
    echo "deleted $run"
fi
