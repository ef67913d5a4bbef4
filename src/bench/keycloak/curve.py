#!/usr/bin/env python3
"""How a cold Gatehouse node's rate climbs under full load, and what its JIT compiler uses meanwhile; see
docs/performance.md. Run after src/bench/keycloak/run.sh has built the server once (it needs wrk, as run.sh does):

    python3 -B src/bench/keycloak/curve.py --windows 30        # 30 windows of 10 s of client_credentials

Starts the Liberty server of run.sh's build (demo off, its embedded database), makes a client, then loads the token
endpoint with wrk (2 threads, 16 connections) in back-to-back windows, and prints per window: seconds since the load
began, requests per second, the processor seconds per second of the JVM's compiler threads and of the whole process,
and how many methods it has compiled so far. Any answer outside 2xx stops it.
"""
import argparse
import os
import subprocess
import time

from load import parse_wrk, wrk_script
from servers import Gatehouse, basic, proc_stat

HZ = os.sysconf("SC_CLK_TCK")


def cpu(pid):
    """(compiler threads, whole process) processor seconds so far."""
    jit = 0.0
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{task}/comm") as f:
                name = f.read()
            with open(f"/proc/{pid}/task/{task}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:  # the thread ended meanwhile
            continue
        if "Compiler" in name:
            jit += (int(fields[11]) + int(fields[12])) / HZ
    return jit, proc_stat(pid)[0]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--wlp", default="target/liberty/wlp")
    p.add_argument("--out", default="target/bench/curve")
    p.add_argument("--windows", type=int, default=30)
    p.add_argument("--seconds", type=int, default=10)
    p.add_argument("--port", type=int, default=int(os.environ.get("GATEHOUSE_PORT", 19080)))
    a = p.parse_args()
    os.makedirs(os.path.join(a.out, "rules"), exist_ok=True)
    server = Gatehouse(a.wlp, a.port, a.port + 375, a.out)
    server.start(fresh_database=True)
    try:
        server.configure()
        script = wrk_script(a.out, "POST", "grant_type=client_credentials")
        header = "Authorization: " + basic(*server.client)
        print("| s after the load began | req/s | compiler threads, CPU s/s | whole process, CPU s/s | methods compiled |")
        print("|---|---|---|---|---|")
        began = time.time()
        for _ in range(a.windows):
            jit0, all0 = cpu(server.pid)
            out = subprocess.run(["wrk", "-t2", "-c16", f"-d{a.seconds}s", "--latency", "-s", script, "-H", header,
                                  server.base + "/oauth2/token"], capture_output=True, text=True, check=True).stdout
            jit1, all1 = cpu(server.pid)
            result = parse_wrk(out)
            if result["errors"]:
                raise SystemExit(f"{result['errors']} errors in a window, e.g. {result['error_sample']}")
            jstat = subprocess.run(["jstat", "-compiler", str(server.pid)], capture_output=True, text=True).stdout
            compiled = jstat.splitlines()[1].split()[0] if len(jstat.splitlines()) > 1 else "—"
            print(f"| {time.time() - began:.0f} | {result['rate']:,.0f} | {(jit1 - jit0) / a.seconds:.2f} "
                  f"| {(all1 - all0) / a.seconds:.2f} | {compiled} |", flush=True)
    finally:
        server.stop()


if __name__ == "__main__":
    main()
