#!/usr/bin/env bash
# A JFR profile of the service under the near-me load (wrk, 16 connections), the mixed morning or bookings alone
# (wrk with bench/mixed.lua, 32 connections): where the JVM's CPU goes.
#   bench/profile.sh          30 s recording after the warm-up of bench/common.sh (60 s); prints the top frames and the share of samples
#                             under each layer (a sample counts for the first layer found on its stack)
#   BENCH_LOAD=mixed bench/profile.sh   the same under the mixed morning (BENCH_LOAD=booking: bookings alone;
#                             BENCH_LOAD=detail: the service page at 16 connections)
# Same data set and settings as bench/run.sh. The recording and the report go to bench/results/<time>-profile/.
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH_NAME=profile
LOAD=${BENCH_LOAD:-near-me}
source bench/common.sh "$@"
load() { # SECONDS
  case $LOAD in
    mixed) wrk -t2 -c32 -d"${1}s" -s bench/mixed.lua "http://localhost:$PORT" -- "$OUT/detail-ids.txt" "$OUT/slots.txt" "$OUT/token.txt" ;;
    booking) BENCH_MIX=booking wrk -t2 -c32 -d"${1}s" -s bench/mixed.lua "http://localhost:$PORT" -- "$OUT/detail-ids.txt" "$OUT/slots.txt" "$OUT/token.txt" ;;
    detail) wrk -t2 -c16 -d"${1}s" -s bench/detail.lua "http://localhost:$PORT" -- "$OUT/detail-ids.txt" ;;
    *) wrk -t2 -c16 -d"${1}s" -s bench/near-me.lua "http://localhost:$PORT" ;;
  esac
}

export JAVA_TOOL_OPTIONS="-XX:FlightRecorderOptions=stackdepth=256"
start_service
unset JAVA_TOOL_OPTIONS
if [ "$LOAD" != near-me ]; then visible_listing_ids; free_slots "http://localhost:$PORT"; fi
load "$WARMUP" > /dev/null
jcmd "${SERVICE_PIDS[0]}" JFR.start name=bench settings=profile filename="$PWD/$OUT/$LOAD.jfr" > /dev/null
load "$DURATION" > "$OUT/wrk.txt"
jcmd "${SERVICE_PIDS[0]}" JFR.stop name=bench > /dev/null
stop_service

jfr print --stack-depth 256 --events jdk.ExecutionSample "$OUT/$LOAD.jfr" > "$OUT/samples.txt"
{
  echo "Requests/sec during the recording: $(awk '/Requests\/sec/ {print $2}' "$OUT/wrk.txt")"
  echo
  echo "Top frames (self time, % of samples):"
  awk '/stackTrace = \[/ {getline; sub(/^ +/, ""); sub(/line:.*/, ""); print}' "$OUT/samples.txt" | sort | uniq -c | sort -rn |
    awk -v total="$(grep -c 'stackTrace = \[' "$OUT/samples.txt")" 'NR <= 25 {printf "%5.1f %%  %s\n", $1 * 100 / total, substr($0, index($0, $2))}'
  echo
  echo "Layers (% of samples). A sample counts for the first layer of this list found anywhere on its stack, so work done"
  echo "on a layer's behalf (a JDK map, graphql-java's selection sets for SmallRye's field context) counts for that layer:"
  awk '
    BEGIN {
      n = split("io.quarkus.oidc|OIDC (token verification);" \
        "org.jose4j|OIDC (token verification);" \
        "io.smallrye.jwt|OIDC (token verification);" \
        "cn.linli.platform.ResponseJson|response JSON (streamed, ResponseJson);" \
        "io.smallrye.graphql.execution.datafetcher.FieldDataFetcher|SmallRye field fetcher (per-field context, reflection, transformation);" \
        "io.smallrye.graphql.execution.context|SmallRye field fetcher (per-field context, reflection, transformation);" \
        "cn.linli.common.PlainFieldFetchers|plain field fetchers;" \
        "graphql.analysis|graphql-java depth/complexity instrumentations;" \
        "org.postgresql|JDBC driver;" \
        "org.hibernate|Hibernate and the connection pool;" \
        "io.agroal|Hibernate and the connection pool;" \
        "cn.linli.catalog|our queries and mapping;" \
        "cn.linli.organization|our queries and mapping;" \
        "cn.linli.booking|our queries and mapping;" \
        "cn.linli.audit|audit log;" \
        "cn.linli.common|our queries, mapping and instrumentations;" \
        "graphql.validation|graphql-java validation;" \
        "graphql.parser|graphql parsing;" \
        "org.eclipse.parsson|response JSON (SmallRye, Parsson);" \
        "io.smallrye.graphql.execution.ExecutionResponse|response JSON (SmallRye, Parsson);" \
        "graphql.execution.instrumentation|graphql-java instrumentation chain;" \
        "graphql.|graphql-java execution (fields, values, results);" \
        "io.smallrye.graphql|SmallRye (operations, execution service);" \
        "cn.linli.platform.GraphQLRequestGate|request gate;" \
        "cn.linli.platform|HTTP executor, error bodies;" \
        "io.vertx.core.json|request JSON (Vert.x, Jackson);" \
        "com.fasterxml.jackson|request JSON (Vert.x, Jackson);" \
        "io.netty|HTTP (Netty, Vert.x);" \
        "io.vertx|HTTP (Netty, Vert.x);" \
        "io.quarkus|Quarkus (other)", parts, ";")
      for (i = 1; i <= n; i++) { split(parts[i], kv, "|"); pat[i] = "^ +" kv[1]; name[i] = kv[2] }
    }
    /stackTrace = \[/ { total++; best = n + 1; instack = 1; next }
    instack && /^ *\]/ { instack = 0; count[best <= n ? name[best] : "JDK or other"]++; next }
    instack { for (i = 1; i < best; i++) if ($0 ~ pat[i]) { best = i; break } }
    END { for (l in count) printf "%5.1f %%  %s\n", count[l] * 100 / total, l }' "$OUT/samples.txt" | sort -rn
} > "$OUT/profile.md"
rm -f "$OUT/samples.txt"
cat "$OUT/profile.md"
