# shellcheck shell=bash
# Shared settings for infra/kafka/*.sh (sourced, not executed). All overridable by env.
KAFKA_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$KAFKA_HOME/../.." && pwd)"
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
KAFKA_DATA_DIR="${KAFKA_DATA_DIR:-$REPO_ROOT/.data/kafka}"
KAFKA_LOG_DIR="$KAFKA_DATA_DIR/logs"         # broker's own log files (server.log, console.log)
KAFKA_STORAGE_DIR="$KAFKA_DATA_DIR/storage"  # log.dirs: topic partitions + KRaft metadata
KAFKA_PID_FILE="$KAFKA_DATA_DIR/kafka.pid"
KAFKA_CONFIG_FILE="$KAFKA_DATA_DIR/server.properties"
KAFKA_LIB_DIR="$KAFKA_HOME/lib"
KAFKA_STAMP_FILE="$KAFKA_LIB_DIR/.complete"
# Fixed dev cluster id: base64url("MeldpuntDevKafka") (16 bytes -> valid Kafka Uuid).
KAFKA_CLUSTER_ID="${KAFKA_CLUSTER_ID:-TWVsZHB1bnREZXZLYWZrYQ}"
KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xms128m -Xmx512m}"
KAFKA_WAIT_TIMEOUT="${KAFKA_WAIT_TIMEOUT:-60}"
KAFKA_STOP_TIMEOUT="${KAFKA_STOP_TIMEOUT:-30}"

kafka_log() { printf '[kafka] %s\n' "$*"; }

# True when something accepts TCP connections on 127.0.0.1:$KAFKA_PORT.
kafka_port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$KAFKA_PORT") 2>/dev/null; }

# True when the process exists and is not a zombie (a dead broker stays a zombie while start.sh runs).
kafka_pid_alive() {
  kill -0 "$1" 2>/dev/null || return 1
  local state
  state="$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null || true)"
  [[ -n "$state" && "$state" != Z ]]
}

# Prints the pid from the pid file when that process is alive and is our broker.
kafka_running_pid() {
  local pid
  [[ -f "$KAFKA_PID_FILE" ]] || return 1
  pid="$(cat "$KAFKA_PID_FILE" 2>/dev/null || true)"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kafka_pid_alive "$pid" || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q 'kafka.Kafka' || return 1
  echo "$pid"
}

kafka_log_tail() {
  local f
  for f in "$KAFKA_LOG_DIR/console.log" "$KAFKA_LOG_DIR/server.log"; do
    if [[ -s "$f" ]]; then
      echo "----- last lines of $f -----" >&2
      tail -n "${1:-25}" "$f" >&2
    fi
  done
}
