package dev.gatehouse.it.audit;

import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServerReady;
import dev.gatehouse.it.support.TestClient;
import dev.gatehouse.it.support.TestClients;
import dev.gatehouse.it.support.TestTenants;
import jakarta.json.JsonArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An admin token with the {@code gatehouse:auditor} scope: it reads its tenant's audit log and is refused everything
 * else in the admin API (other paths, writes under {@code /admin/audit}, another tenant's log).
 */
@ExtendWith(ItServerReady.class)
class AuditorTokenIT {

    /** An access token of the tenant for a client_credentials client holding {@code scope}. */
    static String token(String prefix, String scope) {
        TestClient c = TestClients.jwtStrategy().tenantPrefix(prefix).scope(scope).create();
        String basic = Base64.getEncoder().encodeToString((URLEncoder.encode(c.id(), StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(c.secret(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        Http.Response r = Http.post(prefix + "/oauth2/token").header("Authorization", "Basic " + basic)
                .body("application/x-www-form-urlencoded", ("grant_type=client_credentials&scope="
                        + URLEncoder.encode(scope, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)).send();
        assertEquals(200, r.status(), r.toString());
        return r.jsonObject().getString("access_token");
    }

    private static Http.Response call(String method, String path, String token) {
        Http h = Http.method(method, path).header("Authorization", "Bearer " + token);
        if (!method.equals("GET")) {
            h.json("{}");
        }
        return h.send();
    }

    private static void assertForbidden(Http.Response r) {
        assertEquals(403, r.status(), r.toString());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
        assertEquals(403, r.jsonObject().getInt("status"), r.body());
        assertTrue(r.jsonObject().getString("type").endsWith("forbidden"), r.body());
        assertTrue(r.header("WWW-Authenticate").contains("insufficient_scope"), r.header("WWW-Authenticate"));
    }

    @Test
    void auditWhenAuditorTokenThenReadsItsTenantsEvents() throws InterruptedException {
        String prefix = "/t/" + TestTenants.create("auditor");
        String auditor = token(prefix, "gatehouse:auditor");
        String requestId = "auditor-" + UUID.randomUUID();
        Http.get(prefix + "/admin/probe").header("X-Request-ID", requestId).send();

        JsonArray events = null;
        Instant deadline = Instant.now().plusSeconds(10);
        while (events == null || events.isEmpty() && Instant.now().isBefore(deadline)) {
            Http.Response r = call("GET", prefix + "/admin/audit/events?request_id=" + requestId, auditor);
            assertEquals(200, r.status(), r.toString());
            events = r.jsonObject().getJsonArray("events");
            if (events.isEmpty()) {
                Thread.sleep(100);
            }
        }
        assertEquals(1, events.size(), events.toString());
        assertEquals("admin_authentication_failed", events.getJsonObject(0).getString("event_type"));
        Http.Response verify = call("GET", prefix + "/admin/audit/verify", auditor);
        assertEquals(200, verify.status(), verify.toString());
        assertTrue(verify.jsonObject().getBoolean("ok"), verify.toString());
        Http.Response status = call("GET", prefix + "/admin/audit/status", auditor);
        assertEquals(200, status.status(), status.toString());
        Http.Response export = call("GET", prefix + "/admin/audit/events/export?request_id=" + requestId, auditor);
        assertEquals(200, export.status(), export.toString());
        assertTrue(export.body().contains(requestId), export.body());
    }

    @Test
    void adminWhenAuditorTokenBeyondReadingTheAuditLogThenForbidden() {
        String prefix = "/t/" + TestTenants.create("auditor");
        String auditor = token(prefix, "gatehouse:auditor");
        List<String[]> refused = List.of(new String[] {"GET", "/admin/identities"}, new String[] {"GET", "/admin/clients"},
                new String[] {"POST", "/admin/clients"}, new String[] {"GET", "/admin/tenants/" + prefix.substring(3) + "/settings"},
                new String[] {"POST", "/admin/audit/events"}, new String[] {"DELETE", "/admin/audit/events"},
                new String[] {"POST", "/admin/audit/searches"}, new String[] {"PUT", "/admin/audit/alerts/x"});

        for (String[] call : refused) {
            assertForbidden(call(call[0], prefix + call[1], auditor));
        }
    }

    @Test
    void auditWhenAuditorTokenOfAnotherTenantThenRefused() {
        String a = "/t/" + TestTenants.create("auditor");
        String b = "/t/" + TestTenants.create("auditor");
        String auditorOfA = token(a, "gatehouse:auditor");

        Http.Response r = call("GET", b + "/admin/audit/events", auditorOfA);

        assertEquals(401, r.status(), r.toString());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
        assertTrue(!r.body().contains("\"events\""), r.body());
    }

    @Test
    void auditWhenTokenWithNeitherScopeThenForbidden() {
        String prefix = "/t/" + TestTenants.create("auditor");
        String other = token(prefix, "openid");

        Http.Response r = call("GET", prefix + "/admin/audit/events", other);

        assertForbidden(r);
    }
}
