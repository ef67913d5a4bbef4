#!/usr/bin/env bash
# Gatehouse on two nodes against one PostgreSQL database at 80% of its peak for ten minutes: see docs/performance.md,
# "Soak on two nodes".
#
#   src/bench/soak/run.sh                                  # 120 s warm-up, 30 s peak, 600 s soak at 80% of the peak
#   SOAK_SECONDS=90 PEAK_SECONDS=15 WARMUP_SECONDS=15 src/bench/soak/run.sh
#
# Builds Gatehouse as the side-by-side benchmark does (src/bench/keycloak/run.sh), then soak.py drops and creates the
# database (psql as DB_USER on DB_HOST:DB_PORT), makes two Liberty servers from the install, starts both, drives both
# with wrk and writes target/bench/soak/results.md. Exits non-zero on any error, a soak rate more than 5% short of
# its target, or a heap that grew. Needs a Java 17 JDK (jcmd, jstat), Maven, python3, psql, PostgreSQL and wrk
# (installed from Debian's packages when missing and run as root). MVN_ARGS (e.g. -o) goes to Maven.
set -euo pipefail
cd "$(dirname "$0")/../../.."
OUT=target/bench/soak
mkdir -p "$OUT"

. src/bench/need.sh
need wrk

# Gatehouse as a production server: the WAR in a Liberty server (soak.py copies it for each node), demo off
mvn -B -q ${MVN_ARGS:-} -DskipTests -Dliberty.var.gatehouse.demo.enabled=false \
    -Dliberty.var.gatehouse.log.console-format=JSON package liberty:create liberty:install-feature liberty:deploy

exec python3 -B src/bench/soak/soak.py --out "$OUT" --wlp target/liberty/wlp "$@"
