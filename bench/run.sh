#!/usr/bin/env bash
# The near-me search benchmark: the service (prod jar) against the same SQL run directly through pgbench.
#   bench/run.sh              use the data set if present, else generate it (≈ 3 minutes)
#   bench/run.sh --regenerate drop and generate the data set again
# Needs a PostgreSQL server (PGHOST/PGPORT/PGUSER, default 127.0.0.1:5432 postgres, password-less) and
# installs wrk if missing. Results are printed and written to bench/results/.
set -euo pipefail
cd "$(dirname "$0")/.."

CONNECTIONS=${BENCH_CONNECTIONS:-"16 64"}
BENCH_NAME=near-me
source bench/common.sh "$@"

# wrk prints latencies as 850.00us, 5.12ms or 1.20s
to_ms() { echo "$1" | awk '/us$/ {printf "%.2f", $1 / 1000; next} /ms$/ {printf "%.2f", $1 + 0; next} /s$/ {printf "%.2f", $1 * 1000}'; }
# every statement of the service runs in autocommit, so committed transactions count statements
xacts() { sleep 1.5; psql -d postgres -Atc "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = '$DB'"; }

check_same_ids bench/near-me.sql bench/near-me-lean.sql

check_statement bench/near-me.sql "key_0" \
  '{"query":"{ services(near: {lat: 36.0, lng: 103.8}, filter: {categoryCode: \"elderly\"}, orderBy: DISTANCE, first: 20) { edges { node { id } } } }"}'
start_service
echo "warming up …"
wrk -t2 -c16 -d10s -s bench/near-me.lua "http://localhost:$PORT" > /dev/null

{
  echo "| connections | service req/s | p50 ms | p99 ms | JVM CPU ms/request | RSS MiB | SQL statements/request | service's statement tps (p50 / p99 ms) | lean statement tps (p50 / p99 ms) | service / its statement | service / lean statement |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
} > "$OUT/summary.md"

# pgbench on one statement file at $1 connections: "tps p50 p99" (ms, from its per-transaction log)
pgbench_run() { # FILE CONNECTIONS [pgbench options]
  local file=$1 c=$2 name
  name=$(basename "$file" .sql)
  shift 2
  rm -f "$OUT"/pgbench_log.*
  (cd "$OUT" && pgbench -n -c "$c" -j 2 -T "$DURATION" -M prepared "$@" -f "../../$(basename "$file")" --log --log-prefix=pgbench_log "$DB" \
    > "pgbench-$name-$c.txt" 2>&1)
  local tps
  tps=$(awk '/^tps/ {print $3; exit}' "$OUT/pgbench-$name-$c.txt")
  cat "$OUT"/pgbench_log.* | awk '{print $3 / 1000}' | sort -n |
    awk -v t="$tps" '{v[NR] = $1} END {printf "%.0f %.2f %.2f\n", t, v[int(NR * 0.5)], v[int(NR * 0.99)]}'
  rm -f "$OUT"/pgbench_log.*
}

TICKS=$(getconf CLK_TCK)
for c in $CONNECTIONS; do
  pid=${SERVICE_PIDS[0]}
  before=$(xacts)
  cpu_before=$(cpu_ticks "$pid")
  wrk -t2 -c"$c" -d"${DURATION}s" --latency -s bench/near-me.lua "http://localhost:$PORT" > "$OUT/wrk-$c.txt"
  cpu_after=$(cpu_ticks "$pid")
  rss=$(awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$pid/status")
  after=$(xacts)
  requests=$(awk '/requests in/ {print $1}' "$OUT/wrk-$c.txt")
  rps=$(awk '/Requests\/sec/ {print $2}' "$OUT/wrk-$c.txt")
  p50=$(to_ms "$(awk '$1=="50%" {print $2}' "$OUT/wrk-$c.txt")")
  p99=$(to_ms "$(awk '$1=="99%" {print $2}' "$OUT/wrk-$c.txt")")
  statements=$(awk -v a="$after" -v b="$before" -v r="$requests" 'BEGIN { printf "%.2f", (a - b) / r }')
  cpu=$(awk -v a="$cpu_after" -v b="$cpu_before" -v t="$TICKS" -v r="$requests" 'BEGIN { printf "%.2f", (a - b) * 1000 / t / r }')
  if grep -q "Non-2xx" "$OUT/wrk-$c.txt"; then
    echo "wrk saw error responses at $c connections: see $OUT/wrk-$c.txt" >&2
    exit 1
  fi

  stop_service
  read -r tps pg50 pg99 < <(pgbench_run bench/near-me.sql "$c")
  read -r ltps l50 l99 < <(pgbench_run bench/near-me-lean.sql "$c")
  ratio=$(awk -v s="$rps" -v p="$tps" 'BEGIN { printf "%.2f", s / p }')
  lratio=$(awk -v s="$rps" -v p="$ltps" 'BEGIN { printf "%.2f", s / p }')
  echo "| $c | $rps | $p50 | $p99 | $cpu | $rss | $statements | $tps ($pg50 / $pg99) | $ltps ($l50 / $l99) | $ratio | $lratio |" >> "$OUT/summary.md"
  start_service
  wrk -t2 -c16 -d5s -s bench/near-me.lua "http://localhost:$PORT" > /dev/null
done

{
  echo
  machine
  echo "Start-up to ready (the last start): ${STARTUP_MS[0]} ms. JVM CPU: the service process's user + system ticks over the wrk run ÷ requests."
  echo "Each run: ${DURATION} s, wrk and pgbench with 2 threads on the same machine as the service and PostgreSQL."
} >> "$OUT/summary.md"
cat "$OUT/summary.md"
