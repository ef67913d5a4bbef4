package dev.gatehouse.it.platform;

import dev.gatehouse.it.platform.HostilePayloads.Labeled;
import dev.gatehouse.it.support.RawWire.Header;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static dev.gatehouse.it.platform.HostilePayloads.utf8;

/**
 * Generates the hostile-input corpus over the server's real endpoints from a fixed seed, so a failure replays
 * the same way. It never sends a well-formed sign-in (the per-address lockout must stay untouched for the tests
 * that follow), targets only its own made-up ids with the admin key, and anchors tenant bodies with an invalid
 * id (tenants cannot be deleted); clients, identities and key sets it may create are removed by the test.
 */
final class HostileCorpus {

    /** One request of the corpus: its family and label (for the report), and what goes on the wire. */
    record Probe(String family, String label, int port, String method, String target, List<Header> headers, byte[] body) {

        String path() {
            int q = target.indexOf('?');
            return q < 0 ? target : target.substring(0, q);
        }

        /**
         * A path with %-escapes: Liberty decodes and normalises it before Gatehouse sees it, and refuses one with
         * a broken escape, a NUL, or escaped dots and slashes that climb out of the root.
         */
        boolean pathEscaped() {
            return path().indexOf('%') >= 0;
        }

        String describe() {
            String t = target.length() > 140 ? target.substring(0, 140) + "…(" + target.length() + ")" : target;
            return family + "/" + label + " " + (method.length() > 20 ? method.substring(0, 20) + "…" : method) + " " + t;
        }
    }

    /** What the corpus needs from the running server. */
    record Fixture(int port, int proxyPort, String adminKey, String issuer, Map<String, String> apiFlows,
                   String browserFlow, String csrfCookie) {
    }

    /** A JSON endpoint: where, whether it takes the admin key, which fields it reads, a base body it refuses. */
    private record JsonTarget(String method, String path, boolean admin, List<String> fields, String base) {
    }

    private static final String DEMO_AUTH = "/oauth2/auth?client_id=demo-public&response_type=code"
            + "&redirect_uri=http%3A%2F%2F127.0.0.1%3A8085%2Fcallback&scope=openid&state=hostilecorpus"
            + "&code_challenge=dv05nnggrFYYvS0XQrimXa_oHgHNmeUJns8AKEOhwWM&code_challenge_method=S256";

    private final Fixture f;
    private final Random random;
    private final List<Probe> probes = new ArrayList<>();

    private HostileCorpus(Fixture fixture, long seed) {
        this.f = fixture;
        this.random = new Random(seed);
    }

    static List<Probe> generate(Fixture fixture, long seed) {
        HostileCorpus c = new HostileCorpus(fixture, seed);
        c.json();
        c.yaml();
        c.queries();
        c.paths();
        c.forms();
        c.headers();
        c.methods();
        c.jwts();
        c.forwarded();
        c.hosts();
        c.proxyPort();
        return List.copyOf(c.probes);
    }

    /** The key sets the corpus may have created, to be deleted afterwards. */
    static List<String> keySets() {
        return List.of("hostile-corpus-set-1", "hostile-corpus-set-2");
    }

    private String uuid() {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    private void add(String family, String label, String method, String target, List<Header> headers, byte[] body) {
        probes.add(new Probe(family, label, f.port(), method, target, headers, body));
    }

    private List<Header> base(boolean admin, Header... more) {
        List<Header> h = new ArrayList<>();
        h.add(new Header("Host", "localhost:" + f.port()));
        if (admin) {
            h.add(new Header("Authorization", "Bearer " + f.adminKey()));
        }
        h.addAll(List.of(more));
        return h;
    }

    private <T> List<T> pick(List<T> from, int n) {
        List<T> copy = new ArrayList<>(from);
        Collections.shuffle(copy, random);
        return copy.subList(0, Math.min(n, copy.size()));
    }

    /** The first {@link HostilePayloads#ALWAYS} bodies (the ones that broke the server before), and a random rest. */
    private List<Labeled<byte[]>> sample(List<Labeled<byte[]>> bodies, int n) {
        List<Labeled<byte[]>> out = new ArrayList<>(bodies.subList(0, HostilePayloads.ALWAYS));
        out.addAll(pick(bodies.subList(HostilePayloads.ALWAYS, bodies.size()), n - HostilePayloads.ALWAYS));
        return out;
    }

    private List<JsonTarget> jsonTargets() {
        List<String> identity = List.of("schema_id", "traits", "state", "credentials", "metadata_public", "metadata_admin");
        List<String> client = List.of("client_id", "client_name", "redirect_uris", "grant_types", "response_types", "scope",
                "token_endpoint_auth_method", "jwks", "jwks_uri", "audience", "client_secret", "metadata");
        List<String> rule = List.of("id", "version", "match", "upstream", "authenticators", "authorizer", "mutators", "errors");
        List<String> flow = List.of("method", "identifier", "password", "csrf_token", "traits", "email", "code");
        List<String> settings = List.of("password.min-length", "password.max-length", "password.breached-check", "no.such-key");
        String junkChallenge = "?login_challenge=" + uuid();
        return List.of(
                new JsonTarget("POST", "/admin/tenants", true, List.of("display_name", "hosts"), "{\"id\":\"Hostile Corpus!\"}"),
                // a tenant that does not exist: hostile settings reach the parsing, never a tenant other tests use
                new JsonTarget("PUT", "/admin/tenants/hostile-corpus-none/settings", true, settings, "{\"password.min-length\":\"x\"}"),
                new JsonTarget("PATCH", "/admin/tenants/hostile-corpus-none/settings", true, settings, "{\"password.min-length\":null}"),
                new JsonTarget("POST", "/admin/identities", true, identity, "{\"schema_id\":\"hostile-no-such-schema\",\"traits\":{}}"),
                new JsonTarget("PUT", "/admin/identities/" + uuid(), true, identity, "{\"traits\":{}}"),
                new JsonTarget("PATCH", "/admin/identities", true, List.of("identities"), "{\"identities\":\"none\"}"),
                new JsonTarget("POST", "/admin/clients", true, client, "{\"client_id\":\"hostile corpus\",\"redirect_uris\":\"x\"}"),
                new JsonTarget("PUT", "/admin/clients/hostile-" + uuid(), true, client, "{\"redirect_uris\":\"x\"}"),
                new JsonTarget("POST", "/admin/rules", true, rule, "{\"id\":\"hostile-corpus\"}"),
                new JsonTarget("PUT", "/admin/rules/hostile-" + uuid(), true, rule, "{\"id\":\"hostile-corpus\"}"),
                new JsonTarget("POST", "/admin/rules/validate", true, rule, "{\"id\":\"hostile-corpus\"}"),
                new JsonTarget("POST", "/admin/recovery/link", true, List.of("identity_id", "expires_in"), "{\"identity_id\":\"" + uuid() + "\"}"),
                new JsonTarget("POST", "/admin/recovery/code", true, List.of("identity_id", "expires_in"), "{\"identity_id\":\"" + uuid() + "\"}"),
                new JsonTarget("PUT", "/admin/oauth2/auth/requests/login/accept" + junkChallenge, true,
                        List.of("subject", "remember", "remember_for", "acr", "amr", "context"), "{\"subject\":\"hostile\"}"),
                new JsonTarget("PUT", "/admin/oauth2/auth/requests/login/reject" + junkChallenge, true,
                        List.of("error", "error_description", "status_code"), "{\"error\":\"hostile\"}"),
                new JsonTarget("PUT", "/admin/oauth2/auth/requests/consent/accept?consent_challenge=" + uuid(), true,
                        List.of("grant_scope", "grant_access_token_audience", "session", "remember", "remember_for"), "{\"grant_scope\":[]}"),
                new JsonTarget("PUT", "/admin/oauth2/auth/requests/consent/reject?consent_challenge=" + uuid(), true,
                        List.of("error", "error_description"), "{\"error\":\"hostile\"}"),
                new JsonTarget("PUT", "/admin/oauth2/auth/requests/logout/reject?logout_challenge=" + uuid(), true,
                        List.of("error"), "{\"error\":\"hostile\"}"),
                new JsonTarget("POST", "/admin/keys/" + keySets().get(0), true, List.of("alg", "use", "kid"), "{\"alg\":\"none\"}"),
                new JsonTarget("POST", "/oauth2/register", false, client, "{\"redirect_uris\":\"x\"}"),
                new JsonTarget("PUT", "/oauth2/register/hostile-" + uuid(), false, client, "{\"redirect_uris\":\"x\"}"),
                new JsonTarget("POST", "/self-service/login?flow=" + uuid(), false, flow, "{\"method\":\"hostile\"}"),
                new JsonTarget("POST", "/self-service/registration?flow=" + uuid(), false, flow, "{\"method\":\"hostile\"}"),
                new JsonTarget("POST", "/self-service/recovery?flow=" + uuid(), false, flow, "{\"method\":\"hostile\"}"),
                new JsonTarget("POST", "/self-service/verification?flow=" + uuid(), false, flow, "{\"method\":\"hostile\"}"),
                new JsonTarget("POST", "/self-service/settings?flow=" + uuid(), false, flow, "{\"method\":\"hostile\"}"));
    }

    /** Oversized, deep and odd JSON at every JSON endpoint; live flows get only bodies that cannot be a sign-in. */
    private void json() {
        for (JsonTarget t : jsonTargets()) {
            for (Labeled<byte[]> body : sample(HostilePayloads.brokenJson(t.base()), 14)) {
                add("json", body.label(), t.method(), t.path(), base(t.admin(), new Header("Content-Type", "application/json")), body.value());
            }
            boolean anchored = t.path().equals("/admin/tenants");
            for (Labeled<byte[]> body : pick(HostilePayloads.oddObjects(t.fields()), 8)) {
                byte[] b = anchored ? utf8("{\"id\":\"Hostile Corpus!\"," + new String(body.value(), StandardCharsets.UTF_8).substring(1)) : body.value();
                add("json", body.label(), t.method(), t.path(), base(t.admin(), new Header("Content-Type", "application/json")), b);
            }
        }
        for (String patched : List.of("/admin/identities/" + uuid(), "/admin/clients/hostile-" + uuid())) {
            for (Labeled<String> v : HostilePayloads.oddValues()) {
                add("json-patch", v.label(), "PATCH", patched, base(true, new Header("Content-Type", "application/json")),
                        utf8("[{\"op\":\"replace\",\"path\":\"/metadata_public\",\"value\":" + v.value() + "},{\"op\":" + v.value() + "}]"));
            }
            for (Labeled<byte[]> body : pick(HostilePayloads.brokenJson("{\"op\":\"test\"}"), 12)) {
                add("json-patch", body.label(), "PATCH", patched, base(true, new Header("Content-Type", "application/json")), body.value());
            }
        }
        for (Map.Entry<String, String> live : f.apiFlows().entrySet()) {
            for (Labeled<byte[]> body : sample(HostilePayloads.brokenJson("{\"method\":\"hostile\"}"), 15)) {
                if (!body.label().startsWith("bom") && !body.label().startsWith("two-documents")) {
                    add("json-live-flow", body.label(), "POST", "/self-service/" + live.getKey() + "?flow=" + live.getValue(),
                            base(false, new Header("Content-Type", "application/json")), body.value());
                }
            }
        }
    }

    /** Rule documents in YAML at the validation endpoint: numbers JSON has not, nesting, alias bombs. */
    private void yaml() {
        for (Labeled<String> doc : HostilePayloads.yamlRules()) {
            for (String type : List.of("application/yaml", "text/yaml")) {
                add("yaml", doc.label(), "POST", "/admin/rules/validate", base(true, new Header("Content-Type", type)), utf8(doc.value()));
            }
        }
    }

    private List<String> getTargets() {
        String flowId = f.apiFlows().get("login");
        return List.of("/", "/version", "/tenant", "/schemas", "/schemas/default", "/.well-known/openid-configuration",
                "/.well-known/jwks.json", "/health", "/health/ready", "/health/live", "/sessions/whoami", "/sessions",
                "/userinfo", "/self-service/login/browser", "/self-service/login/api", "/self-service/registration/api",
                "/self-service/recovery/api", "/self-service/verification/api", "/self-service/settings/api",
                "/self-service/settings/browser", "/self-service/login/flows?id=" + flowId, "/self-service/login/code-link",
                "/self-service/logout/browser", "/self-service/logout", "/self-service/recovery", "/self-service/verification",
                "/oauth2/sessions/logout", "/oauth2/ui/login", "/oauth2/ui/consent", "/oauth2/ui/logout", DEMO_AUTH,
                "/ui/selfservice/login.xhtml?flow=" + f.browserFlow(), "/ui/selfservice/registration.xhtml",
                "/ui/selfservice/recovery.xhtml", "/ui/selfservice/settings.xhtml", "/ui/selfservice/welcome.xhtml",
                "/ui/oauth2/consent.xhtml", "/ui/oauth2/logout.xhtml", "/ui/admin/outbox.xhtml", "/decisions/demo/api/public",
                "/demo/api/public", "/t/acme/version", "/rules");
    }

    private List<String> adminGetTargets() {
        return List.of("/admin/tenants", "/admin/tenants/hostile-corpus-none/settings", "/admin/identities", "/admin/identities/" + uuid(), "/admin/clients",
                "/admin/clients/hostile", "/admin/sessions", "/admin/rules", "/admin/keys/hostile-corpus-none",
                "/admin/courier/messages", "/admin/lockouts", "/admin/oauth2/auth/requests/login?login_challenge=" + uuid(),
                "/admin/oauth2/auth/requests/consent?consent_challenge=" + uuid(),
                "/admin/oauth2/auth/requests/logout?logout_challenge=" + uuid(), "/admin/oauth2/auth/sessions/consent?subject=x",
                "/admin/identities/" + uuid() + "/sessions", "/rules/hostile");
    }

    /** Malformed %-escapes and odd query strings on every GET endpoint (public, and admin with the key). */
    private void queries() {
        for (Labeled<String> q : HostilePayloads.queries()) {
            for (String target : getTargets()) {
                if (q.label().equals("flow-zz") || q.label().equals("lone-percent") || random.nextInt(4) == 0) {
                    add("query", q.label(), "GET", target + (target.contains("?") ? "&" : "?") + q.value(), base(false), null);
                }
            }
            for (String target : pick(adminGetTargets(), 6)) {
                add("query-admin", q.label(), "GET", target + (target.contains("?") ? "&" : "?") + q.value(), base(true), null);
            }
        }
    }

    private void paths() {
        for (String path : HostilePayloads.paths()) {
            add("path", path.length() > 30 ? "long" : path, "GET", path, base(false), null);
            add("path-html", path.length() > 30 ? "long" : path, "GET", path, base(false, new Header("Accept", "text/html")), null);
            add("path-json", path.length() > 30 ? "long" : path, "GET", path, base(false, new Header("Accept", "application/json")), null);
        }
        for (String path : List.of("/admin/identities/%zz", "/admin/identities/%C0%AF", "/admin/clients/%00", "/admin/rules/%2e%2e")) {
            add("path-admin", path, "GET", path, base(true), null);
        }
    }

    private List<String> formTargets() {
        return List.of("/oauth2/token", "/oauth2/revoke", "/oauth2/introspect", "/oauth2/auth", "/oauth2/sessions/logout",
                "/userinfo", "/oauth2/ui/consent", "/oauth2/ui/logout", "/self-service/login?flow=" + uuid(),
                "/self-service/registration?flow=" + uuid(), "/ui/selfservice/login.xhtml?flow=" + f.browserFlow(),
                "/ui/oauth2/consent.xhtml", "/ui/admin/outbox.xhtml");
    }

    private void forms() {
        for (Labeled<byte[]> form : HostilePayloads.forms()) {
            for (String target : formTargets()) {
                add("form", form.label(), "POST", target,
                        base(false, new Header("Content-Type", "application/x-www-form-urlencoded")), form.value());
            }
            add("form-admin", form.label(), "POST", "/admin/oauth2/introspect",
                    base(true, new Header("Content-Type", "application/x-www-form-urlencoded")), form.value());
        }
    }

    /** Accept, Accept-Language, Content-Type, Cookie and other header values that parsers choke on. */
    private void headers() {
        List<String> targets = getTargets();
        for (Labeled<String> a : HostilePayloads.accepts()) {
            for (String t : pick(targets, 7)) {
                add("accept", a.label(), "GET", t, base(false, new Header("Accept", a.value())), null);
            }
            add("accept-admin", a.label(), "GET", "/admin/tenants", base(true, new Header("Accept", a.value())), null);
            add("accept-post", a.label(), "POST", "/oauth2/token", base(false, new Header("Accept", a.value()),
                    new Header("Content-Type", "application/x-www-form-urlencoded")), utf8("grant_type=client_credentials"));
        }
        for (Labeled<String> l : HostilePayloads.acceptLanguages()) {
            for (String t : pick(targets, 5)) {
                add("accept-language", l.label(), "GET", t, base(false, new Header("Accept-Language", l.value())), null);
            }
        }
        List<String[]> posts = List.of(new String[] {"/admin/tenants", "admin"}, new String[] {"/oauth2/token", ""},
                new String[] {"/oauth2/register", ""}, new String[] {"/self-service/login?flow=" + f.apiFlows().get("login"), ""},
                new String[] {"/admin/rules/validate", "admin"}, new String[] {"/oauth2/revoke", ""},
                new String[] {"/ui/selfservice/login.xhtml?flow=" + f.browserFlow(), ""}, new String[] {"/admin/identities", "admin"});
        for (Labeled<String> ct : HostilePayloads.contentTypes()) {
            for (String[] p : posts) {
                add("content-type", ct.label(), "POST", p[0], base(!p[1].isEmpty(), new Header("Content-Type", ct.value())),
                        utf8("{\"method\":\"hostile\",\"id\":\"Hostile Corpus!\"}"));
            }
        }
        for (Labeled<String> c : HostilePayloads.cookies()) {
            for (String t : List.of("/sessions/whoami", "/self-service/settings/browser", "/self-service/login/browser",
                    "/ui/selfservice/login.xhtml?flow=" + f.browserFlow(), DEMO_AUTH, "/oauth2/sessions/logout",
                    "/self-service/logout/browser", "/decisions/demo/api/me", "/self-service/login/flows?id=" + f.browserFlow(),
                    "/ui/selfservice/settings.xhtml")) {
                add("cookie", c.label(), "GET", t, base(false, new Header("Cookie", c.value())), null);
            }
        }
        for (Labeled<String[]> h : HostilePayloads.oddHeaders()) {
            for (String t : pick(targets, 6)) {
                add("header", h.label(), "GET", t, base(false, new Header(h.value()[0], h.value()[1])), null);
            }
            add("header-post", h.label(), "POST", "/oauth2/token", base(false, new Header(h.value()[0], h.value()[1]),
                    new Header("Content-Type", "application/x-www-form-urlencoded")), utf8("grant_type=client_credentials&client_id=demo-public"));
        }
    }

    /** Methods nobody serves, on pages, APIs and the decisions API; never with the admin key. */
    private void methods() {
        List<String> targets = new ArrayList<>(getTargets());
        targets.addAll(List.of("/admin/tenants", "/admin/keys/hydra.openid.id-token", "/oauth2/token", "/decisions/demo/api/public",
                "/self-service/login?flow=" + uuid()));
        for (String m : HostilePayloads.methods()) {
            for (String t : pick(targets, 10)) {
                add("method", m.length() > 12 ? "long" : m, m, t, base(false), m.equals("HEAD") || m.equals("OPTIONS") ? null : new byte[0]);
            }
        }
    }

    /** Forged JWTs wherever a JWT is read: bearer tokens, admin tokens, client assertions, id_token_hint, request objects. */
    private void jwts() {
        for (Labeled<String> jwt : HostilePayloads.forgedJwts(f.issuer(), random)) {
            String t = jwt.value();
            String form = "application/x-www-form-urlencoded";
            for (String target : List.of("/userinfo", "/sessions/whoami", "/admin/tenants", "/admin/identities",
                    "/demo/api/me", "/decisions/demo/api/me", "/self-service/settings/api", "/oauth2/register/hostile")) {
                add("jwt-bearer", jwt.label(), "GET", target, base(false, new Header("Authorization", "Bearer " + t)), null);
            }
            add("jwt-dpop", jwt.label(), "GET", "/userinfo", base(false, new Header("Authorization", "DPoP " + t), new Header("DPoP", t)), null);
            add("jwt-session-token", jwt.label(), "GET", "/sessions/whoami", base(false, new Header("X-Session-Token", t)), null);
            add("jwt-cookie", jwt.label(), "GET", "/sessions/whoami", base(false, new Header("Cookie", "gatehouse_session=" + t)), null);
            add("jwt-client-assertion", jwt.label(), "POST", "/oauth2/token", base(false, new Header("Content-Type", form)),
                    utf8("grant_type=client_credentials&client_assertion_type="
                            + "urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer&client_assertion=" + t));
            add("jwt-assertion-grant", jwt.label(), "POST", "/oauth2/token", base(false, new Header("Content-Type", form), new Header("DPoP", t)),
                    utf8("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&client_id=demo-public&assertion=" + t));
            add("jwt-token-exchange", jwt.label(), "POST", "/oauth2/token", base(false, new Header("Content-Type", form)),
                    utf8("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Atoken-exchange&client_id=demo-public&subject_token="
                            + t + "&subject_token_type=urn%3Aietf%3Aparams%3Aoauth%3Atoken-type%3Ajwt&actor_token=" + t));
            add("jwt-introspect", jwt.label(), "POST", "/admin/oauth2/introspect", base(true, new Header("Content-Type", form)), utf8("token=" + t));
            add("jwt-revoke", jwt.label(), "POST", "/oauth2/revoke", base(false, new Header("Content-Type", form)), utf8("client_id=demo-public&token=" + t));
            add("jwt-id-token-hint", jwt.label(), "GET", "/oauth2/sessions/logout?id_token_hint=" + t
                    + "&post_logout_redirect_uri=http%3A%2F%2F127.0.0.1%3A8085%2F&state=x", base(false), null);
            add("jwt-request-object", jwt.label(), "GET", DEMO_AUTH + "&request=" + t + "&id_token_hint=" + t + "&prompt=none", base(false), null);
        }
    }

    private void forwarded() {
        List<String> targets = new ArrayList<>(getTargets());
        targets.addAll(List.of("/decisions/demo/api/me", "/decisions/demo/api/admin", "/decisions/no/rule/here"));
        for (Labeled<String[][]> set : HostilePayloads.forwardedHeaders()) {
            List<Header> extra = new ArrayList<>();
            for (String[] h : set.value()) {
                extra.add(new Header(h[0], h[1]));
            }
            for (String t : pick(targets, 7)) {
                add("forwarded", set.label(), "GET", t, base(false, extra.toArray(Header[]::new)), null);
            }
            add("forwarded-decisions", set.label(), "GET", "/decisions/demo/api/public", base(false, extra.toArray(Header[]::new)), null);
        }
    }

    /** Host variants: refused with 400 or served, never a 5xx; also a second Host header and none at all. */
    private void hosts() {
        List<String> targets = getTargets();
        for (String host : HostilePayloads.hosts("localhost:" + f.port())) {
            for (String t : pick(targets, 6)) {
                List<Header> h = new ArrayList<>();
                h.add(new Header("Host", host));
                add("host", host.length() > 30 ? "long" : host, "GET", t, h, null);
            }
        }
        for (String t : pick(targets, 6)) {
            add("host-twice", "two", "GET", t, List.of(new Header("Host", "localhost:" + f.port()), new Header("Host", "evil.example")), null);
            add("host-missing", "none", "GET", t, List.of(), null);
        }
    }

    /** The gateway's reverse proxy port: no rule matches these, and junk must not get further than that. */
    private void proxyPort() {
        for (Labeled<String> q : pick(HostilePayloads.queries(), 6)) {
            probes.add(new Probe("proxy", q.label(), f.proxyPort(), "GET", "/hostile?" + q.value(),
                    List.of(new Header("Host", "localhost:" + f.proxyPort())), null));
        }
        for (String m : List.of("BREW", "PROPFIND", "TRACE")) {
            probes.add(new Probe("proxy", m, f.proxyPort(), m, "/hostile", List.of(new Header("Host", "localhost:" + f.proxyPort())), new byte[0]));
        }
    }
}
