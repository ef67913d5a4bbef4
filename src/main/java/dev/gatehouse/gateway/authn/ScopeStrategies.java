package dev.gatehouse.gateway.authn;

import java.util.List;

/**
 * Oathkeeper's {@code scope_strategy}: whether a granted scope satisfies a required one. {@code exact}:
 * equal; {@code hierarchic}: equal or a parent ({@code foo} grants {@code foo.bar}); {@code wildcard}:
 * {@code *} in the granted scope matches one dot-separated part ({@code foo.*} grants {@code foo.bar});
 * {@code none}: no local check (a remote introspection endpoint gets the scope instead).
 */
final class ScopeStrategies {

    static final List<String> NAMES = List.of("exact", "hierarchic", "wildcard", "none");

    private ScopeStrategies() {
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
