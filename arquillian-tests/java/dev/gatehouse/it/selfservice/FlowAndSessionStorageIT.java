package dev.gatehouse.it.selfservice;

import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServer;
import dev.gatehouse.it.support.ItServerReady;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import static dev.gatehouse.it.selfservice.ApiFlows.login;
import static dev.gatehouse.it.selfservice.ApiFlows.register;
import static dev.gatehouse.it.selfservice.ApiFlows.start;
import static dev.gatehouse.it.selfservice.ApiFlows.submit;
import static dev.gatehouse.it.selfservice.ApiFlows.whoami;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What is stored and how it ages: flow expiry, session tokens at rest, disabled identities, and the
 * security events the flows fire. Looks into the server's database directly where a user could not.
 */
@ExtendWith(ItServerReady.class)
class FlowAndSessionStorageIT {

    private static final String PASSWORD = "storage test passphrase 3";

    private static Connection db() throws SQLException {
        ItServer s = ItServer.get();
        return DriverManager.getConnection(s.jdbcUrl(), s.jdbcUser(), s.jdbcPassword());
    }

    private static String email() {
        return "store-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
    }

    @Test
    void submitWhenFlowExpiredThen410PointingToANewFlowWithTheExpiredMessage() throws SQLException {
        JsonObject flow = start("", "login");
        try (Connection c = db(); PreparedStatement p = c.prepareStatement(
                "UPDATE selfservice_flow SET expires_at = expires_at - INTERVAL '2' HOUR WHERE id = ?")) {
            p.setObject(1, UUID.fromString(flow.getString("id")));
            assertEquals(1, p.executeUpdate());
        }

        Http.Response r = submit(flow, "{\"method\":\"password\",\"identifier\":\"a@example.test\",\"password\":\"b\"}");

        assertEquals(410, r.status(), r.toString());
        assertEquals("self_service_flow_expired", r.jsonObject().getJsonObject("error").getString("id"));
        String next = r.jsonObject().getString("use_flow_id");
        JsonObject fresh = Http.get("/self-service/login/flows?id=" + next).send().jsonObject();
        assertEquals(4010001, fresh.getJsonObject("ui").getJsonArray("messages").getJsonObject(0).getInt("id"));
    }

    @Test
    void sessionTokenWhenIssuedThenOnlyItsHmacIsStored() throws SQLException {
        JsonObject registered = register("", email(), PASSWORD).jsonObject();
        String token = registered.getString("session_token");

        // this identity's sessions: other tests' rows are theirs to check
        try (Connection c = db(); PreparedStatement p = c.prepareStatement("SELECT token_hash FROM identity_session WHERE identity_id = ?")) {
            p.setObject(1, UUID.fromString(registered.getJsonObject("identity").getString("id")));
            try (ResultSet rs = p.executeQuery()) {
                boolean any = false;
                while (rs.next()) {
                    any = true;
                    String stored = rs.getString(1);
                    assertFalse(stored.contains(token.substring("ory_st_".length())), "a token is stored in the clear");
                    assertTrue(stored.matches("[0-9a-f]{64}"), stored);
                }
                assertTrue(any);
            }
        }
    }

    @Test
    void identityWhenDisabledThenCannotSignInAndItsSessionsStopWorking() {
        String email = email();
        JsonObject registered = register("", email, PASSWORD).jsonObject();
        String token = registered.getString("session_token");
        String id = registered.getJsonObject("identity").getString("id");

        Http.Response patched = Http.method("PATCH", "/admin/identities/" + id).admin()
                .json("[{\"op\":\"replace\",\"path\":\"/state\",\"value\":\"inactive\"}]").send();

        assertEquals(200, patched.status(), patched.toString());
        assertEquals(401, whoami("", token).status());
        Http.Response r = login("", email, PASSWORD);
        assertEquals(400, r.status());
        assertEquals(4000006, r.jsonObject().getJsonObject("ui").getJsonArray("messages").getJsonObject(0).getInt("id"));
    }

    @Test
    void flowsWhenUsedThenSecurityEventsLoggedWithoutThePassword() throws Exception {
        String email = email();
        String token = register("", email, PASSWORD).jsonObject().getString("session_token");
        login("", email, "wrong password here");
        login("", email, PASSWORD);
        Http.method("DELETE", "/self-service/logout/api").json("{\"session_token\":\"" + token + "\"}").send();

        String log = "";
        for (int i = 0; i < 40 && !log.contains("\\\"logout\\\""); i++) {
            Thread.sleep(100);
            log = Files.readString(ItServer.get().messagesLog(), StandardCharsets.UTF_8);
        }
        for (String event : new String[] {"registration", "login_failed", "login", "logout"}) {
            assertTrue(log.contains("\\\"event\\\":\\\"" + event + "\\\""), "event " + event + " not logged");
        }
        assertFalse(log.contains(PASSWORD), "a password reached the log");
        assertFalse(log.contains(token), "a session token reached the log");
    }

    @Test
    void submitWhenBodyHostileThenClear4xxAndNothingCreated() {
        JsonObject flow = start("", "registration");
        String deep = "{\"method\":\"password\",\"traits\":" + "{\"a\":".repeat(100) + "1" + "}".repeat(100) + "}";

        assertEquals(400, submit(flow, deep).status());
        assertEquals(400, submit(flow, "{\"method\":").status());
        assertEquals(422, submit(flow, "{\"method\":\"password\",\"traits\":\"not an object\"}").status());
        String big = "{\"method\":\"password\",\"password\":\"" + "x".repeat(70_000) + "\"}";
        assertEquals(413, submit(flow, big).status());
    }
}
