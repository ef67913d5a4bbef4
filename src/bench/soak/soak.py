#!/usr/bin/env python3
"""Gatehouse on two nodes against one PostgreSQL database, for a long while at a steady rate; started by run.sh (see
docs/performance.md, "Soak on two nodes").

A fresh database, two Liberty servers made from the same install (the cluster's settings shared, ports their own),
clients and a user set up through node A, then one wrk per node with the same mix of requests, in three phases:
a warm-up and the peak, both unthrottled, and the soak, paced by the wrk script to a fraction of the peak. Each node's
RSS and heap are sampled all along, and its heap after a full GC is read when the soak starts and when it ends.
Figures go to target/bench/soak/ (results.md, results.json, samples.csv, wrk's output per phase and node). The run
exits non-zero when any answer was an error, the soak fell short of its rate, or a heap grew.
"""
import argparse
import base64
import datetime
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "keycloak"))
from memory import Sampler, heap_after_full_gc  # noqa: E402
from postgres import OwnPostgres  # noqa: E402
from servers import Gatehouse, call, java_child, log  # noqa: E402
from workload import MIX, MIX_LABELS, Load, mix_requests  # noqa: E402

MIB = 1024 * 1024


# ---------------------------------------------------------------- database and nodes

def psql(a, sql, database="postgres"):
    done = subprocess.run(["psql", "-h", a.db_host, "-p", str(a.db_port), "-U", a.db_user, "-d", database, "-v",
                           "ON_ERROR_STOP=1", "-Atc", sql], capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"psql: {sql}: {done.stderr.strip()}")
    return done.stdout.strip()


def fresh_database(a):
    psql(a, f'DROP DATABASE IF EXISTS "{a.db_name}" WITH (FORCE)')
    psql(a, f'CREATE DATABASE "{a.db_name}"')


def database_size_mib(a):
    return int(psql(a, f"SELECT pg_database_size('{a.db_name}')")) / MIB


def free_port(port):
    with socket.socket() as s:
        if s.connect_ex(("127.0.0.1", port)) == 0:
            raise SystemExit(f"port {port} is in use: set PORT_A / PORT_B")


def server_dirs(wlp, names):
    """Each node's Liberty server: a copy of the configuration, WAR and drivers of the server `gatehouse`, without
    its logs, work area or data, replacing what an earlier run left."""
    servers = os.path.join(wlp, "usr", "servers")
    for name in names:
        target = os.path.join(servers, name)
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(os.path.join(servers, "gatehouse"), target,
                        ignore=shutil.ignore_patterns("logs", "workarea", "data", "expanded", "tranlog"))


def nodes(a):
    """Nodes A and B: the same database, admin API key, key-encryption key, HMAC key and public base URL (node A's
    URL stands for the balancer's: a node serves its configured host on any port, and the issuer is the same)."""
    base = f"http://localhost:{a.port_a}"
    env = {"GATEHOUSE_DB_KIND": "postgresql", "GATEHOUSE_DB_USER": a.db_user,
           "GATEHOUSE_DB_URL": f"jdbc:postgresql://{a.db_host}:{a.db_port}/{a.db_name}",
           "GATEHOUSE_DB_PASSWORD": os.environ.get("PGPASSWORD", ""),
           "GATEHOUSE_JWK_KEK": base64_key(32), "GATEHOUSE_SECRETS_HMAC_KEY": base64_key(48)}
    a_node = Gatehouse(a.wlp, a.port_a, -1, a.out, server="soak-a", public_base_url=base, env=env)
    b_node = Gatehouse(a.wlp, a.port_b, -1, a.out, server="soak-b", public_base_url=base, key=a_node.key, env=env)
    return [a_node, b_node]


def base64_key(size):
    return base64.b64encode(os.urandom(size)).decode()


def java_pid(pid):
    """The Liberty JVM: the .pid file's process, or its java child when a launcher script stands in between."""
    return pid if os.path.basename(os.readlink(f"/proc/{pid}/exe")) == "java" else java_child(pid)


def set_up(a_node, b_node):
    """Clients and an identity through node A, then the code flow once on each node: each node's load uses the
    user's access token the other node issued. Every request of the mix is tried once on each node first."""
    a_node.configure({"authorization_code_grant_access_token_lifespan": "24h"})  # outlives any run
    b_node.client, b_node.jwt_client, b_node.subject = a_node.client, a_node.jwt_client, a_node.subject
    b_node.tokens = b_node.code_flow()
    pairs = [(a_node, b_node), (b_node, a_node)]
    requests = {node.server: mix_requests(node, other.tokens["access_token"]) for node, other in pairs}
    for node, _ in pairs:
        for name, (method, path, headers, body) in requests[node.server].items():
            status, _, text = call(method, node.base + path, body, headers)
            if status != 200 or (name == "introspect" and json.loads(text).get("active") is not True):
                raise SystemExit(f"{node.server} {name}: HTTP {status}: {text[:300]}")
    return requests


# ---------------------------------------------------------------- the run

class Soak:
    """The two nodes, their load and their samples: started by `start()`, each phase by `phase()`, and everything
    stopped by `close()`, whatever happened in between."""

    def __init__(self, a):
        self.a, self.nodes, self.load, self.sampler = a, nodes(a), None, None

    def start(self):
        server_dirs(self.a.wlp, [n.server for n in self.nodes])
        for node in self.nodes:  # one after the other: node A migrates the fresh database, node B finds it migrated
            log("starting", node.server, "on port", node.port)
            node.start()
            node.pid = java_pid(node.pid)
            log(f"{node.server} ready after {node.startup:.1f} s, pid {node.pid}")
        self.sampler = Sampler(os.path.join(self.a.out, "samples.csv"), {n.server: n.pid for n in self.nodes},
                               self.a.sample_seconds)
        self.sampler.sample()
        self.sampler.start()

    def phase(self, name, seconds, requests, rate_per_node=0):
        log(f"{name}: {seconds} s, " + (f"{rate_per_node:,.0f} req/s per node" if rate_per_node else "unthrottled"))
        self.sampler.phase = name
        self.sampler.sample()
        self.load = Load(self.a, self.nodes, name, seconds, requests, rate_per_node)
        results = self.load.finish()
        self.load = None
        self.sampler.sample()
        self.sampler.phase = "idle"
        for server, r in results.items():
            log(f"  {server}: {r['rate']:,.0f} req/s, p50 {r['p50']} ms, p99 {r['p99']} ms, {r['errors']} errors")
        return results

    def full_gc(self):
        return {n.server: heap_after_full_gc(n.pid) for n in self.nodes}

    def close(self):
        if self.load:
            self.load.stop()
        if self.sampler:
            self.sampler.close()
        for node in self.nodes:
            node.stop()


def run(a, soak, r):
    """Set-up, warm-up, peak and soak; every figure of the report goes into `r` as soon as it is known."""
    r.update(machine=machine(a), options=vars(a))
    soak.start()
    r["nodes"] = {n.server: {"port": n.port, "pid": n.pid, "startup_s": n.startup} for n in soak.nodes}
    r["jvm"] = jvm(soak.nodes[0].pid)
    requests = set_up(*soak.nodes)
    r["load_began"] = time.time()
    r["warmup"] = soak.phase("warmup", a.warmup, requests)
    r["peak"] = soak.phase("peak", a.peak, requests)
    r["peak_rate"] = sum(x["rate"] for x in r["peak"].values())
    r["target_rate"] = a.fraction * r["peak_rate"]
    r["heap_gc_start"], r["db_mib_start"], r["load_start"] = soak.full_gc(), database_size_mib(a), loadavg()
    r["soak"] = soak.phase("soak", a.soak, requests, r["target_rate"] / len(soak.nodes))
    r["heap_gc_end"], r["db_mib_end"], r["load_end"] = soak.full_gc(), database_size_mib(a), loadavg()
    r["rss"] = {n.server: soak.sampler.rss("soak", n.server) for n in soak.nodes}
    r["logs"] = {n.server: log_levels(a, n.server, r["load_began"]) for n in soak.nodes}


# ---------------------------------------------------------------- the machine and the logs

def machine(a):
    with open("/proc/cpuinfo") as f:
        model = next((line.split(":", 1)[1].strip() for line in f if line.startswith("model name")), "unknown")
    with open("/proc/meminfo") as f:
        kib = next(int(line.split()[1]) for line in f if line.startswith("MemTotal:"))
    wrk_version = subprocess.run(["wrk", "-v"], capture_output=True, text=True).stdout.split(" [")[0]
    return {"processors": os.cpu_count(), "model": model, "ram_gib": kib / 1024 / 1024, "wrk": wrk_version.strip(),
            "postgresql": psql(a, "SHOW server_version") + (", own server" if a.own_db else ", the machine's server")
            + ", autovacuum " + psql(a, "SHOW autovacuum") + ", fsync " + psql(a, "SHOW fsync")}


def jvm(pid):
    """The nodes' JVM: its version, garbage collector and maximum heap."""
    version = subprocess.run(["jcmd", str(pid), "VM.version"], capture_output=True, text=True).stdout.splitlines()
    flags = subprocess.run(["jcmd", str(pid), "VM.flags"], capture_output=True, text=True).stdout
    gc = re.search(r"-XX:\+Use(\w+)GC\b", flags)
    heap = re.search(r"-XX:MaxHeapSize=(\d+)", flags)
    return {"version": version[1].strip() if len(version) > 1 else "unknown", "gc": gc.group(1) if gc else "unknown",
            "max_heap_mib": int(heap.group(1)) / MIB if heap else None}


def loadavg():
    with open("/proc/loadavg") as f:
        return float(f.read().split()[0])


def log_levels(a, server, since):
    """How many SEVERE, ERROR and WARNING records the node's messages.log got from `since` (epoch seconds) on; a
    copy of the log goes next to the report."""
    path = os.path.join(a.wlp, "usr", "servers", server, "logs", "messages.log")
    counts = {"SEVERE": 0, "ERROR": 0, "WARNING": 0}
    if not os.path.exists(path):
        return counts
    shutil.copy(path, os.path.join(a.out, f"messages-{server}.log"))
    with open(path, errors="replace") as f:
        for line in f:
            try:
                record = json.loads(line)
                at = datetime.datetime.strptime(record["timestamp"], "%Y-%m-%dT%H:%M:%S.%f%z").timestamp()
            except (ValueError, KeyError):  # Liberty's banner before the JSON records
                continue
            if at >= since and record.get("level") in counts:
                counts[record["level"]] += 1
    return counts


# ---------------------------------------------------------------- report

def failures(a, r):
    """What fails the run: any error in any phase, a soak rate short of its target, a heap that grew."""
    found = []
    for phase in ("warmup", "peak", "soak"):
        for server, x in r.get(phase, {}).items():
            if x["errors"]:
                found.append(f"{phase} on {server}: {x['errors']} errors ({x['error_sample'] or ''}"
                             f"{', statuses ' + str(x['statuses']) if x['statuses'] else ''}"
                             f"{', inactive introspections ' + str(x['inactive']) if x['inactive'] else ''})")
    if "soak" in r:
        achieved = sum(x["rate"] for x in r["soak"].values())
        if achieved < r["target_rate"] * (1 - a.rate_tolerance / 100):
            found.append(f"soak rate {achieved:,.0f} req/s is more than {a.rate_tolerance:g}% below the target "
                         f"{r['target_rate']:,.0f} req/s")
    for server, start in r.get("heap_gc_start", {}).items():
        growth = r["heap_gc_end"][server] - start
        if growth > a.heap_growth_mib and growth > start * a.heap_growth_percent / 100:
            found.append(f"heap after a full GC on {server} grew {growth:,.0f} MiB ({start:,.0f} -> "
                         f"{r['heap_gc_end'][server]:,.0f} MiB), more than {a.heap_growth_percent:g}% and "
                         f"{a.heap_growth_mib:g} MiB")
    return found


def fmt(v, digits=0):
    return "—" if v is None else f"{v:,.{digits}f}"


def phase_rows(label, results, target=None):
    """One table row per node and one for both."""
    rows = []
    for server, x in results.items():
        rows.append(f"| {label} | {server} | {fmt(target / len(results)) if target else '—'} | {fmt(x['rate'])} "
                    f"| {x['requests']:,} | {x['errors']} | {fmt(x['p50'], 2)} | {fmt(x['p99'], 2)} |")
    rate = sum(x["rate"] for x in results.values())
    share = f" ({100 * rate / target:.1f}% of target)" if target else ""
    rows.append(f"| {label} | both | {fmt(target) if target else '—'} | **{fmt(rate)}**{share} "
                f"| {sum(x['requests'] for x in results.values()):,} | {sum(x['errors'] for x in results.values())} "
                f"| | |")
    return rows


def report(a, r, found):
    m, j = r["machine"], r["jvm"]
    mix = ", ".join(f"{10 * w}% {MIX_LABELS[n]}" for n, w in MIX)
    verdict = "PASS" if not found else "FAIL"
    lines = [f"# Soak on two nodes: {verdict}", "",
             f"Measured {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}.", "",
             "| machine | |", "|---|---|",
             f"| processors | {m['processors']} × {m['model']} |",
             f"| memory | {m['ram_gib']:.1f} GiB |",
             f"| JVM of the nodes | {j['version']}, {j['gc']} GC, heap at most {fmt(j['max_heap_mib'])} MiB |",
             f"| PostgreSQL | {m['postgresql']}, one database for both nodes |",
             f"| load generator | {m['wrk']}, one process per node on the same machine |",
             f"| load average (1 min) at the soak's start / end | {r['load_start']:.2f} / {r['load_end']:.2f} |", "",
             f"Workload, the same on each node: {a.connections} connections, {a.threads} wrk thread(s), "
             f"requests in a fixed rotation of ten: {mix}. Warm-up {a.warmup} s and peak {a.peak} s, both "
             f"unthrottled on both nodes at once; then the soak, {a.soak} s at {100 * a.fraction:g}% of the peak, "
             "paced (each node half of it).", "",
             f"Peak: **{fmt(r['peak_rate'])} req/s**; soak target: **{fmt(r['target_rate'])} req/s**.", "",
             "| phase | node | target req/s | achieved req/s | requests | errors | p50 ms | p99 ms |",
             "|---|---|---|---|---|---|---|---|"]
    lines += phase_rows("warm-up", r["warmup"]) + phase_rows("peak", r["peak"])
    lines += phase_rows("soak", r["soak"], r["target_rate"])
    lines += ["", "| node | pid | start-up s | RSS soak start / end / max MiB | heap after full GC soak start / end MiB "
                  "| log SEVERE / ERROR / WARNING under load |", "|---|---|---|---|---|---|"]
    for server, n in r["nodes"].items():
        rss, logs = r["rss"][server], r["logs"][server]
        start, end = r["heap_gc_start"][server], r["heap_gc_end"][server]
        lines.append(f"| {server} | {n['pid']} | {n['startup_s']:.1f} | {fmt(rss[0])} / {fmt(rss[-1])} / {fmt(max(rss))} "
                     f"| {start:,.0f} / {end:,.0f} ({round(end - start):+,d}) "
                     f"| {logs['SEVERE']} / {logs['ERROR']} / {logs['WARNING']} |")
    lines += ["", f"Database size at the soak's start / end: {r['db_mib_start']:,.0f} / {r['db_mib_end']:,.0f} MiB. "
                  f"RSS and heap every {a.sample_seconds} s: samples.csv.", "",
              f"Pass criteria: no error in any phase (an answer outside 2xx, a socket error, an introspection "
              f"saying inactive), a soak rate no more than {a.rate_tolerance:g}% below the target, and on each node "
              f"a heap after a full GC at the soak's end at most {a.heap_growth_percent:g}% or "
              f"{a.heap_growth_mib:g} MiB above the one at its start.", "",
              f"**Verdict: {verdict}**" + ("" if not found else ": " + "; ".join(found))]
    return "\n".join(lines) + "\n"


def options():
    env = os.environ.get
    p = argparse.ArgumentParser()
    p.add_argument("--out", required=True)
    p.add_argument("--wlp", required=True)
    p.add_argument("--warmup", type=int, default=int(env("WARMUP_SECONDS", 120)))
    p.add_argument("--peak", type=int, default=int(env("PEAK_SECONDS", 30)))
    p.add_argument("--soak", type=int, default=int(env("SOAK_SECONDS", 600)))
    p.add_argument("--fraction", type=float, default=float(env("SOAK_FRACTION", 0.8)))
    p.add_argument("--connections", type=int, default=int(env("CONNECTIONS", 8)), help="per node")
    p.add_argument("--threads", type=int, default=int(env("WRK_THREADS", 1)), help="wrk threads per node")
    p.add_argument("--sample-seconds", type=int, default=int(env("SAMPLE_SECONDS", 10)))
    p.add_argument("--rate-tolerance", type=float, default=float(env("RATE_TOLERANCE_PERCENT", 5)))
    p.add_argument("--heap-growth-percent", type=float, default=float(env("HEAP_GROWTH_PERCENT", 20)))
    p.add_argument("--heap-growth-mib", type=float, default=float(env("HEAP_GROWTH_MIB", 32)))
    p.add_argument("--port-a", type=int, default=int(env("PORT_A", 19281)))
    p.add_argument("--port-b", type=int, default=int(env("PORT_B", 19282)))
    p.add_argument("--db-host", default=env("DB_HOST", "127.0.0.1"))
    # without DB_PORT the soak makes a PostgreSQL server of its own on OWN_DB_PORT, with PostgreSQL's defaults
    p.add_argument("--db-port", type=int, default=int(env("DB_PORT") or env("OWN_DB_PORT", 19432)))
    p.add_argument("--own-db", action="store_true", default=not env("DB_PORT"))
    p.add_argument("--db-user", default=env("DB_USER", "postgres"))
    p.add_argument("--db-name", default=env("SOAK_DB", "gatehouse_soak"))
    return p.parse_args()


def main():
    a = options()
    os.makedirs(os.path.join(a.out, "rules"), exist_ok=True)
    for port in (a.port_a, a.port_b):
        free_port(port)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # so that the nodes and the database are stopped
    database = OwnPostgres(os.path.join(a.out, "postgres"), a.db_port) if a.own_db else None
    soak, r = None, {}
    try:
        if database:
            free_port(a.db_port)
            database.start()
        log("fresh database", a.db_name)
        fresh_database(a)
        soak = Soak(a)
        run(a, soak, r)
    finally:
        if soak:
            soak.close()
        if database:
            database.close()
        with open(os.path.join(a.out, "results.json"), "w") as f:
            json.dump(r, f, indent=1)
    found = failures(a, r)
    text = report(a, r, found)
    with open(os.path.join(a.out, "results.md"), "w") as f:
        f.write(text)
    print(text)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
