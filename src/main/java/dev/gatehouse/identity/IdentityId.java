package dev.gatehouse.identity;

import dev.gatehouse.kernel.Ids;

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
        return Ids.parseUuid(text).map(IdentityId::new);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
