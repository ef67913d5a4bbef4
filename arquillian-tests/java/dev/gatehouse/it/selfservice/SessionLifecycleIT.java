package dev.gatehouse.it.selfservice;

import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServer;
import dev.gatehouse.it.support.ItServerReady;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

import static dev.gatehouse.it.selfservice.ApiFlows.register;
import static dev.gatehouse.it.selfservice.ApiFlows.whoami;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Browser logout by logout URL, and the privileged-session rule for sensitive settings. */
@ExtendWith(ItServerReady.class)
class SessionLifecycleIT {

    private static final String PASSWORD = "lifecycle passphrase 8";

    private static void age(String sessionId, String column) throws SQLException {
        ItServer s = ItServer.get();
        try (Connection c = DriverManager.getConnection(s.jdbcUrl(), s.jdbcUser(), s.jdbcPassword());
             PreparedStatement p = c.prepareStatement("UPDATE identity_session SET " + column + " = " + column
                     + " - INTERVAL '1' HOUR WHERE id = ?")) {
            p.setObject(1, UUID.fromString(sessionId));
            assertEquals(1, p.executeUpdate());
        }
    }

    @Test
    void browserLogoutWhenLogoutUrlFollowedThenSessionEndsAndCookieCleared() {
        String token = register("", "bl-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test", PASSWORD)
                .jsonObject().getString("session_token");
        String cookie = "gatehouse_session=" + token;

        Http.Response logout = Http.get("/self-service/logout/browser").header("Cookie", cookie).send();
        assertEquals(200, logout.status(), logout.toString());
        String url = logout.jsonObject().getString("logout_url");
        String token2 = logout.jsonObject().getString("logout_token");
        assertTrue(url.endsWith("/self-service/logout?token=" + token2), url);

        assertEquals(403, Http.get("/self-service/logout?token=forged").header("Cookie", cookie).send().status());
        assertEquals(200, whoami("", token).status(), "a forged logout token ends nothing");
        Http.Response done = Http.get("/self-service/logout?token=" + token2).header("Cookie", cookie).send();
        assertEquals(303, done.status(), done.toString());
        assertTrue(done.raw().headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("gatehouse_session=;")
                || c.startsWith("gatehouse_session=\"\"") || c.contains("Max-Age=0")), done.raw().headers().toString());
        assertEquals(401, whoami("", token).status());
        assertEquals(401, Http.get("/self-service/logout/browser").send().status(), "no session, no logout URL");
    }

    @Test
    void settingsWhenSignInOlderThanPrivilegedAgeThenPasswordChangeNeedsReauthentication() throws SQLException {
        JsonObject registered = register("", "priv-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test", PASSWORD).jsonObject();
        String token = registered.getString("session_token");
        age(registered.getJsonObject("session").getString("id"), "authenticated_at");
        JsonObject flow = Http.get("/self-service/settings/api").header("X-Session-Token", token).send().jsonObject();
        String action = flow.getJsonObject("ui").getString("action");

        Http.Response r = Http.post(action.substring(action.indexOf("/", action.indexOf("//") + 2))).header("X-Session-Token", token)
                .json("{\"method\":\"password\",\"password\":\"a new passphrase nobody knows\"}").send();

        assertEquals(403, r.status(), r.toString());
        assertEquals("session_refresh_required", r.jsonObject().getJsonObject("error").getString("id"));
        assertEquals(200, ApiFlows.login("", registered.getJsonObject("identity").getJsonObject("traits").getString("email"), PASSWORD).status(),
                "the password did not change");
    }

    @Test
    void loginWhenRefreshAskedAfterSessionRefreshRequiredThenReauthenticatedAndThePasswordChanges() throws SQLException {
        String email = "refresh-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        JsonObject registered = register("", email, PASSWORD).jsonObject();
        String old = registered.getString("session_token");
        age(registered.getJsonObject("session").getString("id"), "authenticated_at");
        assertEquals(400, Http.get("/self-service/login/api").header("X-Session-Token", old).send().status(),
                "signed in: a plain sign-in flow is refused");
        assertFalse(Http.get("/self-service/login/api?refresh=true").send().jsonObject().getBoolean("refresh"),
                "without a session refresh=true is a plain sign-in");

        Http.Response started = Http.get("/self-service/login/api?refresh=true").header("X-Session-Token", old).send();

        assertEquals(200, started.status(), started.toString());
        JsonObject flow = started.jsonObject();
        assertTrue(flow.getBoolean("refresh"));
        assertEquals(1010003, flow.getJsonObject("ui").getJsonArray("messages").getJsonObject(0).getInt("id"));
        String action = flow.getJsonObject("ui").getString("action");
        Http.Response again = Http.post(action.substring(action.indexOf("/", action.indexOf("//") + 2)))
                .json("{\"method\":\"password\",\"identifier\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}").send();
        assertEquals(200, again.status(), again.toString());
        String fresh = again.jsonObject().getString("session_token");
        JsonObject settings = Http.get("/self-service/settings/api").header("X-Session-Token", fresh).send().jsonObject();
        String settingsAction = settings.getJsonObject("ui").getString("action");
        Http.Response changed = Http.post(settingsAction.substring(settingsAction.indexOf("/", settingsAction.indexOf("//") + 2)))
                .header("X-Session-Token", fresh).json("{\"method\":\"password\",\"password\":\"a new passphrase after refresh\"}").send();

        assertEquals(200, changed.status(), changed.toString());
        assertEquals(200, ApiFlows.login("", email, "a new passphrase after refresh").status());
    }

    @Test
    void sessionWhenExpiredThenWhoamiRefuses() throws SQLException {
        JsonObject registered = register("", "exp-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test", PASSWORD).jsonObject();
        String sessionId = registered.getJsonObject("session").getString("id");
        ItServer s = ItServer.get();
        try (Connection c = DriverManager.getConnection(s.jdbcUrl(), s.jdbcUser(), s.jdbcPassword());
             PreparedStatement p = c.prepareStatement("UPDATE identity_session SET expires_at = CURRENT_TIMESTAMP - INTERVAL '1' MINUTE WHERE id = ?")) {
            p.setObject(1, UUID.fromString(sessionId));
            p.executeUpdate();
        }

        assertEquals(401, whoami("", registered.getString("session_token")).status());
    }

    @Test
    void sessionWhenCloseToExpiryAndUsedThenExtended() throws SQLException {
        JsonObject registered = register("", "slide-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test", PASSWORD).jsonObject();
        ItServer s = ItServer.get();
        try (Connection c = DriverManager.getConnection(s.jdbcUrl(), s.jdbcUser(), s.jdbcPassword());
             PreparedStatement p = c.prepareStatement("UPDATE identity_session SET expires_at = CURRENT_TIMESTAMP + INTERVAL '30' MINUTE WHERE id = ?")) {
            p.setObject(1, UUID.fromString(registered.getJsonObject("session").getString("id")));
            p.executeUpdate();
        }

        String expires = whoami("", registered.getString("session_token")).jsonObject().getString("expires_at");

        assertTrue(java.time.Instant.parse(expires).isAfter(java.time.Instant.now().plus(java.time.Duration.ofHours(23))), expires);
    }
}
