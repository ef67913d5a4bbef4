package dev.gatehouse.oauth2;

import jakarta.ejb.ApplicationException;

import java.util.Objects;

/**
 * A protocol error of the token server. The description is shown to the client (RFC 6749
 * {@code error_description}), so it must never carry internal detail or a secret. Throw it from parsing,
 * validation or a grant handler; {@link OAuth2ExceptionMapper} writes it.
 *
 * <p>{@code basicChallenge} marks an {@code invalid_client} answer to a request that tried HTTP Basic
 * authentication: RFC 6749 §5.2 then requires 401 with a {@code WWW-Authenticate} header.
 */
@ApplicationException(rollback = true)
public class OAuth2Exception extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final OAuth2Error error;
    private final String description;
    private final boolean basicChallenge;

    public OAuth2Exception(OAuth2Error error, String description) {
        this(error, description, false);
    }

    public OAuth2Exception(OAuth2Error error, String description, boolean basicChallenge) {
        super(error.code() + ": " + description, null, false, false);
        this.error = Objects.requireNonNull(error);
        this.description = Objects.requireNonNull(description);
        this.basicChallenge = basicChallenge;
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
}
