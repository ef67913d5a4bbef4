package dev.gatehouse.it.platform;

import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServer;
import dev.gatehouse.it.support.ItServerReady;
import dev.gatehouse.it.support.Leaks;
import dev.gatehouse.it.support.RawWire;
import dev.gatehouse.it.support.RawWire.Header;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Requests the container or JAX-RS cannot parse (a broken %-escape, an Accept q that is not a number, an
 * unclosed quote in Content-Type, a method nobody serves, a URL longer than a flow keeps) get a 4xx problem that
 * says what is wrong, never a 500 or the container's own page. Sent over raw sockets where java.net.http refuses.
 */
@ExtendWith(ItServerReady.class)
class MalformedRequestIT {

    private static RawWire.Answer raw(String method, String target, byte[] body, Header... headers) {
        List<Header> all = new ArrayList<>(List.of(headers));
        if (all.stream().noneMatch(h -> h.name().equals("Host"))) {
            all.add(0, new Header("Host", "localhost:" + ItServer.get().uri("").getPort()));
        }
        try {
            return RawWire.exchange(ItServer.get().uri("").getPort(), RawWire.request(method, target, all, body), Duration.ofSeconds(20));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RawWire.Answer get(String target, Header... headers) {
        return raw("GET", target, null, headers);
    }

    private static RawWire.Answer post(String target, String contentType, String body) {
        return raw("POST", target, body.getBytes(StandardCharsets.UTF_8), new Header("Content-Type", contentType));
    }

    /** A problem document with this status and type, and nothing of the server's insides. */
    private static JsonObject problem(RawWire.Answer a, int status, String type) {
        assertEquals(status, a.status(), a.toString());
        assertTrue(a.header("Content-Type").startsWith("application/problem+json"), a.toString());
        assertFalse(Leaks.in(a.status(), a.text()).isPresent(), "leaks " + Leaks.in(a.status(), a.text()) + ": " + a.text());
        try (JsonReader r = Json.createReader(new StringReader(a.text()))) {
            JsonObject p = r.readObject();
            assertEquals(status, p.getInt("status"));
            assertTrue(p.getString("type").endsWith("/" + type), p.toString());
            return p;
        }
    }

    @Test
    void queryWhenEscapeBrokenThen400OnApiRootAndFacesPages() {
        for (String target : List.of("/oauth2/auth?flow=%zz", "/?x=%zz", "/ui/selfservice/login.xhtml?flow=%zz",
                "/ui/admin/outbox.xhtml?a=%", "/oauth2/sessions/logout?id_token_hint=%%%.%%%.%%%", "/self-service/login/api?x=%4")) {
            JsonObject p = problem(get(target), 400, "malformed-request");
            assertTrue(p.getString("detail").contains("%-escape"), target + ": " + p);
        }
    }

    @Test
    void queryWhenNulEscapedThen400() {
        // the client_id would reach the database as a lookup key, which PostgreSQL refuses
        problem(get("/oauth2/auth?client_id=%00&response_type=code"), 400, "malformed-request");
    }

    @Test
    void acceptWhenQNotANumberThen400() {
        for (String accept : List.of("application/json;q=x", "application/json;q=", "text/html, */*;q=abc")) {
            JsonObject p = problem(get("/version", new Header("Accept", accept)), 400, "malformed-request");
            assertTrue(p.getString("detail").contains("Accept"), p.toString());
        }
    }

    @Test
    void contentTypeWhenQuoteUnclosedThen400NotTheContainersPage() {
        problem(post("/ui/selfservice/login.xhtml", "application/x-www-form-urlencoded; charset=\"", "a=b"), 400, "malformed-request");
    }

    @Test
    void contentTypeWhenCharsetUnknownThen415() {
        problem(post("/oauth2/token", "application/x-www-form-urlencoded; charset=nope", "grant_type=client_credentials"),
                415, "unsupported-media-type");
    }

    @Test
    void formWhenEscapeBrokenThen400AtTokenEndpointAndFacesPage() {
        for (String target : List.of("/oauth2/token", "/oauth2/revoke", "/ui/selfservice/login.xhtml")) {
            JsonObject p = problem(post(target, "application/x-www-form-urlencoded", "grant_type=%zz&token=%"), 400, "malformed-request");
            assertTrue(p.getString("detail").contains("form"), target + ": " + p);
        }
    }

    @Test
    void formWhenFieldHoldsNulThen400() {
        problem(post("/oauth2/revoke", "application/x-www-form-urlencoded", "client_id=%00&token=x"), 400, "malformed-request");
    }

    @Test
    void methodWhenUnknownThen405WithAllow() {
        for (String method : List.of("BREW", "PROPFIND", "M-SEARCH")) {
            RawWire.Answer a = raw(method, "/", new byte[0]);
            problem(a, 405, "method-not-allowed");
            assertEquals("GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS", a.header("Allow"));
        }
    }

    @Test
    void methodWhenUnknownOnDecisionsApiThenDecidedLikeAnyOther() {
        RawWire.Answer a = raw("BREW", "/decisions/no/rule/matches/this", new byte[0]);

        assertEquals(404, a.status(), a.toString());
        assertEquals("Not Found", Json.createReader(new StringReader(a.text())).readObject().getJsonObject("error").getString("status"));
    }

    @Test
    void containerFolderWhenRequestedThen404Problem() {
        for (String path : List.of("/WEB-INF/web.xml", "/META-INF/MANIFEST.MF", "/ui/../WEB-INF/web.xml", "/WEB-INF/templates/")) {
            problem(get(path), 404, "not-found");
        }
        RawWire.Answer page = get("/WEB-INF/web.xml", new Header("Accept", "text/html"));
        assertEquals(404, page.status(), page.toString());
        assertFalse(Leaks.in(page.status(), page.text()).isPresent(), page.text());
    }

    @Test
    void flowStartWhenRequestUrlLongerThanAFlowKeepsThen414AndAtTheLimitAccepted() {
        String base = ItServer.get().uri("/self-service/login/api?x=").toString();
        String fits = "a".repeat(2048 - base.length());

        assertEquals(200, Http.get("/self-service/login/api?x=" + fits).send().status());
        for (String kind : List.of("login", "registration", "recovery", "verification")) {
            problem(get("/self-service/" + kind + "/api?x=" + fits + "a"), 414, "uri-too-long");
            problem(get("/self-service/" + kind + "/browser?x=" + fits + "a"), 414, "uri-too-long");
        }
    }

    @Test
    void flowStartWhenHostLongerThanAFlowKeepsThen4xx() {
        RawWire.Answer a = raw("GET", "/self-service/registration/api", null, new Header("Host", "h".repeat(2_100) + ".example"));

        assertTrue(a.status() == 400 || a.status() == 414, a.toString());
        assertFalse(Leaks.in(a.status(), a.text()).isPresent(), a.text());
    }

    @Test
    void pluginHeadersWhenSentByAClientThenNotBelieved() {
        Http.Response r = Http.get("/self-service/login/browser").header("$WSSN", "evil.example").header("$WSSC", "https")
                .header("$WSSP", "443").send();

        assertEquals(303, r.status(), r.toString());
        assertTrue(r.header("Location").startsWith(ItServer.get().uri("/").toString()), r.header("Location"));
    }

    @Test
    void forwardedProtoWhenNotASchemeThen400() {
        problem(get("/oauth2/sessions/logout", new Header("X-Forwarded-Proto", "https, http")), 400, "malformed-request");
    }

    @Test
    void consentPageWhenNoSuchChallengeThen404NotAnInternalError() {
        problem(get("/ui/oauth2/consent.xhtml?consent_challenge=nope"), 404, "not-found");
    }
}
