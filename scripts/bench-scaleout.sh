#!/usr/bin/env bash
# Measures queue -> workers -> PostgreSQL throughput: queues the articles of
# SOURCE with 'tidings ingest --queue', starts WORKERS worker processes
# (--workers 1 each) on a fresh database, and reports articles stored per
# second until the archive stops growing, with the CPU time of the workers,
# the PostgreSQL backends and nats-server.
#
#   scripts/bench-scaleout.sh NATS_URL ADMIN_POSTGRES_URL SOURCE WORKERS
#
# NATS_URL must name a JetStream server whose stream is empty or absent (a
# re-queue within two minutes is dropped as a duplicate). Needs tidings on
# the PATH, psql, and bc.
set -euo pipefail
nats_url=$1 admin=$2 source=$3 workers=$4
db="bench_scaleout_$$"
base=${admin%%\?*}; base=${base%/*}
dsn="$base/$db?sslmode=disable"
psql "$admin" -qc "CREATE DATABASE $db" >/dev/null
trap 'psql "$admin" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null' EXIT

cpu() { # CPU seconds of the processes whose command line matches $1
  local tot=0 p f
  for p in $(pgrep -f "$1" || true); do
    read -r -a f < "/proc/$p/stat" 2>/dev/null || continue
    tot=$((tot + f[13] + f[14]))
  done
  echo "scale=2; $tot/100" | bc
}

tidings ingest --queue "$nats_url" "$source" >&2
pg0=$(cpu "postgres: ") nats0=$(cpu nats-server)
start=$(date +%s.%N)
pids=()
for _ in $(seq "$workers"); do
  tidings worker --queue "$nats_url" --db "$dsn" --workers 1 >/dev/null 2>&1 &
  pids+=($!)
done
last=-1 lastt=$start
while :; do
  sleep 0.5
  n=$(psql "$dsn" -tAc "SELECT count(*) FROM articles" 2>/dev/null || echo 0)
  now=$(date +%s.%N)
  if [ "$n" != "$last" ]; then last=$n lastt=$now; fi
  if [ "$last" -gt 0 ] && [ "$(echo "$now - $lastt > 4" | bc)" = 1 ]; then break; fi
done
wk=0
for p in "${pids[@]}"; do read -r -a f < "/proc/$p/stat"; wk=$((wk + f[13] + f[14])); done
pg1=$(cpu "postgres: ") nats1=$(cpu nats-server)
kill -TERM "${pids[@]}"; wait
secs=$(echo "scale=2; $lastt - $start" | bc)
echo "{\"workers\":$workers,\"stored\":$last,\"seconds\":$secs,\"articles_per_sec\":$(echo "scale=1; $last / $secs" | bc),\"cpu_seconds\":{\"workers\":$(echo "scale=1; $wk/100" | bc),\"postgres\":$(echo "$pg1 - $pg0" | bc),\"nats\":$(echo "$nats1 - $nats0" | bc)}}"
