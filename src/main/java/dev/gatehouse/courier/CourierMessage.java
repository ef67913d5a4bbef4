package dev.gatehouse.courier;

import java.time.Instant;
import java.util.UUID;

/** A message in the outbox, as the admin API and the dev outbox page show it. */
public record CourierMessage(UUID id, String tenant, Channel channel, MessageTemplate template, String recipient, String locale,
                             String subject, String text, String html, MessageStatus status, int sendCount,
                             Instant nextAttemptAt, String lastError, String identity, Instant createdAt,
                             Instant updatedAt, Instant sentAt) {
}
