package dev.gatehouse.it.audit;

import dev.gatehouse.it.selfservice.ApiFlows;
import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServer;
import dev.gatehouse.it.support.ItServerReady;
import dev.gatehouse.it.support.RawHttp;
import dev.gatehouse.it.support.TestTenants;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A tenant's {@code audit.ip-masking}: its rows keep the network of a client address ({@code truncate}) or a keyed
 * hash of it ({@code hash}), filtering by the full address still finds them, and a tenant that set nothing keeps the
 * full address. The address is the one a trusted proxy forwards, so each test chooses it.
 */
@ExtendWith(ItServerReady.class)
class AuditIpMaskingIT {

    private static final String PASSWORD = "correct horse battery staple 42";

    /** A failed sign-in to an existing identity, forwarded for {@code ip} by the proxy the server trusts. */
    private static String failedSignInFrom(String prefix, String ip) {
        String email = "mask-" + UUID.randomUUID() + "@example.org";
        assertEquals(200, ApiFlows.register(prefix, email, PASSWORD).status());
        JsonObject flow = ApiFlows.start(prefix, "login");
        String action = flow.getJsonObject("ui").getString("action");
        String requestId = "mask-" + UUID.randomUUID();
        RawHttp.Response r = RawHttp.request("POST", action.substring(action.indexOf("/", action.indexOf("//") + 2)))
                .from(ItServer.get().trustedProxy()).header("X-Forwarded-For", ip).header("X-Request-ID", requestId)
                .json("{\"method\":\"password\",\"identifier\":\"" + email + "\",\"password\":\"wrong " + PASSWORD + "\"}")
                .send();
        assertEquals(400, r.status(), r.toString());
        return requestId;
    }

    private static JsonArray events(String prefix, String query) {
        Http.Response r = Http.get(prefix + "/admin/audit/events?" + query).admin().send();
        assertEquals(200, r.status(), r.toString());
        return r.jsonObject().getJsonArray("events");
    }

    /** The login_failed row of the request, once the writer has moved it. */
    private static JsonObject loginFailed(String prefix, String requestId) throws InterruptedException {
        String query = "event_type=login_failed&request_id=" + requestId;
        Instant deadline = Instant.now().plusSeconds(10);
        JsonArray found = events(prefix, query);
        while (found.isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            found = events(prefix, query);
        }
        assertEquals(1, found.size(), found.toString());
        return found.getJsonObject(0);
    }

    @Test
    void eventsWhenTenantTruncatesThenRowKeepsTheNetworkAndFullAddressFindsIt() throws InterruptedException {
        String prefix = "/t/" + TestTenants.create("mask", "{\"audit.ip-masking\": \"truncate\"}");

        String v4 = failedSignInFrom(prefix, "203.0.113.9");
        String v6 = failedSignInFrom(prefix, "2001:db8:85a3:8d3:1319:8a2e:370:7348");

        assertEquals("203.0.113.0", loginFailed(prefix, v4).getString("ip"));
        assertEquals("2001:db8:85a3::", loginFailed(prefix, v6).getString("ip"));
        JsonArray byAddress = events(prefix, "event_type=login_failed&ip=203.0.113.77");
        assertEquals(1, byAddress.size(), byAddress.toString());
        assertEquals(v4, byAddress.getJsonObject(0).getString("request_id"));
    }

    @Test
    void eventsWhenTenantHashesThenRowKeepsKeyedHashThatCorrelatesAndFullAddressFindsIt() throws InterruptedException {
        String prefix = "/t/" + TestTenants.create("mask", "{\"audit.ip-masking\": \"hash\"}");

        String first = failedSignInFrom(prefix, "198.51.100.23");
        String again = failedSignInFrom(prefix, "198.51.100.23");
        String other = failedSignInFrom(prefix, "198.51.100.24");

        String hashed = loginFailed(prefix, first).getString("ip");
        assertTrue(hashed.matches("hmac:[0-9a-f]{32}"), hashed);
        assertEquals(hashed, loginFailed(prefix, again).getString("ip"));
        assertNotEquals(hashed, loginFailed(prefix, other).getString("ip"));
        assertEquals(2, events(prefix, "event_type=login_failed&ip=198.51.100.23").size());
        assertEquals(2, events(prefix, "event_type=login_failed&ip=" + hashed).size());
        String export = Http.get(prefix + "/admin/audit/events/export?format=csv").admin().send().body();
        assertTrue(!export.contains("198.51.100."), "no full address anywhere in the tenant's rows");
    }

    @Test
    void eventsWhenTenantSetsNothingThenRowKeepsTheFullAddress() throws InterruptedException {
        TestTenants.create("mask", "{\"audit.ip-masking\": \"hash\"}");
        String prefix = "/t/" + TestTenants.create("mask");

        String requestId = failedSignInFrom(prefix, "192.0.2.55");

        assertEquals("192.0.2.55", loginFailed(prefix, requestId).getString("ip"));
    }

    @Test
    void settingsWhenIpMaskingUnknownThen400NamingIt() {
        String id = TestTenants.create("mask");

        Http.Response r = Http.method("PATCH", "/admin/tenants/" + id + "/settings").admin()
                .json("{\"audit.ip-masking\": \"scramble\"}").send();

        assertEquals(400, r.status(), r.toString());
        assertEquals("audit.ip-masking", r.jsonObject().getJsonArray("errors").getJsonObject(0).getString("field"));
    }
}
