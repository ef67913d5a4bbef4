package dev.gatehouse.it.oauth2.client;

import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServer;
import dev.gatehouse.it.support.ItServerReady;
import dev.gatehouse.it.support.RawHttp;
import dev.gatehouse.it.support.ServerLog;
import dev.gatehouse.it.support.TestTenants;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import static dev.gatehouse.it.oauth2.client.ItClients.created;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Brute-force protection of client authentication at the token endpoint (and introspection and revocation, which
 * share it), with the shipped limits: 10 failures lock a client id that holds a secret, 100 lock a client address,
 * which is the one a trusted proxy names and nobody else can. Each test has a tenant of its own, so its locks touch
 * no other test.
 */
@ExtendWith(ItServerReady.class)
class ClientAuthThrottleIT {

    private static final int MAX_FAILURES = 10;
    private static final int MAX_FAILURES_PER_ADDRESS = 100;
    /** A guessed secret as long as a generated one: checked by HMAC, so a hundred guesses cost no argon2id hash each. */
    private static final String GUESS = "guess-".repeat(7);

    private record Client(String prefix, String id, String secret) {
    }

    private static Client confidential() {
        String prefix = "/t/" + TestTenants.create("client-throttle");
        JsonObject c = created(prefix, "{'grant_types':['client_credentials']}");
        return new Client(prefix, c.getString("client_id"), c.getString("client_secret"));
    }

    private static RawHttp.Response token(RawHttp from, String prefix, String id, String secret) {
        String basic = Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return from.header("Authorization", "Basic " + basic).form("grant_type=client_credentials").send("POST", prefix + "/oauth2/token");
    }

    private static RawHttp viaProxy(String forwardedFor) {
        return RawHttp.client().from(ItServer.get().trustedProxy()).header("X-Forwarded-For", forwardedFor);
    }

    private static void assertInvalidClient(RawHttp.Response r) {
        assertEquals(401, r.status(), r.toString());
        assertEquals("invalid_client", r.jsonObject().getString("error"));
    }

    private static void assertLocked(RawHttp.Response r) {
        assertEquals(429, r.status(), r.toString());
        int retryAfter = Integer.parseInt(r.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "the first lock lasts a minute: " + retryAfter);
        JsonObject error = r.jsonObject();
        assertEquals("invalid_client", error.getString("error"));
        assertFalse(error.getString("error_description").isBlank());
        assertEquals("no-store", r.header("Cache-Control"));
    }

    @Test
    void tokenWhenSecretWrongTooOftenThenClientLockedEvenForTheRightSecretUntilAnAdminClearsIt() {
        Client c = confidential();
        for (int i = 0; i < MAX_FAILURES; i++) {
            assertInvalidClient(token(RawHttp.client(), c.prefix(), c.id(), c.secret() + "x"));
        }

        RawHttp.Response locked = token(RawHttp.client(), c.prefix(), c.id(), c.secret());
        RawHttp.Response introspection = RawHttp.client().header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((c.id() + ":" + c.secret()).getBytes(StandardCharsets.UTF_8)))
                .form("token=anything").send("POST", c.prefix() + "/oauth2/introspect");

        assertLocked(locked);
        assertLocked(introspection);
        ServerLog.await(r -> "gatehouse.security".equals(r.getString("module", ""))
                && r.getString("message", "").contains("\"event\":\"oauth2_client_lockout\"") && r.getString("message", "").contains(c.id()))
                .orElseThrow(() -> new AssertionError("no lockout event for " + c.id()));
        JsonObject lock = Http.get(c.prefix() + "/admin/lockouts?subject=" + c.id()).admin().send().json().asJsonArray().getJsonObject(0);
        assertEquals("client_id", lock.getString("kind"));
        assertEquals(c.id(), lock.getString("subject"));
        assertEquals(204, Http.method("DELETE", c.prefix() + "/admin/lockouts?subject=" + c.id()).admin().send().status());
        RawHttp.Response cleared = token(RawHttp.client(), c.prefix(), c.id(), c.secret());
        assertEquals(200, cleared.status(), cleared.toString());
        assertFalse(cleared.jsonObject().getString("access_token").isEmpty());
    }

    @Test
    void tokenWhenFailuresComeThroughTheTrustedProxyThenCountedPerForwardedAddressAndOneLockedAddressLocksNoOther() {
        Client c = confidential();
        for (int i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) {
            assertInvalidClient(token(viaProxy("203.0.113.7"), c.prefix(), "unknown-" + UUID.randomUUID(), GUESS));
        }

        assertLocked(token(viaProxy("203.0.113.7"), c.prefix(), c.id(), c.secret()));
        assertEquals(200, token(viaProxy("203.0.113.8"), c.prefix(), c.id(), c.secret()).status(), "another address behind the proxy");
        assertEquals(200, token(RawHttp.client(), c.prefix(), c.id(), c.secret()).status(), "the proxy's neighbour");
    }

    @Test
    void tokenWhenAnUntrustedPeerSendsXForwardedForThenItsOwnAddressIsCounted() {
        Client c = confidential();
        for (int i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) {
            assertInvalidClient(token(RawHttp.client().header("X-Forwarded-For", "198.51.100." + i), c.prefix(),
                    "unknown-" + UUID.randomUUID(), GUESS));
        }

        assertLocked(token(RawHttp.client().header("X-Forwarded-For", "198.51.100.200"), c.prefix(), c.id(), c.secret()));
        assertEquals(200, token(viaProxy("198.51.100.1"), c.prefix(), c.id(), c.secret()).status(),
                "nothing was counted against the address the untrusted peer named");
    }

    @Test
    void tokenWhenFailuresNameAPublicClientThenItsIdIsNeverLocked() {
        String prefix = "/t/" + TestTenants.create("client-throttle");
        String id = created(prefix, "{'token_endpoint_auth_method':'none','redirect_uris':['https://app.example/cb']}").getString("client_id");
        for (int i = 0; i <= MAX_FAILURES; i++) {
            assertInvalidClient(token(RawHttp.client(), prefix, id, "not-a-credential-it-has"));
        }

        RawHttp.Response asItself = RawHttp.client().form("grant_type=authorization_code&code=none&redirect_uri="
                + "https%3A%2F%2Fapp.example%2Fcb&code_verifier=" + "v".repeat(43) + "&client_id=" + id).send("POST", prefix + "/oauth2/token");

        assertEquals(400, asItself.status(), asItself.toString());
        assertEquals("invalid_grant", asItself.jsonObject().getString("error"), "authenticated, then refused for its made-up code");
    }
}
