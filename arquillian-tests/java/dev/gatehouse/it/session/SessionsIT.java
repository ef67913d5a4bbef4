package dev.gatehouse.it.session;

import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServerReady;
import dev.gatehouse.it.support.ServerLog;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kratos' session endpoints: {@code /sessions} for the caller's own other sessions, {@code /admin/sessions} and
 * {@code /admin/identities/{id}/sessions} for administrators, all scoped to the tenant.
 */
@ExtendWith(ItServerReady.class)
class SessionsIT {

    @Test
    void listWhenSignedInThriceThenTheOtherTwoWithoutIdentity() {
        SignedIn me = SignedIn.thrice("");

        Http.Response r = me.call("GET", "/sessions");

        assertEquals(200, r.status(), r.toString());
        assertEquals(Set.of(me.second().id(), me.third().id()), ids(r));
        for (JsonObject s : items(r)) {
            assertFalse(s.containsKey("identity"), s.toString());
            assertTrue(s.getBoolean("active"));
            assertEquals("password", s.getJsonArray("authentication_methods").getJsonObject(0).getString("method"));
        }
        Http.Response bearer = Http.get("/sessions").header("Authorization", "Bearer " + me.current().value()).send();
        assertEquals(ids(r), ids(bearer));
    }

    @Test
    void listWhenPageSizeOneThenNextLinkLeadsToTheOther() {
        SignedIn me = SignedIn.thrice("");

        Http.Response first = me.call("GET", "/sessions?page_size=1");

        assertEquals(1, items(first).size());
        String link = first.header("Link");
        assertNotNull(link);
        Http.Response second = Http.get(relative(link)).header("X-Session-Token", me.current().value()).send();
        assertEquals(1, items(second).size());
        assertNull(second.header("Link"));
        assertNotEquals(ids(first), ids(second));
    }

    @Test
    void revokeByIdWhenAnotherOwnSessionThen204AndOnlyItsTokenStops() {
        SignedIn me = SignedIn.thrice("");

        Http.Response r = me.call("DELETE", "/sessions/" + me.second().id());

        assertEquals(204, r.status(), r.toString());
        assertFalse(me.works(me.second()));
        assertTrue(me.works(me.current()));
        assertTrue(me.works(me.third()));
        assertEquals(Set.of(me.third().id()), ids(me.call("GET", "/sessions")));
    }

    @Test
    void revokeByIdWhenCurrentSessionThen400AndItGoesOn() {
        SignedIn me = SignedIn.thrice("");

        Http.Response r = me.call("DELETE", "/sessions/" + me.current().id());

        assertEquals(400, r.status(), r.toString());
        assertTrue(r.jsonObject().getString("type").endsWith("/not-applicable"), r.toString());
        assertTrue(me.works(me.current()));
    }

    @Test
    void revokeByIdWhenAnotherIdentitysOrUnknownSessionThen404AndNothingRevoked() {
        SignedIn me = SignedIn.thrice("");
        SignedIn other = SignedIn.thrice("");

        assertEquals(404, me.call("DELETE", "/sessions/" + other.second().id()).status());
        assertEquals(404, me.call("DELETE", "/sessions/" + UUID.randomUUID()).status());
        assertEquals(404, me.call("DELETE", "/sessions/not-a-uuid").status());

        assertTrue(other.works(other.second()));
        assertEquals(2, ids(me.call("GET", "/sessions")).size());
    }

    @Test
    void revokeOthersWhenOneRevokedAlreadyThenCountOneAndOnlyCurrentRemains() {
        SignedIn me = SignedIn.thrice("");
        assertEquals(204, me.call("DELETE", "/sessions/" + me.second().id()).status());

        Http.Response r = me.call("DELETE", "/sessions");

        assertEquals(200, r.status(), r.toString());
        assertEquals(1, r.jsonObject().getInt("count"));
        assertFalse(me.works(me.third()));
        assertTrue(me.works(me.current()));
        assertEquals(Set.of(), ids(me.call("GET", "/sessions")));
    }

    @Test
    void revokeWhenByTheIdentityOrAnAdminThenSessionRevokedEventNamesThatActor() {
        SignedIn me = SignedIn.thrice("");
        String byIdentity = "sessions-it-" + UUID.randomUUID();
        String byAdmin = "sessions-it-" + UUID.randomUUID();

        assertEquals(204, Http.method("DELETE", "/sessions/" + me.second().id()).header("X-Request-ID", byIdentity)
                .header("X-Session-Token", me.current().value()).send().status());
        assertEquals(204, Http.method("DELETE", "/admin/sessions/" + me.third().id()).header("X-Request-ID", byAdmin)
                .admin().send().status());

        JsonObject identityEvent = revokedEvent(byIdentity);
        assertEquals(me.identity(), identityEvent.getString("actor"));
        assertEquals(me.identity(), identityEvent.getString("subject"));
        JsonObject adminEvent = revokedEvent(byAdmin);
        assertEquals("admin-api-key", adminEvent.getString("actor"));
        assertEquals(me.identity(), adminEvent.getString("subject"));
    }

    @Test
    void adminListWhenIdentityHasSessionsThenEachWithItsIdentity() {
        SignedIn me = SignedIn.thrice("");
        Set<String> mine = me.sessions().stream().map(SignedIn.Token::id).collect(Collectors.toSet());

        Http.Response ofIdentity = Http.get("/admin/identities/" + me.identity() + "/sessions").admin().send();

        assertEquals(200, ofIdentity.status(), ofIdentity.toString());
        assertEquals(mine, ids(ofIdentity));
        items(ofIdentity).forEach(s -> assertEquals(me.identity(), s.getJsonObject("identity").getString("id"), s.toString()));
        JsonObject one = Http.get("/admin/sessions/" + me.second().id()).admin().send().jsonObject();
        assertEquals(me.second().id(), one.getString("id"));
        assertEquals(me.identity(), one.getJsonObject("identity").getString("id"));
        List<JsonObject> all = allPages("/admin/sessions?page_size=500").stream()
                .filter(s -> mine.contains(s.getString("id"))).toList();
        assertEquals(3, all.size());
        all.forEach(s -> assertEquals(me.identity(), s.getJsonObject("identity").getString("id")));
        assertEquals(200, Http.get("/admin/identities/" + me.identity()).admin().send().status(),
                "the identity resource still answers beside its sessions");
    }

    @Test
    void adminRevokeOneThenItStopsAndActiveFilterSeparatesIt() {
        SignedIn me = SignedIn.thrice("");

        assertEquals(204, Http.method("DELETE", "/admin/sessions/" + me.second().id()).admin().send().status());

        assertFalse(me.works(me.second()));
        assertTrue(me.works(me.current()));
        String path = "/admin/identities/" + me.identity() + "/sessions";
        assertEquals(Set.of(me.current().id(), me.third().id()), ids(Http.get(path + "?active=true").admin().send()));
        assertEquals(Set.of(me.second().id()), ids(Http.get(path + "?active=false").admin().send()));
        assertFalse(Http.get("/admin/sessions/" + me.second().id()).admin().send().jsonObject().getBoolean("active"));
        Set<String> inactive = allPages("/admin/sessions?active=false&page_size=500").stream()
                .map(s -> s.getString("id")).collect(Collectors.toSet());
        assertTrue(inactive.contains(me.second().id()));
        assertFalse(inactive.contains(me.current().id()));
        assertEquals(422, Http.get(path + "?active=maybe").admin().send().status());
    }

    @Test
    void adminRevokeAllOfIdentityThenEveryTokenStops() {
        SignedIn me = SignedIn.thrice("");

        Http.Response r = Http.method("DELETE", "/admin/identities/" + me.identity() + "/sessions").admin().send();

        assertEquals(204, r.status(), r.toString());
        me.sessions().forEach(t -> assertFalse(me.works(t), t.id()));
        assertEquals(Set.of(), ids(Http.get("/admin/identities/" + me.identity() + "/sessions?active=true").admin().send()));
        assertEquals(200, Http.get("/admin/identities/" + me.identity()).admin().send().status());
    }

    @Test
    void adminWhenUnknownOrMalformedIdsThen404() {
        String unknown = UUID.randomUUID().toString();

        assertEquals(404, Http.get("/admin/sessions/" + unknown).admin().send().status());
        assertEquals(404, Http.get("/admin/sessions/not-a-uuid").admin().send().status());
        assertEquals(404, Http.method("DELETE", "/admin/sessions/" + unknown).admin().send().status());
        assertEquals(404, Http.get("/admin/identities/" + unknown + "/sessions").admin().send().status());
        assertEquals(404, Http.method("DELETE", "/admin/identities/" + unknown + "/sessions").admin().send().status());
    }

    @Test
    void sessionOfAcmeWhenAddressedFromDefaultThenNotFoundAndUntouched() {
        SignedIn acme = SignedIn.thrice("/t/acme");
        SignedIn me = SignedIn.thrice("");
        String session = acme.second().id();

        assertEquals(404, Http.get("/admin/sessions/" + session).admin().send().status());
        assertEquals(404, Http.method("DELETE", "/admin/sessions/" + session).admin().send().status());
        assertEquals(404, Http.get("/admin/identities/" + acme.identity() + "/sessions").admin().send().status());
        assertEquals(404, Http.method("DELETE", "/admin/identities/" + acme.identity() + "/sessions").admin().send().status());
        assertFalse(allPages("/admin/sessions?page_size=500").stream().anyMatch(s -> s.getString("id").equals(session)));
        assertEquals(404, me.call("DELETE", "/sessions/" + session).status());
        String acmeToken = acme.current().value();
        assertEquals(401, Http.get("/sessions").header("X-Session-Token", acmeToken).send().status());
        assertEquals(401, Http.method("DELETE", "/sessions").header("X-Session-Token", acmeToken).send().status());

        acme.sessions().forEach(t -> assertTrue(acme.works(t), t.id()));
        assertEquals(200, Http.get("/t/acme/admin/sessions/" + session).admin().send().status());
        assertEquals(2, ids(acme.call("GET", "/sessions")).size());
    }

    @Test
    void sessionEndpointsWhenNoOrBadCredentialsThen401() {
        String id = UUID.randomUUID().toString();

        for (String[] call : new String[][] {{"GET", "/sessions"}, {"DELETE", "/sessions"}, {"DELETE", "/sessions/" + id}}) {
            assertEquals(401, Http.method(call[0], call[1]).send().status(), call[1]);
            assertEquals(401, Http.method(call[0], call[1]).header("X-Session-Token", "ory_st_garbage").send().status(), call[1]);
        }
        assertEquals(401, Http.get("/admin/sessions").send().status());
        assertEquals(401, Http.method("DELETE", "/admin/sessions/" + id).send().status());
        assertEquals(401, Http.method("DELETE", "/admin/identities/" + id + "/sessions").send().status());
    }

    /** The session_revoked event of the request with this id (the log redacts session ids themselves). */
    private static JsonObject revokedEvent(String requestId) {
        JsonObject record = ServerLog.await(r -> r.getString("module", "").equals("gatehouse.security")
                        && r.getString("request_id", "").equals(requestId) && r.getString("message", "").contains("\"session_revoked\""))
                .orElseThrow(() -> new AssertionError("no session_revoked event for request " + requestId));
        try (JsonReader r = Json.createReader(new StringReader(record.getString("message")))) {
            return r.readObject();
        }
    }

    private static List<JsonObject> items(Http.Response r) {
        assertEquals(200, r.status(), r.toString());
        return r.json().asJsonArray().getValuesAs(JsonObject.class);
    }

    private static Set<String> ids(Http.Response r) {
        return items(r).stream().map(s -> s.getString("id")).collect(Collectors.toSet());
    }

    /** Every item of an admin list, following its {@code Link: rel="next"} headers. */
    private static List<JsonObject> allPages(String path) {
        List<JsonObject> out = new ArrayList<>();
        for (String next = path; next != null; ) {
            Http.Response r = Http.get(next).admin().send();
            out.addAll(items(r));
            String link = r.header("Link");
            next = link == null ? null : relative(link);
        }
        return out;
    }

    /** The path and query of the URI in a {@code Link} header, to send to the test server again. */
    private static String relative(String link) {
        URI next = URI.create(link.substring(link.indexOf('<') + 1, link.indexOf('>')));
        return next.getRawPath() + "?" + next.getRawQuery();
    }
}
