package dev.gatehouse.identity;

import java.util.Locale;
import java.util.Optional;

/** Whether an identity may sign in. */
public enum IdentityState {
    ACTIVE,
    INACTIVE;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<IdentityState> fromWire(String s) {
        for (IdentityState v : values()) {
            if (v.wire().equals(s)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
