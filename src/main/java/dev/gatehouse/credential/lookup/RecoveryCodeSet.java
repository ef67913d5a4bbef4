package dev.gatehouse.credential.lookup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The stored form of an identity's recovery codes: the per-set salt mixed into every code's hash, the codes'
 * hashes with their use times, and when the set was issued. Immutable; {@link RecoveryCodes#redeem} returns the
 * set with one more code used.
 */
public record RecoveryCodeSet(String salt, List<RecoveryCode> codes, Instant createdAt) {

    public RecoveryCodeSet {
        Objects.requireNonNull(salt, "salt");
        Objects.requireNonNull(createdAt, "createdAt");
        codes = List.copyOf(codes);
        if (codes.isEmpty()) {
            throw new IllegalArgumentException("a recovery code set holds at least one code");
        }
    }

    /** How many codes can still be used. */
    public int remaining() {
        return (int) codes.stream().filter(c -> !c.used()).count();
    }

    /** Whether every code has been used, so the identity has no recovery codes left. */
    public boolean usedUp() {
        return remaining() == 0;
    }

    RecoveryCodeSet withUsed(int index, Instant at) {
        List<RecoveryCode> updated = new ArrayList<>(codes);
        updated.set(index, codes.get(index).markUsed(at));
        return new RecoveryCodeSet(salt, updated, createdAt);
    }
}
