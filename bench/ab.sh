#!/usr/bin/env bash
# Builds against each other, alternating, for what one change buys: this machine's speed drifts by up to 2× within
# minutes (the same jar gave 1 115 and 488 req/s a quarter of an hour apart), so runs far apart in time compare
# nothing; adjacent runs of one round do.
#   bench/ab.sh DIR...      each DIR a checkout with a packaged jar (git worktree add /tmp/a <commit> &&
#                           (cd /tmp/a && ./mvnw -q package -DskipTests)); BENCH_ROUNDS (default 3) rounds, the order
#                           reversed every other round; each run: BENCH_WARMUP (default 60) s warm-up, BENCH_SECONDS (default 20) measured
#                           at 16 connections. Prints req/s, p99 and the JVM's CPU ms per request per build and round.
# Needs the data set of bench/run.sh (run it once first).
set -euo pipefail
cd "$(dirname "$0")/.."
here=$PWD
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
DB=${BENCH_DB:-linli_bench}
SECONDS_MEASURED=${BENCH_SECONDS:-20}
WARMUP=${BENCH_WARMUP:-60} # the JIT compiles for ≈ 50 s under load (bench/common.sh)
ROUNDS=${BENCH_ROUNDS:-3}
PORT=${BENCH_PORT:-8089}
builds=("$@")
[ ${#builds[@]} -ge 2 ] || { echo "usage: bench/ab.sh DIR DIR [DIR…]" >&2; exit 2; }

run_one() { # DIR ROUND
  local dir=$1 round=$2 pid before after requests
  (cd "$dir" && QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" QUARKUS_DATASOURCE_USERNAME=$PGUSER \
    QUARKUS_DATASOURCE_PASSWORD=${PGPASSWORD:-unused} QUARKUS_HTTP_PORT=$PORT QUARKUS_MANAGEMENT_PORT=$((PORT + 1000)) \
    LINLI_DEMO_IDENTITY=true LINLI_ANONYMOUS_PER_MINUTE=100000000 LINLI_ANONYMOUS_COST_PER_MINUTE=100000000000 \
    exec java -Xmx512m -jar target/quarkus-app/quarkus-run.jar > /tmp/linli-ab-service.log 2>&1) &
  pid=$!
  until curl -sf "localhost:$((PORT + 1000))/q/health/ready" >/dev/null 2>&1; do sleep 0.1; done
  wrk -t2 -c16 -d"${WARMUP}s" -s "$here/bench/near-me.lua" "http://localhost:$PORT" > /dev/null
  before=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  wrk -t2 -c16 -d"${SECONDS_MEASURED}s" --latency -s "$here/bench/near-me.lua" "http://localhost:$PORT" > /tmp/linli-ab-wrk.txt
  after=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  requests=$(awk '/requests in/ {print $1}' /tmp/linli-ab-wrk.txt)
  printf '| %s | %s | %s | %s | %.2f |\n' "$round" "$(basename "$dir")" "$(awk '/Requests\/sec/ {print $2}' /tmp/linli-ab-wrk.txt)" \
    "$(awk '$1=="99%" {print $2}' /tmp/linli-ab-wrk.txt)" "$(echo "($after - $before) * 1000 / $(getconf CLK_TCK) / $requests" | bc -l)"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

echo "| round | build | req/s | p99 | JVM CPU ms/request |"
echo "| --- | --- | --- | --- | --- |"
for round in $(seq 1 "$ROUNDS"); do
  if [ $((round % 2)) -eq 1 ]; then order=("${builds[@]}"); else order=(); for ((i=${#builds[@]}-1; i>=0; i--)); do order+=("${builds[$i]}"); done; fi
  for dir in "${order[@]}"; do run_one "$dir" "$round"; done
done
