package dev.gatehouse.oauth2;

import jakarta.ejb.ApplicationException;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A protocol error of the token server. The description is shown to the client (RFC 6749
 * {@code error_description}), so it must never carry internal detail or a secret. Throw it from parsing,
 * validation or a grant handler; {@link OAuth2ExceptionMapper} writes it.
 *
 * <p>{@code basicChallenge} marks an {@code invalid_client} answer to a request that tried HTTP Basic
 * authentication: RFC 6749 §5.2 then requires 401 with a {@code WWW-Authenticate} header. {@code retryAfter} marks
 * a refusal for too many failures (a locked client id or address): 429 with {@code Retry-After}.
 */
@ApplicationException(rollback = true)
public class OAuth2Exception extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final OAuth2Error error;
    private final String description;
    private final boolean basicChallenge;
    private final Duration retryAfter;

    public OAuth2Exception(OAuth2Error error, String description) {
        this(error, description, false);
    }

    public OAuth2Exception(OAuth2Error error, String description, boolean basicChallenge) {
        this(error, description, basicChallenge, null);
    }

    private OAuth2Exception(OAuth2Error error, String description, boolean basicChallenge, Duration retryAfter) {
        super(error.code() + ": " + description, null, false, false);
        this.error = Objects.requireNonNull(error);
        this.description = Objects.requireNonNull(description);
        this.basicChallenge = basicChallenge;
        this.retryAfter = retryAfter;
    }

    /**
     * Client authentication refused without looking at the credentials, because the client id or the address failed
     * too often: {@code invalid_client} (RFC 6749 §5.2 has no code of its own for this; the client's authentication
     * did not succeed, and every client library handles this code at all three endpoints), answered with 429 and
     * {@code Retry-After}, which say that waiting helps.
     */
    public static OAuth2Exception clientLocked(Duration retryAfter) {
        return new OAuth2Exception(OAuth2Error.INVALID_CLIENT, "Too many failed client authentications; try again later",
                false, Objects.requireNonNull(retryAfter));
    }

    public static OAuth2Exception invalidRequest(String description) {
        return new OAuth2Exception(OAuth2Error.INVALID_REQUEST, description);
    }

    public static OAuth2Exception invalidGrant(String description) {
        return new OAuth2Exception(OAuth2Error.INVALID_GRANT, description);
    }

    public static OAuth2Exception invalidClient(String description, boolean basicChallenge) {
        return new OAuth2Exception(OAuth2Error.INVALID_CLIENT, description, basicChallenge);
    }

    public OAuth2Error error() {
        return error;
    }

    public String description() {
        return description;
    }

    public boolean basicChallenge() {
        return basicChallenge;
    }

    /** How long until a refused client may try again; empty unless this is a {@link #clientLocked} refusal. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
