#!/usr/bin/env bash
# Dashboard page latency benchmark: how long dashboard-service takes to answer its pages and its KPI API when the
# KPI files are large and many visitors reload at once. Target: p95 < 100 ms per page under --clients concurrent
# clients.
#
#   bench/dashboard-latency.sh [--rows=10000] [--clients=10] [--requests=2000] [--warmup=200] [--repeat=3]
#                              [--keep-data]
#
# All on loopback, in a temporary data folder:
#   1. bench/PageLatency.java (generate) writes every KPI file the pages read, valid for their checks: the urban
#      hourly aggregate with --rows rows (five zones x 24 hours a day), the transport daily file over the same
#      days, the other transport and product files and processed/data_quality.csv;
#   2. starts dashboard-service (a private copy of its jar) on a free port with etl.data-dir = that folder; the
#      transformer URL and the Kafka bootstrap servers point at ports nobody listens on, so /runs answers its
#      "could not be loaded" banner (a refused connection, no transformer runs here) and /quality its dead-letter
#      error (read at most once every 5 s; that read waits out its 1.5 s budget, and the requests arriving
#      meanwhile wait with it: it shows in /quality's max, not in its p50);
#   3. bench/PageLatency.java (measure), --repeat times, for each of /urban, /urban?range=7d, /dashboard, /products, /quality, /runs
#      and /api/kpis/urban-sensors-aggregated: checks that the first answer is 200 and shows a KPI value (a page
#      showing its "no data" or "malformed file" panel is not measured), --warmup requests from --clients clients,
#      then --requests GETs from --clients concurrent clients ("concurrent"), then --requests GETs from one client
#      ("sequential");
#   4. prints p50/p95/p99/max (ms, send to last body byte) and requests/s of every repetition, then the medians
#      over the repetitions side by side, and the verdict p95 < 100 ms (concurrent scenario) per page.
# How to read the figures: the pages compute their numbers and charts once per version of the files, so these are
# the latencies of an unchanged data folder (rendering, not parsing). The client runs on the same machine as the
# service and takes CPU from it: on few cores the concurrent figures are an upper bound. requests/s of the
# concurrent scenario is the throughput with --clients callers; of the sequential one, 1000 / mean latency.
# BENCH_JVM_OPTS (default -Xmx512m, as local-stack gives the services) applies to dashboard-service. Needs JDK 21+
# (JAVA_HOME or java on the PATH), curl and jq; builds the jar only if it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=SCRIPTDIR/lib.sh
source bench/lib.sh   # usage, die, log, stop_pid, cleanup, pick_ports, median, ... (the globals they need: see there)

ROWS=10000
CLIENTS=10
REQUESTS=2000
WARMUP=200
REPEAT=3
KEEP_DATA=0
TARGET_P95_MS=100
read -r -a JVM_OPTS <<<"${BENCH_JVM_OPTS:--Xmx512m}"

for arg in "$@"; do
  case "$arg" in
    --rows=*) ROWS=${arg#*=} ;;
    --clients=*) CLIENTS=${arg#*=} ;;
    --requests=*) REQUESTS=${arg#*=} ;;
    --warmup=*) WARMUP=${arg#*=} ;;
    --repeat=*) REPEAT=${arg#*=} ;;
    --keep-data) KEEP_DATA=1 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "Unknown option $arg (see --help)" >&2; exit 2 ;;
  esac
done
for n in ROWS CLIENTS REQUESTS WARMUP REPEAT; do
  [[ "${!n}" =~ ^[1-9][0-9]*$ ]] || { echo "--${n,,} must be a positive integer" >&2; exit 2; }
done

# ---------------------------------------------------------------------------------------------- prerequisites
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
command -v "$JAVA" >/dev/null 2>&1 || die "no java found: set JAVA_HOME to a JDK 21+"
[ "$(java_major "$JAVA")" -ge 21 ] 2>/dev/null \
  || die "Java 21 or newer is needed, but $JAVA is Java $(java_major "$JAVA"). Set JAVA_HOME to a JDK 21+."
for tool in curl jq awk sort; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool is needed"
done

DASHBOARD_JAR=dashboard-service/target/dashboard-service-0.1.0-SNAPSHOT-exec.jar
if [ ! -f "$DASHBOARD_JAR" ]; then
  log "Building the jar ($DASHBOARD_JAR is missing)"
  # package, not install: the build leaves ~/.m2 as it is
  ./mvnw -o -q package -DskipTests -pl dashboard-service -am || ./mvnw -q package -DskipTests -pl dashboard-service -am
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/dashboard-bench.XXXXXX")
PIDS=()   # "pid:name" of every background process, stopped in reverse order on exit

install_cleanup   # from here on, everything in PIDS is stopped on exit, Ctrl-C and errors
use_api_credentials

# A private copy: a rebuild of the module during the run must not swap the jar under the running JVM.
JAR_BUILT=$(date -r "$DASHBOARD_JAR" '+%Y-%m-%d %H:%M')
cp "$DASHBOARD_JAR" "$WORK/dashboard-service.jar"
DASHBOARD_JAR=$WORK/dashboard-service.jar
REVISION=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
if [ -n "$(git status --porcelain -- dashboard-service common-model 2>/dev/null)" ]; then
  REVISION+=" + uncommitted changes in dashboard-service/common-model"
fi

# The client, run with the source launcher: a JVM of its own, JDK classes only. Ten clients receiving the KPI API's
# 1.8 MB answers at once exhausted 256 MB of heap in the JDK's HttpClient once the dashboard answered them quickly.
CLIENT=("$JAVA" -Xmx1g bench/PageLatency.java)

# ------------------------------------------------------------------------------------------------- KPI files
DATA=$WORK/data
log "Writing the KPI files ($ROWS urban rows) to $DATA"
RUN_BOUNDED_TAIL=""
run_bounded 300 generate "$WORK/generate.out" "${CLIENT[@]}" generate "$DATA" "$ROWS"
(cd "$DATA" && find . -name '*.csv' | sort | while read -r f; do printf '    %-60s %7d lines\n' "${f#./}" "$(wc -l <"$f")"; done)

# ------------------------------------------------------------------------------------------------- dashboard
CHOSEN_PORTS=" "   # every port taken by pick_ports (bench/lib.sh)
pick_ports DASHBOARD_PORT TRANSFORMER_PORT KAFKA_PORT
BASE=http://localhost:$DASHBOARD_PORT
log "Starting dashboard-service on :$DASHBOARD_PORT (${JVM_OPTS[*]}; transformer :$TRANSFORMER_PORT and Kafka :$KAFKA_PORT are closed ports)"
"$JAVA" "${JVM_OPTS[@]}" -jar "$DASHBOARD_JAR" --server.port="$DASHBOARD_PORT" --etl.data-dir="$DATA" \
  --etl.dashboard.transformer-url="http://localhost:$TRANSFORMER_PORT" \
  --spring.kafka.bootstrap-servers="localhost:$KAFKA_PORT" \
  >"$WORK/dashboard-service.log" 2>&1 &
DASHBOARD_PID=$!
PIDS+=("$DASHBOARD_PID:dashboard-service")
for ((i = 0; ; i++)); do
  [ "$(curl -s "$BASE/actuator/health" | jq -r .status 2>/dev/null)" = UP ] && break
  kill -0 "$DASHBOARD_PID" 2>/dev/null || { tail -50 "$WORK/dashboard-service.log" >&2; die "dashboard-service exited during start"; }
  [ "$i" -lt 240 ] || die "dashboard-service was not UP within 120s (see $WORK/dashboard-service.log)"
  sleep 0.5
done

# ---------------------------------------------------------------------------------------------- measurements
# "path marker": what the first answer must contain (a KPI value, or for /runs its banner). /urban?range=7d is the
# largest view of the pages: a week of hours, 840 points on each of its two time charts and in their tables.
PAGES=(
  '/urban id="kpi-readings"'
  '/urban?range=7d id="kpi-readings"'
  '/dashboard id="kpi-trips"'
  '/products id="kpi-purchases"'
  '/quality id="quality-updated"'
  '/runs could not be loaded from the transformer-service'
  '/api/kpis/urban-sensors-aggregated "pollution_idx"'
)
RAW=$WORK/raw.txt   # RESULT path scenario rep p50 p95 p99 max rps
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a)
log "Measuring: $REPEAT repetition(s) x ${#PAGES[@]} paths x ($REQUESTS requests from $CLIENTS clients + $REQUESTS from 1), $WARMUP warm-up requests each"
# In the foreground (Ctrl-C reaches it directly); progress on standard error, results kept in RAW.
"${CLIENT[@]}" measure "$BASE" "$CLIENTS" "$REQUESTS" "$WARMUP" "$REPEAT" "${PAGES[@]}" >"$RAW" \
  || die "the measurement failed (dashboard log: $WORK/dashboard-service.log)"
DASHBOARD_CPU_S=$(awk -v ms="$(cpu_millis "$DASHBOARD_PID")" 'BEGIN { printf "%.1f", ms / 1000 }')

# ---------------------------------------------------------------------------------------------------- report
row_format='%-36s %4s | %8s %8s %8s %8s %8s | %8s %8s %8s %8s %8s\n'
header() {
  printf "$row_format" path "$1" p50 p95 p99 max req/s p50 p95 p99 max req/s
}
col() { # path scenario rep-or-empty field
  awk -v p="$1" -v s="$2" -v r="$3" -v i="$4" '$2 == p && $3 == s && (r == "" || $4 == r) { print $i }' "$RAW" | median
}
echo
echo "== Dashboard page latency: $ROWS urban rows, $CLIENTS concurrent clients vs 1, $REQUESTS requests per path and repetition, $REPEAT repetition(s)"
echo "Machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) RAM, $("$JAVA" -version 2>&1 | head -1); dashboard JVM: ${JVM_OPTS[*]}"
echo "dashboard-service jar built $JAR_BUILT; repository at $REVISION"
echo "Load average (1/5/15 min): before $LOAD_BEFORE, after $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a); dashboard CPU over the whole run: ${DASHBOARD_CPU_S} s"
echo "Latencies in ms (send to last body byte, client on the same machine); left: $CLIENTS concurrent clients, right: 1 client."
echo "/runs: no transformer runs here, the page answers its \"could not be loaded\" banner (refused connection)."
echo "/quality: no broker either; its dead letters are read at most every 5 s, a read that waits out its 1.5 s budget (see max)."
echo
echo "Every repetition (left of the bar: $CLIENTS clients; right: 1 client):"
header rep
for ((rep = 1; rep <= REPEAT; rep++)); do
  for page in "${PAGES[@]}"; do
    path=${page%% *}
    printf "$row_format" "$path" "$rep" \
      "$(col "$path" concurrent "$rep" 5)" "$(col "$path" concurrent "$rep" 6)" "$(col "$path" concurrent "$rep" 7)" \
      "$(col "$path" concurrent "$rep" 8)" "$(col "$path" concurrent "$rep" 9)" \
      "$(col "$path" sequential "$rep" 5)" "$(col "$path" sequential "$rep" 6)" "$(col "$path" sequential "$rep" 7)" \
      "$(col "$path" sequential "$rep" 8)" "$(col "$path" sequential "$rep" 9)"
  done
done
echo
echo "Medians over the $REPEAT repetition(s) (left: $CLIENTS clients; right: 1 client), and the verdict (p95 of the $CLIENTS-client scenario < $TARGET_P95_MS ms):"
printf '%-36s %4s | %8s %8s %8s %8s %8s | %8s %8s %8s %8s %8s | %s\n' path "" p50 p95 p99 max req/s p50 p95 p99 max req/s verdict
MISSED=0
for page in "${PAGES[@]}"; do
  path=${page%% *}
  p95=$(col "$path" concurrent "" 6)
  if awk -v v="$p95" -v t="$TARGET_P95_MS" 'BEGIN { exit !(v < t) }'; then verdict="met"; else verdict="MISSED"; MISSED=$((MISSED + 1)); fi
  printf '%-36s %4s | %8s %8s %8s %8s %8s | %8s %8s %8s %8s %8s | %s\n' "$path" "" \
    "$(col "$path" concurrent "" 5)" "$p95" "$(col "$path" concurrent "" 7)" \
    "$(col "$path" concurrent "" 8)" "$(col "$path" concurrent "" 9)" \
    "$(col "$path" sequential "" 5)" "$(col "$path" sequential "" 6)" "$(col "$path" sequential "" 7)" \
    "$(col "$path" sequential "" 8)" "$(col "$path" sequential "" 9)" "$verdict"
done
echo
if [ "$MISSED" = 0 ]; then
  echo "Target p95 < $TARGET_P95_MS ms with $CLIENTS concurrent clients: met on every path."
else
  echo "Target p95 < $TARGET_P95_MS ms with $CLIENTS concurrent clients: missed on $MISSED of ${#PAGES[@]} paths."
fi
