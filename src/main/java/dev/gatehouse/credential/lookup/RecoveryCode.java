package dev.gatehouse.credential.lookup;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** One stored recovery code: its keyed hash (lower-case hex) and when it was used, if it was. */
public record RecoveryCode(String hash, Instant usedAt) {

    public RecoveryCode {
        Objects.requireNonNull(hash, "hash");
    }

    public static RecoveryCode unused(String hash) {
        return new RecoveryCode(hash, null);
    }

    public boolean used() {
        return usedAt != null;
    }

    public Optional<Instant> usedTime() {
        return Optional.ofNullable(usedAt);
    }

    RecoveryCode markUsed(Instant at) {
        return new RecoveryCode(hash, at);
    }
}
