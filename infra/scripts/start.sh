#!/usr/bin/env bash
# `npm start`: install, provision, build, migrate, seed and run every Meldpunt process until Ctrl-C.
# Ctrl-C stops every process; the Kafka broker is stopped too when this run started it.
set -euo pipefail
cd "$(dirname "$0")/../.."
MELDPUNT_STARTED_AT_MS=$(date +%s%3N)
export MELDPUNT_STARTED_AT_MS
bash infra/scripts/ensure-deps.sh
kafka_was_running=0
if (source infra/kafka/env.sh && kafka_running_pid >/dev/null) || bash -c 'exec 3<>/dev/tcp/127.0.0.1/${KAFKA_PORT:-9092}' 2>/dev/null; then
  kafka_was_running=1
fi
bash infra/scripts/provision.sh
node tools/build.mjs
# The orchestrator handles SIGINT/SIGTERM itself; this shell only waits for it and then tidies up.
trap 'true' INT TERM
status=0
node --enable-source-maps dist/tools/src/start.js || status=$?
if [ "$kafka_was_running" = 0 ]; then bash infra/kafka/stop.sh; fi
exit "$status"
