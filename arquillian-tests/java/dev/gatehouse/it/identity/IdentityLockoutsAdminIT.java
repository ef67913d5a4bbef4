package dev.gatehouse.it.identity;

import dev.gatehouse.it.selfservice.ApiFlows;
import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServerReady;
import dev.gatehouse.it.support.ServerLog;
import dev.gatehouse.it.support.TestTenants;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.util.UUID;

import static dev.gatehouse.it.identity.TestIdentities.body;
import static dev.gatehouse.it.identity.TestIdentities.create;
import static dev.gatehouse.it.identity.TestIdentities.password;
import static dev.gatehouse.it.identity.TestIdentities.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One identity's sign-in locks through {@code /admin/identities/{id}/lockouts} (Keycloak's per-user brute-force
 * status): listed with the shape of {@code /admin/lockouts}, cleared at once, scoped by tenant.
 */
@ExtendWith(ItServerReady.class)
class IdentityLockoutsAdminIT {

    private static final String PASSWORD = "identity lockouts passphrase 7";

    private static Http.Response lockouts(String prefix, String method, String id, String requestId) {
        return Http.method(method, prefix + "/admin/identities/" + id + "/lockouts").header("X-Request-ID", requestId).admin().send();
    }

    @Test
    void lockoutsWhenFiveWrongPasswordsThenListedAndClearedSoTheRightPasswordWorksAgain() {
        String email = uniqueEmail();
        String id = create("", body(email, password(PASSWORD))).jsonObject().getString("id");
        for (int i = 0; i < 5; i++) {
            assertEquals(400, ApiFlows.login("", email, "wrong password " + i).status());
        }
        assertEquals(400, ApiFlows.login("", email, PASSWORD).status(), "locked");

        Http.Response listed = lockouts("", "GET", id, "list-" + UUID.randomUUID());
        assertEquals(200, listed.status(), listed.toString());
        JsonArray locks = listed.json().asJsonArray();
        assertEquals(1, locks.size(), locks.toString());
        JsonObject lock = locks.getJsonObject(0);
        assertEquals("identifier", lock.getString("kind"));
        assertEquals(email, lock.getString("subject"));
        assertTrue(lock.containsKey("locked_until") && lock.getInt("lockouts") == 1, lock.toString());

        String requestId = "lockouts-it-" + UUID.randomUUID();
        assertEquals(204, lockouts("", "DELETE", id, requestId).status());
        JsonObject event = securityEvent(requestId);
        assertEquals("admin_change", event.getString("event"));
        assertEquals("admin-api-key", event.getString("actor"));
        assertEquals(id, event.getString("subject"));
        assertEquals("lockout cleared", event.getJsonObject("details").getString("action"));
        assertEquals(0, lockouts("", "GET", id, "after-" + UUID.randomUUID()).json().asJsonArray().size());
        assertEquals(200, ApiFlows.login("", email, PASSWORD).status(), "cleared");
        assertEquals(204, lockouts("", "DELETE", id, "again-" + UUID.randomUUID()).status(), "nothing left to clear is no error");
    }

    @Test
    void lockoutsWhenIdentityOfAnotherTenantOrUnknownThen404() {
        String tenant = TestTenants.create("lockouts");
        String elsewhere = create("/t/" + tenant, body(uniqueEmail(), null)).jsonObject().getString("id");

        assertEquals(404, lockouts("", "GET", elsewhere, "x-" + UUID.randomUUID()).status());
        assertEquals(404, lockouts("", "DELETE", elsewhere, "x-" + UUID.randomUUID()).status());
        assertEquals(404, lockouts("", "GET", "not-an-id", "x-" + UUID.randomUUID()).status());
        assertEquals(200, lockouts("/t/" + tenant, "GET", elsewhere, "x-" + UUID.randomUUID()).status());
    }

    private static JsonObject securityEvent(String requestId) {
        JsonObject record = ServerLog.await(r -> r.getString("message", "").contains(requestId)
                && r.getString("module", "").equals("gatehouse.security")).orElseThrow();
        try (JsonReader reader = Json.createReader(new StringReader(record.getString("message")))) {
            return reader.readObject();
        }
    }
}
