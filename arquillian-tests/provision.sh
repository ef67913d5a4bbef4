#!/usr/bin/env bash
# What the integration tests need on this machine, installed or started when missing (run by `mvn verify`
# before the integration tests; skipped with -DskipITs):
#   - PostgreSQL on 127.0.0.1:5432 (trust authentication for local connections): started if installed but
#     stopped, installed with apt if absent. Without it the tests fall back to the embedded database.
#   - Debian's chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver) for the browser tests.
#   - Debian's nginx (its auth_request module) for the nginx example test; its own service is not started.
#   - Debian's python3-prometheus-client: the Prometheus client's text-format parser reads /metrics in the tests.
#   - Debian's softhsm2 (SoftHSM 2, softhsm2-util and its PKCS#11 module): the tests of signing keys held in a
#     PKCS#11 token initialise tokens of their own under target/softhsm.
# Installing needs root (or password-less sudo); otherwise this names what is missing and stops.
set -euo pipefail

log() { printf '[provision] %s\n' "$*"; }

SUDO=""
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo -n"
  fi
fi

apt_updated=false
apt_install() {
  if [ "$(id -u)" != 0 ] && [ -z "$SUDO" ]; then
    log "missing: $* — install them (apt-get install -y $*) or run as root, then run the tests again"
    exit 1
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    log "missing: $* — this is not a Debian-like machine; install them by hand, then run the tests again"
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  if [ "$apt_updated" = false ]; then
    $SUDO apt-get update -q
    apt_updated=true
  fi
  log "installing $* with apt"
  $SUDO apt-get install -y -q "$@"
}

pg_up() {
  if command -v pg_isready >/dev/null 2>&1; then
    pg_isready -h 127.0.0.1 -p 5432 -q
  else
    (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null
  fi
}

ensure_postgres() {
  if [ -n "${GATEHOUSE_IT_PG_HOST:-}" ] && [ "${GATEHOUSE_IT_PG_HOST}" != 127.0.0.1 ] && [ "${GATEHOUSE_IT_PG_HOST}" != localhost ]; then
    log "PostgreSQL: using ${GATEHOUSE_IT_PG_HOST} (GATEHOUSE_IT_PG_HOST)"
    return
  fi
  if pg_up; then
    log "PostgreSQL is up on 127.0.0.1:5432"
    return
  fi
  if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
    apt_install postgresql
    local version
    version=$(ls /etc/postgresql | sort -V | tail -n 1)
    # a local test server: trust connections from this machine, as on the development machines
    $SUDO sed -i -E 's/^(host\s+all\s+all\s+(127\.0\.0\.1\/32|::1\/128)\s+)\S+/\1trust/' "/etc/postgresql/$version/main/pg_hba.conf"
  fi
  local version
  version=$(ls /etc/postgresql | sort -V | tail -n 1)
  log "starting PostgreSQL $version"
  $SUDO pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  for _ in $(seq 1 30); do
    pg_up && { log "PostgreSQL is up"; return; }
    sleep 1
  done
  log "PostgreSQL did not come up; the integration tests will say so and use the embedded database"
}

ensure_packages() {
  local missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  [ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
  [ -x /usr/sbin/nginx ] || missing+=(nginx)
  /usr/bin/python3 -c 'import prometheus_client.parser' 2>/dev/null || missing+=(python3-prometheus-client)
  command -v softhsm2-util >/dev/null 2>&1 || missing+=(softhsm2)
  if [ ${#missing[@]} -eq 0 ]; then
    log "chromium, chromedriver, nginx, the Prometheus client's parser and SoftHSM are installed"
    return
  fi
  apt_install "${missing[@]}"
}

ensure_postgres
ensure_packages
