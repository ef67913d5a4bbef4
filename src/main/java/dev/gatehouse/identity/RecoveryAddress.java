package dev.gatehouse.identity;

import java.time.Instant;
import java.util.UUID;

/** An address account recovery can be sent to. */
public record RecoveryAddress(UUID id, String via, String value, Instant createdAt, Instant updatedAt) {
}
