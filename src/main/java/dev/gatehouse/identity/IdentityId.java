package dev.gatehouse.identity;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** An identity's id: a random UUID, as in Kratos. */
public record IdentityId(UUID value) {

    public IdentityId {
        Objects.requireNonNull(value, "value");
    }

    public static IdentityId random() {
        return new IdentityId(UUID.randomUUID());
    }

    /** The id in {@code text}, or empty when it is not a UUID (so a bad id is simply "not found"). */
    public static Optional<IdentityId> parse(String text) {
        if (text == null || text.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(new IdentityId(UUID.fromString(text)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
