#!/usr/bin/env bash
# Gatehouse and Keycloak side by side, in one run, on this machine: see docs/performance.md.
#
#   src/bench/keycloak/run.sh                      # 15 s warm-up and 30 s measured per case, 16 connections
#   WARMUP=60 DURATION=60 src/bench/keycloak/run.sh
#
# Builds Gatehouse and starts it with Liberty's own launcher (server start, logs to files), fetches Keycloak's
# distribution from Maven Central and starts it in dev mode on the same JDK, each on its embedded database, configures
# equivalent clients and a user with the same Argon2id parameters (Keycloak's defaults: t=5, m=7 MiB, p=1) and RS256,
# then measures each case for both servers with wrk (and a threaded Python driver for the multi-step cases) and the
# machine's raw limits with the same libraries. Results: target/bench/keycloak/results.md.
# Needs Java 17, Maven, python3 and wrk (installed from Debian's packages when missing and run as root).
set -euo pipefail
cd "$(dirname "$0")/../../.."
KEYCLOAK_VERSION="${KEYCLOAK_VERSION:-26.7.3}"
OUT=target/bench/keycloak
mkdir -p "$OUT"

if ! command -v wrk >/dev/null; then
    if [ "$(id -u)" = 0 ]; then
        apt-get install -y -q wrk >/dev/null || { apt-get update -q >/dev/null && apt-get install -y -q wrk >/dev/null; }
    else
        echo "wrk is missing: apt-get install wrk" >&2
        exit 1
    fi
fi

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

exec python3 src/bench/keycloak/compare.py --out "$OUT" --keycloak "$OUT/keycloak-$KEYCLOAK_VERSION" \
    --wlp target/liberty/wlp --classpath "target/test-classes:target/classes:$(cat target/bench.classpath)" "$@"
