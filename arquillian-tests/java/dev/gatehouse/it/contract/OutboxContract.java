package dev.gatehouse.it.contract;

import dev.gatehouse.courier.CourierConfig;
import dev.gatehouse.courier.CourierMessage;
import dev.gatehouse.courier.MessageStatus;
import dev.gatehouse.courier.MessageTemplate;
import dev.gatehouse.courier.Outbox;
import dev.gatehouse.courier.OutgoingMessage;
import dev.gatehouse.courier.jpa.JpaCourier;
import dev.gatehouse.courier.jpa.JpaOutbox;
import dev.gatehouse.courier.jpa.OutboxRetention;
import dev.gatehouse.kernel.config.MapConfig;
import dev.gatehouse.kernel.event.SecurityEvent;
import dev.gatehouse.kernel.event.SecurityEvents;
import dev.gatehouse.kernel.tenant.TenantId;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the courier's outbox must do on each database the product supports: the writer ({@link JpaCourier}), the read
 * side ({@link Outbox}) and its retention in the clean-up. The sender's claim queue is hand JDBC and is covered by
 * the courier's integration tests.
 */
abstract class OutboxContract extends RepositoryContract<Outbox> {

    /** No SMTP host: messages are held, as on a first run. */
    private static final CourierConfig CONFIG = new CourierConfig(MapConfig.of(
            "gatehouse.courier.smtp.port", "25", "gatehouse.courier.smtp.tls", "none",
            "gatehouse.courier.from-address", "no-reply@gatehouse.localhost", "gatehouse.courier.from-name", "Gatehouse",
            "gatehouse.courier.max-attempts", "10", "gatehouse.courier.retry-backoff", "10s",
            "gatehouse.courier.max-backoff", "1h", "gatehouse.courier.batch-size", "50",
            "gatehouse.courier.poll-interval", "2s", "gatehouse.courier.processing-timeout", "5m",
            "gatehouse.courier.held-max-age", "15m", "gatehouse.courier.retention", "7d"));
    private static final SecurityEvents NO_EVENTS = new SecurityEvents() {
        @Override
        public void fire(SecurityEvent.Builder builder) {
            // nobody listens outside the server
        }
    };

    @Override
    protected Outbox repository(EntityManager em) {
        return new JpaOutbox(em);
    }

    private UUID enqueued(TenantId tenant, String recipient) {
        return db.inTransaction(em -> new JpaCourier(em, CONFIG, NO_EVENTS, Clock.fixed(NOW, ZoneOffset.UTC))
                .enqueue(new OutgoingMessage(tenant, MessageTemplate.LOGIN_CODE_VALID, recipient, Locale.ENGLISH,
                        Map.of("code", "123456"), null)));
    }

    @Test
    void enqueueThenHeldRenderedAndFoundOnlyInItsTenant() {
        UUID id = enqueued(TenantId.DEFAULT, "a@example.test");

        CourierMessage m = inTx(r -> r.find(TenantId.DEFAULT, id)).orElseThrow();
        assertEquals(MessageStatus.HELD, m.status());
        assertEquals("a@example.test", m.recipient());
        assertTrue(m.text().contains("123456"));
        assertEquals(NOW, m.createdAt());
        assertTrue(inTx(r -> r.find(OTHER, id)).isEmpty());
    }

    @Test
    void listThenNewestFirstFilteredByStatusAndRecipient() {
        UUID first = enqueued(TenantId.DEFAULT, "a@example.test");
        sql("UPDATE courier_message SET created_at = ? WHERE id = ?", NOW.minusSeconds(60), first);
        UUID second = enqueued(TenantId.DEFAULT, "b@example.test");
        enqueued(OTHER, "a@example.test");

        assertEquals(List.of(second, first), ids(inTx(r -> r.list(TenantId.DEFAULT, Optional.empty(), Optional.empty(), 0, 10))));
        assertEquals(List.of(first), ids(inTx(r -> r.list(TenantId.DEFAULT, Optional.of(MessageStatus.HELD),
                Optional.of("a@example.test"), 0, 10))));
        assertTrue(inTx(r -> r.list(TenantId.DEFAULT, Optional.of(MessageStatus.SENT), Optional.empty(), 0, 10)).isEmpty());
        assertEquals(List.of(first), ids(inTx(r -> r.list(TenantId.DEFAULT, Optional.empty(), Optional.empty(), 1, 10))));
    }

    @Test
    void retentionThenDoneMessagesOlderThanItGoAndQueuedOnesNever() {
        UUID old = enqueued(TenantId.DEFAULT, "a@example.test");
        UUID queuedLongAgo = enqueued(TenantId.DEFAULT, "b@example.test");
        UUID recent = enqueued(TenantId.DEFAULT, "c@example.test");
        sql("UPDATE courier_message SET status = 'sent', updated_at = ? WHERE id = ?", NOW.minus(Duration.ofDays(8)), old);
        sql("UPDATE courier_message SET status = 'queued', updated_at = ? WHERE id = ?", NOW.minus(Duration.ofDays(8)), queuedLongAgo);

        assertEquals(1, (int) db.inTransaction(em -> new OutboxRetention(em, CONFIG).deleteExpired(batch(10))));

        assertTrue(inTx(r -> r.find(TenantId.DEFAULT, old)).isEmpty());
        assertTrue(inTx(r -> r.find(TenantId.DEFAULT, queuedLongAgo)).isPresent());
        assertTrue(inTx(r -> r.find(TenantId.DEFAULT, recent)).isPresent());
    }

    private static List<UUID> ids(List<CourierMessage> messages) {
        return messages.stream().map(CourierMessage::id).toList();
    }
}
