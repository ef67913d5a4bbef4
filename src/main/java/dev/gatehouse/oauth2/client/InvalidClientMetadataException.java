package dev.gatehouse.oauth2.client;

import java.util.List;

/**
 * Client metadata that cannot be registered. Each surface writes it its own way: the admin API as a problem with
 * field errors, dynamic registration as RFC 7591 §3.2.2 {@code invalid_redirect_uri} / {@code invalid_client_metadata}.
 */
public class InvalidClientMetadataException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Which RFC 7591 error a violation is. */
    public enum Kind { REDIRECT_URI, METADATA }

    /** One field that is wrong, with a message safe to show. */
    public record Violation(String field, String message, Kind kind) {
    }

    private final transient List<Violation> violations;

    public InvalidClientMetadataException(List<Violation> violations) {
        super("invalid client metadata", null, false, false);
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }

    /** {@code invalid_redirect_uri} if any violation is about a redirect URI, as RFC 7591 asks. */
    public Kind kind() {
        return violations.stream().anyMatch(v -> v.kind() == Kind.REDIRECT_URI) ? Kind.REDIRECT_URI : Kind.METADATA;
    }

    /** All messages in one line, for surfaces that have a single description. */
    public String description() {
        return String.join("; ", violations.stream().map(v -> v.field() + ": " + v.message()).toList());
    }
}
