package dev.gatehouse.oauth2.token;

import dev.gatehouse.oauth2.OAuth2Error;

/**
 * What a grant handler answers: tokens (RFC 6749 §5.1) or an error (§5.2). A handler throws
 * {@link dev.gatehouse.oauth2.OAuth2Exception} for a failure that must write nothing, and returns a
 * {@link TokenError} for one whose consequences must be kept (a replayed code revokes its tokens).
 */
public sealed interface TokenResponse permits AccessTokenResponse, TokenResponse.TokenError {

    record TokenError(OAuth2Error error, String description) implements TokenResponse {
    }
}
