#!/usr/bin/env bash
# Stops the dev broker started by start.sh: SIGTERM (clean shutdown), SIGKILL after $KAFKA_STOP_TIMEOUT s (30).
set -euo pipefail
# shellcheck source=env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

if ! pid="$(kafka_running_pid)"; then
  rm -f "$KAFKA_PID_FILE"
  if kafka_port_open; then
    kafka_log "not started by start.sh (no live pid in $KAFKA_PID_FILE) but something answers on 127.0.0.1:$KAFKA_PORT; leaving it alone"
  else
    kafka_log "not running"
  fi
  exit 0
fi

kafka_log "stopping broker (pid $pid)"
kill -TERM "$pid" 2>/dev/null || true
for ((i = 0; i < KAFKA_STOP_TIMEOUT * 10; i++)); do
  kafka_pid_alive "$pid" || break
  sleep 0.1
done
if kafka_pid_alive "$pid"; then
  kafka_log "still running after ${KAFKA_STOP_TIMEOUT}s; sending SIGKILL"
  kill -KILL "$pid" 2>/dev/null || true
  while kafka_pid_alive "$pid"; do sleep 0.1; done
fi
rm -f "$KAFKA_PID_FILE"
kafka_log "stopped"
