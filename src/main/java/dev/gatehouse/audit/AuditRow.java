package dev.gatehouse.audit;

import java.time.Instant;

/**
 * An audit row in its tenant's chain: its number in the chain ({@code seq}, from 1, without gaps), when the writer
 * recorded it, what it records, and its link: SHA-256 over the previous row's hash and this row's canonical JSON.
 */
public record AuditRow(long seq, Instant recordedAt, AuditEntry entry, String hash) {

    public AuditRow {
        recordedAt = recordedAt.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }
}
