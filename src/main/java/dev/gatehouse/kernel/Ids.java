package dev.gatehouse.kernel;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/** Random identifiers and tokens. Tokens carry at least 256 bits from a {@link SecureRandom}. */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static UUID uuid() {
        return UUID.randomUUID();
    }

    /** The UUID in {@code text} (canonical 36-character form), or empty, so that a bad id is simply "not found". */
    public static Optional<UUID> parseUuid(String text) {
        if (text == null || text.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A URL-safe token of {@code bytes} random bytes (base64url, no padding). */
    public static String token(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** A 256-bit URL-safe token. */
    public static String token() {
        return token(32);
    }
}
