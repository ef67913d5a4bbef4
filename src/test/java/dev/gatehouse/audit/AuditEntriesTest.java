package dev.gatehouse.audit;

import dev.gatehouse.kernel.event.Outcome;
import dev.gatehouse.kernel.event.SecurityEvent;
import dev.gatehouse.kernel.event.SecurityEventType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuditEntriesTest {

    private final AuditEntries entries = new AuditEntries(new Devices());

    @Test
    void entryWhenResourceEventThenActionOnResource() {
        AuditEntry e = entries.entry(SecurityEvent.of(SecurityEventType.OAUTH2_CLIENT_CREATED, Outcome.SUCCESS)
                .tenant("t1").actor("admin-api-key").subject("client-9").build(), null, true);
        assertEquals("oauth2_client_created", e.eventType());
        assertEquals("created", e.action());
        assertEquals("oauth2_client", e.resourceType());
        assertEquals("client-9", e.resourceId());
        assertEquals(AuditEntry.ActorType.ADMIN_KEY, e.actorType());
    }

    @Test
    void entryWhenDetailsHoldSecretsThenMasked() {
        AuditEntry e = entries.entry(SecurityEvent.of(SecurityEventType.LOGIN_FAILED, Outcome.FAILURE).tenant("t1")
                .detail("password", "hunter2").detail("reason", "wrong password").detail("note", "token=abc123").build(),
                null, true);
        Map<String, String> details = AuditEntry.parseCanonical(e.details());
        assertEquals("[REDACTED]", details.get("password"));
        assertTrue(!e.details().contains("hunter2") && !e.details().contains("abc123"), e.details());
        assertEquals("wrong password", e.reason());
        assertEquals(AuditEntry.ActorType.ANONYMOUS, e.actorType());
    }

    @Test
    void entryWhenVerificationDetailsThenKeptApart() {
        AuditEntry e = entries.entry(SecurityEvent.of(SecurityEventType.LOGIN, Outcome.SUCCESS).tenant("t1")
                .actor("7b0c2d1e-0000-4000-8000-000000000001").detail("aal", "aal2").detail("method", "totp").build(),
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", true);
        assertEquals(AuditEntry.ActorType.IDENTITY, e.actorType());
        assertEquals("aal2", e.aal());
        assertEquals(Map.of("aal", "aal2", "method", "totp"), AuditEntry.parseCanonical(e.verification()));
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", e.traceId());
    }

    @Test
    void entryWhenNoTenantNoActorOutsideRequestThenSystemInNoTenantChain() {
        AuditEntry e = entries.entry(SecurityEvent.of(SecurityEventType.HOST_UNKNOWN, Outcome.DENIED).build(), "garbage", false);
        assertEquals(AuditEntries.NO_TENANT, e.tenant());
        assertEquals(AuditEntry.ActorType.SYSTEM, e.actorType());
        assertNull(e.traceId());
    }

    @Test
    void entryWhenValuesLongerThanTheirColumnsThenEachCutToFit() {
        AuditEntry e = entries.entry(SecurityEvent.of(SecurityEventType.LOGIN_FAILED, Outcome.FAILURE).tenant("t1")
                .subject("s".repeat(900)).detail("reason", "r".repeat(900)).detail("aal", "a".repeat(20))
                .detail("method", "m".repeat(2000)).build(), null, true);

        assertTrue(e.subject().length() <= 256 && e.subject().startsWith("sss"), e.subject());
        assertTrue(e.reason().length() <= 256, e.reason());
        assertEquals(8, e.aal().length());
        assertTrue(e.verification() == null || e.verification().length() <= AuditEntry.VERIFICATION_MAX,
                "verification JSON too long to keep whole is left out, not cut");
    }

    @Test
    void boundedWhenTheCutFallsInsideASurrogatePairThenThePairIsLeftOutWhole() {
        assertEquals("ab", AuditEntry.bounded("ab\uD83D\uDE00", 3));
        assertEquals("ab\uD83D\uDE00", AuditEntry.bounded("ab\uD83D\uDE00c", 4));
        assertEquals("abc", AuditEntry.bounded("abc", 3));
    }
}
