# Shared by bench/run.sh and bench/mixed.sh: settings, tools, the packaged service, the data set.
# Sourced with the repository as working directory; "--regenerate" as first argument regenerates the data set.
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
DB=${BENCH_DB:-linli_bench}
DURATION=${BENCH_SECONDS:-30}
# Load before the measured run on a fresh instance: the JIT compiles the request path for ≈ 50 s under load on 2 cores
# (the same instance gave 3.6, 1.5, 1.2, 1.1 and then 0.5 ms of JVM CPU per near-me search in successive 10 s windows);
# a service runs for days, so the benchmark measures it compiled.
WARMUP=${BENCH_WARMUP:-60}
# The JVM's options: those the Kubernetes manifest and the image give (the serial collector, JAVA_OPTS_APPEND=-Xms128m
# -Xmx512m; see "The JVM" in application.properties); BENCH_JVM=g1 runs the benchmark's default before 2026-12-08
# (-Xmx512m and the JVM's own choice here, G1), to compare with the runs recorded before.
case ${BENCH_JVM:-default} in
  g1) JVM_OPTIONS=(-Xmx512m) ;;
  *) JVM_OPTIONS=(-XX:+UseSerialGC -Xms128m -Xmx512m) ;;
esac
PORT=${BENCH_PORT:-8089}
JDBC="jdbc:postgresql://$PGHOST:$PGPORT/$DB"
mkdir -p bench/results
OUT=bench/results/$(date -u +%Y%m%dT%H%M%SZ)-${BENCH_NAME:-run}
mkdir -p "$OUT"

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
command -v jq >/dev/null || { apt-get update -qq && apt-get install -y -qq jq; }
command -v pgbench >/dev/null || { apt-get update -qq && apt-get install -y -qq postgresql-contrib; }
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests

# Instances of the prod jar (JVM_OPTIONS) on PORT, PORT+1, … (management: PORT+1000, …; the demo identity); the limits for anonymous callers are lifted (the
# benchmark is one client sending thousands of requests a minute).
SERVICE_PIDS=()
STARTUP_MS=()
STARTUPS=() # every start of the run but the statement checks'
start_service() { # [instance number, default 0]
  local n=${1:-0} port=$((PORT + ${1:-0})) began
  began=$(date +%s%N)
  QUARKUS_DATASOURCE_JDBC_URL=$JDBC QUARKUS_DATASOURCE_USERNAME=$PGUSER QUARKUS_DATASOURCE_PASSWORD=${PGPASSWORD:-unused} \
    QUARKUS_HTTP_PORT=$port QUARKUS_MANAGEMENT_PORT=$((port + 1000)) LINLI_DEMO_IDENTITY=true LINLI_ANONYMOUS_PER_MINUTE=100000000 LINLI_ANONYMOUS_COST_PER_MINUTE=100000000000 \
    java "${JVM_OPTIONS[@]}" -jar target/quarkus-app/quarkus-run.jar > "$OUT/service-$n.log" 2>&1 &
  SERVICE_PIDS+=($!)
  for _ in $(seq 1 6000); do # first start after an upgrade migrates 1 000 000 rows: minutes
    if curl -sf "localhost:$((port + 1000))/q/health/ready" >/dev/null 2>&1; then
      STARTUP_MS+=($(( ($(date +%s%N) - began) / 1000000 )))
      if [ "$n" -lt 50 ]; then STARTUPS+=("${STARTUP_MS[-1]}"); fi
      return 0
    fi
    sleep 0.05
  done
  echo "the service did not start; see $OUT/service-$n.log" >&2
  exit 1
}
stop_service() {
  for pid in "${SERVICE_PIDS[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; done
  SERVICE_PIDS=()
  STARTUP_MS=()
}
trap stop_service EXIT

present=$(psql -d postgres -Atc "SELECT 1 FROM pg_database WHERE datname = '$DB'")
if [ "${1:-}" = "--regenerate" ] || [ -z "$present" ]; then
  psql -d postgres -qc "DROP DATABASE IF EXISTS $DB"
  psql -d postgres -qc "CREATE DATABASE $DB TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'"
  echo "migrating an empty $DB through the service …"
  start_service; stop_service
  echo "generating 1 000 000 listings …"
  start=$(date +%s); psql -d "$DB" -q -f bench/generate.sql; echo "generated in $(( $(date +%s) - start )) s"
fi

# an upgrade's migrations may have rewritten the tables: tidy them so both sides meet the same database
psql -d "$DB" -qc "VACUUM (ANALYZE) service_listing, organization, category, contract"

# The benchmark's copy of a page's statements must be the ones the service sends: an instance of the service with
# Hibernate's SQL log and Sql's statement log (category cn.linli.sql) on answers the request twice, and the
# statements it logged for the second (parameters as ?) are compared, as a sorted list, with the pgbench file's. In the file,
# :variables count as ?, and so does a random pick from an ARRAY[...]; BEGIN, COMMIT and a statement under a comment
# line "-- (pgbench only)" (what picks the listing a script works on) are not the service's. Fails the run when they
# differ.
#   check_statements FILE BODY_FUNCTION [ROLE]   BODY_FUNCTION URL prints the request's JSON body; ROLE: a demo
#                                                token's role (resident, …) to send the request with
check_statements() {
  local file=$1 body_of=$2 role=${3:-} url="http://localhost:$((PORT + 50))" from sent copy name
  local auth=()
  name=$(basename "$file")
  export QUARKUS_HIBERNATE_ORM_LOG_SQL=true QUARKUS_HIBERNATE_ORM_LOG_FORMAT_SQL=false QUARKUS_LOG_CATEGORY__CN_LINLI_SQL__LEVEL=DEBUG
  start_service 50
  unset QUARKUS_HIBERNATE_ORM_LOG_SQL QUARKUS_HIBERNATE_ORM_LOG_FORMAT_SQL QUARKUS_LOG_CATEGORY__CN_LINLI_SQL__LEVEL
  if [ -n "$role" ]; then
    auth=(-H "Authorization: Bearer $(curl -sf "$url/demo/tokens" | jq -r ".$role.token")")
  fi
  # a first request does what an instance does once (reads the category tree it then keeps); the second is compared
  curl -sf -H 'Content-Type: application/json' "${auth[@]}" -d "$("$body_of" "$url")" "$url/graphql" > /dev/null
  local body
  body=$("$body_of" "$url")
  sleep 0.5
  from=$(wc -l < "$OUT/service-50.log")
  curl -sf -H 'Content-Type: application/json' "${auth[@]}" -d "$body" "$url/graphql" > "$OUT/check-$name.json"
  sleep 0.5
  stop_service
  if grep -q '"errors"' "$OUT/check-$name.json" || ! grep -q '"data"' "$OUT/check-$name.json"; then
    echo "the request for bench/$name failed: see $OUT/check-$name.json" >&2
    exit 1
  fi
  sent=$(tail -n +$((from + 1)) "$OUT/service-50.log" | sed 's/\x1b\[[0-9;]*m//g' | grep -E 'Hibernate:|\[Hibernate\]|\] SQL: ' \
    | sed 's/^.*\[Hibernate\] *//; s/^.*Hibernate: *//; s/^.*\] SQL: *//' | tr -s ' \t' ' ' | sed 's/ *$//' | LC_ALL=C sort)
  copy=$(statements_of "$file" | LC_ALL=C sort)
  echo "$sent" > "$OUT/sent-$name"
  echo "$copy" > "$OUT/copy-$name"
  if [ -z "$sent" ] || [ "$sent" != "$copy" ]; then
    echo "bench/$name does not hold the statements the service sends (see $OUT/sent-$name and copy-$name):" >&2
    diff "$OUT/sent-$name" "$OUT/copy-$name" >&2 || true
    exit 1
  fi
  echo "bench/$name holds the $(echo "$sent" | wc -l) statement(s) the service sends for its request"
}
# The requests the statement checks send (BODY_FUNCTION URL → JSON body): near-me's, the service page's for the first
# of the visible listings in $OUT/detail-ids.txt (written by visible_listing_ids), a booking's of a free slot.
near_me_body() {
  echo '{"query":"{ services(near: {lat: 36.0, lng: 103.8}, filter: {categoryCode: \"elderly\"}, orderBy: DISTANCE, first: 20) { edges { node { id } } } }"}'
}
detail_body() {
  jq -n --rawfile q graphql/operations/ServiceDetail.graphql --arg id "$(head -1 "$OUT/detail-ids.txt")" '{query: $q, variables: {id: $id}}'
}
booking_body() { # URL: a random free slot of a random listing with opening hours, from tomorrow on (a resident may
  # hold only two live bookings of a service a day, and every run books one)
  local url=$1 id slots slot age
  id=$(psql -d "$DB" -Atc "SELECT l.id FROM service_listing l JOIN organization o ON o.id = l.organization_id
    WHERE l.status = 'PUBLISHED' AND o.status = 'ACTIVE' AND EXISTS (SELECT 1 FROM listing_weekly_hours h WHERE h.listing_id = l.id)
    ORDER BY random() LIMIT 1")
  slots=$(jq -n --arg id "$id" --arg from "$(date -u -d tomorrow +%F)" --arg to "$(date -u -d '+14 days' +%F)" \
    '{query: "query($id: ID!, $from: Date!, $to: Date!) { service(id: $id) { eligibility { minAge maxAge } availability(from: $from, to: $to) { start free } } }", variables: {id: $id, from: $from, to: $to}}' |
    curl -sf -H 'Content-Type: application/json' -d @- "$url/graphql")
  slot=$(echo "$slots" | jq -r --argjson pick "$RANDOM" '[.data.service.availability[] | select(.free > 0)] | .[$pick % length].start')
  age=$(echo "$slots" | jq -r '.data.service.eligibility | [(.minAge // 30), ([(.maxAge // 30), 30] | min)] | max')
  jq -n --rawfile q graphql/operations/BookService.graphql --arg id "$id" --arg slot "$slot" --argjson age "$age" \
    --arg key "$(cat /proc/sys/kernel/random/uuid)" '{query: $q, operationName: "BookService", variables: {input: {serviceId: $id,
      slotStart: $slot, forSelf: true, beneficiary: {name: "压测居民", relation: "本人", age: $age}, contactPhone: "13800000000",
      idempotencyKey: $key}}}'
}
# Free slots of 300 random visible listings with opening hours in the coming two weeks, for bench/mixed.lua:
# "listing-id slot-start age" per line (an age the listing admits) in $OUT/slots.txt, and the tokens of 200 residents
# in $OUT/token.txt (a resident may hold only two live bookings of a service a day: one resident would soon be refused).
free_slots() { # URL
  local url=$1 id
  resident_tokens 200 > "$OUT/token.txt"
  : > "$OUT/slots.txt"
  for id in $(psql -d "$DB" -Atc "SELECT l.id FROM service_listing l JOIN organization o ON o.id = l.organization_id
      WHERE l.status = 'PUBLISHED' AND o.status = 'ACTIVE' AND EXISTS (SELECT 1 FROM listing_weekly_hours h WHERE h.listing_id = l.id)
      ORDER BY random() LIMIT 300"); do
    jq -n --arg id "$id" --arg from "$(date -u -d tomorrow +%F)" --arg to "$(date -u -d '+14 days' +%F)" \
      '{query: "query($id: ID!, $from: Date!, $to: Date!) { service(id: $id) { eligibility { minAge maxAge } availability(from: $from, to: $to) { start free } } }", variables: {id: $id, from: $from, to: $to}}' |
      curl -sf -H 'Content-Type: application/json' -d @- "$url/graphql" |
      jq -r --arg id "$id" '.data.service | ([(.eligibility.minAge // 30), ([(.eligibility.maxAge // 30), 30] | min)] | max) as $age
        | .availability[] | select(.free > 0) | "\($id) \(.start) \($age)"' >> "$OUT/slots.txt"
  done
  [ -s "$OUT/slots.txt" ] || { echo "no free slots found" >&2; exit 1; }
}
# N resident tokens (subjects bench-resident-1 … N) as the demo identity signs them (src/main/resources/demo, a key
# for demos and tests only; see DemoIdentity), valid for 12 hours, one per line
resident_tokens() { # N
  local key=src/main/resources/demo/oidc-private-key.pem now i header payload
  b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
  now=$(date +%s)
  header=$(printf '{"alg":"RS256","typ":"JWT","kid":"linli-demo"}' | b64url)
  for i in $(seq 1 "$1"); do
    payload=$(printf '{"iss":"https://linli.demo/issuer","aud":"linli","sub":"bench-resident-%d","upn":"bench-resident-%d","groups":["resident"],"iat":%d,"exp":%d}' \
      "$i" "$i" "$now" $((now + 43200)) | b64url)
    echo "$header.$payload.$(printf '%s' "$header.$payload" | openssl dgst -sha256 -sign "$key" -binary | b64url)"
  done
}
# 5 000 visible listings (published, of an active organization) for the service page, one id per line
visible_listing_ids() {
  psql -d "$DB" -Atc "SELECT l.id FROM service_listing l TABLESAMPLE SYSTEM (1) JOIN organization o ON o.id = l.organization_id
    WHERE l.status = 'PUBLISHED' AND o.status = 'ACTIVE' LIMIT 5000" > "$OUT/detail-ids.txt"
}
statements_of() { # FILE → its statements as the service would log them, one per line, in the file's order
  awk '/^\\/ {next} /^-- *\(pgbench only\)/ {skip = 1; next} /^--/ {next}
    {buf = buf " " $0} /; *$/ {if (!skip) print buf; buf = ""; skip = 0}' "$1" |
    sed -E "s/\(ARRAY\[[^]]*\]\)\[:[a-z_]+\]/?/g; s/:[a-z_]+/?/g" |
    tr -s ' \t' ' ' | sed 's/^ *//; s/ *;* *$//' | grep -v -x -E 'BEGIN|COMMIT'
}

machine() {
  echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(lscpu | awk -F: '/Model name/ {gsub(/^ +/, "", $2); print $2}'), PostgreSQL $(psql -d postgres -Atc 'SHOW server_version'), $(java -version 2>&1 | head -1)"
}

# a latency as wrk prints it (812.00us, 43.89ms, 1.02s) in ms
to_ms() { echo "$1" | awk '/us$/ {printf "%.2f", $1 / 1000; next} /ms$/ {printf "%.2f", $1 + 0; next} /s$/ {printf "%.2f", $1 * 1000}'; }

# user + system CPU ticks of a process so far (/proc/<pid>/stat fields 14 and 15)
cpu_ticks() {
  awk '{print $14 + $15}' "/proc/$1/stat"
}

# Two pgbench files for the same page must return the same ids in the same order: both run through psql on
# 20 fixed pseudo-random points and categories (their \set lines replaced by the same values). Fails the run.
#   check_same_ids FILE LEAN_FILE
check_same_ids() {
  local full=$1 lean=$2 i lat lng cat a b args
  for i in $(seq 1 20); do
    lat=$(awk -v i="$i" 'BEGIN { srand(i); printf "%.6f", 35.0 + rand() * 2.0 }')
    lng=$(awk -v i="$i" 'BEGIN { srand(i * 7919); printf "%.6f", 102.6 + rand() * 2.4 }')
    cat=$(( (i % 8) + 1 ))
    args=(-v lat="$lat" -v lng="$lng" -v cat="$cat" -v radius=1500
      -v minlat="($lat - 0.013701)" -v maxlat="($lat + 0.013701)" -v minlng="($lng - 0.017040)" -v maxlng="($lng + 0.017040)")
    a=$(ids_of "$full" "${args[@]}")
    b=$(ids_of "$lean" "${args[@]}")
    if ! [[ "$a" =~ ^[0-9,]+$ ]] || [ "$a" != "$b" ]; then
      echo "$(basename "$lean") and $(basename "$full") differ at $lat, $lng (category $cat):" >&2
      echo "  $a" >&2
      echo "  $b" >&2
      exit 1
    fi
  done
  echo "bench/$(basename "$lean") returns the same ids in the same order as bench/$(basename "$full") on 20 points"
}
ids_of() { # FILE psql-variables… → the l_id column, comma-separated (psql interpolates :variables from stdin only)
  local file=$1
  shift
  echo "SELECT string_agg(l_id::text, ',') FROM ($(grep -v '^\\\|^--' "$file" | sed 's/; *$//')) q;" | psql -d "$DB" -At "$@" 2>&1
}
