package dev.gatehouse.oauth2.client;

import dev.gatehouse.oauth2.OAuth2Error;
import dev.gatehouse.oauth2.OAuth2Exception;

import java.util.List;

/**
 * Client metadata that cannot be registered: RFC 7591 §3.2.2 {@code invalid_redirect_uri} when a redirect URI is
 * wrong, else {@code invalid_client_metadata}, with every violation in {@code error_description}. The admin API and
 * dynamic registration answer it alike, as Hydra does (400, written by the OAuth 2.0 error mapper).
 */
public class InvalidClientMetadataException extends OAuth2Exception {

    private static final long serialVersionUID = 1L;

    /** Which RFC 7591 error a violation is. */
    public enum Kind { REDIRECT_URI, METADATA }

    /** One field that is wrong, with a message safe to show. */
    public record Violation(String field, String message, Kind kind) {
    }

    private final transient List<Violation> violations;

    public InvalidClientMetadataException(List<Violation> violations) {
        super(error(violations), describe(violations));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }

    /** {@code invalid_redirect_uri} if any violation is about a redirect URI, as RFC 7591 asks. */
    public Kind kind() {
        return kindOf(violations);
    }

    private static Kind kindOf(List<Violation> violations) {
        return violations.stream().anyMatch(v -> v.kind() == Kind.REDIRECT_URI) ? Kind.REDIRECT_URI : Kind.METADATA;
    }

    private static OAuth2Error error(List<Violation> violations) {
        return kindOf(violations) == Kind.REDIRECT_URI ? OAuth2Error.INVALID_REDIRECT_URI : OAuth2Error.INVALID_CLIENT_METADATA;
    }

    /** All messages in one line: the error description. */
    private static String describe(List<Violation> violations) {
        return String.join("; ", violations.stream().map(v -> v.field() + ": " + v.message()).toList());
    }
}
