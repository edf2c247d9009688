#!/usr/bin/env bash
# `npm test`: provision everything a fresh machine lacks, then typecheck, lint and run every test tier
# (unit, integration on real Kafka/Postgres/Redis, end-to-end and browser). Ends with "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/../.."
t0=$(date +%s)
step() { echo; echo "== $* ($(( $(date +%s) - t0 )) s)"; }

step "dependencies"; bash infra/scripts/ensure-deps.sh
step "infrastructure"; MELDPUNT_NEED_BROWSER=1 MELDPUNT_NEED_COMPOSE=1 bash infra/scripts/provision.sh
step "build"; node tools/build.mjs
step "typecheck"; npx tsc -p tsconfig.json --noEmit
step "format"; npx prettier --check . --log-level warn
step "lint"; NX_DAEMON=false NX_NO_CLOUD=true npx nx run-many -t lint --parallel=2 --outputStyle=static --skipNxCache
step "tests"
mkdir -p test-results
set +e
npx jest --ci --maxWorkers=2 --json --outputFile=test-results/jest.json "$@"
jest_status=$?
set -e
if [ ! -s test-results/jest.json ]; then echo "jest produced no report (exit $jest_status)"; exit 1; fi
node tools/summarize-tests.mjs test-results/jest.json
summary_status=$?
echo "npm test took $(( $(date +%s) - t0 )) s"
[ "$jest_status" -eq 0 ] && exit "$summary_status" || exit "$jest_status"
