#!/usr/bin/env bash
# Start-up benchmark: does a CDS archive or an AOT cache from a training run shorten the services' start-up, compared
# with the way the image starts them today? Per service, the variants, started in turn (a, b, c, d, a, b, ...):
#   a  launcher  the layout the image had before CDS: the jar extracted with --launcher, java org.springframework.boot.loader.launch.JarLauncher
#   b  jar       the jar extracted for java -jar (the application jar and lib/, no launcher): java -jar
#   c  cds       b with -XX:SharedArchiveFile=app.jsa, the archive of a training run (-XX:ArchiveClassesAtExit)
#   d  aot       b with -XX:AOTCache=app.aot, the cache of a training run (-XX:AOTCacheOutput); Java 25+ only
# A training run is Spring's: -Dspring.context.exit=onRefresh, the JVM writes the archive when the context has
# refreshed and the process exits.
#
#   bench/startup.sh [--repeat=3] [--services=producer-service,dashboard-service,transformer-service]
#                    [--jar-dir=DIR] [--keep-data]
#
#   --repeat     starts per variant and service; the tables show every start and the medians
#   --services   the services to measure, in this order
#   --jar-dir    take <service>-*-exec.jar from DIR instead of <service>/target/ (which is built if missing)
#   --keep-data  keep the temporary folder (the extracted layouts, the archives and the log of every start)
#
# No broker, database or registry is needed: every address points at a port nobody listens on, and KafkaAdmin
# does not create topics at start (spring.kafka.admin.auto-create=false; with a broker it would, which adds the
# broker's answer to the start-up). What is measured:
#   producer-service, dashboard-service  Spring's "Started <App> in X seconds (process running for Y)": Y, the
#                time since the JVM started, is the figure (X, from SpringApplication.run, is shown beside it).
#                The process is stopped as soon as the line appears.
#   transformer-service  never reaches "Started" without infrastructure: its run scheduler reads PostgreSQL when
#                the context starts. So it is started like a training run (-Dspring.context.exit=onRefresh, with
#                Flyway off, no JDBC metadata access, ddl-auto none, the PostgreSQL dialect named) and the figure
#                is the wall-clock time from launch to exit: the refresh (every bean created, Kafka Streams built
#                but not started) plus the JVM's exit.
# One untimed start of variant a comes first: the training runs read the java -jar layout, this one reads the
# launcher's, so no timed start is the first to read its files.
# The JVM's own CDS/AOT warnings (for instance an archive refused for another class path) are counted per
# variant: a variant with warnings did not use its archive. BENCH_JVM_OPTS (default -Xmx512m, as local-stack gives
# the services) applies to every start, the training runs included. Needs JDK 21+ (JAVA_HOME or java on the
# PATH; the AOT cache needs 25+); builds a jar only if it is missing and no --jar-dir is given.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=SCRIPTDIR/lib.sh
source bench/lib.sh   # usage, die, log, stop_pid, cleanup, pick_ports, median, ... (the globals they need: see there)

REPEAT=3
SERVICES="producer-service,dashboard-service,transformer-service"
JAR_DIR=""
KEEP_DATA=0
START_TIMEOUT_S=180
read -r -a JVM_OPTS <<<"${BENCH_JVM_OPTS:--Xmx512m}"

for arg in "$@"; do
  case "$arg" in
    --repeat=*) REPEAT=${arg#*=} ;;
    --services=*) SERVICES=${arg#*=} ;;
    --jar-dir=*) JAR_DIR=${arg#*=} ;;
    --keep-data) KEEP_DATA=1 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "Unknown option $arg (see --help)" >&2; exit 2 ;;
  esac
done
[[ "$REPEAT" =~ ^[1-9][0-9]*$ ]] || { echo "--repeat must be a positive integer" >&2; exit 2; }
IFS=, read -r -a SERVICE_LIST <<<"$SERVICES"
for service in "${SERVICE_LIST[@]}"; do
  case "$service" in
    producer-service|dashboard-service|transformer-service) ;;
    *) echo "Unknown service $service (producer-service, dashboard-service, transformer-service)" >&2; exit 2 ;;
  esac
done

# ---------------------------------------------------------------------------------------------- prerequisites
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
command -v "$JAVA" >/dev/null 2>&1 || die "no java found: set JAVA_HOME to a JDK 21+"
JAVA_MAJOR=$(java_major "$JAVA")
[ "$JAVA_MAJOR" -ge 21 ] 2>/dev/null \
  || die "Java 21 or newer is needed, but $JAVA is Java $JAVA_MAJOR. Set JAVA_HOME to a JDK 21+."
VARIANTS=(launcher jar cds)
[ "$JAVA_MAJOR" -lt 25 ] || VARIANTS+=(aot)
declare -A VARIANT_NAME=(
  [launcher]="a JarLauncher, exploded (image before)"
  [jar]="b java -jar, extracted"
  [cds]="c b + CDS archive"
  [aot]="d b + AOT cache"
)

WORK=$(mktemp -d "${TMPDIR:-/tmp}/startup-bench.XXXXXX")
PIDS=()   # "pid:name" of every background process, stopped in reverse order on exit
install_cleanup   # from here on, everything in PIDS is stopped on exit, Ctrl-C and errors
use_api_credentials

# Private copies: a rebuild of a module during the run must not swap a jar under a running JVM.
declare -A JAR_BUILT
for service in "${SERVICE_LIST[@]}"; do
  if [ -n "$JAR_DIR" ]; then
    jar=$(find "$JAR_DIR" -maxdepth 1 -name "$service-*-exec.jar" | sort | tail -1)
    [ -n "$jar" ] || die "no $service-*-exec.jar in $JAR_DIR"
  else
    jar=$(find "$service/target" -maxdepth 1 -name "$service-*-exec.jar" 2>/dev/null | sort | tail -1)
    if [ -z "$jar" ]; then
      log "Building the jar of $service (none in $service/target)"
      # package, not install: the build leaves ~/.m2 as it is
      ./mvnw -o -q package -DskipTests -pl "$service" -am || ./mvnw -q package -DskipTests -pl "$service" -am
      jar=$(find "$service/target" -maxdepth 1 -name "$service-*-exec.jar" | sort | tail -1)
    fi
  fi
  JAR_BUILT[$service]=$(date -r "$jar" '+%Y-%m-%d %H:%M')
  cp "$jar" "$WORK/$service.jar"
done
REVISION=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)

CHOSEN_PORTS=" "   # every port taken by pick_ports (bench/lib.sh)
pick_ports CLOSED_PORT   # nobody listens here: the broker, PostgreSQL and the other services' address
mkdir -p "$WORK/data"

# The arguments of every start of a service, training runs included: free HTTP port, private folders, and every
# other address on the closed port.
service_args() { # service
  local args=(--server.port=0 --etl.data-dir="$WORK/data"
    --spring.kafka.bootstrap-servers="localhost:$CLOSED_PORT" --spring.kafka.admin.auto-create=false)
  case "$1" in
    producer-service) ;;
    dashboard-service) args+=(--etl.dashboard.transformer-url="http://localhost:$CLOSED_PORT") ;;
    transformer-service)
      args+=(--etl.state-dir="$WORK/transformer-state"
        --spring.kafka.properties.schema.registry.url="http://localhost:$CLOSED_PORT"
        --spring.datasource.url="jdbc:postgresql://localhost:$CLOSED_PORT/etl"
        --spring.flyway.enabled=false --spring.jpa.hibernate.ddl-auto=none
        --spring.jpa.properties.hibernate.boot.allow_jdbc_metadata_access=false
        --spring.jpa.database-platform=org.hibernate.dialect.PostgreSQLDialect
        --etl.runs.producer-url="http://localhost:$CLOSED_PORT") ;;
  esac
  printf '%s\n' "${args[@]}"
}
# How a service's start is timed: "started" (the log line) or "refresh" (launch to exit of an onRefresh run).
mode_of() { [ "$1" = transformer-service ] && echo refresh || echo started; }

# The command line of a variant, relative to the folder it runs in (printed one word a line).
variant_command() { # service variant
  local service=$1
  printf '%s\n' "$JAVA" "${JVM_OPTS[@]}"
  case "$2" in
    cds) echo "-XX:SharedArchiveFile=app.jsa" ;;
    aot) echo "-XX:AOTCache=app.aot" ;;
  esac
  [ "$(mode_of "$service")" = started ] || echo "-Dspring.context.exit=onRefresh"
  case "$2" in
    launcher) echo org.springframework.boot.loader.launch.JarLauncher ;;
    *) printf '%s\n' -jar "$service.jar" ;;
  esac
  service_args "$service"
}
variant_dir() { [ "$2" = launcher ] && echo "$WORK/$1/launcher" || echo "$WORK/$1/app"; }

RAW=$WORK/raw.txt   # service variant rep seconds spring-seconds cds-warnings
: >"$RAW"

# Starts one variant once; appends its figures to RAW unless rep is 0 (the untimed first start).
start_once() { # service variant rep
  local service=$1 variant=$2 rep=$3 dir out cmd pid start_ns end_ns status=0 line seconds spring i warnings
  dir=$(variant_dir "$service" "$variant")
  out="$WORK/$service/logs/$variant-$rep.log"
  mapfile -t cmd < <(variant_command "$service" "$variant")
  if [ "$(mode_of "$service")" = refresh ]; then
    start_ns=$(date +%s%N)
    run_bounded "$START_TIMEOUT_S" "$service ($variant)" "$out" bash -c 'cd "$1" && shift && exec "$@"' _ "$dir" "${cmd[@]}"
    end_ns=$(date +%s%N)
    seconds=$(awk -v ns=$((end_ns - start_ns)) 'BEGIN { printf "%.3f", ns / 1e9 }')
    spring=-
  else
    (cd "$dir" && exec "${cmd[@]}") >"$out" 2>&1 &
    pid=$!
    PIDS+=("$pid:$service ($variant)")
    for ((i = 0; ; i++)); do
      line=$(grep -m1 -E 'Started [A-Za-z0-9_]+ in [0-9.]+ seconds' "$out" || true)
      [ -z "$line" ] || break
      kill -0 "$pid" 2>/dev/null || { tail -40 "$out" >&2; die "$service ($variant) exited before Started"; }
      [ "$i" -lt $((START_TIMEOUT_S * 20)) ] || die "$service ($variant) not Started within ${START_TIMEOUT_S}s (see $out)"
      sleep 0.05
    done
    stop_pid "$pid" "$service ($variant)" 30
    wait "$pid" 2>/dev/null || status=$?
    unset "PIDS[${#PIDS[@]}-1]"
    spring=$(sed -E 's/.* in ([0-9.]+) seconds.*/\1/' <<<"$line")
    seconds=$(sed -E 's/.*process running for ([0-9.]+).*/\1/' <<<"$line")
  fi
  warnings=$(grep -cE '\[(warning|error)\]\[(cds|aot)[],]' "$out" || true)
  [ "$rep" = 0 ] || echo "$service $variant $rep $seconds $spring $warnings" >>"$RAW"
}

# ---------------------------------------------------------------------------------------- layouts, training
declare -A TRAIN_S ARCHIVE_MB
for service in "${SERVICE_LIST[@]}"; do
  mkdir -p "$WORK/$service/logs"
  log "$service: extracting the jar (--launcher, and for java -jar)"
  "$JAVA" -Djarmode=tools -jar "$WORK/$service.jar" extract --launcher --destination "$WORK/$service/launcher" >/dev/null
  "$JAVA" -Djarmode=tools -jar "$WORK/$service.jar" extract --destination "$WORK/$service/app" >/dev/null
  mapfile -t args < <(service_args "$service")
  for kind in cds aot; do
    [ "$kind" = cds ] || [ "$JAVA_MAJOR" -ge 25 ] || continue
    if [ "$kind" = cds ]; then flag=-XX:ArchiveClassesAtExit=app.jsa; file=app.jsa; else flag=-XX:AOTCacheOutput=app.aot; file=app.aot; fi
    log "$service: training run for the ${kind^^} archive ($flag)"
    start_ns=$(date +%s%N)
    run_bounded "$START_TIMEOUT_S" "$service training ($kind)" "$WORK/$service/logs/training-$kind.log" \
      bash -c 'cd "$1" && shift && exec "$@"' _ "$WORK/$service/app" \
      "$JAVA" "${JVM_OPTS[@]}" "$flag" -Dspring.context.exit=onRefresh -jar "$service.jar" "${args[@]}"
    end_ns=$(date +%s%N)
    [ -s "$WORK/$service/app/$file" ] || die "$service: the training run wrote no $file (see $WORK/$service/logs/training-$kind.log)"
    TRAIN_S[$service.$kind]=$(awk -v ns=$((end_ns - start_ns)) 'BEGIN { printf "%.1f", ns / 1e9 }')
    ARCHIVE_MB[$service.$kind]=$(du -m "$WORK/$service/app/$file" | cut -f1)
  done
done

# ---------------------------------------------------------------------------------------------- measurements
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a)
for service in "${SERVICE_LIST[@]}"; do
  log "$service: $REPEAT x (${VARIANTS[*]}), interleaved, after one untimed start of launcher"
  start_once "$service" launcher 0
  for ((rep = 1; rep <= REPEAT; rep++)); do
    for variant in "${VARIANTS[@]}"; do
      start_once "$service" "$variant" "$rep"
    done
  done
done

# ---------------------------------------------------------------------------------------------------- report
col() { awk -v s="$1" -v v="$2" -v i="$3" '$1 == s && $2 == v { print $i }' "$RAW"; }
echo
echo "== Start-up: ${SERVICE_LIST[*]}; $REPEAT start(s) per variant, interleaved"
echo "Machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) RAM, $("$JAVA" -version 2>&1 | head -1); JVM options: ${JVM_OPTS[*]}"
echo "Repository at $REVISION; load average (1/5/15 min): before $LOAD_BEFORE, after $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a)"
for service in "${SERVICE_LIST[@]}"; do
  echo
  if [ "$(mode_of "$service")" = started ]; then
    echo "$service (jar built ${JAR_BUILT[$service]}): seconds to \"Started\", the JVM's uptime (process running for); Spring's own figure in the last column"
  else
    echo "$service (jar built ${JAR_BUILT[$service]}): seconds from launch to exit of a -Dspring.context.exit=onRefresh start (no \"Started\" without PostgreSQL)"
  fi
  training="training runs: CDS ${TRAIN_S[$service.cds]} s, app.jsa ${ARCHIVE_MB[$service.cds]} MB"
  [ -z "${TRAIN_S[$service.aot]:-}" ] || training+="; AOT ${TRAIN_S[$service.aot]} s, app.aot ${ARCHIVE_MB[$service.aot]} MB"
  echo "  ($training)"
  printf '  %-40s %7s %7s   %-30s %9s %s\n' variant median "vs a" "each start" "Spring's" "CDS/AOT warnings"
  base=$(col "$service" launcher 4 | median)
  for variant in "${VARIANTS[@]}"; do
    med=$(col "$service" "$variant" 4 | median)
    ratio=$(awk -v m="$med" -v b="$base" 'BEGIN { printf "%.2f", m / b }')
    spring=$(col "$service" "$variant" 5 | grep -v '^-$' | median || true)
    [ "$(mode_of "$service")" = started ] || spring=-
    printf '  %-40s %7s %7s   %-30s %9s %s\n' "${VARIANT_NAME[$variant]}" "$med" "$ratio" \
      "$(col "$service" "$variant" 4 | tr '\n' ' ')" "$spring" "$(col "$service" "$variant" 6 | awk '{ s += $1 } END { print s + 0 }')"
  done
done
echo
echo "vs a: the variant's median over variant a's; below 0.80 is the 20% that would be worth an image's training run."
