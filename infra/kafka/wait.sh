#!/usr/bin/env bash
# Waits until the dev Kafka broker on 127.0.0.1:$KAFKA_PORT answers a kafkajs admin listTopics.
# Exit 0 when ready; exit 1 after $KAFKA_WAIT_TIMEOUT seconds (default 60) with the broker log tail.
# If KAFKA_WAIT_PID is set, fails early when that process dies.
set -euo pipefail
# shellcheck source=env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

deadline=$((SECONDS + KAFKA_WAIT_TIMEOUT))
fail() {
  echo "[kafka] ERROR: $*" >&2
  kafka_log_tail
  exit 1
}

# 1. cheap TCP poll (no JVM/Node start per attempt)
until kafka_port_open; do
  if [[ -n "${KAFKA_WAIT_PID:-}" ]] && ! kafka_pid_alive "$KAFKA_WAIT_PID"; then
    fail "broker process $KAFKA_WAIT_PID exited before listening on 127.0.0.1:$KAFKA_PORT"
  fi
  ((SECONDS < deadline)) || fail "no broker listening on 127.0.0.1:$KAFKA_PORT after ${KAFKA_WAIT_TIMEOUT}s"
  sleep 0.2
done

# 2. protocol-level check with kafkajs (retries inside one Node process until the deadline)
remaining=$((deadline - SECONDS))
((remaining > 0)) || remaining=1
if ! KAFKA_PORT="$KAFKA_PORT" node "$KAFKA_HOME/ping.mjs" "$remaining"; then
  fail "broker on 127.0.0.1:$KAFKA_PORT did not answer kafkajs listTopics within ${KAFKA_WAIT_TIMEOUT}s"
fi
