package dev.gatehouse.audit.search;

import java.time.Instant;

/** One version of a saved search: what it was (null once deleted), who changed it, why, and when. */
public record SearchVersion(int version, SavedSearch search, String changedBy, String reason, Instant changedAt) {
}
