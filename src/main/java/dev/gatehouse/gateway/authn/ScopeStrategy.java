package dev.gatehouse.gateway.authn;

import dev.gatehouse.gateway.HandlerConfigs;
import jakarta.json.JsonObject;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Oathkeeper's {@code scope_strategy}: whether a granted scope satisfies a required one. {@code exact}:
 * equal; {@code hierarchic}: equal or a parent ({@code foo} grants {@code foo.bar}); {@code wildcard}:
 * {@code *} in the granted scope matches one dot-separated part ({@code foo.*} grants {@code foo.bar});
 * {@code none}: no local check (a remote introspection endpoint gets the scope instead). Used by
 * {@code oauth2_introspection} and {@code jwt}.
 */
enum ScopeStrategy {

    EXACT, HIERARCHIC, WILDCARD, NONE;

    private static final List<String> NAMES = Arrays.stream(values()).map(ScopeStrategy::configName).toList();

    /** A handler config's {@code scope_strategy}; {@code exact} when it names none. */
    static ScopeStrategy parse(JsonObject config) {
        String name = HandlerConfigs.string(config, "scope_strategy").orElse("exact");
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("scope_strategy must be one of " + NAMES);
        }
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** How configs spell it: {@code hierarchic}. */
    String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether each of {@code required} is satisfied by at least one of {@code granted}. */
    boolean grantsAll(Collection<String> granted, Collection<String> required) {
        return required.stream().allMatch(r -> granted.stream().anyMatch(g -> matches(g, r)));
    }

    boolean matches(String granted, String required) {
        if (granted.isEmpty()) {
            return false;
        }
        return switch (this) {
            case HIERARCHIC -> required.equals(granted) || required.startsWith(granted + ".");
            case WILDCARD -> wildcard(granted.split("\\.", -1), required.split("\\.", -1));
            case NONE -> true;
            case EXACT -> required.equals(granted);
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
