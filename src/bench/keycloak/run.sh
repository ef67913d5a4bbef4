#!/usr/bin/env bash
# Gatehouse and Keycloak side by side, in one run, on this machine: see docs/performance.md.
#
#   src/bench/keycloak/run.sh                      # 240 s settling, then 15 s warm-up and 30 s per case, 16 connections
#   WARMUP=60 DURATION=60 src/bench/keycloak/run.sh
#   CASES=code_flow,decisions,proxy src/bench/keycloak/run.sh
#
# Builds Gatehouse and starts it with Liberty's own launcher (server start, logs to files), fetches Keycloak's
# distribution from Maven Central and starts it in dev mode on the same JDK, each on a fresh embedded database,
# configures equivalent clients and a user with the same Argon2id parameters (Keycloak's defaults: t=5, m=7 MiB, p=1)
# and RS256, then measures each case for both servers, first a few seconds each right after start (cold), then after
# every case in turn for SETTLE seconds (the JIT compiler's minutes under load), warm: wrk for
# single requests, a threaded Python driver for flows of several requests and for the reverse proxy's latency at a
# fixed rate (in front of nginx serving a file); the gateway's cases run on Gatehouse alone. The machine's raw limits
# are measured with the same libraries. Results: target/bench/keycloak/results.md. Exits non-zero when a case could
# not run or had errors (answers outside 2xx count).
# Needs Java 17, Maven, python3, wrk and nginx (installed from Debian's packages when missing and run as root).
set -euo pipefail
cd "$(dirname "$0")/../../.."
KEYCLOAK_VERSION="${KEYCLOAK_VERSION:-26.7.3}"
OUT=target/bench/keycloak
mkdir -p "$OUT"

. src/bench/need.sh
need wrk nginx

# Gatehouse as a production server: the WAR in a Liberty server started by bin/server, demo off
mvn -B -q -DskipTests -Dliberty.var.gatehouse.demo.enabled=false -Dliberty.var.gatehouse.log.console-format=JSON \
    package liberty:create liberty:install-feature liberty:deploy
mvn -B -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath

# Keycloak's distribution from Maven Central
if [ ! -x "$OUT/keycloak-$KEYCLOAK_VERSION/bin/kc.sh" ]; then
    mvn -B -q dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" \
        -DoutputDirectory="$OUT" -Dmdep.stripVersion=false
    (cd "$OUT" && unzip -q -o "keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip")
fi

exec python3 -B src/bench/keycloak/compare.py --out "$OUT" --keycloak "$OUT/keycloak-$KEYCLOAK_VERSION" \
    --wlp target/liberty/wlp --classpath "target/test-classes:target/classes:$(cat target/bench.classpath)" "$@"
