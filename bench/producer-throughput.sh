#!/usr/bin/env bash
# Producer throughput benchmark: Kafka's own ProducerPerformance against producer-service's burst path, on one
# embedded broker, with the same record size and the same producer settings (read from producer-service's
# application.yml). Prints events/s, MB/s and the ratio burst / ProducerPerformance per stream.
#
#   bench/producer-throughput.sh [--events=1000000] [--warmup=50000] [--repeat=3]
#                                [--streams=urban-sensors,product-events,transportation-stats]
#                                [--compression=both|service|none] [--keep-data]
#
# All on loopback, in a temporary data folder:
#   1. starts local-stack --no-services (KRaft broker, PostgreSQL, Schema Registry) on free ports;
#   2. starts producer-service against it: with application.yml's compression.type, then (--compression=both,
#      the default) again with compression.type=none;
#   3. per stream, a warm-up burst of --warmup events (it also probes the stream: a 404 skips it), then reads the
#      topic back to measure the average serialized key and value size;
#   4. --repeat times, per stream: ProducerPerformance (warmed up in its own JVM first) with --record-size = that
#      average value size, to a fresh topic with the stream topic's partition count; then a burst of --events,
#      timed from the burst's startedAt to its finishedAt (every record acknowledged);
#   5. prints every repetition and the medians; stops everything it started (also on Ctrl-C or an error).
# BENCH_JVM_OPTS (default -Xmx512m, as local-stack gives the services) applies to producer-service and
# ProducerPerformance alike. Needs JDK 21+ (JAVA_HOME or java on the PATH), curl and jq; builds the jars only if
# they are missing; resolves kafka-tools (same version as the broker) through bench/pom.xml.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=SCRIPTDIR/lib.sh
source bench/lib.sh   # usage, die, log, stop_pid, cleanup, run_bounded, ... (the globals they need: see there)

EVENTS=1000000
WARMUP=50000
REPEAT=3
STREAMS="urban-sensors,product-events,transportation-stats"
COMPRESSION_MODE=both
KEEP_DATA=0
read -r -a JVM_OPTS <<<"${BENCH_JVM_OPTS:--Xmx512m}"

for arg in "$@"; do
  case "$arg" in
    --events=*) EVENTS=${arg#*=} ;;
    --warmup=*) WARMUP=${arg#*=} ;;
    --repeat=*) REPEAT=${arg#*=} ;;
    --streams=*) STREAMS=${arg#*=} ;;
    --compression=*) COMPRESSION_MODE=${arg#*=} ;;
    --keep-data) KEEP_DATA=1 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "Unknown option $arg (see --help)" >&2; exit 2 ;;
  esac
done
for n in EVENTS WARMUP REPEAT; do
  [[ "${!n}" =~ ^[1-9][0-9]*$ ]] || { echo "--${n,,} must be a positive integer" >&2; exit 2; }
done
case "$COMPRESSION_MODE" in service|none|both) ;; *) echo "--compression must be both, service or none" >&2; exit 2 ;; esac

# ---------------------------------------------------------------------------------------------- prerequisites
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
JAVAC="${JAVA_HOME:+$JAVA_HOME/bin/}javac"
command -v "$JAVA" >/dev/null 2>&1 || die "no java found: set JAVA_HOME to a JDK 21+"
[ "$(java_major "$JAVA")" -ge 21 ] 2>/dev/null \
  || die "Java 21 or newer is needed, but $JAVA is Java $(java_major "$JAVA"). Set JAVA_HOME to a JDK 21+."
command -v "$JAVAC" >/dev/null 2>&1 || die "$JAVAC not found: JAVA_HOME must be a JDK, not a JRE"
for tool in curl jq timeout awk sort; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool is needed"
done
[ -r /proc/loadavg ] || die "this script reads /proc (Linux only)"

STACK_JAR=local-stack/target/local-stack-0.1.0-SNAPSHOT-exec.jar
PRODUCER_JAR=producer-service/target/producer-service-0.1.0-SNAPSHOT-exec.jar
if [ ! -f "$STACK_JAR" ] || [ ! -f "$PRODUCER_JAR" ]; then
  log "Building the jars ($STACK_JAR or $PRODUCER_JAR is missing)"
  ./mvnw -o -q install -DskipTests || ./mvnw -q install -DskipTests
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/producer-bench.XXXXXX")
PIDS=()   # "pid:name" of every background process, stopped in reverse order on exit
STACK_PID=""
SERVICE_PID=""

install_cleanup   # from here on, everything in PIDS is stopped on exit, Ctrl-C and errors
use_api_credentials

# Private copies: a rebuild of the modules during the run must not swap the jars under the running JVMs.
JARS_BUILT=$(date -r "$PRODUCER_JAR" '+%Y-%m-%d %H:%M')
cp "$STACK_JAR" "$WORK/local-stack.jar"
cp "$PRODUCER_JAR" "$WORK/producer-service.jar"
STACK_JAR=$WORK/local-stack.jar
PRODUCER_JAR=$WORK/producer-service.jar
REVISION=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
if [ -n "$(git status --porcelain -- producer-service common-model 2>/dev/null)" ]; then
  REVISION+=" + uncommitted changes in producer-service/common-model"
fi

RUN_BOUNDED_TAIL=""   # a failed run_bounded command: all of its output and error files

# ------------------------------------------------------------------------ producer settings (application.yml)
YML=producer-service/src/main/resources/application.yml
# yml_value, to_bytes: bench/lib.sh
ACKS=$(yml_value "$YML" acks)
SERVICE_COMPRESSION=$(yml_value "$YML" compression-type)
BATCH_SIZE=$(to_bytes "$(yml_value "$YML" batch-size)")
BUFFER_MEMORY=$(to_bytes "$(yml_value "$YML" buffer-memory)")
IDEMPOTENCE=$(yml_value "$YML" 'enable\.idempotence')
LINGER_MS=$(yml_value "$YML" 'linger\.ms')
PARTITIONS=$(yml_value "$YML" partitions)
for setting in ACKS SERVICE_COMPRESSION BATCH_SIZE BUFFER_MEMORY IDEMPOTENCE LINGER_MS PARTITIONS; do
  [ -n "${!setting}" ] || die "could not read $setting from $YML"
done
case "$COMPRESSION_MODE" in
  service) COMPRESSIONS=("$SERVICE_COMPRESSION") ;;
  none) COMPRESSIONS=(none) ;;
  both) COMPRESSIONS=("$SERVICE_COMPRESSION"); [ "$SERVICE_COMPRESSION" = none ] || COMPRESSIONS+=(none) ;;
esac

# ----------------------------------------------------------------------------- kafka-tools class path, helpers
log "Resolving kafka-tools through bench/pom.xml"
if ! ./mvnw -o -q -f bench/pom.xml dependency:build-classpath -Dmdep.outputFile="$WORK/classpath.txt" >"$WORK/mvn.log" 2>&1; then
  # offline failed: the first run downloads kafka-tools from Maven Central
  ./mvnw -q -f bench/pom.xml dependency:build-classpath -Dmdep.outputFile="$WORK/classpath.txt" >>"$WORK/mvn.log" 2>&1 \
    || { cat "$WORK/mvn.log" >&2; die "could not resolve bench/pom.xml's class path"; }
fi
"$JAVAC" -nowarn -d "$WORK/classes" -cp "$(cat "$WORK/classpath.txt")" bench/RecordSizes.java bench/WarmProducerPerformance.java \
  || die "could not compile bench/*.java"
TOOLS_JVM=("$JAVA" "${JVM_OPTS[@]}" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$WORK/classes:$(cat "$WORK/classpath.txt")")

# ----------------------------------------------------------------------------------------------------- ports
CHOSEN_PORTS=" "   # every port taken by pick_ports (bench/lib.sh)
pick_ports KAFKA_PORT CONTROLLER_PORT POSTGRES_PORT REGISTRY_PORT SERVICE_PORT
BOOTSTRAP=localhost:$KAFKA_PORT
SERVICE_URL=http://localhost:$SERVICE_PORT

# ------------------------------------------------------------------------------------------------ local stack
log "Starting local-stack --no-services (Kafka $BOOTSTRAP, registry :$REGISTRY_PORT, data in $WORK/data)"
"$JAVA" -jar "$STACK_JAR" --no-services --data-dir="$WORK/data" --kafka-port="$KAFKA_PORT" \
  --kafka-controller-port="$CONTROLLER_PORT" --postgres-port="$POSTGRES_PORT" --registry-port="$REGISTRY_PORT" \
  >"$WORK/local-stack.out" 2>&1 &
STACK_PID=$!
PIDS+=("$STACK_PID:local-stack")
for ((i = 0; ; i++)); do
  grep -q 'local stack is up' "$WORK/local-stack.out" && break
  kill -0 "$STACK_PID" 2>/dev/null || { cat "$WORK/local-stack.out" >&2; die "local-stack exited during start"; }
  [ "$i" -lt 1800 ] || die "local-stack did not start within 180s (see $WORK/local-stack.out)"
  sleep 0.1
done

# ------------------------------------------------------------------------------------------- helper functions
start_service() { # compression
  local compression=$1 i
  log "Starting producer-service on :$SERVICE_PORT (${JVM_OPTS[*]}, compression.type=$compression)"
  "$JAVA" "${JVM_OPTS[@]}" -jar "$PRODUCER_JAR" --server.port="$SERVICE_PORT" \
    --spring.kafka.bootstrap-servers="$BOOTSTRAP" \
    --spring.kafka.properties.schema.registry.url="http://localhost:$REGISTRY_PORT" \
    --spring.kafka.producer.compression-type="$compression" \
    >"$WORK/producer-service-$compression.log" 2>&1 &
  SERVICE_PID=$!
  PIDS+=("$SERVICE_PID:producer-service")
  for ((i = 0; ; i++)); do
    [ "$(curl -s "http://localhost:$SERVICE_PORT/actuator/health" | jq -r .status 2>/dev/null)" = UP ] && break
    kill -0 "$SERVICE_PID" 2>/dev/null \
      || { tail -50 "$WORK/producer-service-$compression.log" >&2; die "producer-service exited during start"; }
    [ "$i" -lt 240 ] || die "producer-service was not UP within 120s (see $WORK/producer-service-$compression.log)"
    sleep 0.5
  done
}

stop_service() {
  stop_pid "$SERVICE_PID" producer-service 30
  wait "$SERVICE_PID" 2>/dev/null || true
  unset "PIDS[${#PIDS[@]}-1]"
  SERVICE_PID=""
}

# post_burst, await_burst, cpu_millis: bench/lib.sh; the bursts of this script are polled every 200 ms.
BURST_POLL_MS=200

burst_millis() { # json: milliseconds from startedAt to finishedAt
  local started finished
  started=$(date -d "$(jq -r .startedAt <<<"$1")" +%s%N)
  finished=$(date -d "$(jq -r .finishedAt <<<"$1")" +%s%N)
  echo $(( (finished - started) / 1000000 ))
}

# Sets TOPIC_BYTES to the bytes the broker stores for a topic, all partitions (kafka-log-dirs).
topic_bytes() { # topic
  run_bounded 120 kafka-log-dirs "$WORK/log-dirs.out" "${TOOLS_JVM[@]}" org.apache.kafka.tools.LogDirsCommand \
    --bootstrap-server "$BOOTSTRAP" --describe --topic-list "$1"
  TOPIC_BYTES=$(grep '^{' "$WORK/log-dirs.out" | jq --arg t "$1" \
    '[.brokers[].logDirs[].partitions[] | select(.partition | test("^" + $t + "-[0-9]+$")) | .size] | add // 0')
}

create_topic() { # topic
  run_bounded 120 kafka-topics "$WORK/topics.out" "${TOOLS_JVM[@]}" org.apache.kafka.tools.TopicCommand \
    --bootstrap-server "$BOOTSTRAP" --create --topic "$1" --partitions "$PARTITIONS" --replication-factor 1
}

# ---------------------------------------------------------------------------------------------- measurements
declare -A KEY_BYTES VALUE_BYTES PP_STORED BURST_STORED
RAW="$WORK/raw.txt"   # one line per repetition: compression stream rep pp_rps pp_mbs pp_cpu pp_broker burst_rps burst_mbs burst_cpu burst_broker ratio
: >"$RAW"
SKIPPED=()
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
PP_COMMAND_SHOWN=0

for compression in "${COMPRESSIONS[@]}"; do
  start_service "$compression"

  # Warm-up: JIT-compiles the burst path, probes which streams exist, leaves records to measure sizes on.
  AVAILABLE=()
  for stream in ${STREAMS//,/ }; do
    post_burst "$SERVICE_URL" "$stream" "$WARMUP"
    if [ -z "$BURST_URL" ]; then
      log "SKIP $stream: producer-service answers 404 (no such stream)"
      [[ " ${SKIPPED[*]-} " == *" $stream "* ]] || SKIPPED+=("$stream")
      continue
    fi
    await_burst "$BURST_URL" 300 "$BURST_POLL_MS"
    log "Warm-up burst of $WARMUP $stream events done"
    AVAILABLE+=("$stream")
    if [ -z "${VALUE_BYTES[$stream]-}" ]; then
      run_bounded 180 record-sizes "$WORK/sizes.out" "${TOOLS_JVM[@]}" RecordSizes "$BOOTSTRAP" "$stream" 100000
      sizes=$(cat "$WORK/sizes.out")
      KEY_BYTES[$stream]=$(sed -n 's/.*avg_key_bytes=\([0-9.]*\).*/\1/p' <<<"$sizes")
      VALUE_BYTES[$stream]=$(sed -n 's/.*avg_value_bytes=\([0-9.]*\).*/\1/p' <<<"$sizes")
      log "$stream serialized sizes, read back from the topic: $sizes (value = 5-byte Confluent header + Avro)"
    fi
  done
  [ "${#AVAILABLE[@]}" -gt 0 ] || die "producer-service accepts none of the streams $STREAMS"

  for ((rep = 1; rep <= REPEAT; rep++)); do
    for stream in "${AVAILABLE[@]}"; do
      record_size=$(printf '%.0f' "${VALUE_BYTES[$stream]}")

      # --- Kafka's ProducerPerformance: same record size, same producer settings, a fresh topic
      pp_topic="bench-pp-$stream-$compression-$rep"
      create_topic "$pp_topic"
      create_topic "$pp_topic-warmup"
      pp_args=(--topic "$pp_topic" --num-records "$EVENTS" --record-size "$record_size" --throughput -1
        --producer-props bootstrap.servers="$BOOTSTRAP" acks="$ACKS" enable.idempotence="$IDEMPOTENCE"
        compression.type="$compression" linger.ms="$LINGER_MS" batch.size="$BATCH_SIZE" buffer.memory="$BUFFER_MEMORY")
      if [ "$PP_COMMAND_SHOWN" = 0 ]; then
        log "ProducerPerformance arguments: ${pp_args[*]}"
        PP_COMMAND_SHOWN=1
      fi
      log "[$compression, run $rep/$REPEAT] ProducerPerformance: $EVENTS records of $record_size B ($stream's average value)"
      pp_out="$WORK/pp-$stream-$compression-$rep.out"
      run_bounded 900 ProducerPerformance "$pp_out" "${TOOLS_JVM[@]}" -Dbench.broker.pid="$STACK_PID" \
        WarmProducerPerformance "$WARMUP" "${pp_args[@]}"
      summary=$(sed -n '/=== measured run ===/,$p' "$pp_out" | grep ' records sent, ' | tail -1 || true)
      [ -n "$summary" ] || { cat "$pp_out" >&2; die "no ProducerPerformance summary in $pp_out"; }
      echo "    $summary"
      pp_rps=$(sed -n 's/.* records sent, \([0-9.]*\) records\/sec.*/\1/p' <<<"$summary")
      pp_mbs=$(sed -n 's/.*records\/sec (\([0-9.]*\) MB\/sec).*/\1/p' <<<"$summary")
      pp_cpu=$(sed -n 's/^cpu_ms=//p' "$pp_out")
      pp_broker=$(sed -n 's/^broker_cpu_ms=//p' "$pp_out")

      # --- the burst path
      if [ "$rep" = 1 ]; then
        topic_bytes "$pp_topic"; PP_STORED[$compression/$stream]=$TOPIC_BYTES
        topic_bytes "$stream"; stored_before=$TOPIC_BYTES
      fi
      log "[$compression, run $rep/$REPEAT] Burst: $EVENTS $stream events"
      service_before=$(cpu_millis "$SERVICE_PID"); broker_before=$(cpu_millis "$STACK_PID")
      post_burst "$SERVICE_URL" "$stream" "$EVENTS"
      [ -n "$BURST_URL" ] || die "$stream disappeared (404)"
      await_burst "$BURST_URL" $((120 + EVENTS / 2000)) "$BURST_POLL_MS"
      burst_cpu=$(( $(cpu_millis "$SERVICE_PID") - service_before ))
      burst_broker=$(( $(cpu_millis "$STACK_PID") - broker_before ))
      [ "$(jq -r .acked <<<"$BURST_JSON")" = "$EVENTS" ] || die "burst acked $(jq -r .acked <<<"$BURST_JSON") of $EVENTS"
      millis=$(burst_millis "$BURST_JSON")
      echo "    burst $(jq -c '{acked, startedAt, finishedAt}' <<<"$BURST_JSON"): $millis ms"
      if [ "$rep" = 1 ]; then
        topic_bytes "$stream"; BURST_STORED[$compression/$stream]=$(( TOPIC_BYTES - stored_before ))
      fi

      awk -v c="$compression" -v s="$stream" -v r="$rep" -v n="$EVENTS" -v k="${KEY_BYTES[$stream]}" \
        -v v="${VALUE_BYTES[$stream]}" -v pr="$pp_rps" -v pm="$pp_mbs" -v pc="$pp_cpu" -v pb="$pp_broker" \
        -v ms="$millis" -v bc="$burst_cpu" -v bb="$burst_broker" \
        'BEGIN { br = n * 1000 / ms; printf "%s %s %d %.0f %.2f %.1f %.1f %.0f %.2f %.1f %.1f %.1f\n",
                   c, s, r, pr, pm, pc / 1000, pb / 1000, br, br * (k + v) / 1048576, bc / 1000, bb / 1000, 100 * br / pr }' >>"$RAW"
    done
  done
  stop_service
done

# ---------------------------------------------------------------------------------------------------- report
row_format='%-11s %-21s %5s %7s | %9s %7s %6s %6s | %9s %7s %6s %6s | %6s\n'
header() {
  printf "$row_format" compression stream "$1" "$2" "PP rec/s" "MB/s" "cpu_s" "brk_s" "burst/s" "MB/s" "cpu_s" "brk_s" ratio
}
echo
echo "== Producer throughput: $EVENTS records per run, $REPEAT run(s), one broker (local-stack, in-process KRaft), loopback"
echo "Machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) RAM, $("$JAVA" -version 2>&1 | head -1); JVMs: ${JVM_OPTS[*]}"
echo "producer-service jar built $JARS_BUILT; repository at $REVISION"
echo "Load average (1/5/15 min): before $LOAD_BEFORE, after $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Producer settings (both sides, from $YML): acks=$ACKS enable.idempotence=$IDEMPOTENCE linger.ms=$LINGER_MS batch.size=$BATCH_SIZE buffer.memory=$BUFFER_MEMORY; topics of $PARTITIONS partitions"
echo "PP = ProducerPerformance (null keys, --record-size = the stream's average value size); burst = POST /api/streams/{stream}/bursts, startedAt..finishedAt."
echo "MB = 2^20 bytes; PP MB/s counts value bytes (PP sends no key), burst MB/s key + value bytes."
echo "cpu_s = CPU seconds of the producing JVM during the measured run; brk_s = CPU seconds of the broker JVM (local-stack) in the same span."
echo
echo "Every run:"
header run ""
while read -r c s r pr pm pc pb br bm bc bb ratio; do
  printf "$row_format" "$c" "$s" "$r" "" "$pr" "$pm" "$pc" "$pb" "$br" "$bm" "$bc" "$bb" "$(printf '%.0f%%' "$ratio")"
done <"$RAW"
echo
echo "Medians (ratio = median of the per-run ratios), serialized sizes, broker bytes per record (after compression):"
header key_B value_B
for compression in "${COMPRESSIONS[@]}"; do
  for stream in ${STREAMS//,/ }; do
    grep -q "^$compression $stream " "$RAW" || continue
    col() { printf "$2" "$(awk -v c="$compression" -v s="$stream" -v i="$1" '$1 == c && $2 == s { print $i }' "$RAW" | median)"; }
    printf "$row_format" "$compression" "$stream" "${KEY_BYTES[$stream]}" "${VALUE_BYTES[$stream]}" \
      "$(col 4 %.0f)" "$(col 5 %.2f)" "$(col 6 %.1f)" "$(col 7 %.1f)" "$(col 8 %.0f)" "$(col 9 %.2f)" "$(col 10 %.1f)" \
      "$(col 11 %.1f)" "$(col 12 %.0f%%)"
    awk -v c="$compression" -v s="$stream" -v n="$EVENTS" -v p="${PP_STORED[$compression/$stream]}" -v b="${BURST_STORED[$compression/$stream]}" \
      'BEGIN { printf "%-33s   stored on the broker: PP %.1f B/record, burst %.1f B/record\n", "", p / n, b / n }'
  done
done
for stream in "${SKIPPED[@]}"; do
  echo "skipped: $stream (producer-service answered 404: no such stream)"
done
echo
echo "ratio = burst records/s / ProducerPerformance records/s; target >= 70%."
