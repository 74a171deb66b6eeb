#!/usr/bin/env bash
# Starts a 3-silo LiveTrack cluster on this machine without containers: a local PostgreSQL (Debian's postgresql-15,
# installed with apt-get when missing) on a unix socket in the run directory, and three LiveTrack.Server processes in
# the PostgreSql cluster profile (fences, rules, alerts, dead letters and the webhook queue in the same database) with
# distinct ports. PIDs and logs go to the run directory; infra/cluster/stop.sh
# stops everything. Settings (environment): LIVETRACK_RUN (run directory, default /tmp/livetrack-cluster),
# CONFIGURATION (Release), LIVETRACK_SILOS (3), LIVETRACK_HTTP_BASE (5081: silos on 5081-5083), LIVETRACK_SBS_BASE (31011: push
# listeners on 31011-31013), LIVETRACK_SILO_BASE (11121: silo ports 11121-11123).
set -euo pipefail

repo="$(cd "$(dirname "$0")/../.." && pwd)"
run="${LIVETRACK_RUN:-/tmp/livetrack-cluster}"
configuration="${CONFIGURATION:-Release}"
http_base="${LIVETRACK_HTTP_BASE:-5081}"
sbs_base="${LIVETRACK_SBS_BASE:-31011}"
silo_base="${LIVETRACK_SILO_BASE:-11121}"
silos="${LIVETRACK_SILOS:-3}"
pg_bin=/usr/lib/postgresql/15/bin
pg_user=postgres

mkdir -p "$run"
run="$(cd "$run" && pwd)"

# PostgreSQL refuses to run as root: as root it runs as the postgres OS user.
as_pg() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u "$pg_user" -- "$@"; else "$@"; fi
}

if [ ! -x "$pg_bin/initdb" ]; then
    echo "installing postgresql-15"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 postgresql-15-postgis-3 >/dev/null
fi

if [ ! -f "$run/pg/PG_VERSION" ]; then
    mkdir -p "$run/pg"
    [ "$(id -u)" -eq 0 ] && chown "$pg_user" "$run" "$run/pg"
    as_pg "$pg_bin/initdb" -D "$run/pg" -U "$pg_user" -A trust -E UTF8 >/dev/null
fi

if ! as_pg "$pg_bin/pg_ctl" -D "$run/pg" status >/dev/null 2>&1; then
    as_pg "$pg_bin/pg_ctl" -D "$run/pg" -l "$run/postgresql.log" -w -t 60 \
        -o "-c listen_addresses='' -k $run -c max_connections=100" start >/dev/null
fi

if ! as_pg psql -h "$run" -U "$pg_user" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'livetrack'" | grep -q 1; then
    as_pg psql -h "$run" -U "$pg_user" -d postgres -qc "CREATE DATABASE livetrack"
fi
connection="Host=$run;Username=$pg_user;Database=livetrack"
echo "PostgreSQL: $connection"

dll="$repo/src/LiveTrack.Server/bin/$configuration/net10.0/LiveTrack.Server.dll"
if [ ! -f "$dll" ]; then
    dotnet build -c "$configuration" "$repo/src/LiveTrack.Server" -v q -clp:ErrorsOnly
fi

for i in $(seq 1 "$silos"); do
    pidfile="$run/silo-$i.pid"
    if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
        echo "silo-$i already running (pid $(cat "$pidfile"))"
        continue
    fi
    http=$((http_base + i - 1))
    mkdir -p "$run/silo-$i"
    (
        cd "$(dirname "$dll")"
        exec dotnet "$dll" \
            --Urls="http://127.0.0.1:$http" \
            --LiveTrack:Cluster:Provider=PostgreSql \
            --LiveTrack:Cluster:ConnectionString="$connection" \
            --LiveTrack:Cluster:NodeName="silo-$i" \
            --LiveTrack:Cluster:SiloPort=$((silo_base + i - 1)) \
            --LiveTrack:Cluster:GatewayPort=0 \
            --LiveTrack:Feeds:push:Port=$((sbs_base + i - 1)) \
            --LiveTrack:Storage:Provider=PostgreSql \
            --LiveTrack:Storage:ConnectionString="$connection" \
            --LiveTrack:History:Path="$run/silo-$i/history/history.duckdb"
    ) >"$run/silo-$i.log" 2>&1 &
    echo $! >"$pidfile"
done

for i in $(seq 1 "$silos"); do
    http=$((http_base + i - 1))
    for _ in $(seq 1 240); do
        if curl -fsS "http://127.0.0.1:$http/health/ready" >/dev/null 2>&1; then
            echo "silo-$i ready: http://127.0.0.1:$http (SBS push 127.0.0.1:$((sbs_base + i - 1)), pid $(cat "$run/silo-$i.pid"))"
            continue 2
        fi
        if ! kill -0 "$(cat "$run/silo-$i.pid")" 2>/dev/null; then
            echo "silo-$i exited; see $run/silo-$i.log" >&2
            exit 1
        fi
        sleep 0.5
    done
    echo "silo-$i not ready after 120 s; see $run/silo-$i.log" >&2
    exit 1
done
