#!/usr/bin/env bash
# Makes `docker compose` (v2) available for validating docker-compose.yml on machines without Docker's own
# packages: Debian 12 ships only the docker client and compose v1, so this takes the compose v2 CLI plugin from
# Debian's trixie package (a Go binary that needs only libc) and installs it as a user-level CLI plugin.
set -euo pipefail
log() { printf '[provision] %s\n' "$*"; }
if docker compose version >/dev/null 2>&1; then
  log "docker compose: $(docker compose version --short 2>/dev/null || echo present)"
  exit 0
fi
command -v docker >/dev/null || { log "docker compose: no docker client on this machine; skipped"; exit 0; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/lists/partial"
echo 'deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian trixie main' >"$work/sources.list"
apt_opts=(-o "Dir::Etc::sourcelist=$work/sources.list" -o Dir::Etc::sourceparts=- -o "Dir::State::Lists=$work/lists" -o APT::Sandbox::User=root)
apt-get "${apt_opts[@]}" update -qq >/dev/null
(cd "$work" && apt-get "${apt_opts[@]}" download -qq docker-compose >/dev/null)
dpkg-deb -x "$work"/docker-compose_*.deb "$work/x"
mkdir -p "$HOME/.docker/cli-plugins"
install -m 0755 "$work/x/usr/libexec/docker/cli-plugins/docker-compose" "$HOME/.docker/cli-plugins/docker-compose"
log "docker compose: installed $(docker compose version --short) (Debian trixie package)"
