"""The two servers of the side-by-side benchmark (see compare.py): how each is started, configured alike and asked
for the multi-request steps of a case; HTTP without redirects for both."""
import base64
import hashlib
import html.parser
import http.cookiejar
import json
import os
import secrets
import shutil
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request

ARGON2 = {"iterations": "5", "memory_kib": "7168", "parallelism": "1"}  # Keycloak 26's Argon2id defaults
PASSWORD = "Bench-" + secrets.token_hex(12)
REDIRECT = "http://127.0.0.1:18999/callback"
SCOPE = "openid offline_access email"
# both servers' access tokens outlive a whole run (Keycloak's default is 5 minutes, Gatehouse's 15): the userinfo and
# introspection cases use one token issued at the start
TOKEN_LIFESPAN_SECONDS = 3600


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


def parse_query(url):
    return dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(url).query))


def pkce():
    verifier = secrets.token_urlsafe(48)
    return verifier, base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).decode().rstrip("=")


def authorize_query(client_id, challenge, scope=SCOPE):
    return form({"response_type": "code", "client_id": client_id, "redirect_uri": REDIRECT, "scope": scope,
                 "state": secrets.token_hex(8), "code_challenge": challenge, "code_challenge_method": "S256"})


class FlowFailed(Exception):
    """A step of a browser flow answered something a browser could not go on from."""


class Forms(html.parser.HTMLParser):
    """The forms of a page: action and the values of their inputs, as a browser would submit them."""

    def __init__(self, text):
        super().__init__()
        self.forms = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.forms.append({"action": a.get("action") or "", "inputs": {}})
        elif tag == "input" and self.forms and a.get("name"):
            self.forms[-1]["inputs"][a["name"]] = a.get("value") or ""

    @staticmethod
    def password_form(text):
        """(action, fields) of the page's form with a password field."""
        for f in Forms(text).forms:
            if "password" in f["inputs"]:
                return f["action"], dict(f["inputs"])
        raise FlowFailed("no form with a password field on the sign-in page")


class LoopbackIsSecure(http.cookiejar.DefaultCookiePolicy):
    """Sends `Secure` cookies to http://localhost, as browsers do (loopback is a secure context): Keycloak marks its
    sign-in cookies `Secure` even over plain HTTP."""

    def return_ok_secure(self, cookie, request):
        return urllib.parse.urlsplit(request.get_full_url()).hostname in ("localhost", "127.0.0.1") \
            or super().return_ok_secure(cookie, request)


class Browser:
    """One person's browser for one flow: its own cookies, redirects followed by hand, requests counted."""

    def __init__(self):
        self.via = opener(http.cookiejar.CookieJar(LoopbackIsSecure()))
        self.requests = 0

    def send(self, method, url, body=None, headers=None):
        self.requests += 1
        return call(method, url, body, headers, self.via)

    def follow(self, url):
        """GETs `url` and every redirect after it until a page (status, text, its URL) or the client's redirect URI
        (None, None, that URI with the code)."""
        for _ in range(20):
            s, h, t = self.send("GET", url)
            if s not in (301, 302, 303, 307):
                return s, t, url
            url = urllib.parse.urljoin(url, h["Location"])
            if url.startswith(REDIRECT):
                return None, None, url
        raise FlowFailed("more than 20 redirects from " + url)

    def sign_in(self, authorize_url, fields):
        """From the authorization URL through the sign-in page and its password form to the code."""
        s, t, url = self.follow(authorize_url)
        if s != 200:
            raise FlowFailed(f"GET {url}: HTTP {s} where the sign-in page was expected")
        action, values = Forms.password_form(t)
        values.update(fields)
        s, h, t = self.send("POST", urllib.parse.urljoin(url, action), form(values),
                            {"Content-Type": "application/x-www-form-urlencoded"})
        if s not in (302, 303):
            raise FlowFailed(f"POST {action}: HTTP {s} where a redirect after the password was expected")
        location = urllib.parse.urljoin(url, h["Location"])
        if not location.startswith(REDIRECT):
            s, _, location = self.follow(location)
            if s is not None:
                raise FlowFailed(f"GET {location}: HTTP {s} where the redirect with the code was expected")
        code = parse_query(location).get("code")
        if not code:
            raise FlowFailed("no code at the redirect URI: " + location[:200])
        return code


def redeem(browser, token_url, client, code, verifier):
    """The client's half of the flow: the code and its PKCE verifier for tokens."""
    s, _, t = browser.send("POST", token_url, form({"grant_type": "authorization_code", "code": code,
                                                    "redirect_uri": REDIRECT, "code_verifier": verifier}),
                           {"Authorization": basic(*client), "Content-Type": "application/x-www-form-urlencoded"})
    if s == 200 and "access_token" not in json.loads(t):
        raise FlowFailed("a token answer without an access token")
    return s


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

    def __init__(self, wlp, port, proxy_port, out, server="gatehouse", public_base_url=None, key=None, env=None):
        """A node of the Liberty server `server` in the install `wlp`; `public_base_url` (default: its own URL), the
        admin API `key` and the extra `env` are what several nodes of one cluster share."""
        self.wlp, self.port, self.proxy_port, self.out, self.server = wlp, port, proxy_port, out, server
        self.base = f"http://localhost:{port}"
        self.public_base_url = public_base_url or self.base
        self.key = key or "gh_admin_bench_" + secrets.token_hex(16)
        self.env = env or {}
        self.pid = None

    def start(self, fresh_database=False):
        """Starts the node; `fresh_database` first removes its embedded database (and the key-encryption key beside
        it), so every run starts from the same empty state: a database a run left grows with each run."""
        if fresh_database and not (self.env.get("GATEHOUSE_DB_URL") or os.environ.get("GATEHOUSE_DB_URL")):
            # the embedded database only: a configured one keeps its rows, and the key that decrypts its keys
            data = os.path.join(self.wlp, "usr", "servers", self.server, "data")
            for name in ("gatehouse.mv.db", "gatehouse.trace.db", "jwk-kek"):
                if os.path.exists(os.path.join(data, name)):
                    os.remove(os.path.join(data, name))
        env = dict(os.environ, HTTP_PORT=str(self.port), HTTPS_PORT="-1",
                   GATEHOUSE_PUBLIC_BASE_URL=self.public_base_url, GATEHOUSE_ADMIN_API_KEY=self.key,
                   GATEHOUSE_DEMO_ENABLED="false", GATEHOUSE_OAUTH2_ACCESS_TOKEN_LIFESPAN=f"{TOKEN_LIFESPAN_SECONDS}s",
                   GATEHOUSE_PASSWORD_ARGON2_ITERATIONS=ARGON2["iterations"],
                   GATEHOUSE_PASSWORD_ARGON2_MEMORY_KIB=ARGON2["memory_kib"],
                   GATEHOUSE_PASSWORD_ARGON2_PARALLELISM=ARGON2["parallelism"],
                   GATEHOUSE_GATEWAY_PROXY_PORT=str(self.proxy_port),
                   GATEHOUSE_GATEWAY_RULES_LOCATIONS=os.path.abspath(os.path.join(self.out, "rules")), **self.env)
        began = time.time()
        with open(os.path.join(self.out, self.server + "-start.log"), "w") as f:
            subprocess.run([os.path.join(self.wlp, "bin", "server"), "start", self.server], env=env, stdout=f,
                           stderr=subprocess.STDOUT, check=True)
        wait_ready(self.base + "/health/ready")
        self.startup = time.time() - began
        with open(os.path.join(self.wlp, "usr", "servers", ".pid", self.server + ".pid")) as f:
            self.pid = int(f.read().strip())

    def stop(self, timeout=120):
        """Liberty's own stop; a server still running after `timeout` seconds gets a thread dump beside the results
        (when jstack can take one) and is killed, and that is logged."""
        try:
            subprocess.run([os.path.join(self.wlp, "bin", "server"), "stop", self.server], stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, timeout=timeout)
        except subprocess.TimeoutExpired:
            dump = os.path.join(self.out, self.server + "-stop-threads.txt")
            log(f"{self.server} did not stop within {timeout} s: killed, its threads are in {dump}")
            if not self.pid:
                return
            try:
                with open(dump, "w") as f:
                    subprocess.run(["jstack", str(self.pid)], stdout=f, stderr=subprocess.STDOUT, timeout=60)
            except (OSError, subprocess.SubprocessError) as e:
                log(f"no thread dump of {self.server}: {e}")
            finally:
                try:
                    os.kill(self.pid, 9)
                except ProcessLookupError:
                    pass

    def admin(self, method, path, body=None):
        headers = {"Authorization": "Bearer " + self.key, "Content-Type": "application/json"}
        return call(method, self.base + path, json.dumps(body) if body is not None else None, headers)

    def configure(self, client_fields=None):
        """Two clients (opaque and JWT access tokens, with `client_fields` added to both), an identity with a
        password, and that identity's tokens from the code flow."""
        def client(extra):
            body = {"client_name": "bench", "grant_types": ["client_credentials", "authorization_code", "refresh_token"],
                    "response_types": ["code"], "scope": SCOPE, "redirect_uris": [REDIRECT],
                    "token_endpoint_auth_method": "client_secret_basic", "skip_consent": True,
                    **(client_fields or {}), **extra}
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
        verifier, challenge = pkce()
        _, h, _ = call("GET", f"{self.base}/oauth2/auth?{authorize_query(self.client[0], challenge)}", via=browser)
        login = parse_query(h["Location"])["login_challenge"]
        nxt = must(*self.admin("PUT", "/admin/oauth2/auth/requests/login/accept?login_challenge=" + login,
                               {"subject": self.subject})[::2], "accept login")["redirect_to"]
        location = call("GET", nxt, via=browser)[1]["Location"]
        while "code=" not in location:
            if "consent_challenge=" in location:
                consent = parse_query(location)["consent_challenge"]
                nxt = must(*self.admin("PUT", "/admin/oauth2/auth/requests/consent/accept?consent_challenge=" + consent,
                                       {"grant_scope": SCOPE.split()})[::2], "accept consent")["redirect_to"]
                location = call("GET", nxt, via=browser)[1]["Location"]
            else:
                location = call("GET", urllib.parse.urljoin(self.base, location), via=browser)[1]["Location"]
        code = parse_query(location)["code"]
        return must(*call("POST", self.base + "/oauth2/token", form({
            "grant_type": "authorization_code", "code": code, "redirect_uri": REDIRECT, "code_verifier": verifier}),
            {"Authorization": basic(*self.client), "Content-Type": "application/x-www-form-urlencoded"})[::2],
            "code redemption")

    def login_flow(self):
        """A whole sign-in as a browser makes it, in a fresh browser: /oauth2/auth, the built-in login app, the
        identity service's browser login flow and its page, the password form, back through the built-in login
        and consent (skipped: a first-party client) to the code, redeemed with PKCE. (status, requests made)."""
        browser = Browser()
        verifier, challenge = pkce()
        code = browser.sign_in(f"{self.base}/oauth2/auth?{authorize_query(self.client[0], challenge)}",
                               {"method": "password", "identifier": self.email, "password": PASSWORD})
        return redeem(browser, self.base + "/oauth2/token", self.client, code, verifier), browser.requests

    def configure_gateway(self, upstream):
        """Two database rules through the admin API: a JWT access token of this token server checked for the
        decisions API, and anonymous access through the reverse proxy to `upstream`. Returns once both decide."""
        decisions = {"id": "bench-decisions", "match": {"url": "http://bench.example/api/<.*>", "methods": ["GET"]},
                     "authenticators": [{"handler": "jwt", "config": {
                         "jwks_urls": [self.base + "/.well-known/jwks.json"], "trusted_issuers": [self.base]}}],
                     "authorizer": {"handler": "allow"},
                     "mutators": [{"handler": "header", "config": {"headers": {"X-User": "{{ print .Subject }}"}}}]}
        proxied = {"id": "bench-proxy", "upstream": {"url": upstream},
                   "match": {"url": f"http://localhost:{self.proxy_port}/<.*>", "methods": ["GET"]},
                   "authenticators": [{"handler": "anonymous"}], "authorizer": {"handler": "allow"},
                   "mutators": [{"handler": "noop"}]}
        for rule in (decisions, proxied):
            self.admin("DELETE", "/admin/rules/" + rule["id"])
            must(*self.admin("POST", "/admin/rules", rule)[::2], "rule " + rule["id"])
        headers = self.decision_headers(self.jwt_token())
        for _ in range(60):  # each node picks up a changed rule set at its next reload
            decided = call("GET", self.decisions_url(), headers=dict(h.split(": ", 1) for h in headers))[0]
            proxied_status = call("GET", self.proxy_url())[0]
            if decided == 200 and proxied_status == 200:
                return
            time.sleep(0.5)
        raise SystemExit(f"gateway rules not in force after 30 s: decisions HTTP {decided}, proxy HTTP {proxied_status}")

    def jwt_token(self):
        return must(*call("POST", self.base + "/oauth2/token", form({"grant_type": "client_credentials"}),
                          {"Authorization": basic(*self.jwt_client),
                           "Content-Type": "application/x-www-form-urlencoded"})[::2], "JWT access token")["access_token"]

    def decisions_url(self):
        return self.base + "/decisions/api/orders/42"

    @staticmethod
    def decision_headers(token):
        """What nginx's auth_request sends for GET http://bench.example/api/orders/42 with a bearer token."""
        return ["X-Forwarded-Method: GET", "X-Forwarded-Proto: http", "X-Forwarded-Host: bench.example",
                "X-Forwarded-Uri: /api/orders/42", "Authorization: Bearer " + token]

    def proxy_url(self):
        return f"http://localhost:{self.proxy_port}/hello.txt"

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

    def start(self, fresh_database=False):
        """Starts Keycloak in dev mode; `fresh_database` first removes its embedded database (it creates its master
        realm again)."""
        if fresh_database:
            shutil.rmtree(os.path.join(self.home, "data", "h2"), ignore_errors=True)
        env = dict(os.environ, KC_BOOTSTRAP_ADMIN_USERNAME="admin", KC_BOOTSTRAP_ADMIN_PASSWORD="admin-bench")
        began = time.time()
        self.logfile = open(os.path.join(self.out, "keycloak.log"), "w")
        self.process = subprocess.Popen([os.path.join(self.home, "bin", "kc.sh"), "start-dev", f"--http-port={self.port}",
                                         f"--http-management-port={self.port + 1}"],
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
        must(*call("POST", self.base + "/admin/realms", json.dumps({
            "realm": "bench", "enabled": True, "accessTokenLifespan": TOKEN_LIFESPAN_SECONDS}), headers)[::2],
             "Keycloak realm")
        secret = secrets.token_hex(24)
        # Keycloak answers a client's introspection of a token not meant for it (aud) as inactive: the client is put
        # in its own tokens' audience, as for a resource server that introspects
        audience = {"name": "bench-audience", "protocol": "openid-connect", "protocolMapper": "oidc-audience-mapper",
                    "config": {"included.client.audience": "bench", "access.token.claim": "true",
                               "id.token.claim": "false", "introspection.token.claim": "true"}}
        must(*call("POST", self.base + "/admin/realms/bench/clients", json.dumps({
            "clientId": "bench", "secret": secret, "publicClient": False, "serviceAccountsEnabled": True,
            "directAccessGrantsEnabled": True, "standardFlowEnabled": True, "redirectUris": [REDIRECT],
            "protocolMappers": [audience]}), headers)[::2], "Keycloak client")
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

    def login_flow(self):
        """A whole sign-in as a browser makes it, in a fresh browser: the authorization endpoint's login form, the
        form posted with the password, the redirect with the code, redeemed with PKCE. (status, requests made)."""
        browser = Browser()
        verifier, challenge = pkce()
        # a refresh token without asking: offline_access would make it an offline token, stored apart
        code = browser.sign_in(f"{self.oidc}/auth?{authorize_query(self.client[0], challenge, 'openid email')}",
                               {"username": self.email, "password": PASSWORD})
        return redeem(browser, self.oidc + "/token", self.client, code, verifier), browser.requests

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
