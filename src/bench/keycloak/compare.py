#!/usr/bin/env python3
"""Gatehouse and Keycloak side by side in one run; started by run.sh (see docs/performance.md).

Each server is started, configured with equivalent clients and a user, then every case runs against both: first
each case for a few seconds in turn right after start-up (cold), then each after the same warm-up: wrk for
single-request cases, a threaded closed-loop driver for cases of several requests, a paced driver for the reverse
proxy's added latency. Cases Keycloak has no counterpart for (the gateway) run on Gatehouse alone. The machine's raw
limits (RS256/ES256, Argon2id at the same parameters, with the server's libraries) are measured in the same run,
and every figure is written as Markdown tables with ratios to target/bench/keycloak/results.md. The run exits
non-zero when a case could not run or had errors (answers outside 2xx, socket errors); the report is still written.
"""
import argparse
import json
import os
import subprocess
import sys
import time

from load import Upstream, paced, run_driver, wrk, wrk_script
from servers import ARGON2, Gatehouse, Keycloak, basic, call, form, log, proc_stat

# (case, label, raw limit it is a share of); Keycloak has a counterpart to each
SIDE_BY_SIDE = [("token", "client_credentials (Gatehouse: opaque)", None),
                ("token_jwt", "client_credentials, JWT access tokens", "rs256_sign"),
                ("introspect", "introspection", None),
                ("userinfo", "userinfo", None),
                ("jwks", "JWKS", None),
                ("refresh", "refresh (rotating)", None),
                ("sign_in", "password sign-in (Kratos API flow vs password grant)", "argon2id"),
                ("code_flow", "authorization code flow with a password, PKCE (flows/s)", "argon2id")]
GATEHOUSE_ALONE = [("decisions", "gateway decisions (jwt + allow + header)", "rs256_verify"),
                   ("proxy", "reverse proxy in front of nginx", None)]
LABELS = {c: label for c, label, _ in SIDE_BY_SIDE + GATEHOUSE_ALONE}


class Options:
    def __init__(self, a):
        self.connections, self.out = a.connections, a.out
        self.proxy_rate, self.proxy_connections = a.proxy_rate, a.proxy_connections


def load(server, case, o, upstream):
    """A function of seconds that loads `server` with `case` for that long and returns its figures, or None when
    the server has no such case."""
    c = server.cases()
    if case in ("token", "token_jwt"):
        url, client = c[case]
        script = wrk_script(o.out, "POST", "grant_type=client_credentials")
        return lambda s: wrk(url, s, o.connections, script, ["Authorization: " + basic(*client)])
    if case == "introspect":
        url, client = c[case]
        token = server.tokens["access_token"]
        script = wrk_script(o.out, "POST", "token=" + token)

        def introspect(s):
            result = wrk(url, s, o.connections, script, ["Authorization: " + basic(*client)])
            # an expired token is introspected as {"active": false} with 200, faster: such a run measured nothing
            status, _, body = call("POST", url, form({"token": token}), {
                "Authorization": basic(*client), "Content-Type": "application/x-www-form-urlencoded"})
            if status != 200 or not json.loads(body).get("active"):
                raise RuntimeError(f"the introspected token was not active at the end of the run (HTTP {status})")
            return result
        return introspect
    if case == "userinfo":
        bearer = "Authorization: Bearer " + server.tokens["access_token"]
        return lambda s: wrk(c["userinfo"], s, o.connections, wrk_script(o.out), [bearer])
    if case == "jwks":
        return lambda s: wrk(c["jwks"], s, o.connections, wrk_script(o.out))
    if case == "refresh":
        chains = [server.refresh_chain() for _ in range(o.connections)]
        return lambda s: run_driver(lambda token: server.refresh(token), chains, s)
    if case == "sign_in":
        return lambda s: run_driver(lambda _: (server.sign_in(), None), [None] * o.connections, s)
    if case == "code_flow":
        def flows(s):
            counts = [0] * o.connections
            r = run_driver(lambda _: server.login_flow(), counts, s)
            r["requests_per_flow"] = max(counts)
            return r
        return flows
    if not isinstance(server, Gatehouse):
        return None
    if case == "decisions":
        headers = server.decision_headers(server.jwt_token())  # fresh: it must outlive the warm-up and the run
        return lambda s: wrk(server.decisions_url(), s, o.connections, wrk_script(o.out), headers)
    if case == "proxy":
        # Liberty's own floor beside them: Gatehouse answering its liveness check, no upstream, no rule
        targets = {"direct": upstream.url + "/hello.txt", "proxied": server.proxy_url(),
                   "liberty": server.base + "/health/live"}
        return lambda s: paced(targets, o.proxy_rate, s, o.proxy_connections)
    raise SystemExit("unknown case " + case)


def measure(server, go, warmup, seconds):
    """One case after its warm-up: the load figures plus the server's CPU seconds per second of the run."""
    if warmup:
        go(warmup)
    cpu0, _ = proc_stat(server.pid)
    result = go(seconds)
    cpu1, rss = proc_stat(server.pid)
    result.update(cpu=(cpu1 - cpu0) / seconds, rss=rss)
    return result


def run_server(server, wanted, a, o, upstream, failures):
    """Start, configure, the cold pass over every case, then each case warm. Figures per case, and what failed."""
    log("starting", server.name)
    server.start(fresh_database=True)
    ready = time.time()
    r = {"startup": server.startup, "rss_idle": proc_stat(server.pid)[1], "cold": {}}
    server.configure()
    if isinstance(server, Gatehouse) and {"decisions", "proxy"} & set(wanted):
        server.configure_gateway(upstream.url)

    def attempt(case, warmup, seconds, where):
        try:
            go = load(server, case, o, upstream)
            if go is None:
                return None
            began = time.time() - ready
            result = measure(server, go, warmup, seconds)
            result["after_ready"] = (began, time.time() - ready)
        except (Exception, SystemExit) as e:  # one broken case must not hide the figures of the others
            failures.append(f"{server.name} {where}{case}: {type(e).__name__}: {e}")
            log(failures[-1])
            return None
        if result["errors"]:
            failures.append(f"{server.name} {where}{case}: {result['errors']} errors, e.g. {result['error_sample']}")
            log(failures[-1])
        return result

    if a.cold:
        for case in wanted:
            log(server.name, "cold:", case, f"for {a.cold} s")
            result = attempt(case, 0, a.cold, "cold ")
            if result:
                r["cold"][case] = result
    # the JIT compiler competes with the load for the processors: rates climb for minutes, and a case measured
    # before that is over measures how far compilation got, not the server
    alone = {c for c, _, _ in GATEHOUSE_ALONE}
    settling = [c for c in wanted if c != "proxy" and (isinstance(server, Gatehouse) or c not in alone)]
    began, turn = time.time(), 0
    r["settle"] = []
    while settling and time.time() - began < a.settle:
        case = settling[turn % len(settling)]
        log(server.name, "settling:", case, f"for {a.settle_step} s")
        result = attempt(case, 0, a.settle_step, "settling ")
        if result:
            r["settle"].append([case, result["after_ready"][0], result["rate"]])
        if result and not result["errors"]:
            turn += 1
        else:  # reported once: it would fail again on every round
            settling.remove(case)
    for case in wanted:
        log(server.name, case)
        result = attempt(case, a.warmup, a.duration, "")
        if result:
            r[case] = result
    r["rss_after"] = proc_stat(server.pid)[1]
    return r


# ---------------------------------------------------------------- report

def raw_limits(classpath, seconds):
    text = subprocess.run(["java", "-cp", classpath, "dev.gatehouse.bench.RawLimits", str(seconds), ARGON2["iterations"],
                           ARGON2["memory_kib"], ARGON2["parallelism"]], capture_output=True, text=True, check=True).stdout
    return {name: float(rate) for name, rate in (line.split("\t") for line in text.strip().splitlines())}


def fmt(v, digits=0):
    return "—" if v is None else f"{v:,.{digits}f}"


def cell(r):
    return "—" if r is None else f"{fmt(r['rate'])} ({fmt(r['p50'], 1)} / {fmt(r['p99'], 1)})"


def errors(r):
    return "—" if r is None else str(r["errors"])


def ratio(g, k):
    return fmt(g["rate"] / k["rate"], 2) + "×" if g and k and k["rate"] else "—"


def report(a, raw, gh, kc):
    lines = [f"Measured {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} on {os.cpu_count()} processors; "
             f"{a.connections} connections; settling {a.settle} s, then per case a warm-up of {a.warmup} s and "
             f"{a.duration} s measured; Argon2id "
             f"t={ARGON2['iterations']} m={ARGON2['memory_kib']} KiB p={ARGON2['parallelism']} on both; RS256.", "",
             "| case | Keycloak req/s (p50 / p99 ms) | Gatehouse req/s (p50 / p99 ms) | ratio | errors KC / GH "
             "| CPU s/s KC / GH | Gatehouse of raw limit |",
             "|---|---|---|---|---|---|---|"]
    for case, label, limit in SIDE_BY_SIDE:
        g, k = gh.get(case), kc.get(case)
        if g is None and k is None:
            continue
        if case == "code_flow":
            label += f" — requests per flow: KC {k['requests_per_flow'] if k else '—'}, " \
                     f"GH {g['requests_per_flow'] if g else '—'}"
        of_raw = f"{100 * g['rate'] / raw[limit]:.0f}% of {raw[limit]:,.0f}/s" if limit and g else ""
        cpu = f"{k['cpu']:.2f}" if k else "—", f"{g['cpu']:.2f}" if g else "—"
        lines.append(f"| {label} | {cell(k)} | {cell(g)} | {ratio(g, k)} | {errors(k)} / {errors(g)} "
                     f"| {cpu[0]} / {cpu[1]} | {of_raw} |")

    cold_cases = [c for c, _, _ in SIDE_BY_SIDE + GATEHOUSE_ALONE if c in gh["cold"] or c in kc["cold"]]
    if cold_cases:
        lines += ["", f"Cold: right after each server was ready (and configured), each case in turn for {a.cold} s, "
                      "before any warm-up; a later case finds the server warmer than an earlier one.", "",
                  "| case | Keycloak s after ready: req/s (p50 / p99 ms) | Gatehouse s after ready: req/s (p50 / p99 ms) "
                  "| ratio | errors KC / GH |", "|---|---|---|---|---|"]
        for case in cold_cases:
            g, k = gh["cold"].get(case), kc["cold"].get(case)
            lines.append(f"| {LABELS[case]} | {when(k)}{cold_cell(case, k)} | {when(g)}{cold_cell(case, g)} "
                         f"| {ratio(g, k) if case != 'proxy' else '—'} | {errors(k)} / {errors(g)} |")

    settled = [c for c, _, _ in SIDE_BY_SIDE + GATEHOUSE_ALONE if any(w[0] == c for w in gh["settle"] + kc["settle"])]
    if settled:
        lines += ["", f"Settling: after the cold pass, the cases in turn for {a.settle_step} s each until {a.settle} s "
                      "had passed, before the warm figures above; each case's first and last round (req/s, and when, in "
                      "s after ready):", "",
                  "| case | Keycloak first → last | Gatehouse first → last |", "|---|---|---|"]
        for case in settled:
            lines.append(f"| {LABELS[case]} | {rounds(kc['settle'], case)} | {rounds(gh['settle'], case)} |")

    alone = [(c, label, limit) for c, label, limit in GATEHOUSE_ALONE if c in gh]
    if alone:
        lines += ["", "Gatehouse alone (Keycloak has no gateway):", "",
                  "| case | Gatehouse | errors | CPU s/s | of raw limit |", "|---|---|---|---|---|"]
        for case, label, limit in alone:
            g = gh[case]
            if case == "proxy":
                label += (f", {a.proxy_rate}/s to each of direct, proxied and Gatehouse's /health/live, "
                          f"{a.proxy_connections} connections")
            of_raw = f"{100 * g['rate'] / raw[limit]:.1f}% of {raw[limit]:,.0f}/s" if limit else ""
            lines.append(f"| {label} | {cold_cell(case, g)} | {g['errors']} | {g['cpu']:.2f} | {of_raw} |")

    lines += ["", "| | Keycloak | Gatehouse |", "|---|---|---|",
              f"| start-up to ready (s) | {kc['startup']:.1f} | {gh['startup']:.1f} |",
              f"| RSS idle / after load (MiB) | {kc['rss_idle']:.0f} / {kc['rss_after']:.0f} "
              f"| {gh['rss_idle']:.0f} / {gh['rss_after']:.0f} |", "",
              "Raw limits (same libraries, every processor): " + ", ".join(
                  f"{k} {v:,.0f}/s" for k, v in raw.items() if k != "argon2id")]
    return "\n".join(lines) + "\n"


def rounds(windows, case):
    """The first and the last settling round of a case: its rate and when it began."""
    mine = [w for w in windows if w[0] == case]
    if not mine:
        return "—"
    first, last = mine[0], mine[-1]
    return f"{fmt(first[2])} ({first[1]:.0f} s) → {fmt(last[2])} ({last[1]:.0f} s), {len(mine)} rounds"


def when(r):
    return "" if r is None else f"{r['after_ready'][0]:.0f}–{r['after_ready'][1]:.0f} s: "


def cold_cell(case, r):
    """A case's figures; the proxy's as the latency it adds over the direct call, p50 / p99 in ms."""
    if r is None or case != "proxy":
        return cell(r)
    d, p = r["direct"], r["proxied"]
    added = [p[q] - d[q] if p[q] is not None and d[q] is not None else None for q in ("p50", "p99")]
    floor = ""
    if "liberty" in r:
        f = r["liberty"]
        floor = f"; Liberty's own liveness answer {fmt(f['p50'], 2)} / {fmt(f['p99'], 2)}"
    return (f"added {fmt(added[0], 2)} / {fmt(added[1], 2)} ms (direct {fmt(d['p50'], 2)} / {fmt(d['p99'], 2)}, "
            f"proxied {fmt(p['p50'], 2)} / {fmt(p['p99'], 2)}{floor}; sent {fmt(p['rate'])}/s each)")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--out", required=True)
    p.add_argument("--keycloak", required=True)
    p.add_argument("--wlp", required=True)
    p.add_argument("--classpath", required=True)
    p.add_argument("--warmup", type=int, default=int(os.environ.get("WARMUP", 15)))
    p.add_argument("--duration", type=int, default=int(os.environ.get("DURATION", 30)))
    p.add_argument("--settle", type=int, default=int(os.environ.get("SETTLE", 240)),
                   help="seconds of every case in turn before the warm figures, 0: none")
    p.add_argument("--settle-step", type=int, default=int(os.environ.get("SETTLE_STEP", 10)))
    p.add_argument("--cold", type=int, default=int(os.environ.get("COLD", 5)), help="seconds per case, 0: none")
    p.add_argument("--connections", type=int, default=int(os.environ.get("CONNECTIONS", 16)))
    p.add_argument("--proxy-rate", type=int, default=int(os.environ.get("PROXY_RATE", 200)))
    p.add_argument("--proxy-connections", type=int, default=int(os.environ.get("PROXY_CONNECTIONS", 2)))
    p.add_argument("--gatehouse-port", type=int, default=int(os.environ.get("GATEHOUSE_PORT", 19080)))
    p.add_argument("--proxy-port", type=int, default=int(os.environ.get("PROXY_PORT", 19455)))
    p.add_argument("--upstream-port", type=int, default=int(os.environ.get("UPSTREAM_PORT", 19500)))
    p.add_argument("--keycloak-port", type=int, default=int(os.environ.get("KEYCLOAK_PORT", 18080)))
    p.add_argument("--cases", default=os.environ.get("CASES", ",".join(c for c, _, _ in SIDE_BY_SIDE + GATEHOUSE_ALONE)))
    a = p.parse_args()
    wanted = [c for c in a.cases.split(",") if c]
    unknown = [c for c in wanted if c not in LABELS]
    if unknown:
        raise SystemExit(f"unknown case(s) {', '.join(unknown)}; known: {', '.join(LABELS)}")
    os.makedirs(os.path.join(a.out, "rules"), exist_ok=True)

    log("raw limits of this machine")
    raw = raw_limits(a.classpath, max(5, a.duration // 3))
    raw["argon2id"] = next(v for k, v in raw.items() if k.startswith("argon2id"))

    upstream = Upstream(a.upstream_port, a.out)
    if "proxy" in wanted:
        upstream.start()
    results, failures, o = {}, [], Options(a)
    try:
        for server in [Gatehouse(a.wlp, a.gatehouse_port, a.proxy_port, a.out),
                       Keycloak(a.keycloak, a.keycloak_port, a.out)]:
            try:
                results[server.name] = run_server(server, wanted, a, o, upstream, failures)
            finally:
                server.stop()
            with open(os.path.join(a.out, "results.json"), "w") as f:
                json.dump({"raw": raw, "results": results, "failures": failures}, f, indent=1)
    finally:
        upstream.stop()

    text = report(a, raw, results["Gatehouse"], results["Keycloak"])
    if failures:
        text += "\nFailed or with errors:\n" + "".join(f"- {f}\n" for f in failures)
    with open(os.path.join(a.out, "results.md"), "w") as f:
        f.write(text)
    print(text)
    if failures:
        log(f"FAILED: {len(failures)} case run(s) failed or had errors (see above)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
