#!/usr/bin/env python3
"""Gatehouse and Keycloak side by side in one run; started by run.sh (see docs/performance.md).

Each server is started, configured with equivalent clients and a user, then every case runs against both after
the same warm-up: wrk for single-request cases, a threaded closed-loop driver for cases of several requests. The
machine's raw limits (RS256/ES256, Argon2id at the same parameters, with the server's libraries) are measured in
the same run, and every figure is written as a Markdown table with ratios to target/bench/keycloak/results.md.
"""
import argparse
import base64
import hashlib
import http.client
import http.cookiejar
import json
import os
import re
import secrets
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

ARGON2 = {"iterations": "5", "memory_kib": "7168", "parallelism": "1"}  # Keycloak 26's Argon2id defaults
PASSWORD = "Bench-" + secrets.token_hex(12)
REDIRECT = "http://127.0.0.1:18999/callback"


def log(*parts):
    print("[bench]", *parts, flush=True)


# ---------------------------------------------------------------- HTTP without redirects

class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def opener(jar=None):
    handlers = [NoRedirect()]
    if jar is not None:
        handlers.append(urllib.request.HTTPCookieProcessor(jar))
    return urllib.request.build_opener(*handlers)


PLAIN = opener()


def call(method, url, body=None, headers=None, via=PLAIN):
    """(status, headers, text); never raises for an HTTP status."""
    data = body.encode() if isinstance(body, str) else body
    req = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    try:
        with via.open(req, timeout=60) as r:
            return r.status, r.headers, r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read().decode()


def form(values):
    return urllib.parse.urlencode(values)


def basic(user, password):
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


def must(status, text, what, ok=(200, 201, 204)):
    if status not in ok:
        raise SystemExit(f"{what}: HTTP {status}: {text[:300]}")
    return json.loads(text) if text else {}


# ---------------------------------------------------------------- processes

def proc_stat(pid):
    """(cpu seconds used so far, RSS in MiB) of a process, all its threads."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    cpu = (int(fields[11]) + int(fields[12])) / ticks
    with open(f"/proc/{pid}/status") as f:
        rss = next(int(line.split()[1]) for line in f if line.startswith("VmRSS:")) / 1024
    return cpu, rss


def java_child(pid):
    """The Java process kc.sh started (the script itself waits for it)."""
    for child in open(f"/proc/{pid}/task/{pid}/children").read().split():
        if os.path.basename(os.readlink(f"/proc/{child}/exe")) == "java":
            return int(child)
    return pid


def wait_ready(url, timeout=900):
    start = time.time()
    while time.time() - start < timeout:
        try:
            if call("GET", url)[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.5)
    raise SystemExit(f"not ready after {timeout} s: {url}")


class Gatehouse:
    name = "Gatehouse"

    def __init__(self, wlp, port, out):
        self.wlp, self.port, self.out = wlp, port, out
        self.base = f"http://localhost:{port}"
        self.key = "gh_admin_bench_" + secrets.token_hex(16)
        self.pid = None

    def start(self):
        env = dict(os.environ, HTTP_PORT=str(self.port), HTTPS_PORT="-1", GATEHOUSE_PUBLIC_BASE_URL=self.base,
                   GATEHOUSE_ADMIN_API_KEY=self.key, GATEHOUSE_DEMO_ENABLED="false",
                   GATEHOUSE_PASSWORD_ARGON2_ITERATIONS=ARGON2["iterations"],
                   GATEHOUSE_PASSWORD_ARGON2_MEMORY_KIB=ARGON2["memory_kib"],
                   GATEHOUSE_PASSWORD_ARGON2_PARALLELISM=ARGON2["parallelism"],
                   GATEHOUSE_GATEWAY_RULES_LOCATIONS=os.path.abspath(os.path.join(self.out, "rules")))
        began = time.time()
        with open(os.path.join(self.out, "gatehouse-start.log"), "w") as f:
            subprocess.run([os.path.join(self.wlp, "bin", "server"), "start", "gatehouse"], env=env, stdout=f,
                           stderr=subprocess.STDOUT, check=True)
        wait_ready(self.base + "/health/ready")
        self.startup = time.time() - began
        with open(os.path.join(self.wlp, "usr", "servers", ".pid", "gatehouse.pid")) as f:
            self.pid = int(f.read().strip())

    def stop(self):
        subprocess.run([os.path.join(self.wlp, "bin", "server"), "stop", "gatehouse"], stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)

    def admin(self, method, path, body=None):
        headers = {"Authorization": "Bearer " + self.key, "Content-Type": "application/json"}
        return call(method, self.base + path, json.dumps(body) if body is not None else None, headers)

    def configure(self):
        def client(extra):
            body = {"client_name": "bench", "grant_types": ["client_credentials", "authorization_code", "refresh_token"],
                    "response_types": ["code"], "scope": "openid offline_access email", "redirect_uris": [REDIRECT],
                    "token_endpoint_auth_method": "client_secret_basic", "skip_consent": True, **extra}
            c = must(*self.admin("POST", "/admin/clients", body)[::2], "Gatehouse client")
            return c["client_id"], c["client_secret"]
        self.client = client({})
        self.jwt_client = client({"access_token_strategy": "jwt"})
        self.email = f"bench-{secrets.token_hex(4)}@example.com"
        identity = must(*self.admin("POST", "/admin/identities", {
            "schema_id": "default", "traits": {"email": self.email},
            "credentials": {"password": {"config": {"password": PASSWORD}}}})[::2], "Gatehouse identity")
        self.subject = identity["id"]
        self.tokens = self.code_flow()

    def code_flow(self):
        """The authorization code flow with login and consent accepted through the admin challenge API."""
        jar = http.cookiejar.CookieJar()
        browser = opener(jar)
        verifier = secrets.token_urlsafe(48)
        challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).decode().rstrip("=")
        query = form({"response_type": "code", "client_id": self.client[0], "redirect_uri": REDIRECT,
                      "scope": "openid offline_access email", "state": secrets.token_hex(8),
                      "code_challenge": challenge, "code_challenge_method": "S256"})
        _, h, _ = call("GET", f"{self.base}/oauth2/auth?{query}", via=browser)
        login = parse_query(h["Location"])["login_challenge"]
        nxt = must(*self.admin("PUT", "/admin/oauth2/auth/requests/login/accept?login_challenge=" + login,
                               {"subject": self.subject})[::2], "accept login")["redirect_to"]
        location = call("GET", nxt, via=browser)[1]["Location"]
        while "code=" not in location:
            if "consent_challenge=" in location:
                consent = parse_query(location)["consent_challenge"]
                nxt = must(*self.admin("PUT", "/admin/oauth2/auth/requests/consent/accept?consent_challenge=" + consent,
                                       {"grant_scope": ["openid", "offline_access", "email"]})[::2],
                           "accept consent")["redirect_to"]
                location = call("GET", nxt, via=browser)[1]["Location"]
            else:
                location = call("GET", urllib.parse.urljoin(self.base, location), via=browser)[1]["Location"]
        code = parse_query(location)["code"]
        return must(*call("POST", self.base + "/oauth2/token", form({
            "grant_type": "authorization_code", "code": code, "redirect_uri": REDIRECT, "code_verifier": verifier}),
            {"Authorization": basic(*self.client), "Content-Type": "application/x-www-form-urlencoded"})[::2],
            "code redemption")

    def cases(self):
        return {
            "token": (self.base + "/oauth2/token", self.client),
            "token_jwt": (self.base + "/oauth2/token", self.jwt_client),
            "introspect": (self.base + "/oauth2/introspect", self.client),
            "userinfo": self.base + "/userinfo",
            "jwks": self.base + "/.well-known/jwks.json",
        }

    def refresh_chain(self):
        return self.code_flow()["refresh_token"]

    def refresh(self, token):
        s, _, t = call("POST", self.base + "/oauth2/token", form({"grant_type": "refresh_token", "refresh_token": token}),
                       {"Authorization": basic(*self.client), "Content-Type": "application/x-www-form-urlencoded"})
        return s, (json.loads(t)["refresh_token"] if s == 200 else token)

    def sign_in(self):
        """Kratos' API login flow: create the flow, submit the password (two requests)."""
        s, _, t = call("GET", self.base + "/self-service/login/api", headers={"Accept": "application/json"})
        if s != 200:
            return s
        action = json.loads(t)["ui"]["action"]
        s, _, _ = call("POST", action, json.dumps({"method": "password", "identifier": self.email, "password": PASSWORD}),
                       {"Content-Type": "application/json", "Accept": "application/json"})
        return s


class Keycloak:
    name = "Keycloak"

    def __init__(self, home, port, out):
        self.home, self.port, self.out = home, port, out
        self.base = f"http://localhost:{port}"
        self.realm = f"{self.base}/realms/bench"
        self.oidc = self.realm + "/protocol/openid-connect"
        self.process = None

    def start(self):
        env = dict(os.environ, KC_BOOTSTRAP_ADMIN_USERNAME="admin", KC_BOOTSTRAP_ADMIN_PASSWORD="admin-bench")
        began = time.time()
        self.logfile = open(os.path.join(self.out, "keycloak.log"), "w")
        self.process = subprocess.Popen([os.path.join(self.home, "bin", "kc.sh"), "start-dev", f"--http-port={self.port}",
                                         f"--http-management-port={self.port + 1000}"],
                                        env=env, stdout=self.logfile, stderr=subprocess.STDOUT)
        wait_ready(self.base + "/realms/master")
        self.startup = time.time() - began
        self.pid = java_child(self.process.pid)

    def stop(self):
        if self.process:
            self.process.terminate()
            self.process.wait(60)

    def configure(self):
        admin = must(*call("POST", self.base + "/realms/master/protocol/openid-connect/token", form({
            "grant_type": "password", "client_id": "admin-cli", "username": "admin", "password": "admin-bench"}),
            {"Content-Type": "application/x-www-form-urlencoded"})[::2], "Keycloak admin token")["access_token"]
        headers = {"Authorization": "Bearer " + admin, "Content-Type": "application/json"}
        call("DELETE", self.base + "/admin/realms/bench", headers=headers)
        must(*call("POST", self.base + "/admin/realms", json.dumps({"realm": "bench", "enabled": True}), headers)[::2],
             "Keycloak realm")
        secret = secrets.token_hex(24)
        must(*call("POST", self.base + "/admin/realms/bench/clients", json.dumps({
            "clientId": "bench", "secret": secret, "publicClient": False, "serviceAccountsEnabled": True,
            "directAccessGrantsEnabled": True, "standardFlowEnabled": True, "redirectUris": [REDIRECT]}), headers)[::2],
             "Keycloak client")
        self.client = ("bench", secret)
        self.jwt_client = self.client
        self.email = f"bench-{secrets.token_hex(4)}@example.com"
        must(*call("POST", self.base + "/admin/realms/bench/users", json.dumps({
            "username": self.email, "email": self.email, "emailVerified": True, "enabled": True,
            "firstName": "Bench", "lastName": "User",
            "credentials": [{"type": "password", "value": PASSWORD, "temporary": False}]}), headers)[::2], "Keycloak user")
        self.tokens = self.password_grant()

    def password_grant(self):
        return must(*call("POST", self.oidc + "/token", form({
            "grant_type": "password", "username": self.email, "password": PASSWORD, "scope": "openid email"}),
            {"Authorization": basic(*self.client), "Content-Type": "application/x-www-form-urlencoded"})[::2],
            "Keycloak password grant")

    def cases(self):
        return {
            "token": (self.oidc + "/token", self.client),
            "token_jwt": (self.oidc + "/token", self.client),
            "introspect": (self.oidc + "/token/introspect", self.client),
            "userinfo": self.oidc + "/userinfo",
            "jwks": self.oidc + "/certs",
        }

    def refresh_chain(self):
        return self.password_grant()["refresh_token"]

    def refresh(self, token):
        s, _, t = call("POST", self.oidc + "/token", form({"grant_type": "refresh_token", "refresh_token": token}),
                       {"Authorization": basic(*self.client), "Content-Type": "application/x-www-form-urlencoded"})
        return s, (json.loads(t)["refresh_token"] if s == 200 else token)

    def sign_in(self):
        """The password grant: Keycloak's one-request password sign-in."""
        s, _, _ = call("POST", self.oidc + "/token", form({
            "grant_type": "password", "username": self.email, "password": PASSWORD}),
            {"Authorization": basic(*self.client), "Content-Type": "application/x-www-form-urlencoded"})
        return s


def parse_query(url):
    return dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(url).query))


# ---------------------------------------------------------------- load

UNITS = {"us": 1e-3, "ms": 1.0, "s": 1e3}


def wrk(url, seconds, connections, script=None, headers=()):
    args = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency"]
    for h in headers:
        args += ["-H", h]
    if script:
        args += ["-s", script]
    text = subprocess.run(args + [url], capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    lat = {p: float(v) * UNITS[u] for p, v, u in re.findall(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", text, re.M)}
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    errors = (int(non2xx.group(1)) if non2xx else 0) + (sum(map(int, socket.groups())) if socket else 0)
    return {"rate": rate, "p50": lat.get("50"), "p99": lat.get("99"), "errors": errors}


def post_script(out, name, body):
    path = os.path.join(out, name + ".lua")
    with open(path, "w") as f:
        f.write('wrk.method = "POST"\nwrk.body = %s\nwrk.headers["Content-Type"] = '
                '"application/x-www-form-urlencoded"\n' % json.dumps(body))
    return path


def run_driver(step, states, seconds):
    """A closed loop: one worker per entry of `states` runs `step(state)` -> (status, next state) for `seconds`;
    each worker's last state is written back, so a later run goes on from it (a rotated refresh token)."""
    stop = time.time() + seconds
    latencies, errors, lock = [], [0], threading.Lock()

    def work(i):
        mine, state = [], states[i]
        while time.time() < stop:
            began = time.perf_counter()
            status, state = step(state)
            mine.append((time.perf_counter() - began) * 1000)
            if status != 200:
                with lock:
                    errors[0] += 1
        states[i] = state
        with lock:
            latencies.extend(mine)

    pool = [threading.Thread(target=work, args=(i,)) for i in range(len(states))]
    [t.start() for t in pool]
    [t.join() for t in pool]
    latencies.sort()
    n = len(latencies)
    return {"rate": n / seconds, "p50": latencies[n // 2] if n else None,
            "p99": latencies[min(n - 1, int(n * 0.99))] if n else None, "errors": errors[0]}


def measure(server, case, warmup, seconds, connections, out):
    """One case after its warm-up: the load figures plus the server's CPU seconds per second of the run."""
    c = server.cases()
    bearer = "Authorization: Bearer " + server.tokens["access_token"]
    if case in ("token", "token_jwt"):
        url, client = c[case]
        script = post_script(out, "token", "grant_type=client_credentials")
        go = lambda s: wrk(url, s, connections, script, ["Authorization: " + basic(*client)])
    elif case == "introspect":
        url, client = c[case]
        script = post_script(out, f"introspect-{server.name}", "token=" + server.tokens["access_token"])
        go = lambda s: wrk(url, s, connections, script, ["Authorization: " + basic(*client)])
    elif case == "userinfo":
        go = lambda s: wrk(c["userinfo"], s, connections, None, [bearer])
    elif case == "jwks":
        go = lambda s: wrk(c["jwks"], s, connections, None)
    elif case == "refresh":
        chains = [server.refresh_chain() for _ in range(connections)]
        go = lambda s: run_driver(lambda token: server.refresh(token), chains, s)
    elif case == "sign_in":
        go = lambda s: run_driver(lambda _: (server.sign_in(), None), [None] * connections, s)
    else:
        raise SystemExit("unknown case " + case)
    if warmup:
        go(warmup)
    cpu0, _ = proc_stat(server.pid)
    result = go(seconds)
    cpu1, rss = proc_stat(server.pid)
    result.update(cpu=(cpu1 - cpu0) / seconds, rss=rss)
    return result


# ---------------------------------------------------------------- report

def raw_limits(classpath, seconds):
    text = subprocess.run(["java", "-cp", classpath, "dev.gatehouse.bench.RawLimits", str(seconds), ARGON2["iterations"],
                           ARGON2["memory_kib"], ARGON2["parallelism"]], capture_output=True, text=True, check=True).stdout
    return {name: float(rate) for name, rate in (line.split("\t") for line in text.strip().splitlines())}


def fmt(v, digits=0):
    return "—" if v is None else f"{v:,.{digits}f}"


CASES = [("token", "client_credentials (Gatehouse: opaque)", None),
         ("token_jwt", "client_credentials, JWT access tokens", "rs256_sign"),
         ("introspect", "introspection", None),
         ("userinfo", "userinfo", None),
         ("jwks", "JWKS", None),
         ("refresh", "refresh (rotating)", None),
         ("sign_in", "password sign-in (Kratos API flow vs password grant)", "argon2id")]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--out", required=True)
    p.add_argument("--keycloak", required=True)
    p.add_argument("--wlp", required=True)
    p.add_argument("--classpath", required=True)
    p.add_argument("--warmup", type=int, default=int(os.environ.get("WARMUP", 15)))
    p.add_argument("--duration", type=int, default=int(os.environ.get("DURATION", 30)))
    p.add_argument("--cold", type=int, default=int(os.environ.get("COLD", 30)))
    p.add_argument("--connections", type=int, default=int(os.environ.get("CONNECTIONS", 16)))
    p.add_argument("--cases", default=os.environ.get("CASES", ",".join(c for c, _, _ in CASES)))
    a = p.parse_args()
    os.makedirs(os.path.join(a.out, "rules"), exist_ok=True)
    wanted = a.cases.split(",")

    log("raw limits of this machine")
    raw = raw_limits(a.classpath, max(5, a.duration // 3))
    raw["argon2id"] = next(v for k, v in raw.items() if k.startswith("argon2id"))

    results, servers = {}, [Gatehouse(a.wlp, 19080, a.out), Keycloak(a.keycloak, 18080, a.out)]
    for server in servers:
        log("starting", server.name)
        try:
            server.start()
            idle = proc_stat(server.pid)[1]
            server.configure()
            r = {"startup": server.startup, "rss_idle": idle}
            log(server.name, "cold: client_credentials in the first", a.cold, "s")
            r["cold"] = measure(server, "token", 0, a.cold, a.connections, a.out)
            for case in wanted:
                log(server.name, case)
                r[case] = measure(server, case, a.warmup, a.duration, a.connections, a.out)
            r["rss_after"] = proc_stat(server.pid)[1]
            results[server.name] = r
            with open(os.path.join(a.out, "results.json"), "w") as f:
                json.dump({"raw": raw, "results": results}, f, indent=1)
        finally:
            server.stop()

    gh, kc = results["Gatehouse"], results["Keycloak"]
    lines = [f"Measured {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} on {os.cpu_count()} processors; "
             f"{a.connections} connections; warm-up {a.warmup} s, then {a.duration} s per case; Argon2id "
             f"t={ARGON2['iterations']} m={ARGON2['memory_kib']} KiB p={ARGON2['parallelism']} on both; RS256.", "",
             "| case | Keycloak req/s (p50 / p99 ms) | Gatehouse req/s (p50 / p99 ms) | ratio | errors KC / GH "
             "| CPU s/s KC / GH | Gatehouse of raw limit |",
             "|---|---|---|---|---|---|---|"]
    for case, label, limit in [("cold", "client_credentials, first seconds after start", None)] + CASES:
        if case not in gh:
            continue
        g, k = gh[case], kc[case]
        ratio = g["rate"] / k["rate"] if k["rate"] else None
        of_raw = f"{100 * g['rate'] / raw[limit]:.0f}% of {raw[limit]:,.0f}/s" if limit else ""
        lines.append(f"| {label} | {fmt(k['rate'])} ({fmt(k['p50'], 1)} / {fmt(k['p99'], 1)}) "
                     f"| {fmt(g['rate'])} ({fmt(g['p50'], 1)} / {fmt(g['p99'], 1)}) | {fmt(ratio, 2)}× "
                     f"| {k['errors']} / {g['errors']} | {k['cpu']:.2f} / {g['cpu']:.2f} | {of_raw} |")
    lines += ["", "| | Keycloak | Gatehouse |", "|---|---|---|",
              f"| start-up to ready (s) | {kc['startup']:.1f} | {gh['startup']:.1f} |",
              f"| RSS idle / after load (MiB) | {kc['rss_idle']:.0f} / {kc['rss_after']:.0f} "
              f"| {gh['rss_idle']:.0f} / {gh['rss_after']:.0f} |", "",
              "Raw limits (same libraries, every processor): " + ", ".join(
                  f"{k} {v:,.0f}/s" for k, v in raw.items() if k != "argon2id")]
    report = "\n".join(lines) + "\n"
    with open(os.path.join(a.out, "results.md"), "w") as f:
        f.write(report)
    with open(os.path.join(a.out, "results.json"), "w") as f:
        json.dump({"raw": raw, "results": results}, f, indent=1)
    print(report)


if __name__ == "__main__":
    sys.exit(main())
