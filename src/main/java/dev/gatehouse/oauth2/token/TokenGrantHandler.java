package dev.gatehouse.oauth2.token;

/**
 * One grant type of the token endpoint (RFC 6749 §4). The endpoint has already authenticated the client and
 * checked that it registered this grant type.
 */
public interface TokenGrantHandler {

    /** The {@code grant_type} value it serves. */
    String grantType();

    TokenResponse handle(TokenCall call);
}
