#!/usr/bin/env bash
# Makes this (Debian 12) machine ready for Meldpunt: Java 17 + Maven, PostgreSQL on 127.0.0.1:5432
# (trust auth on loopback), Redis on 127.0.0.1:6379 (maxmemory-policy noeviction), optionally Chromium
# (MELDPUNT_NEED_BROWSER=1), then the dev Kafka broker (infra/kafka/start.sh; MELDPUNT_SKIP_KAFKA=1 skips it).
# Idempotent: every step checks first and only installs/starts what is missing. Needs root for installs.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PGPORT="${PGPORT:-5432}"
REDIS_PORT="${REDIS_PORT:-6379}"
export DEBIAN_FRONTEND=noninteractive

log() { printf '[provision] %s\n' "$*"; }
die() { printf '[provision] ERROR: %s\n' "$*" >&2; exit 1; }

apt_updated=0
apt_install() {
  ((EUID == 0)) || die "need root to apt-get install $*"
  if ((apt_updated == 0)); then
    apt-get update -qq >/dev/null
    apt_updated=1
  fi
  apt-get install -y -qq "$@" >/dev/null
}

# --- Java + Maven ------------------------------------------------------------------------------
if command -v java >/dev/null && command -v mvn >/dev/null; then
  log "java+maven: present"
else
  apt_install --no-install-recommends openjdk-17-jre-headless maven
  log "java+maven: installed"
fi

# --- PostgreSQL ----------------------------------------------------------------------------------
pg_ready() { pg_isready -q -h 127.0.0.1 -p "$PGPORT" -t 2 2>/dev/null; }
pg_auth_ok() { psql -w -h 127.0.0.1 -p "$PGPORT" -U postgres -d postgres -Atqc 'select 1' >/dev/null 2>&1; }
pg_version() { ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1; }
pg_trust_loopback() {
  # Dev setup: trust for the unix socket and loopback TCP (first matching pg_hba line wins, so prepend).
  local hba
  hba="/etc/postgresql/$(pg_version)/main/pg_hba.conf"
  [[ -f "$hba" ]] || die "no $hba"
  if ! grep -Eq '^host[[:space:]]+all[[:space:]]+all[[:space:]]+127\.0\.0\.1/32[[:space:]]+trust' "$hba"; then
    cp "$hba" "$hba.meldpunt.bak"
    { printf '%s\n' '# meldpunt dev: trust on loopback (infra/scripts/provision.sh)' \
        'local all all trust' 'host all all 127.0.0.1/32 trust' 'host all all ::1/128 trust'
      cat "$hba.meldpunt.bak"; } >"$hba"
    return 0
  fi
  return 1
}
pg_start() {
  local v
  v="$(pg_version)"
  [[ -n "$v" ]] || die "PostgreSQL installed but no cluster in /etc/postgresql"
  install -d -o postgres -g postgres -m 2775 /var/run/postgresql
  pg_ctlcluster --skip-systemctl-redirect "$v" main start
}

if pg_ready; then
  pg_state="running"
else
  if ! command -v pg_ctlcluster >/dev/null || [[ -z "$(pg_version)" ]]; then
    apt_install --no-install-recommends postgresql
    pg_state="installed"
  else
    pg_state="started"
  fi
  pg_ready || pg_trust_loopback || true
  pg_ready || pg_start
  for _ in $(seq 50); do pg_ready && break; sleep 0.2; done
  pg_ready || die "PostgreSQL does not answer on 127.0.0.1:$PGPORT"
fi
if ! pg_auth_ok; then
  pg_trust_loopback && pg_ctlcluster --skip-systemctl-redirect "$(pg_version)" main reload
  for _ in $(seq 25); do pg_auth_ok && break; sleep 0.2; done
  pg_auth_ok || die "cannot connect as postgres on 127.0.0.1:$PGPORT without a password (pg_hba.conf)"
  pg_state="$pg_state, trust auth configured"
fi
log "postgresql: $pg_state on 127.0.0.1:$PGPORT"

# --- Redis ---------------------------------------------------------------------------------------
redis_ok() { [[ "$(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null)" == PONG ]]; }
if command -v redis-cli >/dev/null && redis_ok; then
  redis_state="running"
else
  if ! command -v redis-server >/dev/null || ! command -v redis-cli >/dev/null; then
    apt_install --no-install-recommends redis-server
    redis_state="installed"
  else
    redis_state="started"
  fi
  if ! redis_ok; then # the package's init script may already have started it
    redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no \
      --maxmemory-policy noeviction --logfile "" >/dev/null
  fi
  for _ in $(seq 50); do redis_ok && break; sleep 0.1; done
  redis_ok || die "Redis does not answer on 127.0.0.1:$REDIS_PORT"
fi
# BullMQ requires noeviction (queued jobs must never be evicted).
redis-cli -h 127.0.0.1 -p "$REDIS_PORT" config set maxmemory-policy noeviction >/dev/null ||
  die "redis: config set maxmemory-policy noeviction failed"
log "redis: $redis_state on 127.0.0.1:$REDIS_PORT (maxmemory-policy noeviction)"

# --- Chromium (browser tests only) -----------------------------------------------------------------
if [[ "${MELDPUNT_NEED_BROWSER:-0}" == 1 ]]; then
  if [[ -x /usr/bin/chromium ]]; then
    log "chromium: present"
  else
    apt_install chromium
    log "chromium: installed"
  fi
fi

# --- docker compose (validating docker-compose.yml in tests only) -----------------------------------
if [[ "${MELDPUNT_NEED_COMPOSE:-0}" == 1 ]]; then
  bash "$ROOT/infra/scripts/ensure-compose.sh"
fi

# --- Kafka ---------------------------------------------------------------------------------------
if [[ "${MELDPUNT_SKIP_KAFKA:-0}" == 1 ]]; then
  log "kafka: skipped (MELDPUNT_SKIP_KAFKA=1)"
else
  bash "$ROOT/infra/kafka/start.sh"
fi
log "done"
