# shellcheck shell=bash
# Helpers shared by the benchmark scripts bench/end-to-end.sh and bench/producer-throughput.sh. Sourced by them
# (after they cd to the repository root, under their set -euo pipefail); sourcing it only defines functions, it
# runs nothing and sets no variable.
#
# Globals the helpers read, which the calling script sets:
#   $0            the calling script (usage prints its header comment: the lines from 2 up to 'set -euo')
#   WORK          the script's temporary folder: cleanup deletes it; pick_ports and post_burst keep files there
#   PIDS          array of "pid:name" of every background process; cleanup stops them in reverse order,
#                 run_bounded adds its command while it runs
#   KEEP_DATA     1: cleanup keeps WORK (it always keeps it after a failure other than Ctrl-C / TERM)
#   CHOSEN_PORTS  " "-separated ports already taken by this run, starting as " " (free_port, pick_ports)
#   RUN_BOUNDED_TAIL  optional: when a command of run_bounded fails, show only this many last lines of its output
#                 and error files (tail); unset or empty: all of them (cat)
#   and the environment: yml_value resolves ${NAME:default} in application.yml with the variable NAME
# Globals the helpers set:
#   BURST_URL     post_burst: the new burst's URL, empty when the service does not know the stream (404)
#   BURST_JSON    await_burst: the burst's final state
#   CHOSEN_PORTS and the variables named to pick_ports
# Arming the cleanup is a call, install_cleanup, made once WORK and PIDS exist; the services' credentials are
# another, use_api_credentials, made before any service starts.

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; }

die() { echo "ERROR: $*" >&2; exit 1; }
log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*"; }

java_major() { "$1" -version 2>&1 | awk -F'"' '/version/ {split($2, v, "."); print v[1]; exit}'; }

# --------------------------------------------------------------------------------------- processes, cleanup
stop_pid() { # pid name grace-seconds
  local pid=$1 name=$2 grace=$3 i
  kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < grace * 10; i++)); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  echo "$name ($pid) did not stop within ${grace}s; killing it" >&2
  kill -KILL "$pid" 2>/dev/null || true
}

cleanup() {
  local status=$? idx
  trap - EXIT INT TERM
  for idx in $(printf '%s\n' "${!PIDS[@]}" | sort -rn); do
    stop_pid "${PIDS[idx]%%:*}" "${PIDS[idx]#*:}" 60
  done
  wait 2>/dev/null || true
  # Keep the logs of a failed run for a look; an interrupted one (130, 143) has nothing to explain.
  if [ "$KEEP_DATA" = 1 ] || { [ "$status" -ne 0 ] && [ "$status" -ne 130 ] && [ "$status" -ne 143 ]; }; then
    echo "Logs and data kept in $WORK" >&2
  else
    rm -rf "$WORK"
  fi
  exit "$status"
}

# Everything started is stopped on exit, on Ctrl-C and on errors: cleanup on EXIT; INT and TERM exit (130, 143).
install_cleanup() {
  trap cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
}

# Runs a command in the background (so that cleanup can stop it) with a time limit, output to a file, and waits.
# Call it from the script's own shell, not inside $(...): cleanup only knows the processes recorded here.
run_bounded() { # seconds name output-file command...
  local seconds=$1 name=$2 out=$3; shift 3
  timeout --kill-after=10 "$seconds" "$@" >"$out" 2>"$out.err" &
  local pid=$! status=0
  PIDS+=("$pid:$name")
  wait "$pid" || status=$?
  unset "PIDS[${#PIDS[@]}-1]"
  [ "$status" -ne 124 ] || die "$name did not finish within ${seconds}s"
  [ "$status" -eq 0 ] || {
    if [ -n "${RUN_BOUNDED_TAIL:-}" ]; then tail -"$RUN_BOUNDED_TAIL" "$out" "$out.err" >&2; else cat "$out" "$out.err" >&2; fi
    die "$name failed (exit $status)"
  }
}

# CPU milliseconds (user + system) of a process so far. The fields after the ')' that closes the process name:
# the name itself may contain spaces and parentheses.
cpu_millis() { awk -v hz="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); print int(($12 + $13) * 1000 / hz) }' "/proc/$1/stat"; }

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "n/a"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# ------------------------------------------------------------------------------ settings from application.yml
# The default document only (before the first '---'): the docker profile changes hosts, not these settings.
yml_value() { # file key-regex
  awk -v key="$2" '/^---/ { exit }
    { line = $0; sub(/#.*/, "", line)
      if (match(line, "^[ ]*" key ":[ ]*")) { v = substr(line, RLENGTH + 1); gsub(/[ "\047]/, "", v); print v; exit } }' "$1" \
    | resolve_placeholder
}
# ${NAME:default} in application.yml: the environment variable when set, else the default (as Spring resolves it).
resolve_placeholder() {
  local value
  read -r value || return 0
  if [[ "$value" =~ ^\$\{([A-Za-z_][A-Za-z0-9_]*):(.*)\}$ ]]; then
    local name=${BASH_REMATCH[1]} fallback=${BASH_REMATCH[2]}
    echo "${!name:-$fallback}"
  else
    echo "$value"
  fi
}
to_bytes() { # Spring's DataSize units: 128KB = 131072 bytes
  case "$1" in
    *KB) echo $(( ${1%KB} * 1024 )) ;;
    *MB) echo $(( ${1%MB} * 1024 * 1024 )) ;;
    *B) echo "${1%B}" ;;
    *) echo "$1" ;;
  esac
}

# ----------------------------------------------------------------------------------------------------- ports
free_port() { # a port on 127.0.0.1 that nobody listens on and that is not in CHOSEN_PORTS
  local port _
  for _ in $(seq 1 200); do
    port=$(( 20000 + RANDOM % 12000 ))
    [[ "$CHOSEN_PORTS" == *" $port "* ]] && continue
    # A refused connection means nobody listens there.
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
  die "no free port found"
}
# Sets each named variable to a free port and adds it to CHOSEN_PORTS.
# Not $(free_port): the chosen ports must be remembered in this shell.
pick_ports() { local name; for name in "$@"; do free_port >"$WORK/port"; printf -v "$name" %s "$(cat "$WORK/port")"; CHOSEN_PORTS+="${!name} "; done; }

# ------------------------------------------------------------------------------------------- API credentials
# Exports ETL_API_USER / ETL_API_PASSWORD, which the services started from the calling script read (every
# changing request needs them): the caller's own, or a password made for this run. post_burst sends them.
use_api_credentials() {
  export ETL_API_USER=${ETL_API_USER:-etl}
  export ETL_API_PASSWORD=${ETL_API_PASSWORD:-bench-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')}
}

# ---------------------------------------------------------------------------------- producer-service bursts
# Starts a burst and sets BURST_URL, or leaves it empty when the service does not know the stream (404).
# shellcheck disable=SC2034 # BURST_URL is for the caller
post_burst() { # base-url stream events   (base-url: producer-service's, http://host:port)
  local base=$1 stream=$2 events=$3 status
  BURST_URL=""
  status=$(curl -s -o "$WORK/post-body" -D "$WORK/post-headers" -w '%{http_code}' -X POST "$base/api/streams/$stream/bursts" \
    -u "$ETL_API_USER:$ETL_API_PASSWORD" \
    -H 'Content-Type: application/json' -d "{\"events\":$events}")
  case "$status" in
    202) BURST_URL="$base$(awk 'tolower($1) == "location:" { print $2 }' "$WORK/post-headers" | tr -d '\r')" ;;
    404) ;;
    *) cat "$WORK/post-body" >&2; die "POST $base/api/streams/$stream/bursts answered $status" ;;
  esac
}

# Polls the burst every poll-milliseconds until it is COMPLETED and sets BURST_JSON to its final state.
await_burst() { # url timeout-seconds poll-milliseconds
  local url=$1 limit=$2 poll_ms=$3 i state pause
  printf -v pause '%d.%03d' $(( poll_ms / 1000 )) $(( poll_ms % 1000 ))
  for ((i = 0; ; i++)); do
    BURST_JSON=$(curl -s "$url")
    state=$(jq -r .state <<<"$BURST_JSON")
    case "$state" in
      COMPLETED) return ;;
      RUNNING) ;;
      *) die "burst $url ended $state: $BURST_JSON" ;;
    esac
    [ "$i" -lt $(( limit * 1000 / poll_ms )) ] || die "burst $url not COMPLETED within ${limit}s: $BURST_JSON"
    sleep "$pause"
  done
}
