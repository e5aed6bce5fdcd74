# Shared by bench/run.sh and bench/mixed.sh: settings, tools, the packaged service, the data set.
# Sourced with the repository as working directory; "--regenerate" as first argument regenerates the data set.
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
DB=${BENCH_DB:-linli_bench}
DURATION=${BENCH_SECONDS:-30}
PORT=${BENCH_PORT:-8089}
JDBC="jdbc:postgresql://$PGHOST:$PGPORT/$DB"
mkdir -p bench/results
OUT=bench/results/$(date -u +%Y%m%dT%H%M%SZ)-${BENCH_NAME:-run}
mkdir -p "$OUT"

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
command -v pgbench >/dev/null || { apt-get update -qq && apt-get install -y -qq postgresql-contrib; }
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests

# Instances of the prod jar, -Xmx512m, on PORT, PORT+1, … (management: PORT+1000, …; the demo identity); the limits for anonymous callers are lifted (the
# benchmark is one client sending thousands of requests a minute).
SERVICE_PIDS=()
STARTUP_MS=()
start_service() { # [instance number, default 0]
  local n=${1:-0} port=$((PORT + ${1:-0})) began
  began=$(date +%s%N)
  QUARKUS_DATASOURCE_JDBC_URL=$JDBC QUARKUS_DATASOURCE_USERNAME=$PGUSER QUARKUS_DATASOURCE_PASSWORD=${PGPASSWORD:-unused} \
    QUARKUS_HTTP_PORT=$port QUARKUS_MANAGEMENT_PORT=$((port + 1000)) LINLI_DEMO_IDENTITY=true LINLI_ANONYMOUS_PER_MINUTE=100000000 LINLI_ANONYMOUS_COST_PER_MINUTE=100000000000 \
    java -Xmx512m -jar target/quarkus-app/quarkus-run.jar > "$OUT/service-$n.log" 2>&1 &
  SERVICE_PIDS+=($!)
  for _ in $(seq 1 6000); do # first start after an upgrade migrates 1 000 000 rows: minutes
    if curl -sf "localhost:$((port + 1000))/q/health/ready" >/dev/null 2>&1; then
      STARTUP_MS+=($(( ($(date +%s%N) - began) / 1000000 )))
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

machine() {
  echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(lscpu | awk -F: '/Model name/ {gsub(/^ +/, "", $2); print $2}'), PostgreSQL $(psql -d postgres -Atc 'SHOW server_version'), $(java -version 2>&1 | head -1)"
}
