#!/usr/bin/env bash
# A JFR profile of the service under the near-me load (wrk, 16 connections): where the JVM's CPU goes.
#   bench/profile.sh          30 s recording after a 10 s warm-up; prints the top frames and the share of samples
#                             under each layer (a sample counts for every layer on its stack)
# Same data set and settings as bench/run.sh. The recording and the report go to bench/results/<time>-profile/.
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH_NAME=profile
source bench/common.sh "$@"

export JAVA_TOOL_OPTIONS="-XX:FlightRecorderOptions=stackdepth=256"
start_service
unset JAVA_TOOL_OPTIONS
wrk -t2 -c16 -d10s -s bench/near-me.lua "http://localhost:$PORT" > /dev/null
jcmd "${SERVICE_PIDS[0]}" JFR.start name=bench settings=profile filename="$PWD/$OUT/near-me.jfr" > /dev/null
wrk -t2 -c16 -d"${DURATION}s" -s bench/near-me.lua "http://localhost:$PORT" > "$OUT/wrk.txt"
jcmd "${SERVICE_PIDS[0]}" JFR.stop name=bench > /dev/null
stop_service

jfr print --events jdk.ExecutionSample "$OUT/near-me.jfr" > "$OUT/samples.txt"
{
  echo "Requests/sec during the recording: $(awk '/Requests\/sec/ {print $2}' "$OUT/wrk.txt")"
  echo
  echo "Top frames (self time, % of samples):"
  awk '/stackTrace = \[/ {getline; sub(/^ +/, ""); sub(/line:.*/, ""); print}' "$OUT/samples.txt" | sort | uniq -c | sort -rn |
    awk -v total="$(grep -c 'stackTrace = \[' "$OUT/samples.txt")" 'NR <= 25 {printf "%5.1f %%  %s\n", $1 * 100 / total, substr($0, index($0, $2))}'
  echo
  echo "Layers (inclusive, % of samples):"
  awk '
    BEGIN {
      n = split("SmallRyeContextManager|SmallRye per-field context;datafetcher.FieldDataFetcher|SmallRye field fetcher;PlainFieldFetchers|plain field fetchers;graphql.execution.instrumentation|graphql-java instrumentations;graphql.analysis|graphql-java depth/complexity;graphql.execution.ExecutionStrategy|graphql-java execution;graphql.validation|graphql-java validation;graphql.parser|graphql parsing;org.postgresql|JDBC driver;org.hibernate|Hibernate;cn.linli.catalog|catalog (resolvers, mapping);GraphQLRequestGate|request gate;ExecutionResponse|response JSON (SmallRye);io.vertx.core.json|Vert.x JSON;io.netty|Netty", parts, ";")
      for (i = 1; i <= n; i++) { split(parts[i], kv, "|"); pat[i] = kv[1]; name[i] = kv[2] }
    }
    /stackTrace = \[/ { total++; delete seen; instack = 1; next }
    instack && /^ *\]/ { instack = 0; for (i = 1; i <= n; i++) if (seen[i]) count[i]++; next }
    instack { for (i = 1; i <= n; i++) if (index($0, pat[i])) seen[i] = 1 }
    END { for (i = 1; i <= n; i++) printf "%5.1f %%  %s\n", count[i] * 100 / total, name[i] }' "$OUT/samples.txt"
} > "$OUT/profile.md"
rm -f "$OUT/samples.txt"
cat "$OUT/profile.md"
