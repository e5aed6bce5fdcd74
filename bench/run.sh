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

check_statement bench/near-me.sql "key_0" \
  '{"query":"{ services(near: {lat: 36.0, lng: 103.8}, filter: {categoryCode: \"elderly\"}, orderBy: DISTANCE, first: 20) { edges { node { id } } } }"}'
start_service
echo "warming up …"
wrk -t2 -c16 -d10s -s bench/near-me.lua "http://localhost:$PORT" > /dev/null

{
  echo "| connections | service req/s | service p50 ms | service p99 ms | SQL statements/request | pgbench tps | pgbench p50 ms | pgbench p99 ms | service/pgbench |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"
} > "$OUT/summary.md"

for c in $CONNECTIONS; do
  before=$(xacts)
  wrk -t2 -c"$c" -d"${DURATION}s" --latency -s bench/near-me.lua "http://localhost:$PORT" > "$OUT/wrk-$c.txt"
  after=$(xacts)
  requests=$(awk '/requests in/ {print $1}' "$OUT/wrk-$c.txt")
  rps=$(awk '/Requests\/sec/ {print $2}' "$OUT/wrk-$c.txt")
  p50=$(to_ms "$(awk '$1=="50%" {print $2}' "$OUT/wrk-$c.txt")")
  p99=$(to_ms "$(awk '$1=="99%" {print $2}' "$OUT/wrk-$c.txt")")
  statements=$(awk -v a="$after" -v b="$before" -v r="$requests" 'BEGIN { printf "%.2f", (a - b) / r }')
  if grep -q "Non-2xx" "$OUT/wrk-$c.txt"; then
    echo "wrk saw error responses at $c connections: see $OUT/wrk-$c.txt" >&2
    exit 1
  fi

  stop_service
  rm -f "$OUT"/pgbench_log.*
  (cd "$OUT" && pgbench -n -c "$c" -j 2 -T "$DURATION" -M prepared -f ../../near-me.sql --log --log-prefix=pgbench_log "$DB" > "pgbench-$c.txt" 2>&1)
  tps=$(awk '/^tps/ {print $3; exit}' "$OUT/pgbench-$c.txt")
  read -r pg50 pg99 < <(cat "$OUT"/pgbench_log.* | awk '{print $3 / 1000}' | sort -n |
    awk '{v[NR] = $1} END {printf "%.2f %.2f\n", v[int(NR * 0.5)], v[int(NR * 0.99)]}')
  rm -f "$OUT"/pgbench_log.*
  ratio=$(awk -v s="$rps" -v p="$tps" 'BEGIN { printf "%.2f", s / p }')
  echo "| $c | $rps | $p50 | $p99 | $statements | $tps | $pg50 | $pg99 | $ratio |" >> "$OUT/summary.md"
  start_service
  wrk -t2 -c16 -d5s -s bench/near-me.lua "http://localhost:$PORT" > /dev/null
done

{
  echo
  machine
  echo "Each run: ${DURATION} s, wrk and pgbench with 2 threads on the same machine as the service and PostgreSQL."
} >> "$OUT/summary.md"
cat "$OUT/summary.md"
