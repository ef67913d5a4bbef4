package dev.gatehouse.kernel;

import dev.gatehouse.kernel.event.Outcome;
import dev.gatehouse.kernel.event.SecurityEvent;
import dev.gatehouse.kernel.event.SecurityEventLog;
import dev.gatehouse.kernel.event.SecurityEventType;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every field of a security event is bounded where the event is made, so no caller can flood the log. */
class SecurityEventBoundsTest {

    private static SecurityEvent.Builder event() {
        return SecurityEvent.of(SecurityEventType.LOGIN_FAILED, Outcome.FAILURE).occurredAt(Instant.parse("2026-11-28T10:00:00Z"));
    }

    @Test
    void eventWhenIdentifierIsAMegabyteThenA64CharacterPrefixWithItsLengthAndTheLogLineStaysSmall() {
        SecurityEvent e = event().tenant("default").ip("203.0.113.9").userAgent("curl/8")
                .detail("identifier", "a".repeat(1_000_000) + "@example.com").detail("reason", "no such identity").build();

        assertEquals("a".repeat(64) + "…[1000012 chars]", e.details().get("identifier"));
        String line = SecurityEventLog.toJson(e).toString();
        assertTrue(line.length() < 1024, "log line of " + line.length() + " characters");
    }

    @Test
    void eventWhenEveryFieldIsHugeThenEachBoundedAndTheLineStillBounded() {
        String huge = "z".repeat(100_000);
        SecurityEvent.Builder b = event().tenant(huge).actor(huge).subject(huge).client(huge).ip(huge).userAgent(huge).requestId(huge);
        for (int i = 0; i < 1000; i++) {
            b.detail("key-" + i + huge, huge);
        }

        SecurityEvent e = b.build();

        for (String field : new String[] {e.tenant(), e.actor(), e.subject(), e.client(), e.ip(), e.userAgent(), e.requestId()}) {
            assertTrue(field.length() <= SecurityEvent.MAX_FIELD + 20, field.length() + " characters");
        }
        assertEquals(SecurityEvent.MAX_DETAILS + 1, e.details().size(), "32 details and the count of the dropped ones");
        assertEquals("968", e.details().get("details_dropped"));
        e.details().forEach((k, v) -> assertTrue(k.length() <= SecurityEvent.MAX_KEY + 20 && v.length() <= SecurityEvent.MAX_FIELD + 20));
        assertTrue(SecurityEventLog.toJson(e).toString().length() < 32 * 1024);
    }

    @Test
    void eventWhenFieldsCarryLineBreaksAndEscapesThenEscapedInTheEventItself() {
        SecurityEvent e = event().userAgent("Mozilla\r\nX-Injected: 1").detail("identifier", "eve\n{\"event\":\"login\"}")
                .detail("re\u001bason", "x\u2028y").build();

        assertEquals("Mozilla\\r\\nX-Injected: 1", e.userAgent());
        assertEquals("eve\\n{\"event\":\"login\"}", e.details().get("identifier"));
        assertEquals("x\\u2028y", e.details().get("re\\u001Bason"));
        assertFalse(SecurityEventLog.toJson(e).toString().contains("\n"));
    }

    @Test
    void eventWhenDetailsGivenThenTheirOrderIsKept() {
        SecurityEvent e = event().detail("method", "password").detail("reason", "wrong password").detail("flow", "api").build();

        assertEquals(java.util.List.of("method", "reason", "flow"), java.util.List.copyOf(e.details().keySet()));
    }
}
