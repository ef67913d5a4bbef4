package dev.gatehouse.oauth2.token;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/** Space-delimited scope and audience lists (RFC 6749 §3.3): parsed in order, without duplicates. */
public final class Scopes {

    private Scopes() {
    }

    public static Set<String> parse(String value) {
        if (value == null || value.isBlank()) {
            return Set.of();
        }
        return new LinkedHashSet<>(Arrays.stream(value.trim().split(" +")).toList());
    }

    public static String join(Collection<String> values) {
        return String.join(" ", values);
    }

    /** Whether the grant allows refresh tokens: Hydra accepts {@code offline_access} and {@code offline}. */
    public static boolean offline(Set<String> scopes) {
        return scopes.contains("offline_access") || scopes.contains("offline");
    }
}
