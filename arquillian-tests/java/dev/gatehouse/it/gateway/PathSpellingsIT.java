package dev.gatehouse.it.gateway;

import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServerReady;
import dev.gatehouse.it.support.RawHttp;
import dev.gatehouse.it.support.ServerLog;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.StringReader;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gateway never judges another path than the upstream receives: every spelling a server could read as
 * another path (dot segments raw or encoded in any case, double encoding, {@code //}, encoded slashes and
 * backslashes, backslashes, path parameters, invalid escapes, control characters) is refused with 400, a
 * JSON body that names the reason and a decision event, at each enforcement point: the decisions API (as
 * nginx describes a request in {@code X-Forwarded-Uri}, and by its own path), the servlet filter and the
 * reverse proxy. The requests go out on a plain socket, byte for byte. Spellings Liberty refuses before
 * choosing the application get Liberty's own 400; none of them reaches a rule, a resource or an upstream.
 * Harmless escapes ({@code %20}, {@code %41}) keep working, judged as what they stand for.
 */
@ExtendWith(ItServerReady.class)
class PathSpellingsIT {

    static final String HOST = "paths.it.test";
    static TestUpstream upstream;

    /**
     * One spelling and the refusal's id; {@code beforeTheApplication}: Liberty answers it with its own 400 page
     * when it is on a request line (it still never reaches the gateway's rules or an upstream).
     */
    record Spelling(String path, String id, boolean beforeTheApplication) {
        @Override
        public String toString() {
            return path;
        }
    }

    static List<Spelling> spellings() {
        return List.of(
                new Spelling("/admin/../public/x", "dot_segment", false),
                new Spelling("/admin/./x", "dot_segment", false),
                new Spelling("/public/x/..", "dot_segment", false),
                new Spelling("/admin/%2e%2e/public/x", "encoded_dot", false),
                new Spelling("/admin/%2E%2E/public/x", "encoded_dot", false),
                new Spelling("/admin/%2E%2e/public/x", "encoded_dot", false),
                new Spelling("/admin/.%2e/public/x", "encoded_dot", false),
                new Spelling("/admin/%2e./public/x", "encoded_dot", false),
                new Spelling("/public/%2e/x", "encoded_dot", false),
                new Spelling("/admin/%252e%252e/public/x", "double_encoding", false),
                new Spelling("/admin/%25252e%25252e/public/x", "double_encoding", false),
                new Spelling("/public//admin/x", "empty_segment", false),
                new Spelling("/public/..%2fadmin/x", "encoded_slash", false),
                new Spelling("/public/..%2Fadmin/x", "encoded_slash", false),
                new Spelling("/public/..%5cadmin/x", "encoded_slash", false),
                new Spelling("/public/..\\admin/x", "backslash", false),
                new Spelling("/admin/x;.css", "semicolon", false),
                new Spelling("/public/..;/admin/x", "semicolon", true),
                new Spelling("/public/%zz", "invalid_escape", true),
                new Spelling("/public/%2", "invalid_escape", true),
                new Spelling("/public/%", "invalid_escape", true),
                new Spelling("/public/a%00b", "control_character", true),
                new Spelling("/public/a%09b", "control_character", true),
                new Spelling("/public/%c0%ae%c0%ae/admin", "invalid_utf8", false));
    }

    @BeforeAll
    static void rules() {
        upstream = new TestUpstream();
        GatewayRules.install("paths-it.json", """
                [
                  {"id": "paths-public", "upstream": {"url": "http://127.0.0.1:%1$d"},
                   "match": {"url": "http://paths.it.test/public/<.*>", "methods": ["GET"]},
                   "authenticators": [{"handler": "anonymous"}], "authorizer": {"handler": "allow"},
                   "mutators": [{"handler": "header", "config": {"headers": {"X-User": "{{ print .Subject }}"}}}]},
                  {"id": "paths-admin", "upstream": {"url": "http://127.0.0.1:%1$d"},
                   "match": {"url": "http://paths.it.test/admin/<.*>", "methods": ["GET"]},
                   "authenticators": [{"handler": "bearer_token"}], "authorizer": {"handler": "allow"},
                   "mutators": [{"handler": "noop"}]}
                ]
                """.formatted(upstream.port()), "paths-admin");
    }

    @AfterAll
    static void stop() {
        GatewayRules.delete("paths-it.json");
        upstream.close();
    }

    /** The decisions API as nginx calls it: its own path is plain, the request is in {@code X-Forwarded-Uri}. */
    static RawHttp.Response decision(String uri) {
        return RawHttp.get("/decisions").header("X-Forwarded-Method", "GET").header("X-Forwarded-Proto", "http")
                .header("X-Forwarded-Host", HOST).header("X-Forwarded-Uri", uri).send();
    }

    static void assertRefused(RawHttp.Response r, String id) {
        assertEquals(400, r.status(), r.toString());
        assertTrue(r.header("Content-Type").startsWith("application/json"), r.toString());
        JsonObject error = r.jsonObject().getJsonObject("error");
        assertEquals(id, error.getString("id", null), r.toString());
        assertEquals(400, error.getInt("code"));
        assertEquals("Bad Request", error.getString("status"));
        assertTrue(error.getString("reason", "").startsWith("the path "), r.toString());
        assertEquals("The request is malformed", error.getString("message"));
    }

    /** The gateway's refusal where the application sees the request, Liberty's own 400 where it refuses it first. */
    static void assertRefusedOnRequestLine(RawHttp.Response r, Spelling s) {
        if (s.beforeTheApplication()) {
            assertEquals(400, r.status(), r.toString());
        } else {
            assertRefused(r, s.id());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("spellings")
    void decisionWhenForwardedUriHasAmbiguousSpellingThen400NamingIt(Spelling s) {
        RawHttp.Response r = decision(s.path());

        assertRefused(r, s.id());
        assertNull(r.header("X-User"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("spellings")
    void decisionWhenOwnPathHasAmbiguousSpellingThen400NamingIt(Spelling s) {
        RawHttp.Response r = RawHttp.get("/decisions" + s.path()).header("Host", HOST).send();

        assertRefusedOnRequestLine(r, s);
        assertNull(r.header("X-User"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("spellings")
    void filterWhenGuardedPathHasAmbiguousSpellingThen400NamingItAndTheResourceNeverRuns(Spelling s) {
        RawHttp.Response r = RawHttp.get("/demo/api" + s.path()).send();

        assertRefusedOnRequestLine(r, s);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("spellings")
    void proxyWhenPathHasAmbiguousSpellingThen400NamingItAndUpstreamNeverSeesIt(Spelling s) {
        int before = upstream.requests();

        RawHttp.Response r = RawHttp.proxy(s.path()).header("Host", HOST).send();

        assertRefusedOnRequestLine(r, s);
        assertEquals(before, upstream.requests(), "the upstream was called");
    }

    @Test
    void filterWhenOnlyTheContainersReadingOfThePathIsGuardedThenStillDecided() {
        // Liberty routes both to /demo/api/admin; as received, neither starts with /demo/api/
        assertRefused(RawHttp.get("/x/../demo/api/admin").send(), "dot_segment");
        assertRefused(RawHttp.get("/demo/api;x/admin").send(), "semicolon");
    }

    @Test
    void decisionWhenHarmlessEscapesThenJudgedAsWhatTheyStandFor() {
        RawHttp.Response publicPage = decision("/public/a%20b");
        RawHttp.Response admin = decision("/%61dmin/x");

        assertEquals(200, publicPage.status(), publicPage.toString());
        assertEquals("anonymous", publicPage.header("X-User"));
        assertEquals(401, admin.status(), "the admin rule decides /%61dmin: " + admin);
    }

    @Test
    void proxyWhenHarmlessEscapesThenUpstreamGetsThePathTheRuleJudged() {
        RawHttp.Response r = RawHttp.proxy("/public/a%20b/%41").header("Host", HOST).send();

        assertEquals(200, r.status(), r.toString());
        assertEquals("/public/a%20b/A", r.jsonObject().getString("path"));
        assertEquals(List.of("anonymous"), TestUpstream.values(r.jsonObject(), "X-User"));
    }

    @Test
    void filterWhenHarmlessEscapeThenResourceGetsWhatTheRuleJudged() {
        DecisionsApiIT.SignedUp me = DecisionsApiIT.SignedUp.create();
        String escaped = "%" + Integer.toHexString(me.id().charAt(0)) + me.id().substring(1);

        RawHttp.Response r = RawHttp.get("/demo/api/accounts/" + escaped).header("Authorization", "Bearer " + me.token()).send();

        // the owner rule compared the decoded id with the subject; the resource reads the same id
        assertEquals(200, r.status(), r.toString());
        assertEquals("/demo/api/accounts/" + me.id(), r.jsonObject().getString("endpoint"));
        assertEquals(me.id(), r.jsonObject().getString("x_user"));
    }

    @Test
    void decisionWhenRefusedThenDecisionEventNamesTheReasonAndThePath() {
        String marker = "ev-" + UUID.randomUUID();

        decision("/admin/" + marker + "/%2e%2e/%2e%2e/public/x");

        JsonObject event = deniedEvent(marker);
        assertEquals("bad_request", event.getJsonObject("details").getString("error"));
        assertEquals("the path contains an encoded dot (%2e)", event.getJsonObject("details").getString("reason"));
        assertEquals("/admin/" + marker + "/%2e%2e/%2e%2e/public/x", event.getJsonObject("details").getString("path"));
    }

    @Test
    void proxyWhenLibertyRefusesTheTargetFirstThenTheGatewaysEventStillRecordsIt() {
        String marker = "ev-" + UUID.randomUUID();

        RawHttp.proxy("/admin/" + marker + "/%2e%2e/public/x").header("Host", HOST).send();

        assertEquals("the path contains an encoded dot (%2e)", deniedEvent(marker).getJsonObject("details").getString("reason"));
    }

    @Test
    void filterWhenRefusedThenDecisionEventNamesTheReason() {
        String marker = "ev-" + UUID.randomUUID();

        RawHttp.get("/demo/api/" + marker + "/../admin").send();

        assertEquals("the path contains a dot segment (. or ..)", deniedEvent(marker).getJsonObject("details").getString("reason"));
    }

    @Test
    void decisionWhenPathLongThenEventKeepsABoundedPart() {
        String marker = "ev-" + UUID.randomUUID();

        Http.Response r = Http.get("/decisions").header("X-Forwarded-Method", "GET").header("X-Forwarded-Proto", "http")
                .header("X-Forwarded-Host", HOST).header("X-Forwarded-Uri", "/public/" + marker + "/" + "a".repeat(3000) + "/..").send();

        assertEquals(400, r.status(), r.toString());
        assertTrue(deniedEvent(marker).getJsonObject("details").getString("path").length() <= 201);
    }

    private static JsonObject deniedEvent(String marker) {
        JsonObject record = ServerLog.await(l -> l.getString("module", "").equals("gatehouse.security")
                && l.getString("message", "").contains("\"gateway_denied\"") && l.getString("message", "").contains(marker))
                .orElseThrow(() -> new AssertionError("no gateway_denied event for " + marker));
        try (JsonReader reader = Json.createReader(new StringReader(record.getString("message")))) {
            return reader.readObject();
        }
    }
}
