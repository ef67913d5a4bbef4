package dev.gatehouse.gateway.authn;

import dev.gatehouse.gateway.HandlerConfigs;
import jakarta.json.JsonObject;

import java.util.Collection;
import java.util.List;

/**
 * Oathkeeper's {@code scope_strategy}: whether a granted scope satisfies a required one. {@code exact}:
 * equal; {@code hierarchic}: equal or a parent ({@code foo} grants {@code foo.bar}); {@code wildcard}:
 * {@code *} in the granted scope matches one dot-separated part ({@code foo.*} grants {@code foo.bar});
 * {@code none}: no local check (a remote introspection endpoint gets the scope instead). Used by
 * {@code oauth2_introspection} and {@code jwt}.
 */
final class ScopeStrategies {

    static final List<String> NAMES = List.of("exact", "hierarchic", "wildcard", "none");

    private ScopeStrategies() {
    }

    /** A handler config's {@code scope_strategy}; {@code exact} when it names none. */
    static String of(JsonObject config) {
        return HandlerConfigs.string(config, "scope_strategy").orElse("exact");
    }

    /** Refuses a {@code scope_strategy} that is not one of {@link #NAMES}. */
    static void validate(JsonObject config) {
        if (!NAMES.contains(of(config))) {
            throw new IllegalArgumentException("scope_strategy must be one of " + NAMES);
        }
    }

    /** Whether each of {@code required} is satisfied by at least one of {@code granted}. */
    static boolean grantsAll(String strategy, Collection<String> granted, Collection<String> required) {
        return required.stream().allMatch(r -> granted.stream().anyMatch(g -> matches(strategy, g, r)));
    }

    static boolean matches(String strategy, String granted, String required) {
        if (granted.isEmpty()) {
            return false;
        }
        return switch (strategy) {
            case "hierarchic" -> required.equals(granted) || required.startsWith(granted + ".");
            case "wildcard" -> wildcard(granted.split("\\.", -1), required.split("\\.", -1));
            case "none" -> true;
            default -> required.equals(granted);
        };
    }

    private static boolean wildcard(String[] granted, String[] required) {
        if (granted.length != required.length) {
            return false;
        }
        for (int i = 0; i < granted.length; i++) {
            if (!granted[i].equals("*") && !granted[i].equals(required[i])) {
                return false;
            }
        }
        return true;
    }
}
