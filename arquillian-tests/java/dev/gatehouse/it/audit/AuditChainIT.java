package dev.gatehouse.it.audit;

import dev.gatehouse.it.support.AuditRows;
import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServer;
import dev.gatehouse.it.support.ItServerReady;
import dev.gatehouse.it.support.TestTenants;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.gatehouse.it.audit.AuditEvents.awaitEvents;
import static dev.gatehouse.it.audit.AuditEvents.db;
import static dev.gatehouse.it.audit.AuditEvents.events;
import static dev.gatehouse.it.audit.AuditEvents.pause;
import static dev.gatehouse.it.audit.AuditEvents.refusedAdminCall;
import static dev.gatehouse.it.audit.AuditEvents.verify;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The audit log's hash chain: {@code /admin/audit/verify} names the first row forged or missing after rows are
 * changed or deleted in the database behind the server's back, and retention archives the rows older than the
 * tenant's retention, prunes them, and leaves a chain that still verifies from its checkpoint.
 */
@ExtendWith(ItServerReady.class)
class AuditChainIT {

    @Test
    void verifyWhenRowForgedOrDeletedInTheDatabaseThenThatRowReported() throws SQLException {
        String tenant = TestTenants.create("audit");
        String prefix = "/t/" + tenant;
        for (int i = 0; i < 4; i++) {
            refusedAdminCall(prefix, "chain-" + i, null, null);
        }
        awaitEvents(prefix, "", 4);
        JsonObject ok = verify(prefix);
        assertTrue(ok.getBoolean("ok"), ok.toString());
        assertTrue(ok.getJsonNumber("rows").longValue() >= 4, ok.toString());

        long forged = ok.getJsonNumber("last_id").longValue() - 1;
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement(
                "UPDATE audit_event SET details = ? WHERE tenant_id = ? AND seq = ?")) {
            ps.setString(1, "{\"path\":\"/nothing/to/see\"}");
            ps.setString(2, tenant);
            ps.setLong(3, forged);
            assertEquals(1, ps.executeUpdate());
        }
        JsonObject broken = verify(prefix);
        assertFalse(broken.getBoolean("ok"), broken.toString());
        assertEquals(forged, broken.getJsonObject("broken").getJsonNumber("id").longValue());
        assertEquals("hash_mismatch", broken.getJsonObject("broken").getString("reason"));
        assertTrue(!broken.getJsonObject("broken").getString("expected_hash")
                .equals(broken.getJsonObject("broken").getString("found_hash")));

        String other = TestTenants.create("audit");
        for (int i = 0; i < 3; i++) {
            refusedAdminCall("/t/" + other, "gone-" + i, null, null);
        }
        awaitEvents("/t/" + other, "", 3);
        long last = verify("/t/" + other).getJsonNumber("last_id").longValue();
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement("DELETE FROM audit_event WHERE tenant_id = ? AND seq = ?")) {
            ps.setString(1, other);
            ps.setLong(2, last - 1);
            assertEquals(1, ps.executeUpdate());
        }
        JsonObject gap = verify("/t/" + other);
        assertFalse(gap.getBoolean("ok"), gap.toString());
        assertEquals(last, gap.getJsonObject("broken").getJsonNumber("id").longValue(), gap.toString());
        assertEquals("missing_rows", gap.getJsonObject("broken").getString("reason"));
        assertEquals(last - 1, gap.getJsonObject("broken").getJsonNumber("expected_id").longValue());
    }

    @Test
    void retentionWhenRowsOlderThanTenantsRetentionThenArchivedPrunedAndChainStillVerifies() throws Exception {
        String tenant = TestTenants.create("audit");
        String prefix = "/t/" + tenant;
        AuditRows.queueOld(tenant, Instant.now().minus(Duration.ofDays(3)), 3);
        refusedAdminCall(prefix, "recent", null, null);
        awaitEvents(prefix, "", 4);
        assertTrue(verify(prefix).getBoolean("ok"));

        Http.Response set = Http.method("PATCH", "/admin/tenants/" + tenant + "/settings").admin()
                .json("{\"audit.retention\":\"1d\"}").send();
        assertEquals(200, set.status(), set.toString());

        Instant deadline = Instant.now().plusSeconds(20);
        while (events(prefix, "").size() > 1 && Instant.now().isBefore(deadline)) {
            pause(200);
        }
        JsonArray left = events(prefix, "");
        assertEquals(1, left.size(), left.toString());
        assertEquals("admin_authentication_failed", left.getJsonObject(0).getString("event_type"));

        List<JsonObject> archived = AuditRows.archived(ItServer.get().auditArchiveDir(), tenant);
        assertEquals(List.of("0", "1", "2"), archived.stream().map(a -> Json.createReader(new StringReader(
                a.getString("details"))).readObject().getString("n")).sorted().toList());
        assertTrue(archived.stream().allMatch(a -> a.getString("hash").length() == 64));

        JsonObject verified = verify(prefix);
        assertTrue(verified.getBoolean("ok"), verified.toString());
        assertEquals(3, verified.getJsonObject("start").getJsonNumber("after_id").longValue(), verified.toString());
        assertEquals(archived.stream().filter(a -> a.getJsonNumber("seq").longValue() == 3).findFirst().orElseThrow()
                .getString("hash"), verified.getJsonObject("start").getString("hash"));
    }
}
