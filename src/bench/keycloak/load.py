"""Load generators for the side-by-side benchmark (see compare.py): wrk for single requests, a closed-loop driver for
cases of several requests, and a paced driver for latency at a fixed rate. Every answer outside 2xx is an error."""
import hashlib
import http.client
import json
import os
import re
import subprocess
import threading
import time
import urllib.parse

UNITS = {"us": 1e-3, "ms": 1.0, "s": 1e3}

# wrk counts only 4xx and 5xx ("Non-2xx or 3xx responses"); this counts everything outside 2xx, per thread, and
# prints the sum when the run is done.
COUNT_NON_2XX = """
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) non2xx = 0 end
function response(status, headers, body)
  if status < 200 or status > 299 then non2xx = non2xx + 1 end
end
function done(summary, latency, requests)
  local n = 0
  for _, t in ipairs(threads) do n = n + t:get("non2xx") end
  io.write(string.format("non-2xx answers: %d\\n", n))
end
"""


def percentile(sorted_values, p):
    if not sorted_values:
        return None
    return sorted_values[min(len(sorted_values) - 1, int(len(sorted_values) * p))]


def wrk_script(out, method="GET", body=None):
    """A wrk script for one request shape that counts non-2xx answers; written once per shape."""
    text = ""
    if method != "GET":
        text += "wrk.method = %s\n" % json.dumps(method)
    if body is not None:
        text += 'wrk.body = %s\nwrk.headers["Content-Type"] = "application/x-www-form-urlencoded"\n' % json.dumps(body)
    text += COUNT_NON_2XX
    path = os.path.join(out, "wrk-" + hashlib.sha256(text.encode()).hexdigest()[:12] + ".lua")
    if not os.path.exists(path):
        with open(path, "w") as f:
            f.write(text)
    return path


def wrk(url, seconds, connections, script, headers=()):
    args = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "30s", "--latency", "-s", script]
    for h in headers:
        args += ["-H", h]
    done = subprocess.run(args + [url], capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"wrk exited with {done.returncode}: {done.stderr.strip()[:300]}")
    return parse_wrk(done.stdout)


def parse_wrk(text):
    """The figures of wrk's output (run with --latency and a script that counts non-2xx answers)."""
    requests = int(re.search(r"(\d+) requests in ", text).group(1))
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    lat = {p: float(v) * UNITS[u] for p, v, u in re.findall(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", text, re.M)}
    non2xx = int(re.search(r"non-2xx answers: (\d+)", text).group(1))
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    errors = non2xx + (sum(map(int, socket.groups())) if socket else 0)
    return {"rate": rate, "requests": requests, "p50": lat.get("50"), "p99": lat.get("99"), "errors": errors,
            "error_sample": f"{non2xx} non-2xx answers" if non2xx else (socket.group(0) if errors else None)}


def run_driver(step, states, seconds):
    """A closed loop: one worker per entry of `states` runs `step(state)` -> (status, next state) for `seconds`;
    each worker's last state is written back, so a later run goes on from it (a rotated refresh token). A status
    other than 200, or an exception, is an error; the first one is kept to say what went wrong."""
    stop = time.time() + seconds
    latencies, errors, first, lock = [], [0], [], threading.Lock()

    def failed(what):
        with lock:
            errors[0] += 1
            if not first:
                first.append(what)

    def work(i):
        mine, state = [], states[i]
        while time.time() < stop:
            began = time.perf_counter()
            try:
                status, state = step(state)
            except Exception as e:  # a refused connection or a flow that went astray: counted, and the loop goes on
                failed(f"{type(e).__name__}: {e}")
                time.sleep(0.05)
                continue
            mine.append((time.perf_counter() - began) * 1000)
            if status != 200:
                failed(f"HTTP {status}")
        states[i] = state
        with lock:
            latencies.extend(mine)

    began = time.time()
    pool = [threading.Thread(target=work, args=(i,)) for i in range(len(states))]
    [t.start() for t in pool]
    [t.join() for t in pool]
    latencies.sort()
    # the last step of each worker ends after `seconds`: a flow of several seconds would otherwise count too much
    return {"rate": len(latencies) / max(seconds, time.time() - began), "p50": percentile(latencies, 0.5), "p99": percentile(latencies, 0.99),
            "errors": errors[0], "error_sample": first[0] if first else None}


def paced(targets, rate, seconds, connections):
    """Latency at a fixed rate: `connections` workers, each with one keep-alive connection per target, send GETs to
    every target of `targets` ({name: url}) in turn (the order alternating from round to round), `rate` requests per
    second to each target in all. Requests to different targets are interleaved, so each sees the same machine.
    Latency counts from the moment a request is sent; a round that starts late is sent at once, not skipped."""
    interval = connections / rate
    stop = time.time() + seconds
    names = list(targets)
    latencies = {n: [] for n in names}
    errors = {n: 0 for n in names}
    first, lock = [], threading.Lock()

    def work(offset):
        parts = {n: urllib.parse.urlsplit(u) for n, u in targets.items()}
        conns = {n: http.client.HTTPConnection(p.hostname, p.port, timeout=10) for n, p in parts.items()}
        mine = {n: [] for n in names}
        next_round, rounds = time.perf_counter() + offset * interval / connections, 0
        while time.time() < stop:
            pause = next_round - time.perf_counter()
            if pause > 0:
                time.sleep(pause)
            for n in (names if rounds % 2 == 0 else names[::-1]):
                path = parts[n].path + ("?" + parts[n].query if parts[n].query else "")
                began = time.perf_counter()
                try:
                    conns[n].request("GET", path)
                    answer = conns[n].getresponse()
                    answer.read()
                    took = (time.perf_counter() - began) * 1000
                    status = answer.status
                except (OSError, http.client.HTTPException) as e:
                    conns[n].close()
                    status, took = f"{type(e).__name__}: {e}", None
                if took is not None:
                    mine[n].append(took)
                if status != 200:
                    with lock:
                        errors[n] += 1
                        if not first:
                            first.append(f"{n}: {status}")
            rounds += 1
            next_round += interval
        for c in conns.values():
            c.close()
        with lock:
            for n in names:
                latencies[n].extend(mine[n])

    pool = [threading.Thread(target=work, args=(i,)) for i in range(connections)]
    [t.start() for t in pool]
    [t.join() for t in pool]
    result = {}
    for n in names:
        values = sorted(latencies[n])
        result[n] = {"rate": len(values) / seconds, "p50": percentile(values, 0.5), "p99": percentile(values, 0.99),
                     "errors": errors[n]}
    result["errors"] = sum(errors.values())
    result["error_sample"] = first[0] if first else None
    return result


class Upstream:
    """nginx serving one small static file on a loopback port: the application behind the reverse proxy."""

    def __init__(self, port, out):
        self.port, self.dir = port, os.path.abspath(os.path.join(out, "upstream"))
        self.url = f"http://127.0.0.1:{port}"
        self.process = None

    def start(self):
        os.makedirs(os.path.join(self.dir, "www"), exist_ok=True)
        with open(os.path.join(self.dir, "www", "hello.txt"), "w") as f:
            f.write("hello from the upstream\n" * 8)
        conf = os.path.join(self.dir, "nginx.conf")
        with open(conf, "w") as f:
            f.write(("user root;\n" if os.geteuid() == 0 else "") +
                    f"worker_processes 1;\npid {self.dir}/nginx.pid;\nerror_log {self.dir}/error.log;\n"
                    "events { worker_connections 1024; }\n"
                    f"http {{ access_log off; server {{ listen 127.0.0.1:{self.port}; root {self.dir}/www; }} }}\n")
        self.process = subprocess.Popen(["nginx", "-p", self.dir, "-e", os.path.join(self.dir, "error.log"), "-c", conf,
                                         "-g", "daemon off;"], stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
        for _ in range(50):
            try:
                c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
                c.request("GET", "/hello.txt")
                if c.getresponse().status == 200:
                    return
            except OSError:
                time.sleep(0.1)
        raise SystemExit(f"the upstream nginx did not answer on port {self.port}: see {self.dir}/error.log")

    def stop(self):
        if self.process:
            self.process.terminate()
            self.process.wait(30)
