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

class SecurityEventLogTest {

    @Test
    void toJsonThenAllFieldsAndSecretDetailsRedacted() {
        SecurityEvent e = SecurityEvent.of(SecurityEventType.ADMIN_AUTHENTICATION_FAILED, Outcome.DENIED)
                .occurredAt(Instant.parse("2026-11-28T10:00:00Z")).tenant("acme").actor("a").subject("s").client("c")
                .ip("127.0.0.1").userAgent("curl/8").requestId("r-1")
                .detail("reason", "wrong credential").detail("password", "hunter2").build();

        JsonObject json = SecurityEventLog.toJson(e);

        assertEquals("admin_authentication_failed", json.getString("event"));
        assertEquals("denied", json.getString("outcome"));
        assertEquals("2026-11-28T10:00:00Z", json.getString("time"));
        assertEquals("acme", json.getString("tenant"));
        assertEquals("127.0.0.1", json.getString("ip"));
        assertEquals("r-1", json.getString("request_id"));
        assertEquals("wrong credential", json.getJsonObject("details").getString("reason"));
        assertFalse(json.toString().contains("hunter2"));
    }
}
