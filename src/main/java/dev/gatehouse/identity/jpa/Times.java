package dev.gatehouse.identity.jpa;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Instants to and from the timestamp-with-time-zone columns. */
final class Times {

    private Times() {
    }

    static OffsetDateTime col(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    static Instant val(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
