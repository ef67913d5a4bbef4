package dev.gatehouse.kernel;

import dev.gatehouse.kernel.event.Outcome;
import dev.gatehouse.kernel.event.SecurityEvent;
import dev.gatehouse.kernel.event.SecurityEventLog;
import dev.gatehouse.kernel.event.SecurityEventType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

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

    /** A success goes out once its transaction committed (the container calls {@code onCommitted} then), a failure at once. */
    @Test
    void observersWhenSuccessThenWrittenAfterCommitOnlyAndFailureAtOnce() throws Exception {
        List<String> written = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                written.add(r.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger("gatehouse.security");
        logger.addHandler(capture);
        try {
            SecurityEventLog log = new SecurityEventLog();
            SecurityEvent success = SecurityEvent.of(SecurityEventType.LOGIN, Outcome.SUCCESS).occurredAt(Instant.EPOCH).build();
            SecurityEvent failure = SecurityEvent.of(SecurityEventType.LOGIN_FAILED, Outcome.FAILURE).occurredAt(Instant.EPOCH).build();

            log.onEvent(success);
            log.onCommitted(failure);
            assertEquals(List.of(), written, "in the transaction nothing of a success; after it nothing of a failure again");
            log.onEvent(failure);
            log.onCommitted(success);

            assertEquals(List.of("login_failed", "login"), written.stream()
                    .map(m -> jakarta.json.Json.createReader(new java.io.StringReader(m)).readObject().getString("event")).toList());
            Observes observes = SecurityEventLog.class.getMethod("onCommitted", SecurityEvent.class).getParameters()[0]
                    .getAnnotation(Observes.class);
            assertEquals(TransactionPhase.AFTER_SUCCESS, observes.during());
        } finally {
            logger.removeHandler(capture);
        }
    }
}
