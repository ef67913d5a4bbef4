#!/usr/bin/env bash
# What metrics and tracing cost: gateway decisions (GET /decisions, rule anonymous/allow/noop) and client_credentials
# tokens (POST /oauth2/token) under wrk, against a Gatehouse started by `mvn liberty:run` twice: tracing off
# (the default) and tracing on (OTEL_SDK_DISABLED=false with OTLP/HTTP protobuf and traces only, as
# docs/operations.md says to set them; every span exported to a local sink that counts and drops them). /metrics is a Liberty feature and Gatehouse counts its series in both runs: they cannot
# be switched off, so both figures include them, and the difference is what tracing adds (spans, JDBC spans,
# trace ids in log records, the export).
#
#   observability/bench/cost.sh                     # 20 s per case, 8 connections, the embedded database
#   DURATION=60s CONNECTIONS=16 observability/bench/cost.sh
#   GATEHOUSE_DB_KIND=postgresql GATEHOUSE_DB_URL=jdbc:postgresql://127.0.0.1:5432/gatehouse_bench \
#     GATEHOUSE_DB_USER=postgres GATEHOUSE_DB_PASSWORD= observability/bench/cost.sh
#
# Needs Java 17, Maven, python3 and wrk (installed from Debian's packages when missing and run as root). Results:
# target/bench/observability-cost.md (and wrk's output beside it).
set -euo pipefail

cd "$(dirname "$0")/../.."
DURATION="${DURATION:-20s}"
CONNECTIONS="${CONNECTIONS:-8}"
THREADS="${THREADS:-2}"
PORT="${BENCH_HTTP_PORT:-19080}"
SINK_PORT="${BENCH_OTLP_PORT:-14318}"
OUT=target/bench
KEY="gh_admin_bench_$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
BASE="http://localhost:$PORT"

. src/bench/need.sh
need wrk

mkdir -p "$OUT/rules"
cat > "$OUT/rules/bench.json" <<'RULES'
[{"id": "bench-allow", "match": {"url": "http://bench.test/<.*>", "methods": ["GET"]},
  "authenticators": [{"handler": "anonymous"}], "authorizer": {"handler": "allow"}, "mutators": [{"handler": "noop"}]}]
RULES
cat > "$OUT/token.lua" <<'LUA'
wrk.method = "POST"
wrk.body = "grant_type=client_credentials"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
LUA

# the OTLP/HTTP sink: answers every export with an empty ExportTraceServiceResponse and counts the exports of
# spans it received (target/bench/otlp-exports.txt), so a run shows that the spans did leave
rm -f "$OUT/otlp-exports.txt"
python3 - "$SINK_PORT" "$OUT/otlp-exports.txt" > "$OUT/otlp-sink.log" 2>&1 <<'PY' &
import sys, threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
count = {"exports": 0, "bytes": 0}
lock = threading.Lock()
class Sink(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if self.path == "/v1/traces":
            with lock:
                count["exports"] += 1
                count["bytes"] += len(body)
                with open(sys.argv[2], "w") as f:
                    f.write(f"{count['exports']} exports of spans, {count['bytes']} bytes\n")
        self.send_response(200)
        self.send_header("Content-Type", "application/x-protobuf")
        self.send_header("Content-Length", "0")
        self.end_headers()
    def log_message(self, *args):
        pass
ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Sink).serve_forever()
PY
SINK=$!
SERVER=""
stop_server() {
    if [ -n "$SERVER" ]; then
        kill "$SERVER" 2>/dev/null || true
        wait "$SERVER" 2>/dev/null || true
        SERVER=""
    fi
    mvn -B -q -o liberty:stop >/dev/null 2>&1 || true
}
trap 'stop_server; kill $SINK 2>/dev/null || true' EXIT

start_server() { # $1: true (tracing off) or false (on)
    HTTP_PORT="$PORT" HTTPS_PORT=-1 GATEHOUSE_PUBLIC_BASE_URL="$BASE" GATEHOUSE_ADMIN_API_KEY="$KEY" \
        GATEHOUSE_GATEWAY_RULES_LOCATIONS="$PWD/$OUT/rules" \
        OTEL_SDK_DISABLED="$1" OTEL_EXPORTER_OTLP_ENDPOINT="http://127.0.0.1:$SINK_PORT" \
        OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf OTEL_LOGS_EXPORTER=none OTEL_METRICS_EXPORTER=none \
        mvn -B -o liberty:run -DskipTests -Dliberty.var.gatehouse.demo.enabled=false > "$OUT/server-tracing-$2.log" 2>&1 &
    SERVER=$!
    for _ in $(seq 1 180); do
        if curl -fsS "$BASE/health/ready" >/dev/null 2>&1; then
            return 0
        fi
        sleep 2
    done
    echo "server did not become ready; see $OUT/server-tracing-$2.log" >&2
    exit 1
}

run_case() { # $1: tracing off|on
    local client id secret
    client=$(curl -fsS -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' \
        -d '{"client_name":"bench","grant_types":["client_credentials"],"token_endpoint_auth_method":"client_secret_basic"}' \
        "$BASE/admin/clients")
    id=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["client_id"])' <<<"$client")
    secret=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["client_secret"])' <<<"$client")
    # warm-up, then the measured runs
    wrk -t1 -c2 -d5s -H 'X-Forwarded-Method: GET' -H 'X-Forwarded-Proto: http' -H 'X-Forwarded-Host: bench.test' \
        -H 'X-Forwarded-Uri: /page' "$BASE/decisions" >/dev/null
    wrk -t1 -c2 -d5s -s "$OUT/token.lua" -H "Authorization: Basic $(printf '%s:%s' "$id" "$secret" | base64 -w0)" \
        "$BASE/oauth2/token" >/dev/null
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H 'X-Forwarded-Method: GET' -H 'X-Forwarded-Proto: http' \
        -H 'X-Forwarded-Host: bench.test' -H 'X-Forwarded-Uri: /page' "$BASE/decisions" > "$OUT/wrk-decisions-$1.txt"
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$OUT/token.lua" \
        -H "Authorization: Basic $(printf '%s:%s' "$id" "$secret" | base64 -w0)" "$BASE/oauth2/token" > "$OUT/wrk-tokens-$1.txt"
}

summary() { # $1: wrk output file
    python3 - "$1" <<'PY'
import re, sys
t = open(sys.argv[1]).read()
rps = re.search(r"Requests/sec:\s+([\d.]+)", t).group(1)
p = dict(re.findall(r"^\s+(50|99)%\s+(\S+)", t, re.M))
non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", t)
print(f"{float(rps):.0f} | {p.get('50', '?')} | {p.get('99', '?')} | {non2xx.group(1) if non2xx else 0}")
PY
}

for tracing in off on; do
    if [ "$tracing" = off ]; then disabled=true; else disabled=false; fi
    start_server "$disabled" "$tracing"
    run_case "$tracing"
    stop_server
done

{
    echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION, $(nproc) cores, database: ${GATEHOUSE_DB_KIND:-embedded}, $(date -u +%Y-%m-%d)"
    echo
    echo "OTLP sink (tracing on): $(cat "$OUT/otlp-exports.txt" 2>/dev/null || echo 'nothing received')"
    echo
    echo "| case | tracing | requests/s | p50 | p99 | non-2xx |"
    echo "|---|---|---|---|---|---|"
    for what in decisions tokens; do
        for tracing in off on; do
            echo "| $what | $tracing | $(summary "$OUT/wrk-$what-$tracing.txt") |"
        done
    done
} | tee "$OUT/observability-cost.md"
