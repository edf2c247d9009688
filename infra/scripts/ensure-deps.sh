#!/usr/bin/env bash
# Installs npm dependencies when node_modules is missing or older than package-lock.json (npm ci: exact lock).
set -euo pipefail
cd "$(dirname "$0")/../.."
stamp=node_modules/.meldpunt-lock.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  echo "deps: node_modules up to date"
  exit 0
fi
echo "deps: installing with npm ci (first run takes a minute)…"
npm ci --no-audit --no-fund --loglevel=error
echo "$want" > "$stamp"
