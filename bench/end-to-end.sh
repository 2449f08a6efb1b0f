#!/usr/bin/env bash
# End-to-end benchmark: how fast do events get from a producer-service burst to complete KPI files, compared with
# what Kafka itself allows on the same broker? Side by side, in one run, per stream and event count N:
#   PP   Kafka's ProducerPerformance: records/s for the stream's record size (bench/WarmProducerPerformance.java);
#   EOS  a minimal Kafka Streams exactly_once_v2 pass-through (bench/EosPassThrough.java) over PP's N records,
#        with the transformer's commit.interval.ms and num.stream.threads: the ceiling of any EOS transformer;
#   e2e  the product: a burst of N events (POST /api/streams/{stream}/bursts), timed from the burst's startedAt
#        until the KPI files are complete, i.e. processed/data_quality.csv counts (all rows of the stream) every
#        event ever sent to the stream and the stream's KPI file agrees with its accepted count.
#
#   bench/end-to-end.sh [--sizes=1000000,10000000] [--streams=urban-sensors,product-events,transportation-stats]
#                       [--repeat=3] [--warmup=50000] [--parquet-events=100000] [--parquet-interval=10s]
#                       [--profile] [--keep-data]
#
#   --sizes            event counts N; scenarios run in this order for each size
#   --streams          each stream alone, then (with more than one) all of them at once: one burst of N per
#                      stream, started together; complete when every stream's files are
#   --repeat           every figure this many times; the tables show every run and the medians
#   --warmup           events per stream sent through the streams (and PP's warm-up records) before measuring
#   --parquet-events   after the scenarios of each size, a burst of this many urban events, then the transformer's
#                      next Parquet round that saw all of them: its 'Parquet export round: ... <millis> ms' log line
#                      (n/a when the transformer jar does not log it)
#   --parquet-interval the transformer's etl.export.parquet-interval
#   --profile          the transformer runs with Java Flight Recorder (settings=profile); prints its hot methods
#                      and allocations by class at the end (the figures of a profiled run are not comparable)
#   --keep-data        keep the temporary folder (logs, .jfr files, broker and KPI data of every repetition)
#
# All on loopback, in a temporary folder. Every repetition starts afresh: local-stack --no-services (KRaft broker,
# PostgreSQL, Schema Registry) on free ports with a new data folder, then transformer-service (private
# --etl.data-dir, --etl.state-dir) and producer-service (private copies of the jars), a warm-up burst per stream;
# then per size: per stream PP, EOS and the e2e scenario, then all streams at once, then the Parquet round. So
# every repetition sees the same history: the figures at 10M are after the same 1M scenarios each time. The
# repetition's broker data is deleted when it ends (unless --keep-data); everything started is stopped on exit,
# on Ctrl-C and on errors. BENCH_JVM_OPTS (default -Xmx512m, as local-stack gives the services) applies to the
# services, ProducerPerformance and the pass-through alike; BENCH_MAVEN_LOCK, when set, is a file that every Maven
# call of the script takes with flock first. Needs Linux (/proc), JDK 21+ (JAVA_HOME or java on the PATH), curl,
# jq and unzip; builds the jars only if they are missing; resolves kafka-tools and kafka-streams (the broker's
# version) through bench/pom.xml.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=SCRIPTDIR/lib.sh
source bench/lib.sh   # usage, die, log, stop_pid, cleanup, run_bounded, ... (the globals they need: see there)

SIZES="1000000,10000000"
STREAMS="urban-sensors,product-events,transportation-stats"
REPEAT=3
WARMUP=50000
PARQUET_EVENTS=100000
PARQUET_INTERVAL=10s
PROFILE=0
KEEP_DATA=0
read -r -a JVM_OPTS <<<"${BENCH_JVM_OPTS:--Xmx512m}"

for arg in "$@"; do
  case "$arg" in
    --sizes=*) SIZES=${arg#*=} ;;
    --streams=*) STREAMS=${arg#*=} ;;
    --repeat=*) REPEAT=${arg#*=} ;;
    --warmup=*) WARMUP=${arg#*=} ;;
    --parquet-events=*) PARQUET_EVENTS=${arg#*=} ;;
    --parquet-interval=*) PARQUET_INTERVAL=${arg#*=} ;;
    --profile) PROFILE=1 ;;
    --keep-data) KEEP_DATA=1 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "Unknown option $arg (see --help)" >&2; exit 2 ;;
  esac
done
for n in REPEAT WARMUP PARQUET_EVENTS; do
  [[ "${!n}" =~ ^[1-9][0-9]*$ ]] || { echo "--${n,,} must be a positive integer" | tr _ - >&2; exit 2; }
done
read -r -a SIZE_LIST <<<"${SIZES//,/ }"
read -r -a STREAM_LIST <<<"${STREAMS//,/ }"
[ "${#SIZE_LIST[@]}" -gt 0 ] || { echo "--sizes is empty" >&2; exit 2; }
[ "${#STREAM_LIST[@]}" -gt 0 ] || { echo "--streams is empty" >&2; exit 2; }
for size in "${SIZE_LIST[@]}"; do
  [[ "$size" =~ ^[1-9][0-9]*$ ]] || { echo "--sizes must be positive integers, not '$size'" >&2; exit 2; }
done
[[ "$PARQUET_INTERVAL" =~ ^[1-9][0-9]*(ms|s|m)$ ]] || { echo "--parquet-interval must look like 10s, 500ms or 1m" >&2; exit 2; }

# ---------------------------------------------------------------------------------------------- prerequisites
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
JAVAC="${JAVA_HOME:+$JAVA_HOME/bin/}javac"
JFR="${JAVA_HOME:+$JAVA_HOME/bin/}jfr"
command -v "$JAVA" >/dev/null 2>&1 || die "no java found: set JAVA_HOME to a JDK 21+"
[ "$(java_major "$JAVA")" -ge 21 ] 2>/dev/null \
  || die "Java 21 or newer is needed, but $JAVA is Java $(java_major "$JAVA"). Set JAVA_HOME to a JDK 21+."
command -v "$JAVAC" >/dev/null 2>&1 || die "$JAVAC not found: JAVA_HOME must be a JDK, not a JRE"
[ "$PROFILE" = 0 ] || command -v "$JFR" >/dev/null 2>&1 || die "--profile needs $JFR (a JDK with the jfr tool)"
for tool in curl jq unzip timeout awk sort stat; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool is needed"
done
[ -r /proc/loadavg ] || die "this script reads /proc (Linux only)"

mvnw() { # every Maven call, behind BENCH_MAVEN_LOCK when it is set
  if [ -n "${BENCH_MAVEN_LOCK:-}" ]; then flock "$BENCH_MAVEN_LOCK" ./mvnw -B "$@"; else ./mvnw -B "$@"; fi
}

STACK_JAR=local-stack/target/local-stack-0.1.0-SNAPSHOT-exec.jar
PRODUCER_JAR=producer-service/target/producer-service-0.1.0-SNAPSHOT-exec.jar
TRANSFORMER_JAR=transformer-service/target/transformer-service-0.1.0-SNAPSHOT-exec.jar
if [ ! -f "$STACK_JAR" ] || [ ! -f "$PRODUCER_JAR" ] || [ ! -f "$TRANSFORMER_JAR" ]; then
  log "Building the jars (one of $STACK_JAR, $PRODUCER_JAR, $TRANSFORMER_JAR is missing)"
  mvnw -o -q install -DskipTests || mvnw -q install -DskipTests
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/end-to-end-bench.XXXXXX")
PIDS=()   # "pid:name" of every background process, stopped in reverse order on exit

# Stops the last process started by start_background (the newest entry of PIDS).
stop_last() { # grace-seconds
  local entry=${PIDS[${#PIDS[@]}-1]}
  stop_pid "${entry%%:*}" "${entry#*:}" "$1"
  wait "${entry%%:*}" 2>/dev/null || true
  unset "PIDS[${#PIDS[@]}-1]"
}

install_cleanup   # from here on, everything in PIDS is stopped on exit, Ctrl-C and errors
use_api_credentials

# Private copies: a rebuild of the modules during the run must not swap the jars under the running JVMs.
PRODUCER_BUILT=$(date -r "$PRODUCER_JAR" '+%Y-%m-%d %H:%M')
TRANSFORMER_BUILT=$(date -r "$TRANSFORMER_JAR" '+%Y-%m-%d %H:%M')
cp "$STACK_JAR" "$WORK/local-stack.jar"
cp "$PRODUCER_JAR" "$WORK/producer-service.jar"
cp "$TRANSFORMER_JAR" "$WORK/transformer-service.jar"
STACK_JAR=$WORK/local-stack.jar
PRODUCER_JAR=$WORK/producer-service.jar
TRANSFORMER_JAR=$WORK/transformer-service.jar
REVISION=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
DIRTY=$(git status --porcelain -- producer-service transformer-service common-model local-stack bench 2>/dev/null \
  | awk '{ print $2 }' | cut -d/ -f1 | sort -u | paste -sd, - || true)
[ -z "$DIRTY" ] || REVISION+=" + uncommitted changes in $DIRTY"

# Does the transformer jar log the Parquet round line? (Its classes carry the message text.)
PARQUET_LINE='Parquet export round:'
if [ "$(unzip -p "$TRANSFORMER_JAR" 'BOOT-INF/classes/*' 2>/dev/null | grep -a -c "$PARQUET_LINE" || true)" -gt 0 ]; then
  PARQUET_LOGGED=1
else
  PARQUET_LOGGED=0
fi

RUN_BOUNDED_TAIL=50   # a failed run_bounded command: the last 50 lines of its output and error files

# ------------------------------------------------------------------------------ settings from application.yml
# yml_value, to_bytes: bench/lib.sh
PRODUCER_YML=producer-service/src/main/resources/application.yml
TRANSFORMER_YML=transformer-service/src/main/resources/application.yml
ACKS=$(yml_value "$PRODUCER_YML" acks)
COMPRESSION=$(yml_value "$PRODUCER_YML" compression-type)
BATCH_SIZE=$(to_bytes "$(yml_value "$PRODUCER_YML" batch-size)")
BUFFER_MEMORY=$(to_bytes "$(yml_value "$PRODUCER_YML" buffer-memory)")
IDEMPOTENCE=$(yml_value "$PRODUCER_YML" 'enable\.idempotence')
LINGER_MS=$(yml_value "$PRODUCER_YML" 'linger\.ms')
PARTITIONS=$(yml_value "$PRODUCER_YML" partitions)
MAX_BURST=$(yml_value "$PRODUCER_YML" max-events)
BURST_THREADS=$(yml_value "$PRODUCER_YML" threads)
for setting in ACKS COMPRESSION BATCH_SIZE BUFFER_MEMORY IDEMPOTENCE LINGER_MS PARTITIONS MAX_BURST BURST_THREADS; do
  [ -n "${!setting}" ] || die "could not read $setting from $PRODUCER_YML"
done
GUARANTEE=$(yml_value "$TRANSFORMER_YML" 'processing\.guarantee')
[ "$GUARANTEE" = exactly_once_v2 ] || die "$TRANSFORMER_YML has processing.guarantee '$GUARANTEE', not exactly_once_v2"
EXPORT_INTERVAL=$(yml_value "$TRANSFORMER_YML" export-interval)
# Not set in application.yml means Kafka Streams' defaults: 100 ms under exactly_once_v2, one stream thread.
COMMIT_INTERVAL_MS=$(yml_value "$TRANSFORMER_YML" 'commit\.interval\.ms')
COMMIT_INTERVAL_FROM="application.yml"
[ -n "$COMMIT_INTERVAL_MS" ] || { COMMIT_INTERVAL_MS=100; COMMIT_INTERVAL_FROM="Kafka Streams' default under exactly_once_v2"; }
STREAM_THREADS=$(yml_value "$TRANSFORMER_YML" 'num\.stream\.threads')
STREAM_THREADS_FROM="application.yml"
[ -n "$STREAM_THREADS" ] || { STREAM_THREADS=1; STREAM_THREADS_FROM="Kafka Streams' default"; }
STREAMS_BATCH_SIZE=$(yml_value "$TRANSFORMER_YML" 'producer\.batch\.size')
[ -n "$STREAMS_BATCH_SIZE" ] || STREAMS_BATCH_SIZE=16384

# The producer takes bursts of at most max-events, on burst-threads threads: raise both when needed, so that
# every scenario is one burst per stream and the bursts of the all-streams scenario run at the same time.
MAX_SIZE=$(printf '%s\n' "${SIZE_LIST[@]}" "$WARMUP" "$PARQUET_EVENTS" | sort -n | tail -1)
PRODUCER_OVERRIDES=()
[ "$MAX_SIZE" -le "$MAX_BURST" ] || PRODUCER_OVERRIDES+=(--etl.producer.bursts.max-events="$MAX_SIZE")
[ "${#STREAM_LIST[@]}" -le "$BURST_THREADS" ] || PRODUCER_OVERRIDES+=(--etl.producer.bursts.threads="${#STREAM_LIST[@]}")

# ------------------------------------------------------------------- KPI file contracts (common-model/kpi)
KPI_SRC="common-model/src/main/java/org/etlsuite/model/kpi"
java_const() { # file class constant: the string value of the constant in (the first part of) that class
  awk -v cls="$2" -v name="$3" '
    $0 ~ "class " cls "[ {]" { inside = 1 }
    inside && match($0, name " = \"[^\"]*\"") { v = substr($0, RSTART, RLENGTH); sub(/^[^"]*"/, "", v); sub(/"$/, "", v); print v; exit }' "$1"
}
DQ_FILE=$(java_const "$KPI_SRC/DataQualityKpiFile.java" DataQualityKpiFile RELATIVE_PATH)
DQ_STREAM=$(java_const "$KPI_SRC/DataQualityKpiFile.java" DataQualityKpiFile STREAM)
DQ_METRIC=$(java_const "$KPI_SRC/DataQualityKpiFile.java" DataQualityKpiFile METRIC)
DQ_COUNT=$(java_const "$KPI_SRC/DataQualityKpiFile.java" DataQualityKpiFile COUNT)
DQ_ACCEPTED=$(java_const "$KPI_SRC/DataQualityKpiFile.java" DataQualityKpiFile ACCEPTED)
URBAN_FILE=$(java_const "$KPI_SRC/UrbanHourlyKpiFile.java" UrbanHourlyKpiFile RELATIVE_PATH)
URBAN_READINGS=$(java_const "$KPI_SRC/UrbanHourlyKpiFile.java" UrbanHourlyKpiFile READINGS)
FUNNEL_FILE=$(java_const "$KPI_SRC/ProductKpiFiles.java" Funnel RELATIVE_PATH)
FUNNEL_COUNT=$(java_const "$KPI_SRC/ProductKpiFiles.java" Funnel COUNT)
SUMMARY_FILE=$(java_const "$KPI_SRC/TransportKpiFiles.java" Summary RELATIVE_PATH)
SUMMARY_TRIPS=$(java_const "$KPI_SRC/TransportKpiFiles.java" Summary TOTAL_TRIPS)
for setting in DQ_FILE DQ_STREAM DQ_METRIC DQ_COUNT DQ_ACCEPTED URBAN_FILE URBAN_READINGS FUNNEL_FILE FUNNEL_COUNT \
    SUMMARY_FILE SUMMARY_TRIPS; do
  [ -n "${!setting}" ] || die "could not read $setting from $KPI_SRC"
done

# ------------------------------------------------------------------- bench class path, compiled helpers
log "Resolving kafka-tools and kafka-streams through bench/pom.xml"
if ! mvnw -o -q -f bench/pom.xml dependency:build-classpath -Dmdep.outputFile="$WORK/classpath.txt" >"$WORK/mvn.log" 2>&1; then
  # offline failed: the first run downloads the dependencies from Maven Central
  mvnw -q -f bench/pom.xml dependency:build-classpath -Dmdep.outputFile="$WORK/classpath.txt" >>"$WORK/mvn.log" 2>&1 \
    || { cat "$WORK/mvn.log" >&2; die "could not resolve bench/pom.xml's class path"; }
fi
"$JAVAC" -nowarn -d "$WORK/classes" -cp "$(cat "$WORK/classpath.txt")" \
  bench/RecordSizes.java bench/WarmProducerPerformance.java bench/EosPassThrough.java \
  || die "could not compile bench/*.java"
TOOLS_JVM=("$JAVA" "${JVM_OPTS[@]}" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$WORK/classes:$(cat "$WORK/classpath.txt")")

# ----------------------------------------------------------------------------------------------------- ports
CHOSEN_PORTS=" "   # every port taken by pick_ports (bench/lib.sh) in this run, all repetitions

# ------------------------------------------------------------------------------------------------ processes
rss_mib() { awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
now_ns() { date +%s%N; }
iso_ns() { date -d "$1" +%s%N; }

start_background() { # name log-file command...   sets LAST_PID
  local name=$1 out=$2; shift 2
  "$@" >"$out" 2>&1 &
  LAST_PID=$!
  PIDS+=("$LAST_PID:$name")
}

await_health() { # name pid port log-file
  local i
  for ((i = 0; ; i++)); do
    [ "$(curl -s "http://localhost:$3/actuator/health" | jq -r .status 2>/dev/null)" = UP ] && return
    kill -0 "$2" 2>/dev/null || { tail -50 "$4" >&2; die "$1 exited during start"; }
    [ "$i" -lt 360 ] || die "$1 was not UP within 180s (see $4)"
    sleep 0.5
  done
}

start_rep() { # rep: a fresh stack, transformer and producer
  local rep=$1 i
  REP_DIR=$WORK/rep-$rep
  mkdir -p "$REP_DIR"
  DATA=$REP_DIR/data
  pick_ports KAFKA_PORT CONTROLLER_PORT POSTGRES_PORT REGISTRY_PORT PRODUCER_PORT TRANSFORMER_PORT
  BOOTSTRAP=localhost:$KAFKA_PORT
  REGISTRY=http://localhost:$REGISTRY_PORT
  PRODUCER_URL=http://localhost:$PRODUCER_PORT

  log "[run $rep/$REPEAT] Starting local-stack --no-services (Kafka $BOOTSTRAP, stack data in $REP_DIR/stack)"
  start_background local-stack "$REP_DIR/local-stack.out" "$JAVA" -jar "$STACK_JAR" --no-services \
    --data-dir="$REP_DIR/stack" --kafka-port="$KAFKA_PORT" --kafka-controller-port="$CONTROLLER_PORT" \
    --postgres-port="$POSTGRES_PORT" --registry-port="$REGISTRY_PORT"
  STACK_PID=$LAST_PID
  for ((i = 0; ; i++)); do
    grep -q 'local stack is up' "$REP_DIR/local-stack.out" && break
    kill -0 "$STACK_PID" 2>/dev/null || { cat "$REP_DIR/local-stack.out" >&2; die "local-stack exited during start"; }
    [ "$i" -lt 1800 ] || die "local-stack did not start within 180s (see $REP_DIR/local-stack.out)"
    sleep 0.1
  done

  # The arguments local-stack gives its child services (EtlServices), with private folders and ports.
  local common=(--etl.data-dir="$DATA" --spring.kafka.bootstrap-servers="$BOOTSTRAP"
    --spring.kafka.properties.schema.registry.url="$REGISTRY")
  local transformer_jvm=("${JVM_OPTS[@]}")
  if [ "$PROFILE" = 1 ]; then
    JFR_FILE=$REP_DIR/transformer.jfr
    transformer_jvm+=("-XX:StartFlightRecording=filename=$JFR_FILE,settings=profile,dumponexit=true")
  fi
  log "[run $rep/$REPEAT] Starting transformer-service on :$TRANSFORMER_PORT (${transformer_jvm[*]}, parquet-interval $PARQUET_INTERVAL)"
  start_background transformer-service "$REP_DIR/transformer-service.log" "$JAVA" "${transformer_jvm[@]}" \
    -jar "$TRANSFORMER_JAR" --server.port="$TRANSFORMER_PORT" "${common[@]}" \
    --spring.datasource.url="jdbc:postgresql://localhost:$POSTGRES_PORT/etl" \
    --spring.datasource.username=etl --spring.datasource.password=etl \
    --etl.state-dir="$REP_DIR/transformer-state" \
    --etl.runs.producer-url="http://localhost:$PRODUCER_PORT" \
    --etl.export.parquet-interval="$PARQUET_INTERVAL"
  TRANSFORMER_PID=$LAST_PID
  await_health transformer-service "$TRANSFORMER_PID" "$TRANSFORMER_PORT" "$REP_DIR/transformer-service.log"
  TRANSFORMER_THREADS=$(curl -s -u "$ETL_API_USER:$ETL_API_PASSWORD" "http://localhost:$TRANSFORMER_PORT/actuator/health" \
    | jq -r '.components.kafkaStreams.details.threads // "?"' 2>/dev/null || echo "?")

  log "[run $rep/$REPEAT] Starting producer-service on :$PRODUCER_PORT (${JVM_OPTS[*]}${PRODUCER_OVERRIDES[*]:+, ${PRODUCER_OVERRIDES[*]}})"
  start_background producer-service "$REP_DIR/producer-service.log" "$JAVA" "${JVM_OPTS[@]}" \
    -jar "$PRODUCER_JAR" --server.port="$PRODUCER_PORT" "${common[@]}" ${PRODUCER_OVERRIDES[@]+"${PRODUCER_OVERRIDES[@]}"}
  PRODUCER_PID=$LAST_PID
  await_health producer-service "$PRODUCER_PID" "$PRODUCER_PORT" "$REP_DIR/producer-service.log"
  for stream in "${STREAM_LIST[@]}"; do SENT[$stream]=0; done
}

stop_rep() {
  log "[run $rep/$REPEAT] Stopping producer-service, transformer-service and local-stack"
  stop_last 60   # producer-service
  stop_last 90   # transformer-service (a JFR recording is written as it exits)
  stop_last 60   # local-stack
  if [ "$KEEP_DATA" = 0 ]; then
    rm -rf "$REP_DIR/stack" "$REP_DIR/transformer-state" "$REP_DIR/eos-state" "$DATA"
  fi
}

# ---------------------------------------------------------------------------------------------------- bursts
declare -A SENT BURST_URLS

# post_burst, await_burst: bench/lib.sh; the bursts of this script are polled every 250 ms.
BURST_POLL_MS=250

# ------------------------------------------------------------------------------------------------- KPI files
# CSV (RFC 4180, as the transformer writes it) to tab-separated fields without quotes.
csv_tsv() {
  awk '
    index($0, "\"") == 0 { gsub(/,/, "\t"); print; next }
    { out = ""; field = ""; inq = 0; n = length($0)
      for (i = 1; i <= n; i++) {
        c = substr($0, i, 1)
        if (inq) {
          if (c == "\"") { if (substr($0, i + 1, 1) == "\"") { field = field c; i++ } else inq = 0 } else field = field c
        } else if (c == "\"") inq = 1
        else if (c == ",") { out = out field "\t"; field = "" }
        else field = field c
      }
      print out field }' "$1"
}

# Sum of a column (by header name; empty cells skipped), optionally of the rows whose column fc equals fv; 0 when
# the file does not exist yet.
col_sum() { # file column [fc fv]
  [ -f "$1" ] || { echo 0; return; }
  csv_tsv "$1" | awk -F'\t' -v col="$2" -v fc="${3-}" -v fv="${4-}" '
    NR == 1 { for (i = 1; i <= NF; i++) h[$i] = i
              if (!(col in h) || (fc != "" && !(fc in h))) { bad = 1; exit } next }
    (fc == "" || $h[fc] == fv) && $h[col] != "" { s += $h[col] }
    END { if (bad) { print "no column " col " in " FILENAME > "/dev/stderr"; exit 1 } printf "%.0f\n", s }'
}

# Sets DQ_TOTAL and DQ_ACCEPTED_COUNT for a stream from the data-quality file.
dq_counts() { # stream
  local file=$DATA/$DQ_FILE
  DQ_TOTAL=0; DQ_ACCEPTED_COUNT=0
  [ -f "$file" ] || return 0
  read -r DQ_TOTAL DQ_ACCEPTED_COUNT < <(csv_tsv "$file" | awk -F'\t' -v s="$1" -v cs="$DQ_STREAM" -v cm="$DQ_METRIC" \
    -v cc="$DQ_COUNT" -v acc="$DQ_ACCEPTED" '
    NR == 1 { for (i = 1; i <= NF; i++) h[$i] = i; next }
    $h[cs] == s { t += $h[cc]; if ($h[cm] == acc) a += $h[cc] }
    END { printf "%.0f %.0f\n", t, a }')
}

kpi_file() { # stream: the KPI file that must agree with the accepted count (empty for a stream without one)
  case "$1" in
    urban-sensors) echo "$DATA/$URBAN_FILE" ;;
    product-events) echo "$DATA/$FUNNEL_FILE" ;;
    transportation-stats) echo "$DATA/$SUMMARY_FILE" ;;
    *) echo "" ;;
  esac
}

kpi_count() { # stream: the accepted events according to the stream's KPI file
  case "$1" in
    urban-sensors) col_sum "$DATA/$URBAN_FILE" "$URBAN_READINGS" ;;          # sum of readings over all buckets
    product-events) col_sum "$DATA/$FUNNEL_FILE" "$FUNNEL_COUNT" ;;          # stage rows; conversion rows have none
    transportation-stats) col_sum "$DATA/$SUMMARY_FILE" "$SUMMARY_TRIPS" ;;  # the one summary row
    *) echo "$DQ_ACCEPTED_COUNT" ;;
  esac
}

mtime_ns() { stat -c %.9Y "$1" | tr -d .; }

# Waits until the KPI files account for every event sent to the streams; sets COMPLETE_NS to the moment the last
# of the files involved got its final content (its modification time: it is rewritten only when it changes).
await_files() { # timeout-seconds streams...
  local limit=$1 stream ok kpi file latest t
  shift
  local deadline=$(( $(date +%s) + limit ))
  while :; do
    ok=1
    for stream in "$@"; do
      dq_counts "$stream"
      [ "$DQ_TOTAL" -le "${SENT[$stream]}" ] \
        || die "$DQ_FILE counts $DQ_TOTAL $stream records, but only ${SENT[$stream]} were sent"
      if [ "$DQ_TOTAL" -ne "${SENT[$stream]}" ]; then ok=0; break; fi
      kpi=$(kpi_count "$stream")
      if [ "$kpi" != "$DQ_ACCEPTED_COUNT" ]; then ok=0; break; fi
    done
    [ "$ok" = 0 ] || break
    kill -0 "$TRANSFORMER_PID" 2>/dev/null || { tail -50 "$REP_DIR/transformer-service.log" >&2; die "transformer-service exited"; }
    if [ "$(date +%s)" -ge "$deadline" ]; then
      die "KPI files not complete within ${limit}s for $*: $stream has $DQ_TOTAL of ${SENT[$stream]} in $DQ_FILE (accepted $DQ_ACCEPTED_COUNT, KPI file ${kpi:-?})"
    fi
    sleep 0.5
  done
  latest=$(mtime_ns "$DATA/$DQ_FILE")
  FILE_TIMES="${DQ_FILE##*/} $latest"
  for stream in "$@"; do
    file=$(kpi_file "$stream")
    [ -z "$file" ] || { t=$(mtime_ns "$file"); [ "$t" -le "$latest" ] || latest=$t; FILE_TIMES+=" ${file##*/} $t"; }
  done
  COMPLETE_NS=$latest
}

# Sends a burst of n events to each stream, all at once, waits for every ack and for complete KPI files.
# Sets START_NS (earliest startedAt), ACKED_NS (latest finishedAt) and COMPLETE_NS.
burst_and_await() { # events streams...
  local n=$1 stream started finished
  shift
  for stream in "$@"; do
    post_burst "$PRODUCER_URL" "$stream" "$n"
    [ -n "$BURST_URL" ] || die "producer-service answers 404 for $stream"
    BURST_URLS[$stream]=$BURST_URL
  done
  START_NS=""; ACKED_NS=0
  for stream in "$@"; do
    await_burst "${BURST_URLS[$stream]}" $(( 120 + n * $# / 2000 )) "$BURST_POLL_MS"
    [ "$(jq -r .acked <<<"$BURST_JSON")" = "$n" ] || die "$stream burst acked $(jq -r .acked <<<"$BURST_JSON") of $n"
    SENT[$stream]=$(( SENT[$stream] + n ))
    started=$(iso_ns "$(jq -r .startedAt <<<"$BURST_JSON")")
    finished=$(iso_ns "$(jq -r .finishedAt <<<"$BURST_JSON")")
    { [ -n "$START_NS" ] && [ "$START_NS" -le "$started" ]; } || START_NS=$started
    [ "$ACKED_NS" -ge "$finished" ] || ACKED_NS=$finished
  done
  # generous but bounded: 3 minutes plus 1 s per 2,000 events (the transformer does 10,000/s on a loaded machine)
  await_files $(( 180 + n * $# / 2000 )) "$@"
}

# ---------------------------------------------------------------------------------------------- measurements
RAW_PP=$WORK/pp.txt     # stream size rep records/s
RAW_EOS=$WORK/eos.txt   # stream size rep records/s cpu_s broker_cpu_s
RAW_E2E=$WORK/e2e.txt   # scenario size rep events e2e/s ack/s lag_s cpu_s_per_1M rss_MiB
RAW_PQ=$WORK/parquet.txt  # size rep millis rows files history
: >"$RAW_PP"; : >"$RAW_EOS"; : >"$RAW_E2E"; : >"$RAW_PQ"
declare -A KEY_BYTES VALUE_BYTES
AVAILABLE=()
SKIPPED=()
JFR_FILES=()
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
STARTED_AT=$(date '+%Y-%m-%d %H:%M')
STARTED_S=$(date +%s)

pp_and_eos() { # stream size rep
  local stream=$1 n=$2 rep=$3 record_size pp_topic out summary pp_rps
  record_size=$(printf '%.0f' "${VALUE_BYTES[$stream]}")
  pp_topic="bench-pp-$stream-$n-$rep"
  run_bounded 120 kafka-topics "$REP_DIR/topics.out" "${TOOLS_JVM[@]}" org.apache.kafka.tools.TopicCommand \
    --bootstrap-server "$BOOTSTRAP" --create --topic "$pp_topic" --partitions "$PARTITIONS" --replication-factor 1
  run_bounded 120 kafka-topics "$REP_DIR/topics.out" "${TOOLS_JVM[@]}" org.apache.kafka.tools.TopicCommand \
    --bootstrap-server "$BOOTSTRAP" --create --topic "$pp_topic-warmup" --partitions "$PARTITIONS" --replication-factor 1
  log "[run $rep/$REPEAT] ProducerPerformance: $n records of $record_size B ($stream's average value) to $pp_topic"
  out="$REP_DIR/pp-$stream-$n.out"
  run_bounded $(( 300 + n / 10000 )) ProducerPerformance "$out" "${TOOLS_JVM[@]}" -Dbench.broker.pid="$STACK_PID" \
    WarmProducerPerformance "$WARMUP" --topic "$pp_topic" --num-records "$n" --record-size "$record_size" --throughput -1 \
    --producer-props bootstrap.servers="$BOOTSTRAP" acks="$ACKS" enable.idempotence="$IDEMPOTENCE" \
    compression.type="$COMPRESSION" linger.ms="$LINGER_MS" batch.size="$BATCH_SIZE" buffer.memory="$BUFFER_MEMORY"
  summary=$(sed -n '/=== measured run ===/,$p' "$out" | grep ' records sent, ' | tail -1 || true)
  [ -n "$summary" ] || { cat "$out" >&2; die "no ProducerPerformance summary in $out"; }
  pp_rps=$(sed -n 's/.* records sent, \([0-9.]*\) records\/sec.*/\1/p' <<<"$summary")
  echo "    $summary"
  echo "$stream $n $rep $pp_rps" >>"$RAW_PP"

  log "[run $rep/$REPEAT] EOS pass-through: $pp_topic -> bench-eos-$stream-$n-$rep (commit.interval.ms=$COMMIT_INTERVAL_MS, num.stream.threads=$STREAM_THREADS, producer batch.size=$STREAMS_BATCH_SIZE)"
  out="$REP_DIR/eos-$stream-$n.out"
  run_bounded $(( 300 + n / 2000 )) EosPassThrough "$out" "${TOOLS_JVM[@]}" -Dbench.broker.pid="$STACK_PID" \
    -Dbench.delete.topics=true EosPassThrough "$BOOTSTRAP" "$pp_topic" "bench-eos-$stream-$n-$rep" \
    "$COMMIT_INTERVAL_MS" "$STREAM_THREADS" "$REP_DIR/eos-state" $(( 240 + n / 2000 )) "$STREAMS_BATCH_SIZE"
  summary=$(grep '^records=' "$out" || true)
  [ -n "$summary" ] || { cat "$out" "$out.err" >&2; die "no EosPassThrough summary in $out"; }
  echo "    $summary"
  awk -v s="$stream" -v n="$n" -v r="$rep" '{
      for (i = 1; i <= NF; i++) { split($i, kv, "="); f[kv[1]] = kv[2] }
      printf "%s %d %d %.0f %.2f %.2f\n", s, n, r, f["records_per_sec"], f["cpu_ms"] / 1000, f["broker_cpu_ms"] / 1000 }' \
    <<<"$summary" >>"$RAW_EOS"
}

e2e_scenario() { # label size rep streams...
  local label=$1 n=$2 rep=$3 cpu_before cpu_after events rss
  shift 3
  events=$(( n * $# ))
  log "[run $rep/$REPEAT] End to end, $label: burst of $n events to each of: $*"
  cpu_before=$(cpu_millis "$TRANSFORMER_PID")
  burst_and_await "$n" "$@"
  cpu_after=$(cpu_millis "$TRANSFORMER_PID")
  rss=$(rss_mib "$TRANSFORMER_PID")
  awk -v l="$label" -v n="$n" -v r="$rep" -v e="$events" -v s="$START_NS" -v a="$ACKED_NS" -v c="$COMPLETE_NS" \
    -v cpu="$(( cpu_after - cpu_before ))" -v rss="$rss" 'BEGIN {
      printf "%s %d %d %d %.0f %.0f %.2f %.2f %d\n", l, n, r, e, e * 1e9 / (c - s), e * 1e9 / (a - s), (c - a) / 1e9,
        cpu / 1000 / (e / 1e6), rss }' >>"$RAW_E2E"
  tail -1 "$RAW_E2E" | awk '{ printf "    %d events: %.0f events/s end to end, acks at %.0f/s, files complete %.2f s after the last ack; transformer %.2f CPU s per 1M events, RSS %d MiB\n", $4, $5, $6, $7, $8, $9 }'
  # which file came last: each file's final write, after the last ack
  awk -v a="$ACKED_NS" '{ printf "    final writes after the last ack:"; for (i = 1; i < NF; i += 2) printf " %s +%.2f s", $i, ($(i + 1) - a) / 1e9; print "" }' \
    <<<"$FILE_TIMES"
}

parquet_round() { # size rep: a small urban burst, then the first Parquet round that saw all of it
  local n=$1 rep=$2 before line limit deadline complete accepted round_ns history millis figures
  [[ " ${AVAILABLE[*]} " == *" urban-sensors "* ]] || return 0
  log "[run $rep/$REPEAT] Parquet round after the $n scenarios: burst of $PARQUET_EVENTS urban-sensors events"
  before=$(grep -c "$PARQUET_LINE" "$REP_DIR/transformer-service.log" || true)
  burst_and_await "$PARQUET_EVENTS" urban-sensors
  if [ "$PARQUET_LOGGED" = 0 ]; then
    echo "    n/a: the transformer jar does not log '$PARQUET_LINE ...'"
    echo "$n $rep n/a n/a n/a n/a" >>"$RAW_PQ"
    return 0
  fi
  complete=$COMPLETE_NS
  dq_counts urban-sensors
  accepted=$DQ_ACCEPTED_COUNT
  # A round that started after the files were complete, or that reports a history of every accepted record.
  limit=$(( 120 + 3 * $(interval_seconds "$PARQUET_INTERVAL") + accepted / 20000 ))
  deadline=$(( $(date +%s) + limit ))
  while :; do
    line=$(grep "$PARQUET_LINE" "$REP_DIR/transformer-service.log" | tail -n +"$(( before + 1 ))" | while read -r candidate; do
      millis=$(sed -n 's/.*, \([0-9,]*\) ms, history.*/\1/p' <<<"$candidate" | tr -d ,)
      history=$(sed -n 's/.* history \([0-9,]*\) records.*/\1/p' <<<"$candidate" | tr -d ,)
      round_ns=$(iso_ns "$(awk '{ print $1 }' <<<"$candidate")" 2>/dev/null || echo 0)
      if [ -n "$millis" ] && { [ "${history:-0}" -ge "$accepted" ] || [ $(( round_ns - millis * 1000000 )) -ge "$complete" ]; }; then
        echo "$candidate"
        break
      fi
    done || true)
    [ -z "$line" ] || break
    if [ "$(date +%s)" -ge "$deadline" ]; then
      echo "    n/a: no Parquet round with all $accepted urban records within ${limit}s"
      echo "$n $rep n/a n/a n/a n/a" >>"$RAW_PQ"
      return 0
    fi
    sleep 1
  done
  echo "    ${line#*"$PARQUET_LINE"}"
  # millis rows files history (numbers with or without thousands separators)
  figures=$(tr -d , <<<"$line" \
    | sed -n 's/.*Parquet export round: \([0-9]*\) rows in \([0-9]*\) files \([0-9]*\) ms history \([0-9]*\) records.*/\3 \1 \2 \4/p')
  echo "$n $rep ${figures:-n/a n/a n/a n/a}" >>"$RAW_PQ"
}

interval_seconds() { # 10s | 500ms | 1m
  case "$1" in
    *ms) echo $(( ${1%ms} / 1000 + 1 )) ;;
    *s) echo "${1%s}" ;;
    *m) echo $(( ${1%m} * 60 )) ;;
  esac
}

for ((rep = 1; rep <= REPEAT; rep++)); do
  start_rep "$rep"

  # Warm-up: JIT-compiles producer and transformer paths, probes which streams exist (a 404 skips the stream).
  REP_STREAMS=()
  for stream in "${STREAM_LIST[@]}"; do
    if [ "$rep" -gt 1 ] && [[ " ${AVAILABLE[*]} " != *" $stream "* ]]; then continue; fi
    post_burst "$PRODUCER_URL" "$stream" "$WARMUP"
    if [ -z "$BURST_URL" ]; then
      log "SKIP $stream: producer-service answers 404 (no such stream)"
      SKIPPED+=("$stream")
      continue
    fi
    await_burst "$BURST_URL" $(( 120 + WARMUP / 2000 )) "$BURST_POLL_MS"
    SENT[$stream]=$(( SENT[$stream] + WARMUP ))
    await_files $(( 180 + WARMUP / 1000 )) "$stream"
    log "[run $rep/$REPEAT] Warm-up: $WARMUP $stream events are in the KPI files"
    REP_STREAMS+=("$stream")
    if [ -z "${VALUE_BYTES[$stream]-}" ]; then
      run_bounded 180 record-sizes "$REP_DIR/sizes.out" "${TOOLS_JVM[@]}" RecordSizes "$BOOTSTRAP" "$stream" 100000
      sizes=$(cat "$REP_DIR/sizes.out")
      KEY_BYTES[$stream]=$(sed -n 's/.*avg_key_bytes=\([0-9.]*\).*/\1/p' <<<"$sizes")
      VALUE_BYTES[$stream]=$(sed -n 's/.*avg_value_bytes=\([0-9.]*\).*/\1/p' <<<"$sizes")
      log "$stream serialized sizes, read back from the topic: $sizes"
    fi
  done
  [ "$rep" -gt 1 ] || AVAILABLE=(${REP_STREAMS[@]+"${REP_STREAMS[@]}"})
  [ "${#AVAILABLE[@]}" -gt 0 ] || die "producer-service accepts none of the streams $STREAMS"

  for size in "${SIZE_LIST[@]}"; do
    for stream in "${AVAILABLE[@]}"; do
      pp_and_eos "$stream" "$size" "$rep"
      e2e_scenario "$stream" "$size" "$rep" "$stream"
    done
    if [ "${#AVAILABLE[@]}" -gt 1 ]; then
      e2e_scenario all "$size" "$rep" "${AVAILABLE[@]}"
    fi
    parquet_round "$size" "$rep"
  done
  stop_rep
  [ "$PROFILE" = 0 ] || JFR_FILES+=("$JFR_FILE")
done

# ---------------------------------------------------------------------------------------------------- report
# figure of one run: e2e column (5 e2e/s, 6 ack/s, 7 lag, 8 cpu/1M, 9 rss), pp or eos rate of the scenario
pp_rate() { awk -v s="$1" -v n="$2" -v r="$3" '$1 == s && $2 == n && $3 == r { print $4 }' "$RAW_PP"; }
eos_field() { awk -v s="$1" -v n="$2" -v r="$3" -v i="$4" '$1 == s && $2 == n && $3 == r { print $i }' "$RAW_EOS"; }
# The reference rate of a scenario: the stream's own; for "all", the rate at which the reference would deliver the
# same events one stream after the other (the harmonic mean of the streams' rates).
reference_rate() { # kind(pp|eos) scenario size rep
  local stream sum=0 rate
  if [ "$2" != all ]; then
    if [ "$1" = pp ]; then pp_rate "$2" "$3" "$4"; else eos_field "$2" "$3" "$4" 4; fi
    return
  fi
  for stream in "${AVAILABLE[@]}"; do
    if [ "$1" = pp ]; then rate=$(pp_rate "$stream" "$3" "$4"); else rate=$(eos_field "$stream" "$3" "$4" 4); fi
    sum=$(awk -v s="$sum" -v r="$rate" 'BEGIN { print s + 1 / r }')
  done
  awk -v s="$sum" -v k="${#AVAILABLE[@]}" 'BEGIN { printf "%.0f", k / s }'
}
eos_cpu_per_m() { # scenario size rep: the pass-through's CPU s per 1M records (all: over the streams' runs)
  local stream total=0
  if [ "$1" != all ]; then
    awk -v c="$(eos_field "$1" "$2" "$3" 5)" -v n="$2" 'BEGIN { printf "%.2f", c / (n / 1e6) }'; return
  fi
  for stream in "${AVAILABLE[@]}"; do total=$(awk -v t="$total" -v c="$(eos_field "$stream" "$2" "$3" 5)" 'BEGIN { print t + c }'); done
  awk -v c="$total" -v n="$2" -v k="${#AVAILABLE[@]}" 'BEGIN { printf "%.2f", c / (n * k / 1e6) }'
}

# One row per scenario and run, all figures: scenario size rep pp eos eos_cpu e2e ack lag cpu rss e2e/pp e2e/eos
ROWS=$WORK/rows.txt
: >"$ROWS"
while read -r scenario n r events e2e ack lag cpu rss; do
  pp=$(reference_rate pp "$scenario" "$n" "$r")
  eos=$(reference_rate eos "$scenario" "$n" "$r")
  awk -v sc="$scenario" -v n="$n" -v r="$r" -v pp="$pp" -v eos="$eos" -v ec="$(eos_cpu_per_m "$scenario" "$n" "$r")" \
    -v e="$e2e" -v a="$ack" -v l="$lag" -v c="$cpu" -v m="$rss" \
    'BEGIN { printf "%s %d %d %.0f %.0f %.2f %.0f %.0f %.2f %.2f %d %.1f %.1f\n", sc, n, r, pp, eos, ec, e, a, l, c, m,
             100 * e / pp, 100 * e / eos }' >>"$ROWS"
done <"$RAW_E2E"

# median of column i of the rows of a scenario and size
med() { awk -v s="$1" -v n="$2" -v i="$3" '$1 == s && $2 == n { print $i }' "$ROWS" | median; }

row_format='%-21s %9s %4s | %9s | %9s %7s | %9s %9s %6s %8s %7s | %6s %6s\n'
# shellcheck disable=SC2059 # the formats of the tables are the constants above
row() { printf "$row_format" "$@"; }
table_header() {
  row scenario events run "PP rec/s" "EOS rec/s" "cpu/1M" "e2e ev/s" "ack ev/s" "lag_s" "cpu/1M" "RSS_MiB" "e2e/PP" "e2e/EOS"
}
print_row() { # scenario size run pp eos eos_cpu e2e ack lag cpu rss r_pp r_eos
  row "$1" "$2" "$3" "$(printf %.0f "$4")" "$(printf %.0f "$5")" "$(printf %.2f "$6")" \
    "$(printf %.0f "$7")" "$(printf %.0f "$8")" "$(printf %.2f "$9")" "$(printf %.2f "${10}")" "$(printf %.0f "${11}")" \
    "$(printf %.0f%% "${12}")" "$(printf %.0f%% "${13}")"
}

SCENARIOS=("${AVAILABLE[@]}")
[ "${#AVAILABLE[@]}" -le 1 ] || SCENARIOS+=(all)
FINISHED_S=$(date +%s)

echo
echo "== End to end: producer-service burst -> Kafka -> transformer-service (exactly_once_v2) -> KPI files"
echo "Sizes $SIZES; streams ${AVAILABLE[*]}; $REPEAT run(s), each on a fresh stack (local-stack --no-services: in-process KRaft broker, PostgreSQL, Schema Registry), loopback"
echo "Started $STARTED_AT, took $(( (FINISHED_S - STARTED_S) / 60 )) min $(( (FINISHED_S - STARTED_S) % 60 )) s"
echo "Machine: $(nproc) cores ($(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) RAM, $(uname -sr)"
echo "JVM: $("$JAVA" -version 2>&1 | head -1); service, PP and EOS JVMs: ${JVM_OPTS[*]}"
echo "Repository at $REVISION; producer-service jar built $PRODUCER_BUILT, transformer-service jar built $TRANSFORMER_BUILT"
echo "Load average (1/5/15 min): before $LOAD_BEFORE, after $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Producer settings (PP and producer-service, from $PRODUCER_YML): acks=$ACKS enable.idempotence=$IDEMPOTENCE compression.type=$COMPRESSION linger.ms=$LINGER_MS batch.size=$BATCH_SIZE buffer.memory=$BUFFER_MEMORY; topics of $PARTITIONS partitions${PRODUCER_OVERRIDES[*]:+; producer-service ${PRODUCER_OVERRIDES[*]}}"
echo "Transformer: processing.guarantee=$GUARANTEE, commit.interval.ms=$COMMIT_INTERVAL_MS ($COMMIT_INTERVAL_FROM), num.stream.threads=$STREAM_THREADS ($STREAM_THREADS_FROM; its health reports $TRANSFORMER_THREADS), etl.export-interval=$EXPORT_INTERVAL, etl.export.parquet-interval=$PARQUET_INTERVAL"
for stream in "${AVAILABLE[@]}"; do
  echo "Record size $stream: key ${KEY_BYTES[$stream]} B, value ${VALUE_BYTES[$stream]} B (PP sends null keys and values of that size)"
done
[ "$PROFILE" = 0 ] || echo "PROFILED RUN (Java Flight Recorder in the transformer): the figures are not comparable with an unprofiled run."
echo
echo "PP  = ProducerPerformance records/s (N records of the stream's value size, warmed up in its JVM first)."
echo "EOS = Kafka Streams exactly_once_v2 pass-through over PP's records: records/s from start() until all are committed; cpu/1M = its CPU s per 1M records."
echo "e2e = N / (KPI files complete - burst startedAt); ack = N / (finishedAt - startedAt); lag_s = files complete - finishedAt;"
echo "      cpu/1M = transformer CPU s per 1M events over the scenario; RSS = transformer VmRSS after the scenario."
echo "all = one burst of N per stream, started together (events = N x streams); its PP and EOS references are the rates"
echo "      at which they would deliver the same events one stream after the other (harmonic mean of the streams' rates)."
echo
echo "Every run:"
table_header
while read -r sc n r pp eos ec e a l c m rp re; do
  print_row "$sc" "$n" "$r" "$pp" "$eos" "$ec" "$e" "$a" "$l" "$c" "$m" "$rp" "$re"
done <"$ROWS"
echo
echo "Medians over the runs (each column on its own; ratios are medians of the per-run ratios):"
table_header
for size in "${SIZE_LIST[@]}"; do
  for scenario in "${SCENARIOS[@]}"; do
    print_row "$scenario" "$size" med "$(med "$scenario" "$size" 4)" "$(med "$scenario" "$size" 5)" \
      "$(med "$scenario" "$size" 6)" "$(med "$scenario" "$size" 7)" "$(med "$scenario" "$size" 8)" \
      "$(med "$scenario" "$size" 9)" "$(med "$scenario" "$size" 10)" "$(med "$scenario" "$size" 11)" \
      "$(med "$scenario" "$size" 12)" "$(med "$scenario" "$size" 13)"
  done
done
echo
echo "Parquet export rounds (the first round that saw all of a $PARQUET_EVENTS-event urban burst made after the scenarios of each size):"
printf '%-14s %4s %10s %10s %6s %12s\n' "after size" run millis rows files history
while read -r n r millis rows files history; do
  printf '%-14s %4s %10s %10s %6s %12s\n' "$n" "$r" "$millis" "$rows" "$files" "$history"
done <"$RAW_PQ"
pq_med() { awk -v n="$1" '$1 == n && $3 != "n/a" { print $3 }' "$RAW_PQ" | median; }
for size in "${SIZE_LIST[@]}"; do
  printf '%-14s %4s %10s\n' "$size" med "$(pq_med "$size")"
done

# ------------------------------------------------------------------------------------------------ targets
# The targets are defined at 1M and 10M: those sizes when they were run, else the smallest and largest run.
SMALL=${SIZE_LIST[0]}; LARGE=${SIZE_LIST[0]}
for size in "${SIZE_LIST[@]}"; do
  [ "$size" -ge "$SMALL" ] || SMALL=$size
  [ "$size" -le "$LARGE" ] || LARGE=$size
done
for size in "${SIZE_LIST[@]}"; do [ "$size" != 1000000 ] || SMALL=1000000; [ "$size" != 10000000 ] || LARGE=10000000; done
target_format='%-64s %-22s %s\n'
# shellcheck disable=SC2059
target() { printf "$target_format" "$@"; }
verdict() { # figure condition(awk, on x)
  if [ "$1" = n/a ]; then echo "n/a"; elif awk -v x="$1" "BEGIN { exit !($2) }"; then echo MET; else echo MISSED; fi
}
echo
echo "Targets (medians; 'at N' = the scenarios with N events per stream):"
target target figure result
if [[ " ${AVAILABLE[*]} " == *" urban-sensors "* ]]; then
  x=$(med urban-sensors "$SMALL" 12)
  result="$(verdict "$x" 'x >= 35')"
  [ "$result" != MET ] || result+=" (stretch 50%: $(verdict "$x" 'x >= 50'))"
  target "e2e >= 35% of ProducerPerformance, urban-sensors at $SMALL" "$x%" "$result"
  x=$(med urban-sensors "$SMALL" 13)
  target "e2e >= 60% of the EOS pass-through, urban-sensors at $SMALL" "$x%" "$(verdict "$x" 'x >= 60')"
else
  target "e2e vs ProducerPerformance / EOS pass-through, urban-sensors" "n/a" "n/a (urban-sensors not run)"
fi
for scenario in "${SCENARIOS[@]}"; do
  x=$(med "$scenario" "$SMALL" 9)
  target "lag <= 5 s, $scenario at $SMALL" "$x s" "$(verdict "$x" 'x <= 5')"
done
# The transformer's RSS at a size: the largest of its scenarios' medians.
rss_at() { local s m=0 v; for s in "${SCENARIOS[@]}"; do v=$(med "$s" "$1" 11); [ "$v" = n/a ] || m=$(awk -v a="$m" -v b="$v" 'BEGIN { print (b > a ? b : a) }'); done; echo "$m"; }
if [ "$SMALL" != "$LARGE" ]; then
  small_rss=$(rss_at "$SMALL"); large_rss=$(rss_at "$LARGE")
  x=$(awk -v a="$small_rss" -v b="$large_rss" 'BEGIN { printf "%.0f", 100 * (b - a) / a }')
  target "transformer RSS at $LARGE within 20% of at $SMALL" "$large_rss vs $small_rss MiB ($x%)" \
    "$(verdict "$x" 'x <= 20 && x >= -20')"
  small_pq=$(pq_med "$SMALL"); large_pq=$(pq_med "$LARGE")
  if [ "$small_pq" = n/a ] || [ "$large_pq" = n/a ]; then
    target "Parquet round at the $LARGE history within 30% of at $SMALL" "n/a" "n/a (no round figures)"
  else
    x=$(awk -v a="$small_pq" -v b="$large_pq" 'BEGIN { printf "%.0f", 100 * (b - a) / a }')
    target "Parquet round at the $LARGE history within 30% of at $SMALL" "$large_pq vs $small_pq ms ($x%)" \
      "$(verdict "$x" 'x <= 30 && x >= -30')"
  fi
else
  target "transformer RSS at 10M within 20% of at 1M" "n/a" "n/a (needs two sizes)"
  target "Parquet round at the 10M history within 30% of at 1M" "n/a" "n/a (needs two sizes)"
fi
for stream in ${SKIPPED[@]+"${SKIPPED[@]}"}; do
  echo "skipped: $stream (producer-service answered 404: no such stream)"
done

# ---------------------------------------------------------------------------------------------------- profile
if [ "$PROFILE" = 1 ]; then
  last=${JFR_FILES[${#JFR_FILES[@]}-1]}
  echo
  echo "== Transformer profile (Java Flight Recorder, settings=profile), run $REPEAT: $last"
  [ "$KEEP_DATA" = 1 ] || echo "   (the recordings are deleted with the temporary folder when the script ends: keep them with --keep-data)"
  [ "${#JFR_FILES[@]}" -le 1 ] || echo "   recordings of the other runs: ${JFR_FILES[*]:0:${#JFR_FILES[@]}-1}"
  if [ -s "$last" ]; then
    "$JFR" view --width 200 hot-methods "$last" || echo "(jfr view hot-methods failed)"
    echo
    "$JFR" view --width 200 allocation-by-class "$last" || echo "(jfr view allocation-by-class is not available)"
  else
    echo "no recording in $last (did the transformer exit cleanly?)"
  fi
fi
