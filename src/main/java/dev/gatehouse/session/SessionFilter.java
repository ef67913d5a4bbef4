package dev.gatehouse.session;

import dev.gatehouse.kernel.problem.ApiException;

/**
 * Which sessions a list holds, as Kratos' {@code active} query parameter chooses them. A session counts as
 * active while it is neither revoked nor expired.
 */
public enum SessionFilter {
    ALL,
    ACTIVE,
    INACTIVE;

    /** Kratos' {@code active}: absent for all sessions, {@code true} or {@code false} for one kind. */
    public static SessionFilter parse(String active) {
        if (active == null) {
            return ALL;
        }
        return switch (active) {
            case "true" -> ACTIVE;
            case "false" -> INACTIVE;
            default -> throw ApiException.invalid("active", "must be true or false");
        };
    }
}
