#!/usr/bin/env bash
# The page benchmark: the mini-program's near-me search (at 16 and 64 connections) and its service page (at 16),
# each through the service (prod jar, wrk) against the statements the service sends and the leanest correct
# statements for the same page, run directly through pgbench -M prepared (as the JDBC driver runs them).
#   bench/run.sh              use the data set if present, else generate it (≈ 5 minutes)
#   bench/run.sh --regenerate drop and generate the data set again
# Needs a PostgreSQL server (PGHOST/PGPORT/PGUSER, default 127.0.0.1:5432 postgres, password-less) and
# installs wrk and jq if missing. Results are printed and written to bench/results/.
#   BENCH_CONNECTIONS="16 64" near-me's connection counts; BENCH_DETAIL_CONNECTIONS="16" the service page's
set -euo pipefail
cd "$(dirname "$0")/.."

CONNECTIONS=${BENCH_CONNECTIONS:-"16 64"}
DETAIL_CONNECTIONS=${BENCH_DETAIL_CONNECTIONS:-"16"}
BENCH_NAME=pages
source bench/common.sh "$@"

# wrk prints latencies as 850.00us, 5.12ms or 1.20s
# every statement of these pages runs in autocommit, so committed transactions count statements
xacts() { sleep 1.5; psql -d postgres -Atc "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = '$DB'"; }

visible_listing_ids
check_same_ids bench/near-me.sql bench/near-me-lean.sql
check_statements bench/near-me.sql near_me_body
check_statements bench/detail.sql detail_body

{
  echo "| page | connections | service req/s | p50 ms | p99 ms | JVM CPU ms/request | RSS MiB | SQL statements/request | service's statements tps (p50 / p99 ms) | lean statements tps (p50 / p99 ms) | service / its statements | service / lean statements |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
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
# one row of the table: the page through the service (a fresh instance, warmed up), then its statements alone
measure() { # PAGE CONNECTIONS STATEMENTS_FILE LEAN_FILE wrk-arguments…
  local page=$1 c=$2 service_sql=$3 lean_sql=$4 pid before after cpu_before cpu_after rss requests rps p50 p99 statements cpu failed
  shift 4
  start_service
  pid=${SERVICE_PIDS[0]}
  wrk -t2 -c16 -d"${WARMUP}s" "$@" > /dev/null
  before=$(xacts)
  cpu_before=$(cpu_ticks "$pid")
  wrk -t2 -c"$c" -d"${DURATION}s" --latency "$@" > "$OUT/wrk-$page-$c.txt"
  cpu_after=$(cpu_ticks "$pid")
  rss=$(awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$pid/status")
  after=$(xacts)
  stop_service
  requests=$(awk '/requests in/ {print $1}' "$OUT/wrk-$page-$c.txt")
  rps=$(awk '/Requests\/sec/ {print $2}' "$OUT/wrk-$page-$c.txt")
  p50=$(to_ms "$(awk '$1=="50%" {print $2}' "$OUT/wrk-$page-$c.txt")")
  p99=$(to_ms "$(awk '$1=="99%" {print $2}' "$OUT/wrk-$page-$c.txt")")
  failed=$(awk '/responses with errors:/ {print $4}' "$OUT/wrk-$page-$c.txt")
  statements=$(awk -v a="$after" -v b="$before" -v r="$requests" 'BEGIN { printf "%.2f", (a - b) / r }')
  cpu=$(awk -v a="$cpu_after" -v b="$cpu_before" -v t="$TICKS" -v r="$requests" 'BEGIN { printf "%.2f", (a - b) * 1000 / t / r }')
  if grep -q "Non-2xx" "$OUT/wrk-$page-$c.txt" || [ "${failed:-x}" != 0 ]; then
    echo "wrk saw error responses for $page at $c connections: see $OUT/wrk-$page-$c.txt" >&2
    exit 1
  fi
  read -r tps pg50 pg99 < <(pgbench_run "$service_sql" "$c")
  read -r ltps l50 l99 < <(pgbench_run "$lean_sql" "$c")
  ratio=$(awk -v s="$rps" -v p="$tps" 'BEGIN { printf "%.2f", s / p }')
  lratio=$(awk -v s="$rps" -v p="$ltps" 'BEGIN { printf "%.2f", s / p }')
  echo "| $page | $c | $rps | $p50 | $p99 | $cpu | $rss | $statements | $tps ($pg50 / $pg99) | $ltps ($l50 / $l99) | $ratio | $lratio |" >> "$OUT/summary.md"
}

for c in $CONNECTIONS; do
  measure near-me "$c" bench/near-me.sql bench/near-me-lean.sql -s bench/near-me.lua "http://localhost:$PORT"
done
for c in $DETAIL_CONNECTIONS; do
  measure detail "$c" bench/detail.sql bench/detail-lean.sql -s bench/detail.lua "http://localhost:$PORT" -- "$OUT/detail-ids.txt"
done

{
  echo
  machine
  echo "JVM options: ${JVM_OPTIONS[*]} (BENCH_JVM=${BENCH_JVM:-default})."
  echo "Start-up to ready: ${STARTUPS[*]} ms (each instance of the run). JVM CPU: the service process's user + system ticks over the wrk run ÷ requests."
  echo "Each run: ${DURATION} s after a ${WARMUP} s warm-up on a fresh instance (BENCH_WARMUP), wrk and pgbench with 2 threads on the same machine as the service and PostgreSQL."
  echo "pgbench's service-page scripts spend one more, cheap statement per page on picking a random visible listing."
} >> "$OUT/summary.md"
cat "$OUT/summary.md"
