package dev.gatehouse.oauth2.client;

import java.util.Arrays;
import java.util.Optional;

/** Whether a client's access tokens are opaque (only a hash stored) or RFC 9068 JWTs. */
public enum AccessTokenStrategy {
    OPAQUE("opaque"),
    JWT("jwt");

    private final String wire;

    AccessTokenStrategy(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<AccessTokenStrategy> parse(String value) {
        return Arrays.stream(values()).filter(m -> m.wire.equals(value)).findFirst();
    }
}
