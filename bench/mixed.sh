#!/usr/bin/env bash
# The mixed benchmark: 70 % near-me search, 20 % service page, 10 % booking (idempotency keys), with one and
# with two instances of the service (prod jar, the JVM options of bench/common.sh), against the statements the service sends (checked
# against its statement log first) and the leanest correct statements for the same operations, each run directly by
# pgbench -M prepared in the same mix. The load comes from wrk (bench/mixed.lua, a load generator in C as pgbench
# is); reports throughput, p50/p99, the JVM's CPU per request, heap and RSS, start-up time and the load generator's
# own share of the machine's CPU; then the same mix from the Node client (bench/mixed.mjs) gives each operation's
# p50/p99, which wrk cannot tell apart.
#   bench/mixed.sh              use the data set if present, else generate it (≈ 3 minutes)
#   bench/mixed.sh --regenerate drop and generate the data set again
# Needs what bench/run.sh needs, and Node 18 or later (for bench/mixed.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."

CONNECTIONS=${BENCH_CONNECTIONS:-32}
BENCH_NAME=mixed
source bench/common.sh "$@"
command -v node >/dev/null || { apt-get update -qq && apt-get install -y -qq nodejs; }

visible_listing_ids
check_same_ids bench/near-me.sql bench/near-me-lean.sql
check_statements bench/near-me.sql near_me_body
check_statements bench/detail.sql detail_body
check_statements bench/booking.sql booking_body resident

# Samples every instance once a second while the load runs: the largest RSS (from /proc) and the largest heap
# in use (the JVM's own figure, from /q/metrics), in MiB.
sample_memory() {
  local rss=0 heap=0
  while [ -f "$OUT/sampling" ]; do
    local i=0
    for pid in "${SERVICE_PIDS[@]}"; do
      local r h
      r=$(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$pid/status" 2>/dev/null || echo 0)
      h=$(curl -s "localhost:$((PORT + i + 1000))/q/metrics" | awk '/^jvm_memory_used_bytes\{.*area="heap"/ {s += $NF} END {print int(s / 1048576)}')
      [ "${r:-0}" -gt "$rss" ] && rss=$r
      [ "${h:-0}" -gt "$heap" ] && heap=$h
      i=$((i + 1))
    done
    echo "$rss $heap" > "$OUT/memory"
    sleep 1
  done
}

# the (per-operation) latencies of pgbench's log: client, transaction, time in µs, script number, …
pgbench_percentiles() { # script number → "p50 p99" in ms
  cat "$OUT"/pgbench_log.* | awk -v s="$1" '$4 == s {print $3 / 1000}' | sort -n |
    awk '{v[NR] = $1} END {printf "%.1f %.1f\n", v[int(NR * 0.5)], v[int(NR * 0.99)]}'
}

{
  echo "| instances | connections | start-up ms | service req/s | p50 / p99 ms | bookings made / refused | errors | JVM CPU ms/request | load generator CPU % | max RSS MiB | max heap MiB | service / its statements | service / lean statements |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
} > "$OUT/summary.md"
{
  echo "| instances | req/s (Node) | near-me p50 / p99 ms | detail p50 / p99 ms | booking p50 / p99 ms | errors |"
  echo "| --- | --- | --- | --- | --- | --- |"
} > "$OUT/operations.md"

# the baselines first (no service running), in the same mix: the service's own statements, then the lean ones
mix_run() { # NEAR_ME DETAIL BOOKING → "tps near-me p50 p99 detail p50 p99 booking p50 p99"
  rm -f "$OUT"/pgbench_log.*
  (cd "$OUT" && pgbench -n -c "$CONNECTIONS" -j 2 -T "$DURATION" -M prepared \
    -f "../../$1@7" -f "../../$2@2" -f "../../$3@1" --log --log-prefix=pgbench_log "$DB" > "pgbench-$1.txt" 2>&1)
  echo "$(awk '/^tps/ {printf "%.0f", $3; exit}' "$OUT/pgbench-$1.txt") $(pgbench_percentiles 0) $(pgbench_percentiles 1) $(pgbench_percentiles 2)"
  rm -f "$OUT"/pgbench_log.*
}
read -r tps b0 b1 d0 d1 k0 k1 < <(mix_run near-me.sql detail.sql booking.sql)
read -r ltps lb0 lb1 ld0 ld1 lk0 lk1 < <(mix_run near-me-lean.sql detail-lean.sql booking-lean.sql)

TICKS=$(getconf CLK_TCK)
mix() { # SECONDS OUTPUT → wrk's output in OUTPUT; prints the load generator's user + system ticks
  local before after me=$BASHPID # this (sub)shell, whose waited-for children's ticks count wrk's
  before=$(awk '{print $16 + $17}' "/proc/$me/stat")
  BENCH_PORTS=$ports wrk -t2 -c"$CONNECTIONS" -d"${1}s" --latency -s bench/mixed.lua "http://localhost:$PORT" \
    -- "$OUT/detail-ids.txt" "$OUT/slots.txt" "$OUT/token.txt" > "$2"
  after=$(awk '{print $16 + $17}' "/proc/$me/stat")
  echo $((after - before))
}
for instances in 1 2; do
  ports=
  urls=
  for i in $(seq 0 $((instances - 1))); do
    start_service "$i"
    ports="${ports:+$ports,}$((PORT + i))"
    urls="${urls:+$urls,}http://localhost:$((PORT + i))"
  done
  startup=$(IFS=/; echo "${STARTUP_MS[*]}")
  [ -s "$OUT/slots.txt" ] || free_slots "http://localhost:$PORT"
  echo "warming up $instances instance(s) …"
  mix "$WARMUP" "$OUT/warm-up-$instances.txt" > /dev/null
  touch "$OUT/sampling"
  sample_memory &
  sampler=$!
  ticks_before=0
  for pid in "${SERVICE_PIDS[@]}"; do ticks_before=$((ticks_before + $(cpu_ticks "$pid"))); done
  generator=$(mix "$DURATION" "$OUT/mixed-$instances.txt")
  ticks=0
  for pid in "${SERVICE_PIDS[@]}"; do ticks=$((ticks + $(cpu_ticks "$pid"))); done
  ticks=$((ticks - ticks_before))
  rm -f "$OUT/sampling"
  wait "$sampler"
  read -r rss heap < "$OUT/memory"
  # the latency of each operation (wrk cannot tell them apart): the same mix from the Node client, on the same instances
  node bench/mixed.mjs --urls "$urls" --connections "$CONNECTIONS" --seconds "$DURATION" > "$OUT/operations-$instances.json"
  stop_service
  w=$OUT/mixed-$instances.txt
  requests=$(awk '/requests in/ {print $1}' "$w")
  rps=$(awk '/Requests\/sec/ {printf "%.0f", $2}' "$w")
  latency="$(to_ms "$(awk '$1 == "50%" {print $2}' "$w")") / $(to_ms "$(awk '$1 == "99%" {print $2}' "$w")")"
  if grep -q "Non-2xx" "$w" || [ "$(awk '/responses with errors:/ {print $4}' "$w")" != 0 ]; then
    echo "wrk saw error responses with $instances instance(s): see $w" >&2
    exit 1
  fi
  echo "| $instances | $CONNECTIONS | $startup | $rps | $latency | $(awk '/bookings made/ {m = $3} /bookings refused/ {r = $3} END {print m " / " r}' "$w") | $(awk '/responses with errors/ {print $4}' "$w") | $(awk -v t="$ticks" -v hz="$TICKS" -v n="$requests" 'BEGIN {printf "%.2f", t / hz * 1000 / n}') | $(awk -v t="$generator" -v hz="$TICKS" -v s="$DURATION" -v c="$(nproc)" 'BEGIN {printf "%.0f", 100 * t / hz / (s * c)}') | $rss | $heap | $(awk -v a="$rps" -v b="$tps" 'BEGIN {printf "%.2f", a / b}') | $(awk -v a="$rps" -v b="$ltps" 'BEGIN {printf "%.2f", a / b}') |" >> "$OUT/summary.md"
  node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const o = r.operations, e = Object.values(r.errors).reduce((a, b) => a + b, 0);
    console.log(`| ${process.argv[2]} | ${r.requestsPerSecond} | ${o.nearMe.p50} / ${o.nearMe.p99} | ${o.detail.p50} / ${o.detail.p99} | ${o.booking.p50} / ${o.booking.p99} | ${e} |`);
  ' "$OUT/operations-$instances.json" "$instances" >> "$OUT/operations.md"
done

{
  echo
  echo "pgbench, same mix, $CONNECTIONS connections, the service's statements: $tps tps; near-me p50 / p99 $b0 / $b1 ms, detail $d0 / $d1 ms, booking $k0 / $k1 ms."
  echo "pgbench, same mix, $CONNECTIONS connections, the lean statements: $ltps tps; near-me p50 / p99 $lb0 / $lb1 ms, detail $ld0 / $ld1 ms, booking $lk0 / $lk1 ms."
  echo "Load generator: wrk (bench/mixed.lua, 2 threads; with 2 instances each thread sends to one). JVM CPU: the service processes' user + system ticks over the run ÷ requests. Load generator CPU: wrk's user + system time ÷ (cores × run)."
  echo
  echo "Each operation's latency, from the same mix sent by the Node client (bench/mixed.mjs) for ${DURATION} s more on the same instances:"
  echo
  cat "$OUT/operations.md"
  machine
  echo "JVM options: ${JVM_OPTIONS[*]} (BENCH_JVM=${BENCH_JVM:-default})."
  echo "Each run: ${DURATION} s after a ${WARMUP} s warm-up (BENCH_WARMUP); the load generators (wrk, Node) and pgbench on the same machine as the service and PostgreSQL."
} >> "$OUT/summary.md"
cat "$OUT/summary.md"
