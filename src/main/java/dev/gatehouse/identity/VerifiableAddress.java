package dev.gatehouse.identity;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** An address the identity can prove it owns (e-mail for now), as in Kratos. */
public record VerifiableAddress(UUID id, String via, String value, boolean verified, Status status,
                                Instant verifiedAt, Instant createdAt, Instant updatedAt) {

    /** Kratos' verification states. */
    public enum Status {
        PENDING, SENT, COMPLETED;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
